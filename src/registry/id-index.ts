// Exact lookup of registry rows by a number held in one of its columns (the 12-digit ID; the old CMND with its
// length). Open addressing over the column itself: a slot holds a row, and the key is read from the column, so
// the table costs 4 bytes a slot and is built in one typed-array pass when the export is read. A snapshot stores
// its arrays (parts / fromParts), and the registry worker hands them over the same way.
import { mixKey } from './number-hash.js';

/** What a RowIndex is made of besides its key column: slots is a power of two long, prev one entry a row. */
export interface RowIndexParts {
  readonly slots: Int32Array;
  readonly prev: Int32Array;
  readonly repeats: number;
}

export class RowIndex {
  /** The last row holding each key, -1 in an empty slot. */
  private readonly slots: Int32Array;
  /** The row before this one holding the same key, -1 for the first. */
  private readonly prev: Int32Array;
  private readonly mask: number;
  /** Rows whose key an earlier row holds already. */
  readonly repeats: number;

  /** An index built elsewhere (the registry worker) over these same columns, used as it is. */
  static fromParts(values: Float64Array, lengths: Uint8Array | null, parts: RowIndexParts): RowIndex {
    return new RowIndex(values, lengths, 0, parts);
  }

  /** values[i] is row i's key, NaN for none; lengths (when given) tell 012345678 from 12345678. */
  constructor(
    private readonly values: Float64Array,
    private readonly lengths: Uint8Array | null,
    size: number,
    parts?: RowIndexParts,
  ) {
    if (parts !== undefined) {
      this.slots = parts.slots;
      this.prev = parts.prev;
      this.mask = parts.slots.length - 1;
      this.repeats = parts.repeats;
      return;
    }
    let keys = 0;
    for (let i = 0; i < size; i += 1) if (!Number.isNaN(values[i])) keys += 1;
    let cap = 16;
    while (cap < keys * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap).fill(-1);
    this.prev = new Int32Array(size).fill(-1);
    let repeats = 0;
    const { slots, prev, mask } = this;
    for (let i = 0; i < size; i += 1) {
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      const length = lengths === null ? 0 : (lengths[i] as number);
      let h = hashOf(v, length) & mask;
      for (;;) {
        const r = slots[h] as number;
        if (r < 0) {
          slots[h] = i;
          break;
        }
        if (values[r] === v && (lengths === null || lengths[r] === length)) {
          prev[i] = r;
          slots[h] = i;
          repeats += 1;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    this.repeats = repeats;
  }

  parts(): RowIndexParts {
    return { slots: this.slots, prev: this.prev, repeats: this.repeats };
  }

  /** Rows holding this key, in registry order. */
  rows(value: number, length = 0): number[] {
    const { slots, values, lengths, mask } = this;
    let h = hashOf(value, length) & mask;
    for (;;) {
      const r = slots[h] as number;
      if (r < 0) return [];
      if (values[r] === value && (lengths === null || lengths[r] === length)) {
        const rows: number[] = [];
        for (let at = r; at >= 0; at = this.prev[at] as number) rows.push(at);
        return rows.reverse();
      }
      h = (h + 1) & mask;
    }
  }
}

function hashOf(value: number, length: number): number {
  return mixKey(value) ^ Math.imul(length, 0x9e3779b1);
}
