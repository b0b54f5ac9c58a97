// One copy of each string value. A list read on a worker thread comes back as a structured clone, in which every
// string is its own copy: the same codes, severities, programme names and messages thousands of times over
// ("amount_below_rate", "Người cao tuổi từ đủ 80 tuổi trở lên"). On a generated 30,000-person night four in
// five bytes of the strings held were such repeats. Replacing each by the first copy seen lets the rest go.

export type StringPool = Map<string, string>;

/**
 * Replaces, in place, every string in `value` (plain objects and arrays, walked deeply) by the pool's copy of
 * it, and returns `value`. Objects other than plain ones (dates, typed arrays, maps) and frozen ones are left as
 * they are; a frozen object is still walked for what it holds.
 */
export function internStrings<T>(value: T, pool: StringPool): T {
  const seen = new WeakSet<object>();
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const kept = pool.get(v);
      if (kept !== undefined) return kept;
      pool.set(v, v);
      return v;
    }
    if (typeof v !== 'object' || v === null || seen.has(v)) return v;
    seen.add(v);
    const frozen = Object.isFrozen(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        if (!(i in v)) continue;
        const next = visit(v[i]);
        if (!frozen) v[i] = next;
      }
      return v;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const next = visit(record[key]);
      if (!frozen) record[key] = next;
    }
    return v;
  };
  return visit(value) as T;
}
