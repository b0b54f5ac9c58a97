// A checksum of each snapshot section, written by `registry index` and checked on every load, so that a changed
// byte anywhere in a section (a name, a date, an index entry) is refused instead of read as data. Not SHA-256:
// the loader already hashes the whole file once for the manifest, and a second cryptographic pass would double
// that cost (~0.4 s a 117 MB snapshot here); this is a guard against damage, not against someone who can rewrite
// the file (they could rewrite a SHA-256 in it as well). Two 32-bit lanes over the section's 32-bit words: each
// step (xor a word in, multiply by an odd constant, rotate) is a bijection of the lane's state, so any change
// confined to one word always changes the result.
import type { TypedColumn } from './snapshot-format.js';

function hex(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}

export function sectionChecksum(column: TypedColumn): string {
  const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
  const whole = bytes.byteLength >>> 2;
  // Typed arrays of a snapshot start on 8-byte boundaries; copy when a view does not (never on the hot path).
  const words =
    bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, whole) : new Uint32Array(bytes.slice(0, whole * 4).buffer);
  let a = 0x811c9dc5 ^ bytes.byteLength;
  let b = 0x01000193;
  for (let i = 0; i < whole; i++) {
    const w = words[i]!;
    a = Math.imul(a ^ w, 0x9e3779b1);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ w, 0x85ebca77);
    b = (b << 17) | (b >>> 15);
  }
  for (let i = whole * 4; i < bytes.byteLength; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x9e3779b1);
    b = Math.imul(b ^ bytes[i]!, 0x85ebca77);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  return hex(a) + hex(b);
}
