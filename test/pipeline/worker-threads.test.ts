// A large run reads its lists and renders its workbooks on worker threads; the files must not depend on which
// thread made them. Forced here on the demo data (ASXH_READ_WORKERS, ASXH_RENDER_WORKERS), which would otherwise
// stay on one thread.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../e2e/run-cli.js';

const tmp = tempDir('asxh-pool-');
afterAll(() => tmp.cleanup());

function tree(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)).split(sep).join('/'), readFileSync(join(e.parentPath, e.name))]),
  );
}

describe('reading and rendering on worker threads', () => {
  it('writes byte for byte the files one thread writes', () => {
    const lists = readdirSync(fixture('demo')).filter((f) => /\.(xlsx|csv)$/.test(f) && f !== 'registry.csv').map((f) => fixture('demo', f));
    const run = (workers: string, out: string) =>
      runCli(['reconcile', ...lists, '--registry', fixture('demo', 'registry.csv'), '--out', out, '--period', '2026-12', '--run-date', '2026-12-01', '--quiet'], {
        env: { ASXH_RENDER_WORKERS: workers, ASXH_READ_WORKERS: workers },
      });
    expect(run('0', join(tmp.dir, 'one')).code).toBeLessThan(2);
    expect(run('2', join(tmp.dir, 'two')).code).toBeLessThan(2);
    const one = tree(join(tmp.dir, 'one'));
    const two = tree(join(tmp.dir, 'two'));
    expect([...two.keys()].sort()).toEqual([...one.keys()].sort());
    expect([...one.keys()].some((f) => f.endsWith('.xlsx'))).toBe(true);
    for (const [f, bytes] of one) expect(Buffer.compare(bytes, two.get(f)!), f).toBe(0);
  }, 60_000);
});
