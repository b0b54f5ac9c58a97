// Decoders for the legacy Vietnamese encodings, built once from src/data/legacy-charsets.ts.
// Legacy bytes reach us as the characters a Latin-1 font would show for them (byte 0xA8 → '¨'), both from
// workbooks (Excel stores the code points the old font drew) and from CSV files read as Latin-1.
// TCVN3 byte 0xAD (ư) arrives as U+00AD SOFT HYPHEN: these decoders must run before any clean-up.

import { LEGACY_CHARSET } from '../data/legacy-charsets.js';
import type { LegacyEncoding } from '../types.js';

const latin1 = (bytes: readonly number[]): string => String.fromCharCode(...bytes);

// TCVN3 has no capital toned vowels: a byte the table lists for both 'Á' and 'á' decodes to the small letter.
function buildTcvn3(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [letter, byte] of LEGACY_CHARSET) {
    if (byte < 0x80) continue;
    const key = String.fromCharCode(byte);
    const known = map.get(key);
    if (known === undefined || letter === letter.toLowerCase()) map.set(key, letter);
  }
  return map;
}

function buildVni(): { pairs: Map<string, string>; singles: Map<string, string> } {
  const pairs = new Map<string, string>();
  const singles = new Map<string, string>();
  for (const [letter, , bytes] of LEGACY_CHARSET) {
    if (bytes.length === 2) pairs.set(latin1(bytes), letter);
    else if (bytes[0]! >= 0x80) singles.set(latin1(bytes), letter);
  }
  return { pairs, singles };
}

function buildViqr(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [letter, , , viqr] of LEGACY_CHARSET) if (viqr.length > 1) map.set(viqr, letter);
  map.set('Dd', 'Đ');
  return map;
}

/** Byte (as a Latin-1 character) → Unicode letter, for the TCVN3 (ABC) fonts. */
export const TCVN3_MAP: ReadonlyMap<string, string> = buildTcvn3();
const VNI = buildVni();
/** VNI-Windows: base letter + mark byte pairs, and the letters stored in one byte. */
export const VNI_PAIRS: ReadonlyMap<string, string> = VNI.pairs;
export const VNI_SINGLES: ReadonlyMap<string, string> = VNI.singles;
const VIQR_MAP = buildViqr();

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_MAP.get(ch) ?? ch;
  return out;
}

export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = VNI.pairs.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += VNI.singles.get(text[i]!) ?? text[i]!;
  }
  return out;
}

// VIQR marks follow the vowel inside a word ("Nguye^~n", "Thi."); a backslash keeps the next character literal.
const VIQR_WORD = /\\.|[A-Za-z][A-Za-z^(+'`?~.]*/g;

export function decodeViqr(text: string): string {
  return text.replace(VIQR_WORD, (word) => {
    if (word.startsWith('\\')) return word.slice(1);
    let out = '';
    for (let i = 0; i < word.length; ) {
      let hit = false;
      for (const len of [3, 2]) {
        const letter = VIQR_MAP.get(word.slice(i, i + len));
        if (letter !== undefined) {
          out += letter;
          i += len;
          hit = true;
          break;
        }
      }
      if (!hit) out += word[i++]!;
    }
    return out;
  });
}

/** Decode legacy text to Unicode (NFC). Capital fonts (.VnTimeH) store small-letter codes: `upper` restores caps. */
export function decodeLegacy(text: string, encoding: LegacyEncoding, upper = false): string {
  const decoded =
    encoding === 'tcvn3' ? decodeTcvn3(text) : encoding === 'vni' ? decodeVni(text) : decodeViqr(text);
  const nfc = decoded.normalize('NFC');
  return upper ? nfc.toUpperCase() : nfc;
}
