// Folding for comparison: what is left of Vietnamese text when case, tone marks and vowel marks are ignored.
// Đ has no Unicode decomposition, and its look-alike Ð (U+00D0, Icelandic eth) is often typed for it,
// so both are mapped to d by hand: stripping combining marks alone would keep them.

const COMBINING = /[\u0300-\u036f]/g;

/** Lower-case, unaccented, đ/Đ/Ð → d, runs of white space (NBSP included) → one space, trimmed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim();
}
