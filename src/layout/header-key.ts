import { foldText } from '../normalize/fold.js';

/** A header as compared: folded, every run of punctuation, underscores and spaces read as one space. */
export function headerKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
