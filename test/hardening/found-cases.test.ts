// Counterexamples the property tests found, kept as plain examples so they stay fixed. (The 200 000-record CSV
// that overflowed the stack is in read-csv.property.test.ts.)
import { describe, expect, test } from 'vitest';
import { parseBirthDate } from '../../src/normalize/birth-date.js';
import { parseAmount } from '../../src/normalize/money.js';
import { readXlsx } from '../../src/read/xlsx.js';
import { communeWorkbook } from './commune-workbook.js';
import { expectClearRefusal, outcome } from './read-outcome.js';
import { readZip, writeZip, type ZipEntry } from './zip-entries.js';

const NAME = 'ds-xã-hòa-bình.xlsx';
const ENTRIES = readZip(await communeWorkbook());

async function refusal(entries: readonly ZipEntry[]): Promise<string> {
  const result = await outcome(() => readXlsx(writeZip(entries), NAME));
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe('input_corrupt');
  expectClearRefusal(result.error, NAME);
  return result.error.message;
}

describe('a workbook that lost a part is refused, not read with rows missing', () => {
  test('the list sheet\'s part is gone: exceljs read only the summary sheet; now the sheet is named as lost', async () => {
    const message = await refusal(ENTRIES.filter((e) => e.name !== 'xl/worksheets/sheet1.xml'));
    expect(message).toContain('"DS T12"');
  });

  test('the shared strings are gone: every name would have read as a bare number (12, 13 …)', async () => {
    const message = await refusal(ENTRIES.filter((e) => e.name !== 'xl/sharedStrings.xml'));
    expect(message).toContain('xl/sharedStrings.xml');
  });

  test('a sheet part under a name exceljs does not look for (xl/worksheets/data.xml) is not silently skipped', async () => {
    const renamed = ENTRIES.map((e): ZipEntry => {
      if (e.name === 'xl/worksheets/sheet1.xml') return { name: 'xl/worksheets/data.xml', data: e.data };
      if (e.name === 'xl/_rels/workbook.xml.rels') return { name: e.name, data: Buffer.from(e.data.toString().replace('worksheets/sheet1.xml', 'worksheets/data.xml')) };
      return e;
    });
    expect(await refusal(renamed)).toContain('"DS T12"');
  });

  test('parts nothing is read from (theme, document properties) may be missing: the list still reads', async () => {
    const kept = ENTRIES.filter((e) => !e.name.startsWith('docProps/') && !e.name.startsWith('xl/theme/'));
    const { sheets } = await readXlsx(writeZip(kept), NAME);
    expect(sheets.map((s) => s.sheet)).toEqual(['DS T12', 'Tổng hợp']);
    expect(sheets[0]!.rows[9]!.cells[1]!.value).toBe('Đặng Thị Thủy');
  });
});

describe('normalisers', () => {
  test.each([
    ['2^53 in a number cell', 9007199254740992],
    ['a 20-digit account number typed in the amount column', '12345678901234567890'],
    ['the same with thousands dots', '12.345.678.901.234.567.890'],
  ])('amount with more digits than a number keeps (%s): unreadable, never a rounded figure', (_label, value) => {
    const r = parseAmount({ value });
    expect(r.value).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(['amount_unreadable']);
  });

  test('the largest exact amount is still paid as written', () => {
    expect(parseAmount({ value: '9.007.199.254.740.991' }).value).toBe(9_007_199_254_740_991);
  });

  test('an amount of -0 (or -0.0000001 from a formula) is 0, not "-0"', () => {
    expect(Object.is(parseAmount({ value: -0 }).value, 0)).toBe(true);
    expect(Object.is(parseAmount({ value: -1e-9 }).value, 0)).toBe(true);
  });

  test.each([
    ['1904 system', true],
    ['1900 system', false],
  ])('a number past Excel\'s last date (31/12/9999) in a birth-date cell is unreadable, not a NaN date (%s)', (_label, date1904) => {
    const r = parseBirthDate({ value: 100024108 }, { order: 'dmy', date1904, runYear: 2026 });
    expect(r.value).toBeNull();
    expect(r.findings.map((f) => f.code)).toEqual(['date_unreadable']);
  });

  test('Excel\'s last serial itself (2958465 = 31/12/9999) is a date, only in the future', () => {
    const r = parseBirthDate({ value: 2_958_465 }, { order: 'dmy', date1904: false, runYear: 2026 });
    expect(r.findings.map((f) => f.code)).toEqual(['date_future']);
    expect(r.findings[0]!.message).toContain('9999');
  });
});
