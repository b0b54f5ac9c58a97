// One copy of each string value. A list read on a worker thread comes back as a structured clone, in which every
// string is its own copy: the same codes, severities, programme names and messages thousands of times over
// ("amount_below_rate", "Người cao tuổi từ đủ 80 tuổi trở lên"); and the cells of the files a run writes repeat
// texts made anew row after row. On a generated 30,000-person night four in five bytes of the strings held were
// such repeats. Replacing each by the first copy seen lets the rest go.
import type { OutputFile } from '../write/output-spec.js';

export type StringPool = Map<string, string>;

function kept(pool: StringPool, s: string): string {
  const k = pool.get(s);
  if (k !== undefined) return k;
  pool.set(s, s);
  return s;
}

// Lists are trees a few levels deep; deeper than this is not one of ours (or a cycle), and is left as it is.
const MAX_DEPTH = 32;

/**
 * Replaces, in place, every string in `value` (plain objects and arrays, walked deeply) by the pool's copy of
 * it, and returns `value`. Objects other than plain ones (dates, typed arrays, maps) are left as they are, and
 * frozen ones are walked for what they hold but not changed.
 */
export function internStrings<T>(value: T, pool: StringPool): T {
  const visit = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return kept(pool, v);
    if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return v;
    const frozen = Object.isFrozen(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        const item: unknown = v[i];
        if (item === undefined || item === null || typeof item === 'number' || typeof item === 'boolean') continue;
        const next = visit(item, depth + 1);
        // Always written back: two copies of one string are === to each other, so no test can tell them apart.
        if (!frozen) v[i] = next;
      }
      return v;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const record = v as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (item === undefined || item === null || typeof item === 'number' || typeof item === 'boolean') continue;
      const next = visit(item, depth + 1);
      if (!frozen) record[key] = next;
    }
    return v;
  };
  return visit(value, 0) as T;
}

/** The same for the cells of files to write (rows of cells, the bulk of a run's outputs), in place. */
export function internCells<T extends readonly OutputFile[]>(files: T, pool: StringPool): T {
  const rows = (grid: readonly (readonly unknown[])[]) => {
    for (const row of grid) {
      const cells = row as unknown[];
      if (Object.isFrozen(cells)) continue;
      for (let i = 0; i < cells.length; i += 1) {
        const c = cells[i];
        if (typeof c === 'string') cells[i] = kept(pool, c);
      }
    }
  };
  for (const f of files) {
    if (f.kind === 'csv') rows(f.rows);
    else if (f.kind === 'xlsx') for (const s of f.sheets) rows(s.rows);
  }
  return files;
}
