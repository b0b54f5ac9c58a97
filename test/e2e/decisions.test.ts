// The review loop as an officer does it: open review.xlsx in Excel, write a decision, run again with
// --decisions. The decision is applied (method manual), recorded in the manifest, and reproducible by verify.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const dir = fixture('demo');
const lists = readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry')).sort().map((f) => join(dir, f));
const reconcile = (out: string, extra: string[] = []) =>
  runCli(['reconcile', ...lists, '--registry', join(dir, 'registry.csv'), '--out', out, '--run-date', '2026-12-01', '--quiet', ...extra]);
const report = (out: string) => parse(readFileSync(join(out, 'match-report.csv')), { bom: true, columns: true }) as Record<string, string>[];

describe('review decisions through the CLI', () => {
  it('applies "1" written in review.xlsx as a manual match of the first candidate', async () => {
    const first = join(tmp.dir, 'first');
    expect(reconcile(first).code).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(first, 'review.xlsx'));
    const sheet = book.worksheets[0]!;
    let header = 0;
    const col: Record<string, number> = {};
    sheet.eachRow((row, n) => row.eachCell((cell, c) => {
      if (['Quyết định', 'Người quyết định', 'Tệp nguồn', 'Dòng', 'Ứng viên 1: Số ĐDCN'].includes(String(cell.value))) {
        header = n;
        col[String(cell.value)] = c;
      }
    }));
    const row = sheet.getRow(header + 1);
    const file = String(row.getCell(col['Tệp nguồn']!).value);
    const line = String(row.getCell(col['Dòng']!).value);
    const candidate = String(row.getCell(col['Ứng viên 1: Số ĐDCN']!).value);
    row.getCell(col['Quyết định']!).value = '1';
    row.getCell(col['Người quyết định']!).value = 'Nguyễn Thị Lan';
    const decisions = join(tmp.dir, 'review-filled.xlsx');
    writeFileSync(decisions, Buffer.from(await book.xlsx.writeBuffer()));

    const second = join(tmp.dir, 'second');
    reconcile(second, ['--decisions', decisions]);
    const decided = report(second).find((r) => r.source_file === file && r.source_row === line)!;
    expect(decided.status).toBe('matched');
    expect(decided.method).toBe('manual');
    expect(decided.registry_id).toBe(candidate);
    expect(decided.explanation).toContain('Nguyễn Thị Lan');
    const before = report(first).filter((r) => r.status === 'review').length;
    expect(report(second).filter((r) => r.status === 'review').length).toBe(before - 1);
    const manifest = JSON.parse(readFileSync(join(second, 'manifest.json'), 'utf8'));
    expect(manifest.inputs.some((i: { role: string }) => i.role === 'decisions')).toBe(true);
    expect(manifest.counts.decisions_applied).toBe(1);
    expect(runCli(['verify', second]).code).toBe(0);
  });
});
