// Folding for comparison: what is left of Vietnamese text when case, tone marks and vowel marks are ignored.
// Đ has no Unicode decomposition, and its look-alike Ð (U+00D0, Icelandic eth) is often typed for it,
// so both are mapped to d by hand: stripping combining marks alone would keep them.

const COMBINING = /[\u0300-\u036f]/g;

function foldWhole(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐÐð]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, ' ')
    .trim();
}

// Folding is asked of every cell of every list, so the letters Vietnamese is written in (ASCII, Latin-1, Latin
// Extended-A/B, the combining marks, Latin Extended Additional) are folded one by one from a table built with
// foldWhole itself; any other character sends the whole text down foldWhole. Per-letter folding gives the same
// text there: their decompositions only add marks that are dropped, and their case mapping needs no context.
const TABLE_END = 0x1f00;
const LETTER = new Array<string | undefined>(TABLE_END);

function inTable(code: number): boolean {
  return code < 0x80 || code === 0xa0 || (code >= 0xc0 && code < 0x250) || (code >= 0x300 && code < 0x370) || (code >= 0x1e00 && code < TABLE_END);
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

/** Lower-case, unaccented, đ/Đ/Ð → d, runs of white space (NBSP included) → one space, trimmed. */
export function foldText(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (!inTable(code)) return foldWhole(text);
    if (isSpace(code)) {
      space = out !== '';
      continue;
    }
    let folded = LETTER[code];
    if (folded === undefined) {
      folded = foldWhole(text[i] as string);
      LETTER[code] = folded;
    }
    // A bare combining mark folds to nothing and does not end a run of spaces.
    if (folded === '') continue;
    if (space) {
      out += ' ';
      space = false;
    }
    out += folded;
  }
  return out;
}

/** The reference definition, for tests that check the per-letter path against it. */
export const foldTextWhole = foldWhole;
