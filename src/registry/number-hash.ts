// An open-addressing hash table in typed arrays, keyed by a non-negative integer below 2^53 (a 12-digit ID, a
// 52-bit string hash). A V8 Map tops out near 16.7 million entries and costs ~50 bytes per entry; this costs
// 12 bytes per slot and grows to whatever a country's registry needs.

const EMPTY = 0;
const TWO_32 = 4294967296;

/** 32-bit mix of an integer key below 2^53 (murmur3 finaliser over both halves). */
export function mixKey(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / TWO_32) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The table itself: keys stored plus one (0 is an empty slot), the value of each slot, and how many are used. */
export interface NumberHashParts {
  readonly keys: Float64Array;
  readonly values: Int32Array;
  readonly used: number;
}

export class NumberHash {
  // Keys are stored plus one, so 0 marks an empty slot and key 0 is still allowed.
  private keys: Float64Array;
  private values: Int32Array;
  private used = 0;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.values = new Int32Array(cap);
  }

  /** A table saved before (a registry snapshot): keys.length is a power of two, values as long. */
  static fromParts(parts: NumberHashParts): NumberHash {
    const hash = new NumberHash();
    hash.keys = parts.keys;
    hash.values = parts.values;
    hash.used = parts.used;
    return hash;
  }

  parts(): NumberHashParts {
    return { keys: this.keys, values: this.values, used: this.used };
  }

  get size(): number {
    return this.used;
  }

  /** The value stored for key, or -1. */
  get(key: number): number {
    const slot = this.find(key);
    return this.keys[slot] === EMPTY ? -1 : (this.values[slot] ?? -1);
  }

  set(key: number, value: number): void {
    const slot = this.find(key);
    if (this.keys[slot] === EMPTY) {
      this.keys[slot] = key + 1;
      this.used += 1;
      this.values[slot] = value;
      if (this.used * 2 > this.keys.length) this.grow();
    } else {
      this.values[slot] = value;
    }
  }

  /** Stores value unless key is present; returns the value already stored, or -1 when it was stored now. */
  setIfAbsent(key: number, value: number): number {
    const slot = this.find(key);
    if (this.keys[slot] !== EMPTY) return this.values[slot] ?? -1;
    this.keys[slot] = key + 1;
    this.values[slot] = value;
    this.used += 1;
    if (this.used * 2 > this.keys.length) this.grow();
    return -1;
  }

  /** Adds one to the count stored for key (0 when absent) and returns the new count. */
  increment(key: number): number {
    return this.add(key, 1);
  }

  /** Adds n to the count stored for key (0 when absent) and returns the new count. */
  add(key: number, n: number): number {
    const slot = this.find(key);
    if (this.keys[slot] === EMPTY) {
      this.keys[slot] = key + 1;
      this.values[slot] = n;
      this.used += 1;
      if (this.used * 2 > this.keys.length) this.grow();
      return n;
    }
    const next = (this.values[slot] ?? 0) + n;
    this.values[slot] = next;
    return next;
  }

  private find(key: number): number {
    const stored = key + 1;
    const mask = this.keys.length - 1;
    let slot = mixKey(key) & mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === EMPTY || k === stored) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2);
    this.values = new Int32Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i += 1) {
      const k = oldKeys[i] ?? EMPTY;
      if (k === EMPTY) continue;
      let slot = mixKey(k - 1) & mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = k;
      this.values[slot] = oldValues[i] ?? 0;
    }
  }
}
