// Batch mode's file handling: which files are lists, and the run folder with its lock and latest pointer.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { findLists } from '../../src/read/find-lists.js';
import { openRunFolder } from '../../src/write/run-folder.js';
import { processStartTicks } from '../../src/write/run-lock.js';

const root = mkdtempSync(join(tmpdir(), 'asxh-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findLists', () => {
  it('takes every .xlsx, .csv and .txt in the tree, in a stable order, and skips lock files, hidden files and the output folder', () => {
    const lists = join(root, 'lists');
    for (const f of ['xa-b/ds.xlsx', 'xa-a/DS.CSV', 'xa-a/ghi-chu.docx', 'xa-a/~$ds.xlsx', '.hidden.csv', 'out/match-report.csv', 'unicode.txt']) {
      mkdirSync(join(lists, f, '..'), { recursive: true });
      writeFileSync(join(lists, f), 'x');
    }
    const found = findLists(lists, [join(lists, 'out')]);
    expect(found.map((f) => f.name)).toEqual(['unicode.txt', 'xa-a/DS.CSV', 'xa-b/ds.xlsx']);
    expect(found[2]!.path).toBe(join(lists, 'xa-b', 'ds.xlsx'));
  });

  it('refuses a folder that does not exist', () => {
    expect(() => findLists(join(root, 'nowhere'))).toThrow(AsxhError);
  });
});

describe('openRunFolder', () => {
  it('stages the run beside its dated folder, holds the lock, and publishes it and latest together', () => {
    const out = join(root, 'runs');
    const run = openRunFolder(out, '2026-12-01', false);
    expect(run.target).toBe(join(out, '2026-12-01'));
    expect(run.dir).not.toBe(run.target);
    expect(existsSync(join(out, '.asxh.lock'))).toBe(true);
    writeFileSync(join(run.dir, 'match-report.csv'), 'x');
    // Nothing is visible under the run's name, and latest names nothing, until the run is published.
    expect(existsSync(run.target)).toBe(false);
    expect(existsSync(join(out, 'latest.txt'))).toBe(false);
    run.publish();
    run.release();
    expect(readFileSync(join(out, '2026-12-01', 'match-report.csv'), 'utf8')).toBe('x');
    expect(readFileSync(join(out, 'latest.txt'), 'utf8').trim()).toBe('2026-12-01');
    expect(readlinkSync(join(out, 'latest'))).toBe('2026-12-01');
    expect(existsSync(join(out, '.asxh.lock'))).toBe(false);
    expect(existsSync(run.dir)).toBe(false);
  });

  it('will not replace a run of the same date without force; with it, the old run stays whole until the new one is published', () => {
    const out = join(root, 'runs');
    expect(() => openRunFolder(out, '2026-12-01', false)).toThrow(/already there/);
    expect(existsSync(join(out, '.asxh.lock'))).toBe(false);
    const run = openRunFolder(out, '2026-12-01', true);
    expect(existsSync(join(run.dir, 'match-report.csv'))).toBe(false);
    expect(readFileSync(join(out, '2026-12-01', 'match-report.csv'), 'utf8')).toBe('x');
    writeFileSync(join(run.dir, 'review.xlsx'), 'y');
    run.publish();
    run.release();
    expect(readdirSync(join(out, '2026-12-01'))).toEqual(['review.xlsx']);
  });

  it('a failed run leaves the earlier run of that date as it was', () => {
    const out = join(root, 'runs');
    const run = openRunFolder(out, '2026-12-01', true);
    writeFileSync(join(run.dir, 'payments.csv'), 'half');
    run.discard();
    run.release();
    expect(readdirSync(join(out, '2026-12-01'))).toEqual(['review.xlsx']);
    expect(readdirSync(out).filter((e) => e.includes('asxh-'))).toEqual([]);
  });

  it('takes over a lock left by a process that is gone', () => {
    const out = join(root, 'stale');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.asxh.lock'), '999999999\n');
    const run = openRunFolder(out, '2026-12-02', false);
    run.release();
    expect(existsSync(join(out, '.asxh.lock'))).toBe(false);
  });

  it('refuses while a live process holds the lock', () => {
    const out = join(root, 'held');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.asxh.lock'), `${process.pid}\n`);
    expect(() => openRunFolder(out, '2026-12-02', false)).toThrow(/another asxh run/);
  });

  // Issue 13: a PID reused after a reboot by a program that is not asxh blocked every nightly run.
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });
  async function started(args: string[]): Promise<number> {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    children.push(child);
    await new Promise((r) => child.once('spawn', r));
    return child.pid!;
  }

  it.runIf(process.platform === 'linux')('takes over a lock whose live process is not asxh', async () => {
    const pid = await started(['-e', 'setInterval(() => {}, 1000)']);
    const out = join(root, 'not-asxh');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.asxh.lock'), `${pid}\n`);
    const run = openRunFolder(out, '2026-12-02', false);
    expect(readFileSync(join(out, '.asxh.lock'), 'utf8').split('\n')[0]).toBe(String(process.pid));
    run.release();
  });

  it.runIf(process.platform === 'linux')('still refuses a lock held by a live asxh run, unless its PID was reused', async () => {
    // A process run as bin/asxh is (node …/bin/asxh …), kept alive.
    const pid = await started(['-e', 'setInterval(() => {}, 1000)', join(process.cwd(), 'bin', 'asxh'), 'reconcile']);
    const out = join(root, 'live-asxh');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '.asxh.lock'), `${pid}\nstart=${processStartTicks(pid)}\n`);
    expect(() => openRunFolder(out, '2026-12-02', false)).toThrow(/another asxh run/);
    // The same PID with another start time: the asxh that took the lock is gone and the PID was given again.
    writeFileSync(join(out, '.asxh.lock'), `${pid}\nstart=1\n`);
    openRunFolder(out, '2026-12-02', false).release();
  });
});
