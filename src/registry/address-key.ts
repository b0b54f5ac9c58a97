import { foldText } from '../normalize/fold.js';

/** Folded, punctuation as spaces, one space between words: "Thôn 3, xã Yên Lạc" → "thon 3 xa yen lac". */
export function addressKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The address key holds the phrase as whole words: "thon 3" is in "thon 3 xa an phu", not in "thon 31". */
export function mentionsPhrase(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}
