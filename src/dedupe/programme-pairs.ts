// May one person draw these two programmes together? Programmes are compared on folded words, because the
// Đối tượng column is typed every way ("THƯƠNG BINH", "Thương binh 4/4", "thuong binh").
import { foldText } from '../normalize/fold.js';

function words(text: string): string[] {
  return foldText(text).replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '');
}

/** The entry's words appear, consecutive and in order, in the programme text. */
export function programmeMatches(programme: string | null, entry: string): boolean {
  if (programme === null) return false;
  const have = ` ${words(programme).join(' ')} `;
  const want = words(entry).join(' ');
  return want !== '' && have.includes(` ${want} `);
}

/** Two different programmes that some configured pair allows side by side (in either order). */
export function allowedTogether(a: string | null, b: string | null, pairs: readonly (readonly [string, string])[]): boolean {
  if (a === null || b === null || foldText(a) === foldText(b)) return false;
  return pairs.some(
    ([x, y]) => (programmeMatches(a, x) && programmeMatches(b, y)) || (programmeMatches(a, y) && programmeMatches(b, x)),
  );
}
