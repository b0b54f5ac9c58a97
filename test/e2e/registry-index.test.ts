// `asxh registry index` takes the export as reconcile does, a CSV or a workbook, and a run from its snapshot is
// the run from the export itself.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir('asxh-index-');
afterAll(() => tmp.cleanup());
const lists = readdirSync(fixture('demo'))
  .filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry'))
  .sort()
  .map((f) => fixture('demo', f));
const workbook = join(tmp.dir, 'dan-cu.xlsx');
const snapshot = join(tmp.dir, 'dan-cu.asxhreg');

beforeAll(async () => {
  // The demo registry as a province might send it: a workbook, every cell text.
  const rows = parse(readFileSync(fixture('demo', 'registry.csv')), { bom: true }) as string[][];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dân cư');
  for (const row of rows) sheet.addRow(row);
  writeFileSync(workbook, Buffer.from(await book.xlsx.writeBuffer()));
});

const reconcile = (registry: string, out: string) =>
  runCli(['reconcile', ...lists, '--registry', registry, '--out', join(tmp.dir, out), '--run-date', '2026-12-01', '--quiet']);

describe('registry index', () => {
  it('indexes a workbook export, and a run from the snapshot matches every row as the run from the workbook', () => {
    const index = runCli(['registry', 'index', workbook, '--out', snapshot, '--run-date', '2026-12-01', '--quiet']);
    expect(index.stderr).toBe('');
    expect(index.code).toBe(0);
    const fromWorkbook = reconcile(workbook, 'from-xlsx');
    const fromSnapshot = reconcile(snapshot, 'from-snapshot');
    expect([fromWorkbook.code, fromSnapshot.code]).toEqual([1, 1]);
    const report = (out: string) => readFileSync(join(tmp.dir, out, 'match-report.csv'), 'utf8');
    expect(report('from-snapshot')).toBe(report('from-xlsx'));
    // 448 of the 465 demo rows (all of them right, by the demo's truth) are matched whichever way the registry came in.
    expect(report('from-snapshot').split('\n').filter((l) => l.split(',')[3] === 'matched')).toHaveLength(448);
  });

  it('refuses to index a snapshot, saying what to give it instead', () => {
    const r = runCli(['registry', 'index', snapshot, '--out', join(tmp.dir, 'again.asxhreg'), '--run-date', '2026-12-01', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('it is a registry snapshot already');
    expect(r.stderr).toContain('the export (CSV or XLSX)');
  });
});
