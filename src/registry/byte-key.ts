// stringKey for UTF-8 bytes: a 52-bit hash of a registry cell read straight from the file, so a repeated name or
// address is recognised without making a string of it. Not equal to stringKey of the same text (bytes, not
// UTF-16 units); callers compare the bytes themselves on a hit.

export function byteKey(bytes: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ (end - start);
  for (let i = start; i < end; i += 1) {
    const c = bytes[i] as number;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 12) * 4294967296 + (b >>> 0);
}
