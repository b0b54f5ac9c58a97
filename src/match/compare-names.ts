// How two names agree. Compared on the folded form (no case, no marks, đ → d) because lists typed in capitals
// without marks are common; the accented key only separates 'exact' from 'folded-exact'.
import { distance } from 'fastest-levenshtein';
import type { PersonName } from '../types.js';
import type { NameLevel } from './levels.js';

/** The shorter middle's words appear, in order, in the longer one ("thi" in "thi thu"; "" in anything). */
function middleDropped(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === '') return true;
  const words = long.split(' ');
  let at = 0;
  for (const w of short.split(' ')) {
    at = words.indexOf(w, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

export function compareNames(a: PersonName | null, b: PersonName | null): NameLevel {
  if (a === null || b === null || a.folded === '' || b.folded === '') return 'missing';
  if (a.key === b.key) return 'exact';
  if (a.folded === b.folded) return 'folded-exact';
  if (a.family === b.family && a.given === b.given) {
    if (middleDropped(a.middle, b.middle)) return 'middle-dropped';
    return distance(a.middle, b.middle) <= 1 ? 'typo' : 'middle-differs';
  }
  if (distance(a.folded, b.folded) <= 1) return 'typo';
  if (a.given === b.given) return 'given-only';
  return 'disagree';
}

