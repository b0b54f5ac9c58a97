// A bounded cache keyed by a cell's UTF-8 bytes, for normalising a registry's repeated values (names, sex and
// status words) once each without making a string of every cell. The bytes are kept in one array and compared
// on a hit, so two cells that share a hash never share a value.
import { byteKey } from './byte-key.js';
import { NumberHash } from './number-hash.js';

export class ByteCache<T> {
  private slots = new NumberHash(1024);
  private raw = new Uint8Array(1 << 16);
  private used = 0;
  private ends: number[] = [];
  private values: T[] = [];

  /**
   * Cleared whenever it holds `limit` values, so a country's worth of distinct names never piles up here;
   * `dropped` sees each value as it leaves (on clearing, and on drain()).
   */
  constructor(
    private readonly limit: number,
    private readonly dropped: (value: T) => void = () => undefined,
  ) {}

  /** Position of the value kept for these bytes, or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const at = this.slots.get(byteKey(bytes, start, end));
    if (at < 0) return -1;
    const from = at === 0 ? 0 : (this.ends[at - 1] as number);
    if ((this.ends[at] as number) - from !== end - start) return -1;
    const raw = this.raw;
    for (let i = start, j = from; i < end; i += 1, j += 1) if (raw[j] !== bytes[i]) return -1;
    return at;
  }

  value(at: number): T {
    return this.values[at] as T;
  }

  /** Keeps the value computed for these bytes after find() missed. */
  add(bytes: Uint8Array, start: number, end: number, value: T): void {
    const key = byteKey(bytes, start, end);
    if (this.slots.get(key) >= 0) return; // other bytes with the same hash: rare enough not to cache
    if (this.values.length >= this.limit) this.drain();
    const length = end - start;
    if (this.used + length > this.raw.length) {
      const next = new Uint8Array(Math.max(this.raw.length * 2, this.used + length));
      next.set(this.raw.subarray(0, this.used));
      this.raw = next;
    }
    this.raw.set(bytes.subarray(start, end), this.used);
    this.used += length;
    this.slots.set(key, this.values.length);
    this.ends.push(this.used);
    this.values.push(value);
  }

  /** Empties the cache, handing every value to `dropped`. */
  drain(): void {
    for (const value of this.values) this.dropped(value);
    this.slots = new NumberHash(1024);
    this.used = 0;
    this.ends = [];
    this.values = [];
  }
}
