import { foldText } from '../normalize/fold.js';

/** Folded, punctuation as spaces, one space between words: "Thôn 3, xã Yên Lạc" → "thon 3 xa yen lac". */
export function addressKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
