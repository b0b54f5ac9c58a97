// Many short strings kept as one UTF-8 byte array plus offsets: no JS string object per registry person.
// Vietnamese text is ~1.3 bytes a letter in UTF-8, against 2 in a JS string, and the GC never walks it.

const decoder = new TextDecoder();
// The largest typed array V8 makes; offsets are Uint32, so this is also the most they can address.
const MAX_BYTES = 2 ** 32 - 1;

export interface TextStoreParts {
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

export class TextStore {
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private writer: Buffer = Buffer.from(this.bytes.buffer);
  private ends: Uint32Array = new Uint32Array(1 << 10);
  private used = 0;
  private count = 0;

  /** A store saved before (a registry snapshot): ends[i] is where text i ends in bytes. */
  static fromParts(parts: TextStoreParts): TextStore {
    const store = new TextStore();
    store.bytes = parts.bytes;
    store.writer = Buffer.from(parts.bytes.buffer, parts.bytes.byteOffset, parts.bytes.byteLength);
    store.ends = parts.ends;
    store.count = parts.ends.length;
    store.used = parts.ends.length === 0 ? 0 : (parts.ends[parts.ends.length - 1] ?? 0);
    return store;
  }

  /** The bytes and ends in use (views, not copies). */
  parts(): TextStoreParts {
    return { bytes: this.bytes.subarray(0, this.used), ends: this.ends.subarray(0, this.count) };
  }

  get length(): number {
    return this.count;
  }

  /** Room for `need` bytes in all: the byte array doubles (up to 4 GB) when it is short. */
  private reserve(need: number): void {
    if (need <= this.bytes.length) return;
    if (need > MAX_BYTES) throw new RangeError('text store over 4 GB');
    const next = new Uint8Array(Math.min(Math.max(this.bytes.length * 2, need), MAX_BYTES));
    next.set(this.bytes.subarray(0, this.used));
    this.bytes = next;
    this.writer = Buffer.from(next.buffer, next.byteOffset, next.byteLength);
  }

  /** Appends text; '' stands for an empty or missing value. Returns its index. */
  add(text: string): number {
    if (this.count === this.ends.length) this.ends = growUint32(this.ends, this.count * 2);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: with that much room the text always fits whole.
    this.reserve(this.used + text.length * 3);
    // Buffer.write encodes in place; encodeInto would need a fresh subarray view per call.
    this.used += this.writer.write(text, this.used);
    this.ends[this.count] = this.used;
    this.count += 1;
    return this.count - 1;
  }

  /** Appends UTF-8 bytes as they are (the caller knows they are clean text). Returns its index. */
  addBytes(from: Uint8Array, start: number, end: number): number {
    if (this.count === this.ends.length) this.ends = growUint32(this.ends, this.count * 2);
    this.reserve(this.used + (end - start));
    const bytes = this.bytes;
    let at = this.used;
    for (let i = start; i < end; i += 1) bytes[at++] = from[i] as number;
    this.used = at;
    this.ends[this.count] = at;
    this.count += 1;
    return this.count - 1;
  }

  /** Whether text `index` is exactly these bytes. */
  equals(index: number, other: Uint8Array, start: number, end: number): boolean {
    const from = index === 0 ? 0 : (this.ends[index - 1] ?? 0);
    if ((this.ends[index] ?? from) - from !== end - start) return false;
    const bytes = this.bytes;
    for (let i = start, j = from; i < end; i += 1, j += 1) if (bytes[j] !== other[i]) return false;
    return true;
  }

  get(index: number): string {
    const start = index === 0 ? 0 : (this.ends[index - 1] ?? 0);
    const end = this.ends[index] ?? start;
    return end === start ? '' : decoder.decode(this.bytes.subarray(start, end));
  }

  /** Drops the spare capacity once loading is done. */
  trim(): void {
    this.bytes = this.bytes.slice(0, this.used);
    this.writer = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    this.ends = this.ends.slice(0, this.count);
  }
}

function growUint32(a: Uint32Array, size: number): Uint32Array {
  const next = new Uint32Array(size);
  next.set(a);
  return next;
}
