// The output folder: one that already holds files is not written into without --force, so yesterday's results
// are never overwritten by accident. It is only made when the outputs are written, so a run that fails on its
// inputs leaves nothing behind.
import { readdirSync, statSync } from 'node:fs';
import { AsxhError, quote } from '../errors.js';

export function prepareOutDir(dir: string, force: boolean): void {
  let entries: string[] = [];
  try {
    if (!statSync(dir).isDirectory()) {
      throw new AsxhError('usage', `Cannot write into ${quote(dir)}: it is a file, not a folder`, 'Name a folder with --out.');
    }
    entries = readdirSync(dir);
  } catch (err) {
    if (err instanceof AsxhError) throw err;
    return;
  }
  if (entries.length > 0 && !force) {
    throw new AsxhError(
      'output_exists',
      `Cannot write into ${quote(dir)}: the folder already holds ${entries.length} file(s) from an earlier run`,
      'Choose another folder with --out, or pass --force to replace the files.',
    );
  }
}
