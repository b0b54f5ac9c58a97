import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi, onTestFinished } from 'vitest';
import { generateSet, truthJson } from '../../fixtures/generator/fixture-set.js';
import { setDefinition } from '../../fixtures/generator/sets.js';

const dir = mkdtempSync(join(tmpdir(), 'asxh-fixgen-det-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(seed: number, tag: string): Promise<{ truths: string[]; files: Buffer[]; registry: Buffer }> {
  const set = generateSet(setDefinition('small', { seed, listRows: 25, registryRows: 1500 }));
  const files = await Promise.all(set.lists.map((l) => l.render()));
  const path = join(dir, `registry-${tag}.csv`);
  set.writeRegistry(path);
  return { truths: set.lists.map((l) => truthJson(l.truth)), files, registry: readFileSync(path) };
}

describe('the same seed gives the same fixtures', () => {
  it('byte-identical truth, lists (XLSX and CSV) and registry from two runs', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-05-17T03:04:05Z') });
    onTestFinished(() => vi.useRealTimers());
    const a = await run(42, 'a1');
    vi.setSystemTime(Date.now() + 3_600_000); // an hour later on the clock: a clock-stamped zip would now differ
    const b = await run(42, 'a2');
    expect(b.truths).toEqual(a.truths);
    expect(b.files.length).toBe(9);
    b.files.forEach((f, i) => expect(f.equals(a.files[i] as Buffer)).toBe(true));
    expect(b.registry.equals(a.registry)).toBe(true);
  });

  it('another seed gives other people', async () => {
    const a = await run(42, 'b1');
    const c = await run(43, 'b2');
    expect(c.registry.equals(a.registry)).toBe(false);
    expect(c.truths[0]).not.toBe(a.truths[0]);
  });
});
