import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from '../../src/normalize/problem-codes.js';

// The normalisers, the places stage, the entitlement checks (src/rules) and, for file-level codes, the readers.
const dirs = ['../../src/normalize/', '../../src/places/', '../../src/rules/', '../../src/read/'].map((d) => fileURLToPath(new URL(d, import.meta.url)));
const sources = dirs
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'problem-codes.ts').map((f) => readFileSync(dir + f, 'utf8')))
  .join('\n');

describe('the problem-code catalogue', () => {
  const entries = Object.entries(PROBLEM_CODES);

  it.each(entries)('%s has a severity and a one-line English description', (code, info) => {
    expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)+$/);
    expect(['error', 'warning', 'info']).toContain(info.severity);
    expect(info.description).toMatch(/^[A-Z0-9].*\.$/);
    expect(info.description).not.toContain('\n');
  });

  it('lists no code the normalisers never use (the README shows only real ones)', () => {
    const unused = entries.map(([code]) => code).filter((code) => !sources.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
