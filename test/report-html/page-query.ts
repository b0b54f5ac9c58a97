// Reads figures back out of report.html, as built or as Chromium serialises the loaded DOM. Attribute values are
// decoded before they are compared, since the two serialisations escape differently.

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITY[e]!);
}

export interface Element {
  readonly attrs: Readonly<Record<string, string>>;
  /** The inner HTML, not decoded. */
  readonly inner: string;
}

function attrsOf(open: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of open.matchAll(/([\w-]+)="([^"]*)"/g)) out[m[1]!] = decodeEntities(m[2]!);
  return out;
}

/** Every `<tag …>…</tag>` (not nested in itself), with decoded attributes. */
export function elements(html: string, tag: string): Element[] {
  const re = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  return [...html.matchAll(re)].map((m) => ({ attrs: attrsOf(m[1] ?? ''), inner: m[2]! }));
}

/** The text of an element: tags dropped, entities decoded. */
export function textOf(inner: string): string {
  return decodeEntities(inner.replace(/<[^>]*>/g, ''));
}

/** The element with this id's text. */
export function byId(html: string, id: string): string {
  const m = new RegExp(`<(\\w+)[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  if (!m) throw new Error(`no element with id ${id}`);
  return textOf(m[2]!);
}

/** The metric cells of the table row whose attributes include all of `match`: metric → text. */
export function rowMetrics(html: string, match: Readonly<Record<string, string>>): Record<string, string> {
  const rows = elements(html, 'tr').filter((r) => Object.entries(match).every(([k, v]) => r.attrs[k] === v));
  if (rows.length !== 1) throw new Error(`${rows.length} rows match ${JSON.stringify(match)}`);
  const out: Record<string, string> = {};
  for (const td of elements(rows[0]!.inner, 'td')) if (td.attrs['data-metric']) out[td.attrs['data-metric']] = textOf(td.inner);
  return out;
}

/** '1.500.000' → 1500000; '66,67%' → 66.67. */
export function viNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.').replace('%', ''));
}

/** The inner HTML of the table with this id. */
export function table(html: string, id: string): string {
  const t = elements(html, 'table').find((e) => e.attrs.id === id);
  if (!t) throw new Error(`no table with id ${id}`);
  return t.inner;
}
