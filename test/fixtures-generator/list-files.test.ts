import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../../src/normalize/fold.js';
import { generateSet, writeSet } from '../../fixtures/generator/fixture-set.js';
import { setDefinition } from '../../fixtures/generator/sets.js';
import type { ListTruth, TruthRow } from '../../fixtures/generator/truth.js';

// The files as a user's tool will open them: check that the truth's row numbers point at the rows it describes.
const dir = mkdtempSync(join(tmpdir(), 'asxh-fixgen-files-'));
const lists = dir;
beforeAll(async () => {
  await writeSet(generateSet(setDefinition('small', { registryRows: 3000 })), dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const truth = (file: string): ListTruth => JSON.parse(readFileSync(join(lists, `${file}.truth.json`), 'utf8')) as ListTruth;
const persons = (t: ListTruth): TruthRow[] => t.rows.filter((r) => r.kind === 'person');

async function sheet(file: string, name = 'Danh sách'): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(lists, file));
  return wb.getWorksheet(name) as ExcelJS.Worksheet;
}

const text = (ws: ExcelJS.Worksheet, row: number, col: number): string => {
  const v = ws.getRow(row).getCell(col).value;
  return v === null || v === undefined ? '' : String(v);
};

describe('official XLSX (Unicode)', () => {
  it('has the person the truth names on each person row, and the right kind of row elsewhere', async () => {
    const ws = await sheet('btxh-yen-phu.xlsx');
    const t = truth('btxh-yen-phu.xlsx');
    for (const r of t.rows) {
      const a = text(ws, r.row, 1);
      const b = text(ws, r.row, 2);
      if (r.kind === 'person') {
        expect(Number(a)).toBeGreaterThan(0);
        expect(foldText(b)).toBe(r.expected?.nameFolded);
      } else if (r.reason === 'subtotal') expect(b).toMatch(/^Cộng (thôn|xóm) /);
      else if (r.reason === 'total') expect(b).toBe('Tổng cộng');
      else if (r.reason === 'column_numbers') expect([a, b]).toEqual(['1', '2']);
      else if (r.reason === 'repeated_header') expect(['STT', '']).toContain(a);
      else if (r.reason === 'blank') expect(ws.getRow(r.row).cellCount === 0 || ws.getRow(r.row).actualCellCount === 0).toBe(true);
    }
  });

  it('puts the birth date in the Nam or Nữ column by sex, and has a Tổng hợp sheet', async () => {
    const ws = await sheet('btxh-yen-phu.xlsx');
    for (const r of persons(truth('btxh-yen-phu.xlsx'))) {
      if (!r.expected?.sex) continue;
      const col = r.expected.sex === 'M' ? 3 : 4;
      expect(text(ws, r.row, col)).not.toBe('');
      expect(text(ws, r.row, col === 3 ? 4 : 3)).toBe('');
    }
    expect((await sheet('btxh-yen-phu.xlsx', 'Tổng hợp')).getRow(4).getCell(2).value).toBe('Thôn');
  });

  it('keeps a lost-zero ID as a number cell of 11 digits', async () => {
    const ws = await sheet('btxh-yen-phu.xlsx');
    const rows = persons(truth('btxh-yen-phu.xlsx')).filter((r) => r.traits?.includes('id_lost_zero'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(`0${ws.getRow(r.row).getCell(5).value as number}`).toBe(r.expected?.personalId);
  });
});

describe('legacy-font XLSX', () => {
  it('TCVN3: names in .VnTime, stored as Latin-1 look-alikes (ư as U+00AD)', async () => {
    const ws = await sheet('btxh-dien-hong-tcvn3.xlsx');
    const rows = persons(truth('btxh-dien-hong-tcvn3.xlsx'));
    for (const r of rows) expect(ws.getRow(r.row).getCell(2).font?.name).toBe('.VnTime');
    const cells = rows.map((r) => text(ws, r.row, 2));
    expect(cells.some((c) => c.includes('Ô') || c.includes('Þ'))).toBe(true); // ễ, ị
    expect(cells.some((c) => /[ăơưđĂƠƯĐ]/.test(c))).toBe(false); // no Unicode Vietnamese letters
    expect(cells.some((c) => c.includes('\u00ad'))).toBe(true);
    expect(text(ws, 1, 5)).toBe('céng hßa x· héi chñ nghÜa viÖt nam'); // title typed in .VnTimeH
  });

  it('.VnTimeH names hold only the small-letter codes', async () => {
    const ws = await sheet('btxh-quynh-lam-vntimeh.xlsx');
    for (const r of persons(truth('btxh-quynh-lam-vntimeh.xlsx'))) {
      const cell = ws.getRow(r.row).getCell(2);
      expect(cell.font?.name).toBe('.VnTimeH');
      // no ASCII capitals and none of the TCVN3 capital codes 0xA1–0xA7 (Ă Â Ê Ô Ơ Ư Đ)
      expect(String(cell.value)).not.toMatch(/[A-Z\u00a1-\u00a7]/);
    }
  });

  it('VNI: names in VNI-Times as base letter plus mark byte', async () => {
    const ws = await sheet('ncc-yen-phu-vni.xlsx');
    const rows = persons(truth('ncc-yen-phu-vni.xlsx'));
    const cells = rows.map((r) => text(ws, r.row, 2));
    expect(ws.getRow((rows[0] as TruthRow).row).getCell(2).font?.name).toBe('VNI-Times');
    expect(cells.filter((c) => c.startsWith('Nguyeãn')).length).toBeGreaterThan(0);
  });
});

describe('CSV variants', () => {
  const records = (buf: Buffer, delimiter: string): string[][] => parse(buf, { delimiter, relax_column_count: true }) as string[][];

  it('UTF-8 with BOM and commas: header on row 1, then people', () => {
    const buf = readFileSync(join(lists, 'ncc-dien-hong.csv'));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const recs = records(buf.subarray(3), ',');
    expect(recs[0]?.[1]).toBe('Họ tên');
    for (const r of persons(truth('ncc-dien-hong.csv'))) expect(foldText(recs[r.row - 1]?.[1] ?? '')).toBe(r.expected?.nameFolded);
  });

  it('UTF-16LE with tabs: Excel "Unicode text" of the official layout', () => {
    const buf = readFileSync(join(lists, 'btxh-hung-dong-utf16.csv'));
    expect([...buf.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const recs = records(Buffer.from(buf.subarray(2).toString('utf16le'), 'utf8'), '\t');
    const t = truth('btxh-hung-dong-utf16.csv');
    expect(t.sheets[0]?.headerRows).toEqual([7, 8]);
    expect(recs[6]?.[1]).toBe('Họ và tên');
    for (const r of persons(t)) expect(foldText(recs[r.row - 1]?.[1] ?? '')).toBe(r.expected?.nameFolded);
  });

  it('Windows-1258 with semicolons: tones stored as combining marks, names in capitals', () => {
    const buf = readFileSync(join(lists, 'btxh-thanh-luong-cp1258.csv'));
    const decoded = iconv.decode(buf, 'windows1258');
    expect(decoded).toMatch(/\u0303|\u0301|\u0300/); // combining tones survive in the decoded text
    const recs = records(Buffer.from(decoded.normalize('NFC'), 'utf8'), ';');
    for (const r of persons(truth('btxh-thanh-luong-cp1258.csv'))) {
      const name = recs[r.row - 1]?.[1] ?? '';
      expect(name).toBe(name.toUpperCase());
      expect(foldText(name)).toBe(r.expected?.nameFolded);
    }
  });

  it('the m/d/y list writes month first: some days above 12, never a month above 12', () => {
    const recs = records(readFileSync(join(lists, 'btxh-dong-hoa-mdy.csv')), ',');
    const dates = recs.slice(1).map((r) => r[1] ?? '').filter((d) => /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(d) && !d.startsWith('00/'));
    const parts = dates.map((d) => d.split('/').map(Number));
    expect(parts.every(([m]) => (m as number) <= 12)).toBe(true);
    expect(parts.some(([, d]) => (d as number) > 12)).toBe(true);
    for (const r of persons(truth('btxh-dong-hoa-mdy.csv'))) {
      const cell = recs[r.row - 1]?.[1] ?? '';
      const b = r.expected?.birth;
      if (b?.month && b.day && /^\d+\/\d+\/\d{4}$/.test(cell)) expect(cell).toBe(`${b.month}/${b.day}/${b.year}`);
    }
  });
});
