// Output names follow the inputs so a commune officer finds "DS BTXH thon 1.cleaned.xlsx" beside the list it came
// from. Sub-folders below --lists are kept; two inputs that would get the same name (ds.xlsx and ds.csv, or the
// same name in a different case, which Windows and macOS treat as one file) get -2, -3 … in input order.

/** For each input name, a relative '/'-separated path without extension, unique among them. */
export function cleanedBaseNames(files: readonly string[]): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const parts = file.split(/[\\/]+/).filter((p) => p !== '' && p !== '.' && p !== '..');
    const last = (parts.pop() ?? '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
    const base = [...parts, last === '' ? 'input' : last].join('/');
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
