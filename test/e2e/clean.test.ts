// `asxh clean` and `asxh inspect` on every kind of committed fixture, checked against the generator's truth.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRun, formatQuality, loadTruths, type QualityReport } from '../../fixtures/generator/evaluate.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const SMALL = fixture('small');
const lists = readdirSync(SMALL).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry')).sort();
const out = tempDir();
let quality: QualityReport;
let stderr = '';
let code: number | null = null;

beforeAll(() => {
  const r = runCli(['clean', ...lists.map((f) => join(SMALL, f)), '--out', out.dir, '--run-date', '2026-12-01', '--lang', 'en']);
  code = r.code;
  stderr = r.stderr;
  quality = evaluateRun(out.dir, SMALL);
  process.stdout.write(`${formatQuality('clean fixtures/small', quality)}\n`);
});
afterAll(() => out.cleanup());

describe('asxh clean on fixtures/small', () => {
  it('reads every kind of list the generator makes', () => {
    const variants = new Set(loadTruths(SMALL).map((t) => t.variant));
    expect(variants.size).toBeGreaterThanOrEqual(8);
    expect(code).toBe(1);
  });

  it('loses no row: each truth row is a person or a skipped row, once, and the summary proves the count', () => {
    expect(quality.rows.lost).toBe(0);
    expect(quality.rows.twice).toBe(0);
    expect(quality.rows.extra).toBe(0);
    expect(quality.rows.wrongKind).toBe(0);
    const total = stderr.match(/Total: (\d+) rows read = (\d+) people \+ (\d+) skipped/);
    expect(total).not.toBeNull();
    expect(Number(total![1])).toBe(quality.rows.truth);
    expect(Number(total![2])).toBe(quality.rows.persons);
    expect(Number(total![3])).toBe(quality.rows.skipped);
  });

  it('gives skipped rows the reason the truth gives', () => {
    expect(quality.rows.wrongReason).toBe(0);
  });

  it('normalises every field right on at least 99 % of people rows', () => {
    for (const [field, s] of Object.entries(quality.fields)) {
      expect(s.right / s.total, `${field}: ${s.right}/${s.total}`).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('stores IDs and accounts as text in the cleaned CSV, leading zeros kept', () => {
    const csv = readFileSync(join(out.dir, 'cleaned', 'ncc-dien-hong.cleaned.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/,0\d{11},/);
  });
});

describe('asxh inspect', () => {
  it('shows the header rows, the legacy font and the mapping of an official TCVN3 list, with IDs masked', () => {
    const r = runCli(['inspect', join(SMALL, 'btxh-dien-hong-tcvn3.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/header rows \d+–\d+/);
    expect(r.stdout).toMatch(/legacy text: TCVN3, found by font, \d+ cells decoded in columns [A-Z]/);
    expect(r.stdout).toContain('→ name');
    expect(r.stdout).toContain('→ birth_date_male');
    expect(r.stdout).toMatch(/rows read \d+ = \d+ people \+ \d+ skipped/);
    expect(r.stdout).not.toMatch(/\b0\d{11}\b/);
  });

  it('shows the sections, the columns deliberately not used and why, and the rows the list removes', () => {
    const r = runCli(['inspect', join(SMALL, '..', 'y2026', 'btxh-an-lac-muc.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ngày cấp\s+→ not used: the ID card's issue date, not the birth date/);
    expect(r.stdout).toMatch(/Nơi cấp\s+→ not used: the ID card's place of issue/);
    expect(r.stdout).toMatch(/sections: row \d+ "I\. NGƯỜI/);
    expect(r.stdout).toMatch(/marked as removed by the list: .*list_says_\w+ \d+.*\(never paid\)/);
  });

  it('shows a sheet per village read and the summary sheet passed over, with why', () => {
    const r = runCli(['inspect', join(SMALL, '..', 'y2026', 'btxh-phu-son-theo-thon.xlsx')]);
    expect(r.stdout).toMatch(/sheet "Thôn [^"]+": header row/);
    expect(r.stdout).toMatch(/sheet "Tổng hợp": skipped, a summary sheet \(counts and sums, no people\)/);
  });

  it('reports the encoding and delimiter of a Windows-1258 CSV', () => {
    const r = runCli(['inspect', join(SMALL, 'btxh-thanh-luong-cp1258.csv')]);
    expect(r.stdout).toContain('encoding: windows-1258, delimiter ";"');
  });
});
