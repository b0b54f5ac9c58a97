// The output folder: created when missing; one that already holds files is not written into without --force,
// so yesterday's results are never overwritten by accident.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
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
    mkdirSync(dir, { recursive: true, mode: 0o700 });
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
