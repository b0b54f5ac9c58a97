// A run over several communes (fixtures/small: six communes of Nghệ An, old names in the lists, one commune named
// only in its title rows, two only in their file names) writes a folder per commune the commune can sign.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTruths } from '../../fixtures/generator/evaluate.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const out = () => join(tmp.dir, 'run');
const csv = (path: string) => parse(readFileSync(path), { bom: true, columns: true }) as Record<string, string>[];

beforeAll(() => {
  const lists = loadTruths(fixture('small')).map((t) => fixture('small', t.file));
  runCli(['reconcile', ...lists, '--registry', fixture('small', 'registry.csv'), '--out', out(), '--run-date', '2026-12-01', '--period', '2026-12']);
});

describe('a run over several communes', () => {
  it('shows each row under its 2025 commune and keeps the old name as written', () => {
    const rows = csv(join(out(), 'cleaned', 'btxh-dien-hong-tcvn3.cleaned.csv'));
    // Diễn Hồng (Diễn Châu district) went into Xã Đức Châu in 2025.
    expect(new Set(rows.map((r) => `${r.commune} | ${r.commune_written} | ${r.province}`))).toEqual(new Set(['Xã Đức Châu | Diễn Hồng | Tỉnh Nghệ An']));
    // Named only in the file name "ncc-dien-hong.csv".
    expect(new Set(csv(join(out(), 'cleaned', 'ncc-dien-hong.cleaned.csv')).map((r) => r.commune))).toEqual(new Set(['Xã Đức Châu']));
  });

  it('writes a folder per commune with its cleaned lists, review, exceptions and a control sheet', () => {
    const folders = readdirSync(join(out(), 'communes')).sort();
    expect(folders).toContain('xa-duc-chau');
    for (const f of folders) {
      const dir = join(out(), 'communes', f);
      for (const file of ['review.xlsx', 'exceptions.xlsx', join('payments', 'control.xlsx')]) expect(existsSync(join(dir, file)), `${f}/${file}`).toBe(true);
      expect(readdirSync(join(dir, 'cleaned')).length).toBeGreaterThan(0);
    }
  });

  it("gives a commune the run's own cleaned file of a list that is wholly its own, with the commune in its page header", async () => {
    const root = join(out(), 'cleaned', 'btxh-dien-hong-tcvn3.cleaned.xlsx');
    const mine = join(out(), 'communes', 'xa-duc-chau', 'cleaned', 'btxh-dien-hong-tcvn3.cleaned.xlsx');
    expect(Buffer.compare(readFileSync(root), readFileSync(mine))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(root);
    expect(wb.worksheets[0]!.headerFooter.oddHeader ?? '').toContain('ĐỨC CHÂU');
  });

  it("puts the commune in its control sheet's title, and its lines add up to the province's", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out(), 'communes', 'xa-duc-chau', 'payments', 'control.xlsx'));
    const first = String(wb.worksheets[0]!.getRow(1).values);
    expect(first).toContain('UBND XÃ ĐỨC CHÂU');
    const root = csv(join(out(), 'payments', 'ledger.csv'));
    let lines = 0;
    for (const f of readdirSync(join(out(), 'communes'))) {
      const dir = join(out(), 'communes', f, 'payments');
      for (const b of readdirSync(dir).filter((n) => n.startsWith('bank-') && n.endsWith('.csv'))) lines += readFileSync(join(dir, b), 'utf8').trim().split('\n').length - 1;
    }
    const bankLines = root.filter((l) => l.channel !== 'cash').length;
    expect(lines).toBe(bankLines);
  });

  it('lists the communes in report.html, each linking to its folder', () => {
    const html = readFileSync(join(out(), 'report.html'), 'utf8');
    expect(html).toContain('id="communes"');
    expect(html).toContain('href="communes/xa-duc-chau/"');
  });
});
