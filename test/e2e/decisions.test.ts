// The review loop as an officer does it: open review.xlsx in Excel, write a decision, run again with
// --decisions. The decision is applied (method manual), recorded in the manifest, and reproducible by verify.
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

  it('keeps the loop verifiable: --out ket-qua --decisions ket-qua/review.xlsx --force, then verify passes', async () => {
    // Relative paths, as the README's loop is typed, from a folder of its own.
    const work = join(tmp.dir, 'loop');
    mkdirSync(join(work, 'ds'), { recursive: true });
    const names = lists.map((l) => l.split('/').pop()!);
    for (const l of [...lists, join(dir, 'registry.csv')]) copyFileSync(l, join(work, 'ds', l.split('/').pop()!));
    const run = (extra: string[] = [], cwd = work) =>
      runCli(['reconcile', ...names.map((n) => join('ds', n)), '--registry', join('ds', 'registry.csv'), '--out', 'ket-qua', '--run-date', '2026-12-01', '--quiet', ...extra], { cwd });
    expect(run().code).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(work, 'ket-qua', 'review.xlsx'));
    const sheet = book.worksheets[0]!;
    let header = 0;
    let decision = 0;
    let at = 0;
    sheet.eachRow((row, n) => row.eachCell((cell, c) => {
      if (cell.value === 'Quyết định') { header = n; decision = c; }
      if (cell.value === 'Ngày quyết định') at = c;
    }));
    expect(decision).toBeLessThanOrEqual(12);
    sheet.getRow(header + 1).getCell(decision).value = '1';
    sheet.getRow(header + 1).getCell(at).value = new Date(Date.UTC(2026, 11, 5));
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    writeFileSync(join(work, 'ket-qua', 'review.xlsx'), filled);

    const second = run(['--decisions', join('ket-qua', 'review.xlsx'), '--force']);
    expect(second.code, second.stderr).toBe(1);
    // The officer's file is kept as the run's input; the new review.xlsx is written beside it.
    expect(readFileSync(join(work, 'ket-qua', 'inputs', 'decisions.xlsx')).equals(filled)).toBe(true);
    expect(readFileSync(join(work, 'ket-qua', 'review.xlsx')).equals(filled)).toBe(false);
    const manifest = JSON.parse(readFileSync(join(work, 'ket-qua', 'manifest.json'), 'utf8'));
    const recorded = manifest.inputs.find((i: { role: string }) => i.role === 'decisions');
    expect(recorded).toMatchObject({ path: 'inputs/decisions.xlsx', inRun: true, copiedFrom: join('ket-qua', 'review.xlsx') });
    expect(manifest.outputs.some((o: { name: string }) => o.name.startsWith('inputs/'))).toBe(false);
    expect(manifest.counts.decisions_applied).toBe(1);

    const verified = runCli(['verify', 'ket-qua'], { cwd: work });
    expect(verified.code, verified.stderr).toBe(0);
    // From another folder: the inputs are found from the run folder.
    const elsewhere = runCli(['verify', join(work, 'ket-qua')], { cwd: tmp.dir });
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
  });

  it('says to pass --base when the inputs are not where the run recorded them', () => {
    const work = join(tmp.dir, 'moved');
    mkdirSync(join(work, 'ds'), { recursive: true });
    for (const l of [...lists, join(dir, 'registry.csv')]) copyFileSync(l, join(work, 'ds', l.split('/').pop()!));
    const names = lists.map((l) => join('ds', l.split('/').pop()!));
    runCli(['reconcile', ...names, '--registry', join('ds', 'registry.csv'), '--out', join(tmp.dir, 'moved-out'), '--run-date', '2026-12-01', '--quiet'], { cwd: work });
    expect(existsSync(join(tmp.dir, 'moved-out', 'manifest.json'))).toBe(true);
    // The lists move away from where both the working folder and the run folder say they are.
    const moved = join(tmp.dir, 'moved-lists');
    mkdirSync(moved, { recursive: true });
    mkdirSync(join(moved, 'ds'), { recursive: true });
    for (const n of [...names, join('ds', 'registry.csv')]) renameSync(join(work, n), join(moved, n));
    const r = runCli(['verify', join(tmp.dir, 'moved-out')], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--base');
    expect(runCli(['verify', join(tmp.dir, 'moved-out'), '--base', moved], { cwd: tmp.dir }).code).toBe(0);
  });
});
