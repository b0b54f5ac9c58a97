// Text clean-up shared by every normaliser, and the one tone-placement style names are compared in.

// Zero-width characters and the soft hyphen vanish; by the time text gets here the reader has already decoded
// TCVN3 (whose ư is byte 0xAD, the soft hyphen), so a soft hyphen left now is only an invisible stray.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// NBSP, the other Unicode spaces, tabs and line breaks (Alt+Enter in a cell) all become one plain space.
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** NFC, invisible characters removed, every kind of space collapsed to one, Ð/ð (eth) → Đ/đ, trimmed. */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\u00d0/g, 'Đ')
    .replace(/\u00f0/g, 'đ')
    .replace(SPACES, ' ')
    .trim();
}

// The five tone marks, as combining characters in NFD. Vowel marks (circumflex, breve, horn) are not in here,
// which is what keeps ô/ơ/ư/â/ă/ê out of the oa/oe/uy rule below.
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
// oa, oe, uy closing a syllable: no final consonant after them, no vowel mark on them. Not after q: in "quý"
// the u belongs to the consonant qu, and the mark sits on y in both styles.
const OPEN_DIPHTHONG = new RegExp(`(?<![qQ])([oOuU])(${TONE}?)([aAeEyY])(${TONE}?)(?![\\p{L}\\p{M}])`, 'gu');
const PAIRS = new Set(['oa', 'oe', 'uy']);

/**
 * Puts the tone mark of open oa, oe, uy in the OLD style: hòa, thủy, khỏe (not hoà, thuỷ, khoẻ).
 * Why old: it is what Unikey and most Vietnamese keyboards type by default and what official lists print
 * (Thanh Hóa, Khánh Hòa), so names read the way officers expect. Syllables with a final consonant (hoàng,
 * thuyết) and triphthongs (hoài, khuya) put the mark on the same letter in both styles and are left alone.
 */
export function toneStyle(text: string): string {
  return text
    .normalize('NFD')
    .replace(OPEN_DIPHTHONG, (whole: string, v1: string, t1: string, v2: string, t2: string) => {
      if (!PAIRS.has(`${v1}${v2}`.toLowerCase()) || (t1 !== '' && t2 !== '')) return whole;
      return `${v1}${t1}${t2}${v2}`;
    })
    .normalize('NFC');
}
