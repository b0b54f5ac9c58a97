// A reader that leaves early (`asxh reconcile … 2>&1 | head -5`) must not change the run: it still writes and
// publishes its outputs and exits with the code it has unpiped; what it would have said is dropped.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixture, ROOT, runCli, tempDir } from '../e2e/run-cli.js';

const tmp = tempDir('asxh-pipes-');
afterAll(() => tmp.cleanup());

/** Runs the CLI with stdout and stderr pipes whose reading ends are closed at once, as `| head -0` would. */
function runWithClosedPipes(args: readonly string[]): Promise<number | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    child.stderr.destroy();
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
}

describe('stdout and stderr closed early', () => {
  it('keeps exit 5 of a folder run with an unreadable list, and publishes the run', async () => {
    const lists = join(tmp.dir, 'lists');
    mkdirSync(lists);
    copyFileSync(fixture('small', 'ncc-dien-hong.csv'), join(lists, 'ncc-dien-hong.csv'));
    copyFileSync(fixture('bad', 'damaged.xls'), join(lists, 'cu.xls'));
    const args = (out: string) => ['reconcile', '--lists', lists, '--registry', fixture('formats', 'registry.csv'), '--out', join(tmp.dir, out), '--run-date', '2026-12-05'];
    const unpiped = runCli(args('unpiped'));
    expect(unpiped.code).toBe(5);
    // Text (the summary at the end) and JSON (a line per stage, from the first list read on).
    for (const [out, extra] of [['text', []], ['json', ['--log-format', 'json']]] as const) {
      expect(await runWithClosedPipes([...args(out), ...extra])).toBe(unpiped.code);
      const run = join(tmp.dir, out, '2026-12-05');
      expect(readFileSync(join(tmp.dir, out, 'latest.txt'), 'utf8').trim()).toBe('2026-12-05');
      expect(readdirSync(run).sort()).toEqual(readdirSync(join(tmp.dir, 'unpiped', '2026-12-05')).sort());
    }
  });

  it('keeps the exit code and every output of `npm run demo` with a JSON log', async () => {
    const dir = fixture('demo');
    const lists = readdirSync(dir).filter((f) => /\.(xlsx|csv)$/i.test(f) && !f.startsWith('registry')).sort().map((f) => join(dir, f));
    const args = (out: string) => ['reconcile', ...lists, '--registry', join(dir, 'registry.csv'), '--out', join(tmp.dir, out), '--run-date', '2026-12-01', '--period', '2026-12', '--log-format', 'json'];
    const unpiped = runCli(args('demo-unpiped'));
    expect(unpiped.code).toBe(1);
    expect(await runWithClosedPipes(args('demo-piped'))).toBe(unpiped.code);
    for (const f of ['manifest.json', 'report.html', 'review.xlsx']) expect(existsSync(join(tmp.dir, 'demo-piped', f))).toBe(true);
    expect(readFileSync(join(tmp.dir, 'demo-piped', 'manifest.json'))).toEqual(readFileSync(join(tmp.dir, 'demo-unpiped', 'manifest.json')));
  });

  it('keeps exit 0 of inspect, which prints to stdout', async () => {
    const args = ['inspect', ...['btxh-xuan-lam.xlsx', 'btxh-minh-duc-tcvn3.xlsx', 'ncc-duc-thinh.csv'].map((f) => fixture('demo', f))];
    expect(runCli(args).code).toBe(0);
    expect(await runWithClosedPipes(args)).toBe(0);
  });
});
