// The only place, besides reading inputs, that touches the disk. Each file is rendered, then written to a
// temporary file beside its target (same folder, so the final rename stays on one file system and is atomic),
// flushed to disk, and only then renamed into place. A failure before the renames leaves no output at all and
// no temporary file; a reader never sees a half-written file. Files are readable by their owner only: the
// lists hold ID numbers and bank accounts.
import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { AsxhError, quote, type Said, type Text } from '../errors.js';
import { CLOSE_THE_FILE, diskError, FREE_SPACE } from './disk-errors.js';
import type { OutputFile } from './output-spec.js';
import { renderOutputs } from './render-outputs.js';
import { testPause } from './test-pause.js';

export interface WrittenFile {
  /** As given in the OutputFile: relative to the run folder, '/'-separated. */
  readonly path: string;
  readonly bytes: number;
  /** Hex SHA-256 of the bytes written, for the run manifest. */
  readonly sha256: string;
}

/** The hint of a failure that can only be asxh's own. */
const A_BUG: Said = {
  vi: 'Đây là lỗi của asxh; xin báo lỗi, kèm lệnh đã chạy.',
  en: 'This is a bug in asxh; please report it with the command you ran.',
};

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export async function writeOutputs(
  dir: string,
  files: readonly OutputFile[],
  options: { readonly created: Date; readonly mode?: number },
): Promise<WrittenFile[]> {
  const mode = options.mode ?? FILE_MODE;
  const targets = files.map((file) => targetPath(dir, file.path, files));
  for (const [i, file] of files.entries()) {
    const existing = await stat(targets[i]!).catch(() => null);
    if (existing?.isDirectory()) {
      throw failed(file.path, targets[i]!, FOLDER_IN_THE_WAY, { vi: 'Chuyển hoặc đổi tên thư mục đó, rồi chạy lại.', en: 'Move or rename that folder, then run again.' });
    }
  }

  const temps: (string | undefined)[] = new Array(files.length);
  const written: WrittenFile[] = new Array(files.length);
  const removeTemps = async (): Promise<void> => {
    await Promise.all(temps.map((t) => (t === undefined ? undefined : rm(t, { force: true }).catch(() => undefined))));
  };
  // Each file goes to its temporary file as soon as it is rendered; nothing is renamed into place before all are.
  const deliver = async (i: number, data: Buffer): Promise<void> => {
    const file = files[i]!;
    const target = targets[i]!;
    try {
      await mkdir(path.dirname(target), { recursive: true, mode: DIR_MODE });
    } catch (err) {
      const why = reason(err);
      throw (
        diskError(err, path.dirname(target), { vi: `thư mục của ${quote(file.path)}`, en: `the folder of ${quote(file.path)}` }) ??
        failed(file.path, path.dirname(target), { vi: `không tạo được thư mục chứa tệp: ${why.vi}`, en: `its folder could not be made: ${why.en}` }, hintFor(err))
      );
    }
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}`);
    try {
      await writeSynced(temp, data, mode, () => (temps[i] = temp));
    } catch (err) {
      throw diskError(err, target, quote(file.path)) ?? failed(file.path, target, reason(err), hintFor(err));
    }
    written[i] = { path: file.path, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  };

  try {
    await renderOutputs(files, options, deliver);
  } catch (err) {
    await removeTemps();
    if (err instanceof AsxhError) throw err;
    const file = (err as { failedFile?: string }).failedFile;
    const which = { vi: quote(file ?? '(một tệp kết quả)'), en: quote(file ?? '(an output)') };
    const why = reason(err);
    throw new AsxhError(
      'write_failed',
      {
        vi: `Không ghi được ${which.vi}: lập nội dung của tệp bị lỗi: ${why.vi}.`,
        en: `Could not write ${which.en}: building its content failed: ${why.en}.`,
      },
      { vi: `${A_BUG.vi} Chưa ghi tệp kết quả nào.`, en: `${A_BUG.en} No output file was written.` },
    );
  }

  testPause('writing');
  for (const [i, file] of files.entries()) {
    try {
      await rename(temps[i]!, targets[i]!);
    } catch (err) {
      await removeTemps();
      throw diskError(err, targets[i]!, quote(file.path)) ?? failed(file.path, targets[i]!, reason(err), hintFor(err));
    }
  }
  await syncFolders(targets.map((t) => path.dirname(t)));
  return written;
}

/** Checks the relative path (no absolute path, no '..', no duplicate) and joins it to the run folder. */
function targetPath(dir: string, relative: string, files: readonly OutputFile[]): string {
  const parts = relative.split('/');
  const bad =
    relative === '' ||
    relative.startsWith('/') ||
    relative.includes('\\') ||
    path.isAbsolute(relative) ||
    parts.some((p) => p === '' || p === '.' || p === '..');
  if (bad) {
    throw new AsxhError(
      'internal',
      {
        vi: `Không ghi được ${quote(relative)}: đường dẫn của tệp kết quả phải là đường dẫn tương đối, ngăn bằng '/', nằm trong thư mục của lần chạy.`,
        en: `Could not write ${quote(relative)}: an output path must be a relative, '/'-separated path inside the run folder.`,
      },
      A_BUG,
    );
  }
  if (files.filter((f) => f.path === relative).length > 1) {
    throw new AsxhError(
      'internal',
      { vi: `Không ghi được ${quote(relative)}: hai tệp kết quả của lần chạy có cùng đường dẫn này.`, en: `Could not write ${quote(relative)}: two outputs of the run have that path.` },
      A_BUG,
    );
  }
  return path.join(dir, ...parts);
}

async function writeSynced(file: string, data: Buffer, mode: number, created: () => void): Promise<void> {
  const handle = await open(file, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_TRUNC, mode);
  created();
  try {
    // The mode given to open() is reduced by the umask, and an old temp file keeps its mode: set it outright.
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes the renames themselves; some systems (Windows) cannot open a folder, which is harmless. */
async function syncFolders(folders: readonly string[]): Promise<void> {
  for (const folder of new Set(folders)) {
    try {
      const handle = await open(folder, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // best effort
    }
  }
}

function failed(relative: string, where: string, why: Said, hint: Text): AsxhError {
  return new AsxhError(
    'write_failed',
    { vi: `Không ghi được ${quote(relative)} (${quote(where)}): ${why.vi}.`, en: `Could not write ${quote(relative)} (${quote(where)}): ${why.en}.` },
    hint,
  );
}

const FOLDER_IN_THE_WAY: Said = { vi: 'có một thư mục trùng tên nằm ở đó', en: 'a folder of that name is in the way' };

/** Why a write failed, in both languages; an errno this does not know is told by its own (English) message. */
function reason(err: unknown): Said {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { vi: 'không có quyền ghi', en: 'permission denied' };
    case 'ENOSPC':
      return { vi: 'ổ đĩa đã đầy', en: 'the disk is full' };
    case 'EROFS':
      return { vi: 'ổ đĩa chỉ cho phép đọc', en: 'the disk is read-only' };
    case 'EISDIR':
      return FOLDER_IN_THE_WAY;
    case 'ENOTDIR':
    case 'EEXIST':
      return { vi: 'có một tệp nằm ở chỗ của một thư mục trên đường dẫn', en: 'a file is in the way of a folder on the path' };
    case 'EBUSY':
      return { vi: 'tệp đang mở trong chương trình khác', en: 'the file is open in another program' };
    default: {
      const message = err instanceof Error ? err.message : String(err);
      return { vi: message, en: message };
    }
  }
}

function hintFor(err: unknown): Said {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EBUSY' || code === 'EPERM') return CLOSE_THE_FILE;
  if (code === 'ENOSPC') return FREE_SPACE;
  return {
    vi: 'Kiểm tra thư mục kết quả có tồn tại và ghi được, hoặc chọn thư mục khác, rồi chạy lại.',
    en: 'Check that the output folder exists and is writable, or choose another one, then run again.',
  };
}
