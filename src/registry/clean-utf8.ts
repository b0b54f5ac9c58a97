// cleanCell's shortcut, asked of UTF-8 bytes before any string is made: a registry cell that passes needs no
// cleaning, so its bytes can be stored and compared as they are.

/**
 * Whether the bytes are valid UTF-8 text that cleanText leaves unchanged, by the rule of clean-cell.ts: printable
 * ASCII and precomposed Latin letters (U+00C0–024F without Ð/ð, and U+1E00–1EFF, every Vietnamese letter),
 * words separated by single plain spaces, none at either end. Anything else answers false: the caller then
 * decodes and cleans the text the slow way.
 */
export function isCleanUtf8(bytes: Uint8Array, start: number, end: number): boolean {
  if (end === start) return true;
  if (bytes[start] === 32 || bytes[end - 1] === 32) return false;
  let space = false;
  for (let i = start; i < end; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (b === 32) {
        if (space) return false;
        space = true;
      } else {
        if (b < 0x21 || b > 0x7e) return false;
        space = false;
      }
      i += 1;
      continue;
    }
    space = false;
    if (b >= 0xc3 && b <= 0xc9) {
      if (i + 1 >= end) return false;
      const c = bytes[i + 1] as number;
      if (c < 0x80 || c > 0xbf) return false;
      // C3: U+00C0–00FF, only 80–BF continue it; Ð (C3 90), ð (C3 B0) are changed by cleanText.
      if (b === 0xc3 && (c === 0x90 || c === 0xb0)) return false;
      // C9: U+0240–027F; the shortcut stops at U+024F.
      if (b === 0xc9 && c > 0x8f) return false;
      i += 2;
      continue;
    }
    if (b === 0xe1) {
      // U+1E00–1EFF: E1 B8 80 … E1 BB BF.
      if (i + 2 >= end) return false;
      const c = bytes[i + 1] as number;
      const d = bytes[i + 2] as number;
      if (c < 0xb8 || c > 0xbb || d < 0x80 || d > 0xbf) return false;
      i += 3;
      continue;
    }
    return false;
  }
  return true;
}
