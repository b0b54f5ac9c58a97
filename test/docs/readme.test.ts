// The README is the contract scripts and auditors read: every code and column the tool can write must be
// documented there, or this fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, EXIT } from '../../src/errors.js';
import { PROBLEM_CODES } from '../../src/normalize/problem-codes.js';
import { CLEANED_CSV_COLUMNS } from '../../src/report/cleaned-columns.js';
import { MATCH_REPORT_COLUMNS } from '../../src/report/match-report.js';
import { SKIP_REASONS } from '../../src/types.js';
import { DECISION_FLAGS, MATCH_FLAGS } from '../../src/match/flags.js';
import { DUPLICATE_FLAGS } from '../../src/dedupe/apply-duplicate-flags.js';
import { EXCLUSION_REASONS } from '../../src/pay/types.js';
import { DUPLICATE_COLUMNS } from '../../src/report/duplicates-report.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it('opens with the install-and-demo command and the test command', () => {
    const head = readme.split('\n').slice(0, 6).join('\n');
    expect(head).toContain('npm ci && npm run demo');
    expect(head).toContain('npm test');
  });

  it('documents every problem code', () => {
    for (const code of Object.keys(PROBLEM_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });

  it('documents every column of the cleaned CSV and the match report', () => {
    for (const c of [...CLEANED_CSV_COLUMNS, ...MATCH_REPORT_COLUMNS]) expect(readme, c.key).toContain(`\`${c.key}\``);
  });

  it('documents every flag of the match report and every reason a row is not paid', () => {
    for (const f of [...Object.keys(MATCH_FLAGS), ...Object.keys(DUPLICATE_FLAGS), ...EXCLUSION_REASONS]) expect(readme, f).toContain(`\`${f}\``);
  });

  it('documents every column of duplicates.csv', () => {
    for (const c of DUPLICATE_COLUMNS) expect(readme, c.key).toContain(`\`${c.key}\``);
  });

  it('documents every skip reason', () => {
    for (const r of SKIP_REASONS) expect(readme, r).toContain(`\`${r}\``);
  });

  it('documents every exit code', () => {
    for (const code of new Set(Object.values(EXIT))) expect(readme).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
    expect(Object.keys(ERROR_CODES).length).toBeGreaterThan(0);
  });
});
