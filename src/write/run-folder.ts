// Batch runs write each run into its own dated folder under the output root, under a lock so two runs never
// write over each other. The run is staged beside its dated folder and published in one step (publish.ts);
// `latest` is pointed at it only then.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AsxhError, quote } from '../errors.js';
import { LOCK_FILE, onDisk, OUTPUT_FOLDER } from './disk-errors.js';
import { openPublication, removeTempFilesIn, settleAllLeftovers } from './publish.js';
import { LOCK, takeLock } from './run-lock.js';

export interface RunFolder {
  readonly root: string;
  /** Where the run writes: its staging folder until published. */
  readonly dir: string;
  /** The dated folder the run becomes: ROOT/<run date>. */
  readonly target: string;
  readonly name: string;
  /** Publish the staged run in one step, then point latest (a symlink, and latest.txt) at it. */
  publish(): void;
  /** A failed run: remove what it staged; the earlier run of that date, if any, stays. */
  discard(): void;
  release(): void;
}


export function openRunFolder(root: string, runDate: string, force: boolean): RunFolder {
  onDisk(root, OUTPUT_FOLDER, () => mkdirSync(root, { recursive: true, mode: 0o700 }));
  const release = onDisk(join(root, LOCK), LOCK_FILE, () => takeLock(join(root, LOCK), root));
  let publication;
  try {
    onDisk(root, OUTPUT_FOLDER, () => {
      settleAllLeftovers(root);
      removeTempFilesIn(root);
    });
    publication = openPublication(join(root, runDate), {
      force,
      lock: null,
      carryOver: false,
      refuse: (dir) =>
        new AsxhError(
          'output_exists',
          {
            vi: `Không ghi được lần chạy ngày ${runDate} vào ${quote(dir)}: đã có một lần chạy của ngày đó`,
            en: `Cannot write the run of ${runDate} into ${quote(dir)}: a run of that date is already there`,
          },
          { vi: 'Thêm --force để ghi đè, hoặc --run-date để chọn ngày khác.', en: 'Pass --force to replace it, or --run-date for another date.' },
        ),
    });
  } catch (err) {
    release();
    throw err;
  }
  const staged = publication;
  return {
    root,
    dir: staged.staging,
    target: staged.target,
    name: runDate,
    publish() {
      staged.publish();
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
      staged.abandon();
    },
    release,
  };
}
