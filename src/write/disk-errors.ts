// Writing can fail for reasons that are the machine's, not asxh's: a full disk, a read-only folder, no
// permission. Those get their own error codes and exit code 6 (EXIT.disk), and a message that names the path and
// says which it is. Node's recursive mkdir can report ENOENT for a folder that exists when its parent cannot be
// written; the path's nearest existing folder is then asked what is wrong.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { AsxhError, quote, type ErrorCode } from '../errors.js';

const KINDS: Readonly<Record<string, { code: ErrorCode; why: string; hint: string }>> = {
  ENOSPC: { code: 'output_disk_full', why: 'the disk is full', hint: 'Free some disk space or choose another output folder, then run again.' },
  EDQUOT: { code: 'output_disk_full', why: 'the disk quota is used up', hint: 'Free some disk space or choose another output folder, then run again.' },
  EROFS: { code: 'output_read_only', why: 'the disk is read-only', hint: 'Choose an output folder on a writable disk (or remount it read-write), then run again.' },
  EACCES: { code: 'output_permission', why: 'permission denied', hint: 'Check the folder permissions (the user running asxh must be able to write there), or choose another output folder.' },
  EPERM: { code: 'output_permission', why: 'the operation is not permitted (permissions, or the file is open in another program)', hint: 'Close the file if it is open in Excel or another program, check the folder permissions, then run again.' },
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
 * The AsxhError for a failed write of `target` (`what`: what was being written, for the message), when the cause
 * is the disk or the permissions; null for any other cause.
 */
export function diskError(err: unknown, target: string, what: string): AsxhError | null {
  let code = errnoCode(err);
  if (code === 'ENOENT') code = probe(target) ?? code;
  const kind = code === undefined ? undefined : KINDS[code];
  if (kind === undefined) return null;
  return new AsxhError(kind.code, `Could not write ${what} (${quote(target)}): ${kind.why}.`, kind.hint);
}
