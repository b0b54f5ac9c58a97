// Postings for one blocking key, CSR style: rows with the same key hash sit side by side in one Int32Array,
// in registry order. Keys are tuples of small integers (birth year, given-name code …) hashed to a bucket; two
// keys sharing a bucket are told apart by the caller, which checks each row's own fields.
import { mixKey } from './number-hash.js';

/** Hash of a key tuple; components are non-negative integers below 2^26. */
export function tupleHash(a: number, b: number, c = 0): number {
  return mixKey((mixKey(a * 67108864 + b) ^ Math.imul(c + 1, 0x27d4eb2d)) >>> 0);
}

/** What a BlockingIndex is made of: offsets has one entry per bucket plus one, a power of two plus one. */
export interface BlockingIndexParts {
  readonly offsets: Uint32Array;
  readonly postings: Int32Array;
}

export class BlockingIndex {
  private readonly offsets: Uint32Array;
  private readonly postings: Int32Array;
  private readonly mask: number;

  /** An index saved before (a registry snapshot), used as it is. */
  static fromParts(parts: BlockingIndexParts): BlockingIndex {
    return new BlockingIndex(0, () => -1, parts);
  }

  /**
   * keyOf(row) gives the row's key hash, or -1 when the row has no such key (no birth year, no ID …).
   * Called twice per row: once to count, once to fill.
   */
  constructor(rows: number, keyOf: (row: number) => number, parts?: BlockingIndexParts) {
    if (parts !== undefined) {
      this.offsets = parts.offsets;
      this.postings = parts.postings;
      this.mask = parts.offsets.length - 2;
      return;
    }
    // About four rows a bucket: the offsets cost a byte a row instead of four, and a lookup checks a few more.
    let buckets = 16;
    while (buckets * 4 < rows) buckets *= 2;
    this.mask = buckets - 1;
    const counts = new Uint32Array(buckets + 1);
    let total = 0;
    for (let r = 0; r < rows; r += 1) {
      const h = keyOf(r);
      if (h < 0) continue;
      counts[(h & this.mask) + 1] += 1;
      total += 1;
    }
    for (let b = 1; b <= buckets; b += 1) counts[b] = (counts[b] ?? 0) + (counts[b - 1] ?? 0);
    this.offsets = counts;
    this.postings = new Int32Array(total);
    const fill = counts.slice(0, buckets);
    for (let r = 0; r < rows; r += 1) {
      const h = keyOf(r);
      if (h < 0) continue;
      const b = h & this.mask;
      const at = fill[b] ?? 0;
      this.postings[at] = r;
      fill[b] = at + 1;
    }
  }

  parts(): BlockingIndexParts {
    return { offsets: this.offsets, postings: this.postings };
  }

  /** Rows whose key hash shares the bucket of `hash`, in registry order (a superset of the key's block). */
  bucket(hash: number): Int32Array {
    const b = hash & this.mask;
    return this.postings.subarray(this.offsets[b] ?? 0, this.offsets[b + 1] ?? 0);
  }
}
