// Batch runs write each run into its own dated folder under the output root, under a lock so two runs never
// write over the same output, and point `latest` at the newest complete run only once it is complete.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsxhError, quote } from '../errors.js';
import { diskError } from './disk-errors.js';
import { LOCK, takeLock } from './run-lock.js';


export interface RunFolder {
  readonly root: string;
  readonly dir: string;
  readonly name: string;
  /** Point latest (a symlink, and latest.txt for systems without links) at this run. */
  publish(): void;
  /** A failed run: remove its folder when nothing was written into it. */
  discard(): void;
  release(): void;
}

/** A disk, read-only or permission failure as its AsxhError (exit 6); anything else as it is. */
function onDisk<T>(target: string, what: string, action: () => T): T {
  try {
    return action();
  } catch (err) {
    throw diskError(err, target, what) ?? err;
  }
}

export function openRunFolder(root: string, runDate: string, force: boolean): RunFolder {
  onDisk(root, 'the output folder', () => mkdirSync(root, { recursive: true, mode: 0o700 }));
  const release = onDisk(join(root, LOCK), 'the lock file', () => takeLock(join(root, LOCK), root));
  const dir = join(root, runDate);
  try {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      if (!force) {
        throw new AsxhError(
          'output_exists',
          `Cannot write the run of ${runDate} into ${quote(dir)}: a run of that date is already there`,
          'Pass --force to replace it, or --run-date for another date.',
        );
      }
      onDisk(dir, 'the run folder', () => rmSync(dir, { recursive: true, force: true }));
    }
    onDisk(dir, 'the run folder', () => mkdirSync(dir, { recursive: true, mode: 0o700 }));
  } catch (err) {
    release();
    throw err;
  }
  return {
    root,
    dir,
    name: runDate,
    publish() {
      const tmp = join(root, `.latest.tmp-${process.pid}`);
      onDisk(join(root, 'latest.txt'), 'latest.txt', () => {
        writeFileSync(tmp, `${runDate}\n`, { mode: 0o600 });
        renameSync(tmp, join(root, 'latest.txt'));
      });
      const link = join(root, 'latest');
      try {
        const linkTmp = join(root, `.latest-link.tmp-${process.pid}`);
        rmSync(linkTmp, { force: true });
        symlinkSync(runDate, linkTmp, 'dir');
        renameSync(linkTmp, link);
      } catch {
        // No symlinks (Windows without the privilege): latest.txt names the run.
      }
    },
    discard() {
      try {
        if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
      } catch {
        // Already gone.
      }
    },
    release,
  };
}
