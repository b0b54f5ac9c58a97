// Writing can fail for reasons that are the machine's, not asxh's: a full disk, a read-only folder, no
// permission. Those get their own error codes and exit code 6 (EXIT.disk), and a message that names the path and
// says which it is. Node's recursive mkdir can report ENOENT for a folder that exists when its parent cannot be
// written; the path's nearest existing folder is then asked what is wrong.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { AsxhError, quote, textIn, type ErrorCode, type Said, type Text } from '../errors.js';

/** The hint when a file may be open in Excel: shared with write-outputs.ts. */
export const CLOSE_THE_FILE: Said = {
  vi: 'Đóng tệp nếu đang mở trong Excel hay chương trình khác, kiểm tra quyền của thư mục, rồi chạy lại.',
  en: 'Close the file if it is open in Excel or another program, check the folder permissions, then run again.',
};

export const FREE_SPACE: Said = {
  vi: 'Giải phóng dung lượng ổ đĩa hoặc chọn thư mục kết quả khác, rồi chạy lại.',
  en: 'Free some disk space or choose another output folder, then run again.',
};

const KINDS: Readonly<Record<string, { code: ErrorCode; why: Said; hint: Said }>> = {
  ENOSPC: { code: 'output_disk_full', why: { vi: 'ổ đĩa đã đầy', en: 'the disk is full' }, hint: FREE_SPACE },
  EDQUOT: { code: 'output_disk_full', why: { vi: 'đã dùng hết hạn mức dung lượng ổ đĩa', en: 'the disk quota is used up' }, hint: FREE_SPACE },
  EROFS: {
    code: 'output_read_only',
    why: { vi: 'ổ đĩa chỉ cho phép đọc', en: 'the disk is read-only' },
    hint: {
      vi: 'Chọn thư mục kết quả trên ổ đĩa ghi được (hoặc gắn lại ổ đĩa cho phép ghi), rồi chạy lại.',
      en: 'Choose an output folder on a writable disk (or remount it read-write), then run again.',
    },
  },
  EACCES: {
    code: 'output_permission',
    why: { vi: 'không có quyền ghi', en: 'permission denied' },
    hint: {
      vi: 'Kiểm tra quyền của thư mục (người chạy asxh phải ghi được vào đó), hoặc chọn thư mục kết quả khác.',
      en: 'Check the folder permissions (the user running asxh must be able to write there), or choose another output folder.',
    },
  },
  EPERM: {
    code: 'output_permission',
    why: {
      vi: 'không được phép (do quyền của thư mục, hoặc tệp đang mở trong chương trình khác)',
      en: 'the operation is not permitted (permissions, or the file is open in another program)',
    },
    hint: CLOSE_THE_FILE,
  },
};

function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What is wrong with writing at `target`, asked of its nearest existing folder: an errno code or null. */
function probe(target: string): string | null {
  let dir = path.resolve(target);
  for (;;) {
    try {
      if (statSync(dir).isDirectory()) {
        accessSync(dir, constants.W_OK);
        return null;
      }
    } catch (err) {
      const code = errnoCode(err);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return code ?? null;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * The AsxhError for a failed write of `target` (`what`: what was being written, for the message; a plain string
 * is the same in both languages, e.g. a quoted file name), when the cause is the disk or the permissions; null
 * for any other cause.
 */
export function diskError(err: unknown, target: string, what: Text): AsxhError | null {
  let code = errnoCode(err);
  if (code === 'ENOENT') code = probe(target) ?? code;
  const kind = code === undefined ? undefined : KINDS[code];
  if (kind === undefined) return null;
  return new AsxhError(
    kind.code,
    {
      vi: `Không ghi được ${textIn(what, 'vi')} (${quote(target)}): ${kind.why.vi}.`,
      en: `Could not write ${textIn(what, 'en')} (${quote(target)}): ${kind.why.en}.`,
    },
    kind.hint,
  );
}

/** What was being written, as the messages of publish.ts and run-folder.ts name it. */
export const OUTPUT_FOLDER: Said = { vi: 'thư mục kết quả', en: 'the output folder' };
export const LOCK_FILE: Said = { vi: 'tệp khóa', en: 'the lock file' };

/** `action`, with a disk, read-only or permission failure as its AsxhError (exit 6); anything else as it is. */
export function onDisk<T>(target: string, what: Text, action: () => T): T {
  try {
    return action();
  } catch (err) {
    throw diskError(err, target, what) ?? err;
  }
}
