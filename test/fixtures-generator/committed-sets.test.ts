import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSet, writeSet } from '../../fixtures/generator/fixture-set.js';
import { setDefinition, type SetName } from '../../fixtures/generator/sets.js';

// The committed sets must be what the generator makes today, or tests elsewhere compare against stale truth.
// XLSX bytes depend on the exceljs version, so those are compared through their truth files only.
const root = join(import.meta.dirname, '..', '..', 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'asxh-fixgen-committed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(base: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(base, { withFileTypes: true })) {
    if (name.isDirectory()) out.push(...files(join(base, name.name)).map((f) => `${name.name}/${f}`));
    else out.push(name.name);
  }
  return out.sort();
}

describe.each(['small', 'demo', 'y2026'] as SetName[])('committed fixtures/%s', (name) => {
  const committed = join(root, name);
  it.runIf(existsSync(committed))('matches a fresh run of the generator (run the fixtures CLI again if not)', async () => {
    const out = join(dir, name);
    await writeSet(generateSet(setDefinition(name)), out);
    const fresh = files(out);
    expect(files(committed).filter((f) => f !== 'README.md')).toEqual(fresh);
    for (const f of fresh.filter((x) => !x.endsWith('.xlsx'))) {
      expect(readFileSync(join(committed, f)).equals(readFileSync(join(out, f))), f).toBe(true);
    }
  });
});
