// Which legacy encoding, if any, a column's text is in. The surest sign is the cell's font name; without one
// (CSV, or legacy bytes pasted into a Unicode-font sheet) we look for characters only that encoding produces.
// Proper Vietnamese also uses Latin-1 letters (à, â, ê, ô, í, Ô, Õ …), so those prove nothing: evidence is a
// Latin-1 character that never occurs in Vietnamese (¨ © ­ µ ¸ Þ ä ï ñ ö …) or a VNI base-plus-mark pair.

import type { LegacyEncoding } from '../types.js';
import { TCVN3_MAP, VNI_PAIRS, VNI_SINGLES } from './legacy-decode.js';

export interface FontEncoding {
  readonly encoding: LegacyEncoding;
  /** A capital font (.VnTimeH …): decoded text must be upper-cased. */
  readonly upper: boolean;
}

/** The legacy encoding a font implies: `.VnTime` → TCVN3, `.VnTimeH` → TCVN3 in capitals, `VNI-Times` → VNI. */
export function fontEncoding(fontName: string | null | undefined): FontEncoding | null {
  const name = (fontName ?? '').trim();
  if (/^VNI[- ]/i.test(name)) return { encoding: 'vni', upper: false };
  if (/^\.Vn/i.test(name) || /^Vn(Time|Arial|Avant|Helvetica|Courier|Souvenir|Bodoni)/i.test(name)) {
    return { encoding: 'tcvn3', upper: /H$/.test(name) };
  }
  return null;
}

// The Latin-1 letters proper Vietnamese uses: they are evidence of nothing.
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');
const isForeignLatin1 = (ch: string): boolean => ch >= '\u00a1' && ch <= '\u00ff' && !VIETNAMESE_LATIN1.has(ch);

const TCVN3_CHARS = new Set(TCVN3_MAP.keys());
const VNI_CHARS = new Set([...VNI_SINGLES.keys(), ...[...VNI_PAIRS.keys()].map((pair) => pair[1]!)]);
// Characters a legacy cell may hold besides its letters: NBSP, C1 bytes and Windows-1252 punctuation.
const NEUTRAL = /[\u0080-\u00a0\u2010-\u2027\u2030-\u205e\u20ac]/;
// Proper Unicode Vietnamese: letters beyond Latin-1 (ă ơ ư đ ạ ả ế …) or combining marks.
const UNICODE_VIETNAMESE = /[\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]/;
// VNI pairs whose Unicode and TCVN3 readings are not Vietnamese ("eã", "aê", "aà", "oâ", "yù", "aï" …).
// "oà", "oá", "oã" are left out: they are also new-style Unicode spellings (hoà, hoá, hoãn); so is "uû",
// which is TCVN3 for "uỷ" (thuỷ).
const VNI_PAIR_EVIDENCE =
  /[aAeE][àáâãÀÁÂÃ]|[aA][êÊ]|[oO][âÂ]|[aeouyAEOUY][ùúÙÚ]|[aeoAEO][äåëïøûüÄÅËÏØÛÜ]/;
// VIQR: a vowel followed by a vowel mark or a tone that is not ordinary punctuation, or DD/dd starting a word.
// Windows-1258 seen as Latin-1 (a single-byte CSV): a vowel followed by a combining-tone byte (Ì Ò Þ ì ò). Such
// files also use Ð for Đ and Þ for the tilde, so those two prove nothing for TCVN3 there.
const CP1258_EVIDENCE = /[AEIOUYaeiouyÂÊÔÕÝÃâêôõýã][\u00cc\u00d2\u00de\u00ec\u00f2]/;
const CP1258_LETTERS = new Set('\u00d0\u00de');
const VIQR_EVIDENCE = /[aAeEoO]\^|[aA]\(|[oOuU]\+|[aeiouyAEIOUY][`~]|(^|[^A-Za-z])(DD|Dd|dd)[aeiouyAEIOUY]/;

export interface TextClass {
  /** Holds proper Unicode Vietnamese: never decode it. */
  readonly unicode: boolean;
  /** Every non-ASCII character is a TCVN3 letter (or neutral punctuation). */
  readonly tcvn3Fits: boolean;
  readonly vniFits: boolean;
  /** Fits and holds a character that only a legacy encoding explains. */
  readonly tcvn3: boolean;
  readonly vni: boolean;
  /** Evidence for this encoding that the other one cannot explain. */
  readonly tcvn3Only: boolean;
  readonly vniOnly: boolean;
  readonly viqr: boolean;
  /** Looks like Windows-1258 bytes read as Latin-1. */
  readonly cp1258: boolean;
  readonly ascii: boolean;
}

export function classifyText(text: string): TextClass {
  let ascii = true;
  let tcvn3Fits = true;
  let vniFits = true;
  let foreignTcvn3 = false;
  let foreignVni = false;
  let tcvn3Only = false;
  let vniOnlyChar = false;
  for (const ch of text) {
    if (ch < '\u0080') continue;
    ascii = false;
    if (NEUTRAL.test(ch)) continue;
    const inTcvn3 = TCVN3_CHARS.has(ch);
    const inVni = VNI_CHARS.has(ch);
    if (!inTcvn3) tcvn3Fits = false;
    if (!inVni) vniFits = false;
    if (isForeignLatin1(ch)) {
      if (inTcvn3) foreignTcvn3 = true;
      if (inVni) foreignVni = true;
      if (inTcvn3 && !inVni && !CP1258_LETTERS.has(ch)) tcvn3Only = true;
      if (inVni && !inTcvn3) vniOnlyChar = true;
    }
  }
  const unicode = UNICODE_VIETNAMESE.test(text);
  const vniPair = VNI_PAIR_EVIDENCE.test(text);
  return {
    unicode,
    tcvn3Fits: !unicode && tcvn3Fits,
    vniFits: !unicode && vniFits,
    tcvn3: !unicode && tcvn3Fits && foreignTcvn3,
    vni: !unicode && vniFits && (foreignVni || vniPair),
    tcvn3Only: !unicode && tcvn3Fits && tcvn3Only,
    vniOnly: !unicode && vniFits && (vniOnlyChar || vniPair),
    viqr: ascii && VIQR_EVIDENCE.test(text),
    cp1258: !unicode && CP1258_EVIDENCE.test(text),
    ascii,
  };
}

/**
 * The legacy encoding a column's text cells are in, judged from characters alone, or null when it is not clear.
 * A column is decoded only when legacy evidence clearly outweighs proper Unicode cells and the other encoding.
 */
export function detectColumnEncoding(texts: readonly string[]): LegacyEncoding | null {
  let unicode = 0;
  let tcvn3 = 0;
  let vni = 0;
  let tcvn3Only = 0;
  let vniOnly = 0;
  let viqr = 0;
  let cp1258 = 0;
  let nonAscii = 0;
  let withLetters = 0;
  for (const text of texts) {
    const c = classifyText(text);
    if (c.unicode) unicode++;
    if (c.tcvn3) tcvn3++;
    if (c.vni) vni++;
    if (c.tcvn3Only) tcvn3Only++;
    if (c.vniOnly) vniOnly++;
    if (c.viqr) viqr++;
    if (c.cp1258) cp1258++;
    if (!c.ascii) nonAscii++;
    if (/[A-Za-z]/.test(text)) withLetters++;
  }
  if (tcvn3Only > 0 && tcvn3Only >= 3 * (vniOnly + cp1258) && tcvn3 >= 2 * unicode) return 'tcvn3';
  if (vniOnly > 0 && vniOnly >= 3 * (tcvn3Only + cp1258) && vni >= 2 * unicode) return 'vni';
  // VIQR is rare and its marks are ordinary punctuation: only a pure-ASCII column full of them.
  if (nonAscii === 0 && viqr >= 2 && viqr * 2 >= withLetters) return 'viqr';
  return null;
}
