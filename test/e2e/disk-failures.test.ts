// Issue 13, item 8: a full disk, a read-only output folder or missing permissions exit 6 (EXIT.disk) with the
// path and what is wrong, never "internal error" nor "ENOENT … mkdir" for a folder that exists; --out equal to
// or inside --lists is refused as such (exit 2).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { diskError } from '../../src/write/disk-errors.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
const mounted: string[] = [];
afterAll(() => {
  for (const m of mounted) {
    spawnSync('umount', [m]);
    rmdirSync(m);
  }
  tmp.cleanup();
});

/** A small tmpfs (root on Linux only); null where this machine cannot mount one. */
function tmpfs(name: string, options: string): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = join(tmp.dir, name);
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (r.status !== 0) {
    rmdirSync(dir);
    return null;
  }
  mounted.push(dir);
  return dir;
}

const LIST = fixture('demo', 'btxh-xuan-lam.xlsx');
const REGISTRY = fixture('demo', 'registry.csv');
const canMount = tmpfs('probe', 'size=64k') !== null;

describe('disk failures while writing', () => {
  it('classifies the errno of a failed write, naming the path', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(diskError(err('ENOSPC'), '/x/out/a.csv', 'a.csv')).toMatchObject({ code: 'output_disk_full', exitCode: 6 });
    expect(diskError(err('EROFS'), '/x/out', 'the output folder')).toMatchObject({ code: 'output_read_only', exitCode: 6 });
    expect(diskError(err('EACCES'), '/x/out', 'the output folder')).toMatchObject({ code: 'output_permission', exitCode: 6 });
    expect(diskError(err('EACCES'), '/x/out', 'the output folder')!.message).toContain('"/x/out"');
    expect(diskError(err('EISDIR'), '/x/out', 'x')).toBeNull();
    expect(EXIT.disk).toBe(6);
  });

  it.runIf(canMount)('a full disk: exit 6, output_disk_full, the path named', () => {
    const full = tmpfs('full', 'size=64k')!;
    const out = join(full, 'ket-qua');
    const r = runCli(['reconcile', LIST, '--registry', REGISTRY, '--out', out, '--run-date', '2026-12-01', '--quiet', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(6);
    expect(r.stderr).toContain('the disk is full');
    expect(r.stderr).toContain(full);
    expect(r.stderr).not.toContain('internal error');
  });

  it.runIf(canMount)('a read-only output folder that exists: exit 6, read-only, never ENOENT', () => {
    const ro = tmpfs('ro', 'ro,size=64k')!;
    for (const out of [ro, join(ro, 'ket-qua')]) {
      const r = runCli(['reconcile', LIST, '--registry', REGISTRY, '--out', out, '--run-date', '2026-12-01', '--quiet', '--lang', 'en']);
      expect(r.code, r.stderr).toBe(6);
      expect(r.stderr).toContain('read-only');
      expect(r.stderr).not.toMatch(/ENOENT|internal error/);
    }
    const batch = runCli(['reconcile', '--lists', fixture('demo'), '--registry', REGISTRY, '--out', join(ro, 'dem'), '--run-date', '2026-12-01', '--quiet', '--lang', 'en']);
    expect(batch.code, batch.stderr).toBe(6);
    expect(batch.stderr).toContain('read-only');
  });
});

describe('--out and --lists', () => {
  it('refuses --out equal to or inside --lists (exit 2), as such', () => {
    const lists = join(tmp.dir, 'lists');
    mkdirSync(lists);
    cpSync(LIST, join(lists, 'btxh-xuan-lam.xlsx'));
    for (const out of [lists, join(lists, 'ket-qua'), join(lists, '.', 'ket-qua', '2026')]) {
      const r = runCli(['reconcile', '--lists', lists, '--registry', REGISTRY, '--out', out, '--run-date', '2026-12-01', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--lists folder/);
    }
  });
});
