// Alive or dead, as registry exports write it. Codes 0/1 are not read: exports disagree on which is which,
// and guessing wrong would stop an allowance or pay a dead person. A death date alone also means dead.
import { foldText } from '../normalize/fold.js';

const ALIVE = new Set(['con song', 'song', 'alive', 'living', 'binh thuong', 'dang song']);
const DEAD = new Set([
  'da mat', 'mat', 'da chet', 'chet', 'da tu', 'tu', 'da qua doi', 'qua doi', 'tu vong', 'da tu vong', 'dead',
  'deceased', 'khai tu', 'da khai tu',
]);

/** true alive, false dead, null not stated or not understood. */
export function parseRegistryStatus(text: string): boolean | null {
  const key = foldText(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/ +/g, ' ').trim();
  if (key === '') return null;
  if (ALIVE.has(key)) return true;
  if (DEAD.has(key)) return false;
  return null;
}
