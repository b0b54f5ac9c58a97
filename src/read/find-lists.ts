// Batch mode: every list in a folder tree, in a stable order (byte order of the path below the folder), so a
// nightly run over the same folder always reads the same files in the same order.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AsxhError, quote } from '../errors.js';

const LIST_FILE = /\.(xlsx|csv|txt)$/i;

/** Excel's lock files (~$name.xlsx) and hidden files are never lists. */
function ignored(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.');
}

export interface FoundList {
  readonly path: string;
  /** Path below the folder, '/'-separated: the name reports show. */
  readonly name: string;
}

export function findLists(dir: string, exclude: readonly string[] = []): FoundList[] {
  const root = resolve(dir);
  const skip = exclude.map((e) => resolve(e));
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AsxhError('input_missing', `Cannot read the lists folder ${quote(dir)}: it does not exist or is not a folder`, 'Check the --lists path.');
  }
  const found: FoundList[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (ignored(entry.name)) continue;
      const full = join(folder, entry.name);
      if (skip.some((s) => full === s || full.startsWith(s + sep))) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && LIST_FILE.test(entry.name)) {
        found.push({ path: join(dir, relative(root, full)), name: relative(root, full).split(sep).join('/') });
      }
    }
  };
  walk(root);
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
