// nameYearKey(folded, year) once per row is a string concatenation and a hash over the whole name. The name's
// part of the hash is the same for every row with that name, so it is worked out once per name, and a row only
// adds its four year digits. The result is exactly stringKey(`${folded}|${year}`).
import { stringKey } from './string-key.js';

/** stringKey's state after `${folded}|`, for a key text of folded.length + 5 characters (a 4-digit year). */
export interface NameYearPrefix {
  readonly folded: string;
  readonly a: number;
  readonly b: number;
}

export function nameYearPrefix(folded: string): NameYearPrefix {
  const text = `${folded}|`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ (text.length + 4);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return { folded, a, b };
}

/** stringKey(`${prefix.folded}|${year}`). */
export function nameYearKeyFrom(prefix: NameYearPrefix, year: number): number {
  if (!(year >= 1000 && year <= 9999 && Number.isInteger(year))) return stringKey(`${prefix.folded}|${year}`);
  let a = prefix.a;
  let b = prefix.b;
  for (let div = 1000; div >= 1; div /= 10) {
    const c = 48 + (Math.floor(year / div) % 10);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 12) * 4294967296 + (b >>> 0);
}
