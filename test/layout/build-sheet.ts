// Builds a RawSheet the way the reader hands it over: rows from arrays, merged ranges given as "A5:A6" with
// every cell of a merge carrying the top-left value.
import type { CellValue, MergeRange, RawSheet } from '../../src/types.js';

export interface SheetSpec {
  /** Row number of the first array (default 1). */
  readonly firstRow?: number;
  readonly merges?: readonly string[];
  readonly file?: string;
  readonly sheet?: string;
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function parseRange(range: string): MergeRange {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  return { left: columnNumber(m[1]!), top: Number(m[2]), right: columnNumber(m[3]!), bottom: Number(m[4]) };
}

export function buildSheet(data: readonly (readonly CellValue[])[], spec: SheetSpec = {}): RawSheet {
  const firstRow = spec.firstRow ?? 1;
  const merges = (spec.merges ?? []).map(parseRange);
  const values: CellValue[][] = data.map((row) => [...row]);
  for (const m of merges) {
    const value = values[m.top - firstRow]?.[m.left - 1] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (values[r - firstRow] ??= []);
      for (let c = m.left; c <= m.right; c++) row[c - 1] = value;
    }
  }
  return {
    file: spec.file ?? 'xa-dong.xlsx',
    sheet: spec.sheet ?? 'T12',
    format: 'xlsx',
    date1904: false,
    fonts: [],
    legacy: [],
    rows: values.map((row, i) => ({
      row: firstRow + i,
      cells: Array.from({ length: row.length }, (_, c) => ({ value: row[c] ?? null })),
    })),
    merges,
    warnings: [],
  };
}
