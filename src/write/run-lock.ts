// The lock of a batch output root (ROOT/.asxh.lock), so two nightly runs never write over each other, and a
// lock nobody holds never blocks the night. The file says who holds it: the PID on its first line (as before),
// then the host, the boot time and, on Linux, the process's start time in clock ticks (/proc/PID/stat field 22).
//
// A lock is stale, and taken over, when its process is gone, or when the PID is alive but is not that asxh run:
// on Linux, a start time that differs (the PID was reused) or a command line that is not asxh (/proc/PID/cmdline);
// elsewhere, a boot time that differs (the PID came back after a reboot). A lock from another host is never
// judged stale (its processes cannot be seen from here). Written with open(O_EXCL), so of two runs starting
// together one wins; no lock library is needed for that (proper-lockfile and the like judge staleness by the
// file's age, which a run of several hours outlives, and do not look at what the PID is).
import { closeSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { basename } from 'node:path';
import { AsxhError, quote } from '../errors.js';

export const LOCK = '.asxh.lock';

interface Holder {
  readonly pid: number;
  readonly host: string | null;
  /** ms since the epoch, to the nearest minute. */
  readonly boot: number | null;
  /** Linux: /proc/PID/stat start time, clock ticks after boot. */
  readonly start: string | null;
}

function bootTime(): number {
  return Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000;
}

/** Linux: the process's start time in clock ticks after boot; null where /proc cannot tell. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Linux: the process's arguments; null where /proc cannot tell. */
function commandLine(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
  } catch {
    return null;
  }
}

/** An asxh process: its launcher (bin/asxh, or `asxh` on the PATH), the compiled CLI, or this very program. */
export function isAsxhCommand(args: readonly string[]): boolean {
  const self = process.argv[1];
  return args.some((a) => {
    const name = basename(a);
    return name === 'asxh' || name === 'asxh.js' || /[\\/]cli[\\/]main\.[jt]s$/.test(a) || (self !== undefined && a === self);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): Holder {
  const [first, ...rest] = text.split('\n');
  const fields = new Map(rest.map((l) => l.split('=', 2) as [string, string]).filter((kv) => kv.length === 2));
  const boot = Number(fields.get('boot'));
  return {
    pid: Number.parseInt(first ?? '', 10),
    host: fields.get('host') ?? null,
    boot: Number.isFinite(boot) && boot > 0 ? boot : null,
    start: fields.get('start') ?? null,
  };
}

/** Why the holder no longer holds the lock, or null when it is a live asxh run (or cannot be told from here). */
export function staleReason(holder: Holder): string | null {
  if (!Number.isSafeInteger(holder.pid) || holder.pid <= 0) return 'it names no process';
  if (holder.host !== null && holder.host !== hostname()) return null;
  if (holder.pid === process.pid) return null;
  if (!alive(holder.pid)) return `process ${holder.pid} is gone`;
  const start = processStartTicks(holder.pid);
  if (start !== null && holder.start !== null && start !== holder.start) return `process ${holder.pid} is another process than the one that took it (its start time differs)`;
  const args = commandLine(holder.pid);
  if (args !== null) return isAsxhCommand(args) ? null : `process ${holder.pid} is not asxh`;
  // No /proc: a boot time that differs means the PID came back after a reboot.
  if (holder.boot !== null && Math.abs(holder.boot - bootTime()) > 120_000) return `process ${holder.pid} was started after a reboot`;
  return null;
}

/** Take the lock at `path`; returns the function that releases it. */
export function takeLock(path: string, root: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      const start = processStartTicks(process.pid);
      writeSync(fd, `${process.pid}\nhost=${hostname()}\nboot=${bootTime()}\n${start !== null ? `start=${start}\n` : ''}`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        continue; // Released between our open and our read.
      }
      const holder = parseHolder(text);
      if (staleReason(holder) === null) {
        const elsewhere = holder.host !== null && holder.host !== hostname();
        throw new AsxhError(
          'output_locked',
          {
            vi: `Không bắt đầu được lần chạy trong ${quote(root)}: thư mục đang được một lần chạy asxh khác (tiến trình ${holder.pid}${elsewhere ? ` trên máy ${holder.host}` : ''}) ghi vào`,
            en: `Cannot start a run in ${quote(root)}: another asxh run (process ${holder.pid}${elsewhere ? ` on ${holder.host}` : ''}) is writing there`,
          },
          {
            vi: `Chờ lần chạy đó xong. Nếu không có asxh nào đang chạy, xóa ${quote(path)}.`,
            en: `Wait for it to finish. If no asxh is running, delete ${quote(path)}.`,
          },
        );
      }
      // A crash, a reboot, or a PID now used by another program: the lock is stale.
      try {
        unlinkSync(path);
      } catch {
        // Another run took it over first.
      }
    }
  }
  throw new AsxhError('output_locked', { vi: `Không lấy được khóa ${quote(path)}`, en: `Cannot take the lock ${quote(path)}` });
}
