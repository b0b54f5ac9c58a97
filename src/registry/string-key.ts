// A 52-bit hash of a string, so names can be counted in a NumberHash instead of a Map<string, number>.
// Two independent 32-bit FNV-1a variants: a collision between two of a country's ~10^7 distinct names has odds
// around 10^-2 overall, and would only merge two names' counts.

export function stringKey(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 12) * 4294967296 + (b >>> 0);
}
