// Excel refuses a worksheet name over 31 characters, with any of [ ] : * ? / \, or used twice in a workbook.

const MAX = 31;

/** A worksheet name made from free text (a village name), unique among `used`, which it is added to. */
export function sheetName(text: string, used: Set<string>): string {
  const base = text.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX).trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, MAX - suffix.length).trim()}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}
