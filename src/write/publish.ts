// Publishing a run's files in one step. A run writes everything (payment files, reports, the manifest last) into
// a private staging folder beside its output folder, and only when all of it is on disk does the staging folder
// take the output's name, by rename. The steps, and what a kill after each leaves for the next run to settle:
//
//   1. write .NAME.asxh-new-PID/            killed: NAME untouched (the previous state); the staging is removed
//   2. rename it to .NAME.asxh-ready-PID    killed: NAME untouched; the finished staging is removed
//   3. rename NAME to .NAME.asxh-old-PID    killed: NAME absent; the ready folder is renamed NAME (the new state)
//   4. rename the ready folder to NAME      killed: NAME is the new state; the old folder is removed
//   5. remove the old folder
//
// So a reader, or a run after a kill, finds the previous complete output or the new complete one, never a mix;
// between steps 3 and 4 (two renames in a row) NAME is briefly absent. The settling happens under the output's
// lock, so it never touches a live run's folders. In a folder written by hand (`--out ket-qua`), files that are
// not asxh's (a list, a note of the officer's) are carried into the new folder by hard link, never deleted.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AsxhError, quote, type Text } from '../errors.js';
import { diskError, LOCK_FILE, onDisk, OUTPUT_FOLDER } from './disk-errors.js';
import { takeLock } from './run-lock.js';
import { testPause } from './test-pause.js';
import type { OutputFile } from './output-spec.js';
import { writeOutputs, type WrittenFile } from './write-outputs.js';

export interface Publication {
  /** The folder the run writes into: private until published. */
  readonly staging: string;
  /** The output folder the staging becomes. */
  readonly target: string;
  /** Move the staged files into place in one step; settles nothing else. */
  publish(): void;
  /** A failed run: remove the staging folder, leaving the output as it was. */
  abandon(): void;
  /** Give up the lock (single-folder mode; a batch root's lock belongs to its run folder). */
  release(): void;
}

const LEFTOVER = /^\.(.+)\.asxh-(new|ready|old)-(\d+)$/;
/** A run staged inside its output folder (a mount point): new until finished, ready once it is. */
const INSIDE_LEFTOVER = /^\.asxh-(new|ready)-\d+$/;
/** Temporary files of writeOutputs and of versions before staging: personal data, never worth keeping. */
const TEMP_FILE = /^\..+\.tmp-\d+$/;

export interface PublicationOptions {
  /** Replace an output folder that already holds files. */
  readonly force: boolean;
  /**
   * The lock to hold while writing: a path to take, or null when the caller holds one for the folder already.
   * Single-folder mode locks beside the folder (`.NAME.asxh-lock`), since the folder itself is replaced.
   */
  readonly lock: string | null;
  /** Carry files that are not asxh's from the old folder into the new one (a folder named by hand). */
  readonly carryOver: boolean;
  /** What "an earlier run's files" means in the refusal without --force. */
  readonly refuse?: (target: string, entries: number) => AsxhError;
}

const FINISHED_RUN: Text = { vi: 'kết quả của lần chạy', en: 'the finished run' };


/** The lock of a folder named by hand: beside it, since the folder itself is swapped. */
export function lockBeside(target: string): string {
  const full = resolve(target);
  return join(dirname(full), `.${basename(full)}.asxh-lock`);
}

export function openPublication(target: string, options: PublicationOptions): Publication {
  const full = resolve(target);
  const parent = dirname(full);
  const name = basename(full);
  if (existsSync(full) && !statSync(full).isDirectory()) {
    throw new AsxhError(
      'usage',
      { vi: `Không ghi được vào ${quote(target)}: đây là một tệp, không phải thư mục`, en: `Cannot write into ${quote(target)}: it is a file, not a folder` },
      { vi: 'Chỉ tên một thư mục bằng --out.', en: 'Name a folder with --out.' },
    );
  }
  onDisk(parent, OUTPUT_FOLDER, () => mkdirSync(parent, { recursive: true, mode: 0o700 }));
  const release = options.lock === null ? () => undefined : onDisk(options.lock, LOCK_FILE, () => takeLock(options.lock!, target));
  // A folder that is a mount point (a share mounted as the output) cannot be renamed, nor, on Windows, the folder
  // a command prompt is in: those are staged inside and published file by file (rollForward), manifest last.
  const inside = existsSync(full) && (statSync(full).dev !== statSync(parent).dev || isWithin(process.cwd(), full));
  let staging: string;
  try {
    settleLeftovers(parent, name);
    const entries = existsSync(full) ? readdirSync(full).filter((e) => !INSIDE_LEFTOVER.test(e)).length : 0;
    if (entries > 0 && !options.force) {
      throw (
        options.refuse?.(target, entries) ??
        new AsxhError(
          'output_exists',
          {
            vi: `Không ghi được vào ${quote(target)}: thư mục đã có ${entries} tệp của một lần chạy trước`,
            en: `Cannot write into ${quote(target)}: the folder already holds ${entries} file(s) from an earlier run`,
          },
          {
            vi: 'Chọn thư mục khác bằng --out, hoặc thêm --force để ghi đè các tệp đó.',
            en: 'Choose another folder with --out, or pass --force to replace the files.',
          },
        )
      );
    }
    staging = inside ? join(full, `.asxh-new-${process.pid}`) : join(parent, `.${name}.asxh-new-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    onDisk(staging, { vi: 'thư mục tạm của lần chạy', en: 'the staging folder' }, () => mkdirSync(staging, { mode: 0o700 }));
  } catch (err) {
    release();
    throw err;
  }
  const ready = inside ? join(full, `.asxh-ready-${process.pid}`) : join(parent, `.${name}.asxh-ready-${process.pid}`);
  const old = join(parent, `.${name}.asxh-old-${process.pid}`);
  return {
    staging,
    target: full,
    publish() {
      testPause('staged');
      if (inside) {
        onDisk(ready, FINISHED_RUN, () => renameSync(staging, ready));
        testPause('ready');
        onDisk(full, OUTPUT_FOLDER, () => rollForward(full, ready));
        return;
      }
      if (options.carryOver && existsSync(full)) carryOver(full, staging);
      onDisk(ready, FINISHED_RUN, () => renameSync(staging, ready));
      testPause('ready');
      const hadOld = existsSync(full);
      if (hadOld) {
        try {
          renameSync(full, old);
        } catch (err) {
          // Nothing moved yet: the old output stands, the finished one is dropped.
          rmSync(ready, { recursive: true, force: true });
          throw inUse(err, target);
        }
      }
      testPause('swapped');
      try {
        renameSync(ready, full);
      } catch (err) {
        if (hadOld) renameSync(old, full);
        rmSync(ready, { recursive: true, force: true });
        throw diskError(err, full, OUTPUT_FOLDER) ?? err;
      }
      testPause('published');
      rmSync(old, { recursive: true, force: true });
    },
    abandon() {
      rmSync(staging, { recursive: true, force: true });
      rmSync(ready, { recursive: true, force: true });
    },
    release,
  };
}

/** Renaming a folder fails on Windows while a file in it is open (Excel), or it is a command prompt's folder. */
function inUse(err: unknown, target: string): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new AsxhError(
      'output_permission',
      {
        vi: `Không thay được ${quote(target)}: thư mục đang được dùng hoặc không đổi tên được (${code})`,
        en: `Could not replace ${quote(target)}: the folder is in use or cannot be renamed (${code})`,
      },
      {
        vi: 'Đóng mọi tệp của thư mục đó đang mở trong Excel, thoát mọi cửa sổ lệnh đang mở ở thư mục đó, rồi chạy lại. Các tệp cũ vẫn còn nguyên.',
        en: 'Close any file of that folder open in Excel, leave any command prompt opened in it, then run again. The earlier files are untouched.',
      },
    );
  }
  return diskError(err, target, OUTPUT_FOLDER) ?? (err as Error);
}

/**
 * What killed runs left beside the folder NAME in `parent`, settled as the steps above say: a ready folder
 * becomes NAME when NAME is gone, an old one comes back when there is no ready one, the rest is removed.
 * Returns what was done, for tests and the log.
 */
export function settleLeftovers(parent: string, name: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return [];
  }
  const found = { new: [] as string[], ready: [] as string[], old: [] as string[] };
  for (const e of entries) {
    const m = LEFTOVER.exec(e);
    if (m && m[1] === name) found[m[2] as keyof typeof found].push(join(parent, e));
  }
  return settle(join(parent, name), found);
}

/** Every run folder of a batch root, as settleLeftovers does for one (the root's lock covers them all). */
export function settleAllLeftovers(root: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  const names = new Set(entries.map((e) => LEFTOVER.exec(e)?.[1]).filter((n): n is string => n !== undefined));
  return [...names].sort().flatMap((n) => settleLeftovers(root, n));
}

function settle(target: string, found: { new: string[]; ready: string[]; old: string[] }): string[] {
  const name = basename(target);
  const done: string[] = [];
  if (!existsSync(target)) {
    const back = found.ready.length > 0 ? found.ready : found.old;
    const chosen = back.sort().at(-1);
    if (chosen !== undefined) {
      renameSync(chosen, target);
      done.push(`restored ${basename(chosen)} as ${name}`);
    }
  }
  for (const leftover of [...found.new, ...found.ready, ...found.old]) {
    if (!existsSync(leftover)) continue;
    rmSync(leftover, { recursive: true, force: true });
    done.push(`removed ${basename(leftover)}`);
  }
  if (existsSync(target)) {
    for (const e of readdirSync(target).sort()) {
      const m = INSIDE_LEFTOVER.exec(e);
      if (m === null) continue;
      // A finished run killed while its files were moved in is finished now; an unfinished one is dropped.
      if (m[1] === 'ready') rollForward(target, join(target, e));
      else rmSync(join(target, e), { recursive: true, force: true });
      done.push(`${m[1] === 'ready' ? 'finished publishing' : 'removed'} ${e}`);
    }
    removeTempFiles(target, done);
  }
  return done;
}

/**
 * Publishing a finished run staged inside its output folder: the earlier run's files it does not write go first,
 * then every file is renamed into place, the manifest last, so that re-doing it after a kill ends the same way.
 */
function rollForward(target: string, ready: string): void {
  const staged = readdirSync(ready, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ready, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json') || a.localeCompare(b));
  const fresh = new Set(staged);
  for (const stale of asxhFiles(target)) if (!fresh.has(stale)) rmSync(join(target, stale), { force: true });
  for (const file of staged) {
    mkdirSync(dirname(join(target, file)), { recursive: true, mode: 0o700 });
    renameSync(join(ready, file), join(target, file));
  }
  rmSync(ready, { recursive: true, force: true });
}

function isWithin(dir: string, folder: string): boolean {
  const rel = relative(folder, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function removeTempFiles(dir: string, done: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) removeTempFiles(full, done);
    else if (TEMP_FILE.test(e.name)) {
      rmSync(full, { force: true });
      done.push(`removed ${e.name}`);
    }
  }
}

/** The old folder's files that the new run did not write and that were not the old run's outputs. */
function carryOver(from: string, into: string): void {
  const asxh = asxhFiles(from);
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(from, rel), { withFileTypes: true })) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        walk(path);
        continue;
      }
      if (asxh.has(path) || TEMP_FILE.test(e.name) || existsSync(join(into, path))) continue;
      const dest = join(into, path);
      try {
        mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
        try {
          linkSync(join(from, path), dest);
        } catch {
          copyFileSync(join(from, path), dest);
        }
      } catch (err) {
        throw diskError(err, dest, quote(path)) ?? err;
      }
    }
  };
  walk('');
}

/** The outputs (and kept inputs) an earlier reconcile recorded in its manifest.json: asxh's to replace. */
function asxhFiles(dir: string): Set<string> {
  const files = new Set<string>(['manifest.json']);
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      outputs?: { name?: unknown }[];
      inputs?: { path?: unknown; inRun?: unknown }[];
    };
    for (const o of manifest.outputs ?? []) if (typeof o.name === 'string') files.add(o.name);
    for (const i of manifest.inputs ?? []) if (i.inRun === true && typeof i.path === 'string') files.add(i.path);
  } catch {
    // No manifest (clean, dedupe, returns) or not one of ours: only same-named files are replaced.
  }
  return files;
}

/** Run `work` on the staging folder, then publish; a failure abandons the staging. Releases the lock either way. */
export async function inPublication<T>(publication: Publication, work: (staging: string) => Promise<T>): Promise<T> {
  try {
    const result = await work(publication.staging);
    publication.publish();
    return result;
  } catch (err) {
    publication.abandon();
    throw err;
  } finally {
    publication.release();
  }
}

/** The commands that write one set of files into a folder named with --out: staged, then published at once. */
export async function publishOutputs(out: string, files: readonly OutputFile[], options: { readonly force: boolean; readonly created: Date }): Promise<WrittenFile[]> {
  const publication = openPublication(out, { force: options.force, lock: lockBeside(out), carryOver: true });
  return inPublication(publication, (staging) => writeOutputs(staging, files, { created: options.created }));
}

/** Temporary files a killed run left directly in `dir` (a batch root's latest pointers). */
export function removeTempFilesIn(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && TEMP_FILE.test(e.name)) rmSync(join(dir, e.name), { force: true });
  }
}
