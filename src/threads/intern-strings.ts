// One copy of each string value. A list read on a worker thread comes back as a structured clone, in which every
// string is its own copy: the same codes, severities, programme names and messages thousands of times over
// ("amount_below_rate", "Người cao tuổi từ đủ 80 tuổi trở lên"); and the cells of the files a run writes repeat
// texts made anew row after row. On a generated 30,000-person night four in five bytes of the strings held were
// such repeats. Replacing each by the first copy seen lets the rest go.
import type { OutputFile } from '../write/output-spec.js';

// Much of the cost is looking up texts that never repeat (names, IDs, raw cells): each is hashed and added to
// the pool for nothing. So each field (a property name; a column of a file) is watched for its first SAMPLE
// strings, and a field where more than half of them were new is left alone from then on. On a province's
// night (178,743 people) the whole run went from 97.5 s to 87.7 s, its peak from 2.32 to 2.37 GB.
const SAMPLE = 2_000;
const MOSTLY_NEW = 0.5;

/** One field's texts: a table of its own, small and warm for a field of a few values (sex, severity, code). */
interface Field {
  readonly texts: Map<string, string>;
  seen: number;
  fresh: number;
  skipped: boolean;
  /** The table's copy of the field's last text: rows come in runs (one file, village, programme after another). */
  last: string | undefined;
}

class FieldWatch {
  readonly fields = new Map<string | number, Field>();

  skips(field: string | number): boolean {
    return this.fields.get(field)?.skipped === true;
  }

  /** The field table's copy of `s`, counting whether the field's texts repeat. */
  keep(field: string | number, s: string): string {
    let f = this.fields.get(field);
    if (f === undefined) {
      f = { texts: new Map(), seen: 0, fresh: 0, skipped: false, last: undefined };
      this.fields.set(field, f);
    }
    const sampling = f.seen < SAMPLE;
    if (sampling) f.seen += 1;
    let k: string | undefined = f.last === s ? f.last : f.texts.get(s);
    if (k === undefined) {
      f.texts.set(s, s);
      k = s;
      if (sampling) f.fresh += 1;
    }
    if (sampling && f.seen === SAMPLE && f.fresh > SAMPLE * MOSTLY_NEW) f.skipped = true;
    return (f.last = k);
  }
}

/**
 * A run's copies, one table per field: with a single table of a million texts every lookup missed the
 * processor's caches; per field, the lookups of a province's night took 2.3 s instead of 5.2 s (profiled).
 * A text in two fields is held once in each.
 */
export class StringPool {
  readonly lists = new FieldWatch();
  readonly cells = new FieldWatch();

  /** Whether any field holds `s`. */
  has(s: string): boolean {
    return this.texts().includes(s);
  }

  /** Every text held, once per field that holds it. */
  texts(): string[] {
    return [this.lists, this.cells].flatMap((w) => [...w.fields.values()].flatMap((f) => [...f.texts.keys()]));
  }
}

// Lists are trees a few levels deep; deeper than this is not one of ours (or a cycle), and is left as it is.
const MAX_DEPTH = 32;

/**
 * Replaces, in place, every string in `value` (plain objects and arrays, walked deeply) by the pool's copy of
 * it, and returns `value`. Objects other than plain ones (dates, typed arrays, maps) are left as they are, and
 * frozen ones are walked for what they hold but not changed.
 */
export function internStrings<T>(value: T, pool: StringPool): T {
  const watch = pool.lists;
  // `field`: the property the value hangs from (an array's items hang from the array's property).
  const visit = (v: unknown, depth: number, field: string): unknown => {
    if (typeof v === 'string') return watch.keep(field, v);
    if (typeof v !== 'object' || v === null || depth > MAX_DEPTH) return v;
    const frozen = Object.isFrozen(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        const item: unknown = v[i];
        if (item === undefined || item === null || typeof item === 'number' || typeof item === 'boolean') continue;
        if (typeof item === 'string' && watch.skips(field)) continue;
        const next = visit(item, depth + 1, field);
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
      if (typeof item === 'string' && watch.skips(key)) continue;
      const next = visit(item, depth + 1, key);
      if (!frozen) record[key] = next;
    }
    return v;
  };
  return visit(value, 0, '') as T;
}

/** The same for the cells of files to write (rows of cells, the bulk of a run's outputs), in place. */
export function internCells<T extends readonly OutputFile[]>(files: T, pool: StringPool): T {
  const watch = pool.cells;
  // A column is known by its key: the same column (name, personal_id) in every file that has it.
  const rows = (grid: readonly (readonly unknown[])[], keys: readonly string[]) => {
    const skip = keys.map((k) => watch.skips(k));
    for (const row of grid) {
      const cells = row as unknown[];
      if (Object.isFrozen(cells)) continue;
      for (let i = 0; i < cells.length; i += 1) {
        const c = cells[i];
        if (typeof c !== 'string' || skip[i] === true) continue;
        const key = keys[i] ?? i;
        cells[i] = watch.keep(key, c);
        if (watch.skips(key)) skip[i] = true;
      }
    }
  };
  for (const f of files) {
    if (f.kind === 'csv') rows(f.rows, f.columns.map((c) => c.key));
    else if (f.kind === 'xlsx') for (const s of f.sheets) rows(s.rows, s.columns.map((c) => c.key));
  }
  return files;
}
