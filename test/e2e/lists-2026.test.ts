// `asxh reconcile --period` on fixtures/y2026, the shapes communes send in 2026 as the generator writes them:
// sections instead of a programme column, arrears and totals, a martyrs' relatives list, a sheet per village
// with a summary sheet, chip-card QR strings; notes that remove a person, struck and hidden rows, courtesy words.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRun, formatQuality, loadTruths, type QualityReport } from '../../fixtures/generator/evaluate.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const lists = loadTruths(fixture('y2026')).map((t) => fixture('y2026', t.file));
let quality: QualityReport;
let code: number | null;
const out = () => join(tmp.dir, 'y2026');

beforeAll(() => {
  code = runCli(['reconcile', ...lists, '--registry', fixture('y2026', 'registry.csv'), '--out', out(), '--run-date', '2026-12-01', '--period', '2026-12']).code;
  quality = evaluateRun(out(), fixture('y2026'));
  process.stdout.write(`${formatQuality('reconcile fixtures/y2026', quality)}\n`);
});

describe('the 2026 shapes', () => {
  it('account for every row, each in one place, as the truth says', () => {
    expect(code).toBe(1);
    const r = quality.rows;
    expect([r.lost, r.extra, r.twice, r.wrongKind, r.wrongReason]).toEqual([0, 0, 0, 0, 0]);
  });

  it('meet the bar: precision >= 99.9 %, recall >= 96 %, review <= 3.5 %', () => {
    const m = quality.match!;
    expect(m.precision).toBeGreaterThanOrEqual(0.999);
    expect(m.recall).toBeGreaterThanOrEqual(0.96);
    expect(m.reviewRate).toBeLessThanOrEqual(0.035);
  });

  it("read every row's programme, amount owed, martyr's name and removal mark right", () => {
    for (const field of ['programme', 'amount', 'related_name', 'list_marks', 'name', 'village']) {
      const s = quality.fields[field]!;
      expect(s.right, field).toBe(s.total);
    }
  });

  it('pay nobody the list removes, and every line the amount the row is owed', () => {
    const p = quality.payments!;
    expect(p.removedRows).toBeGreaterThan(10);
    expect(p.removedPaid).toBe(0);
    expect(p.amountWrong).toBe(0);
    expect(p.lines).toBeGreaterThan(200);
  });

  it('list each removed row in exceptions.xlsx with its reason', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out(), 'payments', 'exceptions.xlsx'));
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => texts.push(String(row.values))));
    const removed = texts.filter((t) => t.includes('Danh sách ghi đã chết, chuyển đi, cắt'));
    expect(removed.length).toBe(quality.payments!.removedRows);
  });

  it('mark a death the registry does not know as a disagreement to check', () => {
    const report = parse(readFileSync(join(out(), 'match-report.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const dead = report.filter((r) => r.flags!.split(';').includes('list_says_deceased'));
    expect(dead.length).toBeGreaterThan(0);
    for (const r of dead) {
      const registryAlive = r.status === 'matched' && !r.flags!.split(';').includes('deceased');
      expect(r.flags!.split(';').includes('list_registry_disagree')).toBe(registryAlive);
    }
  });
});
