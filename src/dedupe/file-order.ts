// "First by file order": the files in the order given, the sheets of a file in the order met, then the row.
import type { MatchResult } from '../match/types.js';

/** A rank per result (same length as results): lower is earlier. */
export function fileOrder(results: readonly MatchResult[]): Int32Array {
  const files = new Map<string, number>();
  const sheets = new Map<string, number>();
  for (const r of results) {
    const { file, sheet } = r.person.prov;
    if (!files.has(file)) files.set(file, files.size);
    const key = `${file}\u0000${sheet}`;
    if (!sheets.has(key)) sheets.set(key, sheets.size);
  }
  const keyed = results.map((r, i) => {
    const { file, sheet, row } = r.person.prov;
    return { i, f: files.get(file)!, s: sheets.get(`${file}\u0000${sheet}`)!, row };
  });
  keyed.sort((a, b) => a.f - b.f || a.s - b.s || a.row - b.row || a.i - b.i);
  const rank = new Int32Array(results.length);
  keyed.forEach((k, at) => {
    rank[k.i] = at;
  });
  return rank;
}
