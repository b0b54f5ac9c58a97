// Issue 13: a run killed (SIGKILL) while writing left a bank file under its final name, ready to send, beside
// hidden .NAME.tmp-PID files holding personal data and no manifest.json; --force never removed them. Here real
// bin/asxh processes are stopped at each step of publishing and killed there; what is on disk must then be the
// previous complete run or the new complete one, and the next run must leave nothing of the killed one behind.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT, runCli, tempDir } from './run-cli.js';

const tmp = tempDir('asxh-crash-');
afterAll(() => tmp.cleanup());

const LISTS = [fixture('small', 'btxh-nghia-thuan.xlsx'), fixture('small', 'ncc-dien-hong.csv')];
const REGISTRY = fixture('small', 'registry.csv');

function args(out: string, period: string): string[] {
  return ['reconcile', ...LISTS, '--registry', REGISTRY, '--out', out, '--period', period, '--quiet', '--force'];
}

/** Start bin/asxh stopped at `point` (ASXH_TEST_PAUSE) and kill it with SIGKILL once it says it is there. */
function killAt(point: string, argv: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd: ROOT, env: { ...process.env, ASXH_TEST_PAUSE: point, NO_COLOR: '1' } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes(`ASXH_TEST_PAUSE ${point}`)) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') done();
      else fail(new Error(`asxh ended (code ${code}) before reaching ${point}: ${err}`));
    });
  });
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * The period of the complete run in `out`: its manifest lists exactly the files there (with their checksums),
 * the payment files among them. Fails on any mix.
 */
function completeRun(out: string, officers: readonly string[] = ['ghi-chu.txt']): string {
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    settings: { pay: { period: string } };
    outputs: { name: string; sha256: string }[];
  };
  expect([...manifest.outputs.map((o) => o.name), 'manifest.json'].sort()).toEqual(files(out).filter((f) => !officers.includes(f)));
  for (const o of manifest.outputs) {
    expect(createHash('sha256').update(readFileSync(join(out, o.name))).digest('hex'), o.name).toBe(o.sha256);
  }
  expect(files(out).some((f) => f.startsWith('payments/bank-'))).toBe(true);
  return manifest.settings.pay.period;
}

/** Hidden folders and files a killed run leaves: staging folders beside the output, temp files in it. */
function leftovers(parent: string): string[] {
  return readdirSync(parent, { recursive: true }).map(String).filter((p) => /asxh-(new|ready|old)-|\.tmp-\d+$|asxh-lock$/.test(p));
}

describe('a run killed while publishing', () => {
  // Where each kill leaves the folder: the first run's (2026-11) files, or the second's (2026-12), whole.
  const cases: [point: string, after: '2026-11' | '2026-12' | 'absent'][] = [
    ['writing', '2026-11'],
    ['staged', '2026-11'],
    ['ready', '2026-11'],
    ['swapped', 'absent'],
    ['published', '2026-12'],
  ];
  for (const [point, after] of cases) {
    it(`killed at "${point}": the folder holds ${after === 'absent' ? 'nothing for an instant, and the next run finds the new one' : `the ${after} run, whole`}; the next run clears what was left`, async () => {
      const parent = join(tmp.dir, point);
      const out = join(parent, 'ket-qua');
      expect(runCli(args(out, '2026-11')).code).toBeLessThan(2);
      // An officer's own file in the folder is never lost.
      writeFileSync(join(out, 'ghi-chu.txt'), 'ghi chú của cán bộ');
      // What a crash of an earlier version left: a temp file of a bank batch, personal data.
      writeFileSync(join(out, 'payments', '.bank-970405-agribank.csv.tmp-4242'), 'half a bank file');
      await killAt(point, args(out, '2026-12'));

      expect(leftovers(parent).length).toBeGreaterThan(0);
      if (after === 'absent') {
        expect(existsSync(out)).toBe(false);
      } else {
        expect(readFileSync(join(out, 'ghi-chu.txt'), 'utf8')).toBe('ghi chú của cán bộ');
        expect(completeRun(out)).toBe(after);
      }

      // The next run of the folder settles what the killed one left (a finished run left ready is put in place).
      if (after === 'absent') {
        const settle = runCli(['reconcile', ...LISTS, '--registry', REGISTRY, '--out', out, '--period', '2026-12', '--quiet']);
        expect(settle.code, settle.stderr).toBe(2); // the restored run is there: refused without --force
        expect(completeRun(out)).toBe('2026-12');
      }
      const again = runCli(args(out, '2026-12'));
      expect(again.code, again.stderr).toBeLessThan(2);
      expect(completeRun(out)).toBe('2026-12');
      expect(readFileSync(join(out, 'ghi-chu.txt'), 'utf8')).toBe('ghi chú của cán bộ');
      expect(leftovers(parent)).toEqual([]);
    }, 60_000);
  }
});

describe('a nightly run killed while publishing', () => {
  it('is settled by the next night: the dated folder comes back whole, latest points at it, nothing is left', async () => {
    const lists = join(tmp.dir, 'lists');
    const root = join(tmp.dir, 'night');
    for (const l of LISTS) {
      mkdirSync(lists, { recursive: true });
      copyFileSync(l, join(lists, basename(l)));
    }
    const night = (extra: string[]) => ['reconcile', '--lists', lists, '--registry', REGISTRY, '--out', root, '--period', '2026-12', '--run-date', '2026-12-01', '--quiet', ...extra];
    expect(runCli(night([])).code).toBeLessThan(2);
    await killAt('swapped', night(['--force']));
    expect(existsSync(join(root, '2026-12-01'))).toBe(false);
    const next = runCli(night(['--force']));
    expect(next.code, next.stderr).toBeLessThan(2);
    expect(completeRun(join(root, '2026-12-01'))).toBe('2026-12');
    expect(readFileSync(join(root, 'latest.txt'), 'utf8')).toBe('2026-12-01\n');
    expect(leftovers(root)).toEqual([]);
  }, 60_000);
});

describe('replacing a folder with --force', () => {
  it("drops the earlier run's files the new run does not write (no stale bank file beside a new manifest), keeps the officer's", () => {
    const out = join(tmp.dir, 'replace', 'ket-qua');
    expect(runCli(args(out, '2026-11')).code).toBeLessThan(2);
    writeFileSync(join(out, 'ghi-chu.txt'), 'ghi chú của cán bộ');
    const r = runCli(['reconcile', ...LISTS, '--registry', REGISTRY, '--out', out, '--quiet', '--force']);
    expect(r.code, r.stderr).toBeLessThan(2);
    expect(files(out).filter((f) => f.startsWith('payments/'))).toEqual([]);
    expect(readFileSync(join(out, 'ghi-chu.txt'), 'utf8')).toBe('ghi chú của cán bộ');
    expect(leftovers(join(tmp.dir, 'replace'))).toEqual([]);
  });
});

describe('an output folder that is a mount point (cannot be renamed)', () => {
  const mountAt = join(tmp.dir, 'share');
  const canMount =
    process.platform === 'linux' &&
    process.getuid?.() === 0 &&
    (mkdirSync(mountAt, { recursive: true }), spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', mountAt]).status === 0);
  afterAll(() => {
    if (canMount) spawnSync('umount', [mountAt]);
  });

  it.runIf(canMount)('is staged inside and published file by file, manifest last; a run killed once finished is finished by the next', async () => {
    expect(runCli(args(mountAt, '2026-11')).code).toBeLessThan(2);
    expect(completeRun(mountAt, [])).toBe('2026-11');
    await killAt('ready', args(mountAt, '2026-12'));
    // Killed before a file moved: still the first run, whole, beside the finished one.
    expect(completeRun(mountAt, files(mountAt).filter((f) => f.startsWith('.asxh-ready-')))).toBe('2026-11');
    const next = runCli(['reconcile', ...LISTS, '--registry', REGISTRY, '--out', mountAt, '--period', '2026-12', '--quiet']);
    expect(next.code).toBe(2); // the finished run was put in place: the folder is not empty, no --force
    expect(completeRun(mountAt, [])).toBe('2026-12');
    expect(leftovers(mountAt)).toEqual([]);
  }, 60_000);
});
