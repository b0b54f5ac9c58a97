// Words written around a name that are not part of it: a courtesy or kinship word in front ("Cụ", "Bà", "LS")
// and a remark in brackets after it ("Nguyễn Văn A (đã chết)"). Both are kept, as written, beside the name.
import { cleanText } from './text.js';

// Compared in lower case with their marks: unmarked "ba", "cu", "em" are syllables of names too.
// Longest first, so "cụ ông" goes whole. "ông" is a family name (Ông Ích Khiêm): see splitNameWords.
const PREFIXES: readonly string[] = [
  'cụ ông', 'cụ bà', 'liệt sĩ', 'liệt sỹ', 'cụ', 'bà', 'ông', 'anh', 'chị', 'cháu', 'em', 'mẹ', 'ls', 'ls.',
];
// A name of this many words is a family name and a given name: nothing in front of it is a courtesy word.
const SHORTEST_NAME = 2;

export interface NameWords {
  /** The name without the words around it. */
  readonly name: string;
  /** The courtesy or kinship words in front, as written; null when there are none. */
  readonly prefix: string | null;
  /** The remark in brackets after the name, without the brackets; null when there is none. */
  readonly remark: string | null;
}

export function splitNameWords(raw: string): NameWords {
  let text = cleanText(raw);
  let remark: string | null = null;
  const bracket = /^(.*?\p{L}.*?)\s*[([]\s*([^()[\]]*?)\s*[)\]]\s*$/u.exec(text);
  if (bracket) {
    text = bracket[1]!.trim();
    remark = bracket[2]! === '' ? null : bracket[2]!;
  }
  const prefixes: string[] = [];
  for (;;) {
    const words = text.split(' ');
    const lower = text.normalize('NFC').toLowerCase();
    const found = PREFIXES.find((p) => lower.startsWith(`${p} `));
    if (found === undefined) break;
    const taken = found.split(' ').length;
    // "Ông" in front of a three-word name is a courtesy; in front of two words it is the family name.
    const needed = found === 'ông' ? SHORTEST_NAME + 1 : SHORTEST_NAME;
    if (words.length - taken < needed) break;
    prefixes.push(words.slice(0, taken).join(' '));
    text = words.slice(taken).join(' ');
  }
  return { name: text, prefix: prefixes.length === 0 ? null : prefixes.join(' '), remark };
}
