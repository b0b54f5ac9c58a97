// Batch runs write each run into its own dated folder under the output root, under a lock so two runs never
// write over the same output, and point `latest` at the newest complete run only once it is complete.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AsxhError, quote } from '../errors.js';

const LOCK = '.asxh.lock';

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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(root: string): () => void {
  const path = join(root, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(pid) && alive(pid)) {
        throw new AsxhError(
          'output_locked',
          `Cannot start a run in ${quote(root)}: another asxh run (process ${pid}) is writing there`,
          `Wait for it to finish. If no asxh is running, delete ${quote(path)}.`,
        );
      }
      // The process that held the lock is gone (a crash or a reboot): the lock is stale.
      unlinkSync(path);
    }
  }
  throw new AsxhError('output_locked', `Cannot take the lock ${quote(path)}`);
}

export function openRunFolder(root: string, runDate: string, force: boolean): RunFolder {
  mkdirSync(root, { recursive: true, mode: 0o700 });
  const release = takeLock(root);
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
      rmSync(dir, { recursive: true, force: true });
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
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
      writeFileSync(tmp, `${runDate}\n`, { mode: 0o600 });
      renameSync(tmp, join(root, 'latest.txt'));
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
