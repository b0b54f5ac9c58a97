// What SheetJS leaves out of an OpenDocument spreadsheet and asxh needs: each cell's font (a list typed under
// .VnTime keeps that name in its cell styles), strike-through, and rows hidden or filtered out. Read from
// content.xml (and the named styles of styles.xml) with the same row and column counting as SheetJS: repeated
// rows and cells, covered (merged) cells.

export interface OdsFont {
  readonly name: string | null;
  readonly struck: boolean;
}

export interface OdsSheetStyles {
  readonly name: string;
  fontOf(row: number, col: number): OdsFont | null;
  hidden(row: number): boolean;
}

interface StyleDef {
  parent: string | null;
  font: string | null;
  struck: boolean | null;
}

const TAG =
  /<(\/?)(table:table|table:table-row|table:table-cell|table:covered-table-cell|table:table-column|style:style|style:default-style|style:text-properties|style:font-face)(?=[\s/>])([^>]*?)(\/?)>/g;
const ATTR = /([\w.:-]+)="([^"]*)"/g;

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) out.set(m[1]!, m[2]!);
  return out;
}

const unquote = (family: string): string => family.replace(/&apos;|&quot;/g, "'").replace(/^['"]|['"]$/g, '').trim();

/** Cell styles (family table-cell) and font faces of one XML part, added to the maps given. */
function collectStyles(xml: string, styles: Map<string, StyleDef>, faces: Map<string, string>, defaults: StyleDef): void {
  let open: StyleDef | null = null;
  for (const m of xml.matchAll(TAG)) {
    const [, closing, tag, rest, selfClosing] = m;
    if (tag === 'style:font-face' && !closing) {
      const a = attributes(rest!);
      const name = a.get('style:name');
      const family = a.get('svg:font-family');
      if (name !== undefined) faces.set(name, family !== undefined ? unquote(family) : name);
    } else if ((tag === 'style:style' || tag === 'style:default-style') && !closing) {
      const a = attributes(rest!);
      if (a.get('style:family') !== 'table-cell') { open = null; continue; }
      const def: StyleDef =
        tag === 'style:default-style' ? defaults : { parent: a.get('style:parent-style-name') ?? null, font: null, struck: null };
      const name = a.get('style:name');
      if (tag === 'style:style' && name !== undefined) styles.set(name, def);
      open = selfClosing ? null : def;
    } else if ((tag === 'style:style' || tag === 'style:default-style') && closing) {
      open = null;
    } else if (tag === 'style:text-properties' && open !== null && !closing) {
      const a = attributes(rest!);
      const font = a.get('style:font-name');
      if (font !== undefined) open.font = font;
      const through = a.get('style:text-line-through-style');
      if (through !== undefined) open.struck = through !== 'none';
    }
  }
}

export function odsStyles(content: string, stylesXml: string): OdsSheetStyles[] {
  const styles = new Map<string, StyleDef>();
  const faces = new Map<string, string>();
  const defaults: StyleDef = { parent: null, font: null, struck: null };
  collectStyles(stylesXml, styles, faces, defaults);
  collectStyles(content, styles, faces, defaults);

  const resolved = new Map<string, OdsFont>();
  const fontOfStyle = (name: string | null): OdsFont | null => {
    if (name === null) return null;
    const known = resolved.get(name);
    if (known) return known;
    let font: string | null = null;
    let struck: boolean | null = null;
    const seen = new Set<string>();
    for (let at: string | null = name; at !== null && !seen.has(at); ) {
      seen.add(at);
      const def = styles.get(at);
      if (!def) break;
      font ??= def.font;
      struck ??= def.struck;
      at = def.parent;
    }
    font ??= defaults.font;
    struck ??= defaults.struck;
    const out: OdsFont = { name: font === null ? null : (faces.get(font) ?? font), struck: struck === true };
    resolved.set(name, out);
    return out;
  };

  const sheets: OdsSheetStyles[] = [];
  let sheet: { name: string; cells: Map<number, [number, number, string][]>; hidden: [number, number][]; columns: string[] } | null = null;
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let rowStyle: string | null = null;
  let depth = 0;
  for (const m of content.matchAll(TAG)) {
    const [, closing, tag, rest, selfClosing] = m;
    if (tag === 'table:table') {
      if (closing) {
        if (--depth === 0) sheet = null;
        continue;
      }
      // A table inside a cell (rare) is not a sheet.
      if (depth++ > 0) continue;
      const name = attributes(rest!).get('table:name') ?? '';
      const made = { name, cells: new Map<number, [number, number, string][]>(), hidden: [] as [number, number][], columns: [] as string[] };
      sheet = made;
      row = 0;
      sheets.push({
        name: decodeEntities(name),
        fontOf: (r, c) => {
          const ranges = made.cells.get(r);
          const hit = ranges?.find(([from, to]) => c >= from && c <= to);
          return fontOfStyle(hit ? hit[2] : (made.columns[c] ?? null));
        },
        hidden: (r) => made.hidden.some(([from, to]) => r >= from && r <= to),
      });
      continue;
    }
    if (sheet === null || depth !== 1) continue;
    if (tag === 'table:table-column' && !closing) {
      const a = attributes(rest!);
      const repeat = Math.min(Number(a.get('table:number-columns-repeated') ?? 1) || 1, 16384);
      const style = a.get('table:default-cell-style-name') ?? '';
      for (let i = 0; i < repeat; i++) sheet.columns.push(style);
    } else if (tag === 'table:table-row') {
      if (closing) {
        row += rowRepeat;
        rowRepeat = 1;
        continue;
      }
      const a = attributes(rest!);
      rowRepeat = Number(a.get('table:number-rows-repeated') ?? 1) || 1;
      rowStyle = a.get('table:default-cell-style-name') ?? null;
      const visibility = a.get('table:visibility');
      if (visibility === 'collapse' || visibility === 'filter') sheet.hidden.push([row, row + rowRepeat - 1]);
      col = 0;
      if (selfClosing) {
        row += rowRepeat;
        rowRepeat = 1;
      }
    } else if ((tag === 'table:table-cell' || tag === 'table:covered-table-cell') && !closing) {
      const a = attributes(rest!);
      const repeat = Number(a.get('table:number-columns-repeated') ?? 1) || 1;
      const style = a.get('table:style-name') ?? rowStyle ?? sheet.columns[col] ?? null;
      if (style !== null) {
        for (let r = row; r < row + Math.min(rowRepeat, 64); r++) {
          const ranges = sheet.cells.get(r) ?? [];
          ranges.push([col, col + repeat - 1, style]);
          sheet.cells.set(r, ranges);
        }
      }
      col += repeat;
    }
  }
  return sheets;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}
