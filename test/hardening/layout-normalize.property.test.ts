// Random sheets (title rows, headers, people, totals, signatures, noise, random merges) through layout and
// normalisation: never a throw, and no row lost between the sheet, the table and the people.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectLayout } from '../../src/layout/detect-layout.js';
import { normalizeTable } from '../../src/normalize/person.js';
import { PROBLEM_CODES } from '../../src/normalize/problem-codes.js';
import type { CellValue, Field, MergeRange, RawSheet } from '../../src/types.js';
import { FIELDS, SKIP_REASONS } from '../../src/types.js';
import { cellValueArb } from './cell-values.js';

const HEADERS = [
  'STT', 'Họ và tên', 'HỌ VÀ TÊN', 'ho_ten', 'Ngày sinh', 'Năm sinh', 'Ngày tháng năm sinh', 'Nam', 'Nữ', 'Giới tính',
  'Số CCCD', 'CCCD/CMND', 'Số CMND', 'Thôn', 'Địa chỉ', 'Số tiền', 'Mức trợ cấp', 'Số tài khoản', 'Ngân hàng',
  'Người nhận thay', 'Số điện thoại', 'Ghi chú', 'Đối tượng',
];
const LINES = [
  'UBND XÃ HÒA BÌNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'DANH SÁCH CHI TRẢ TRỢ CẤP', 'Tháng 12 năm 2026', 'Tổng cộng',
  'Cộng thôn Đông', 'Cộng', 'Người lập biểu', 'Chủ tịch UBND xã', 'Hòa Bình, ngày 25 tháng 12 năm 2026', 'I.', 'A', 'Thôn 1',
  'Bằng chữ: một triệu năm trăm nghìn đồng', 'Ký, ghi rõ họ tên',
];
const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: cellValueArb },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 1, arbitrary: fc.constantFrom(...LINES) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 3, arbitrary: fc.constant(null) },
);

/** A sheet as the reader hands it over: rows 1…n as wide as each other; merged cells carry the top-left value. */
const sheetArb: fc.Arbitrary<RawSheet> = fc
  .integer({ min: 1, max: 10 })
  .chain((width) =>
    fc.record({
      width: fc.constant(width),
      grid: fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { maxLength: 30 }),
      // A header the layout can find, somewhere near the top, in a random column order.
      header: fc.option(fc.tuple(fc.nat({ max: 8 }), fc.shuffledSubarray(HEADERS, { minLength: width, maxLength: width }))),
      merges: fc.array(
        fc.record({ top: fc.integer({ min: 1, max: 32 }), left: fc.integer({ min: 1, max: 12 }), height: fc.nat({ max: 3 }), wide: fc.nat({ max: 4 }) }),
        { maxLength: 4 },
      ),
      sheet: fc.constantFrom('', 'DS T12', 'Tổng hợp'),
      format: fc.constantFrom('xlsx' as const, 'csv' as const),
    }),
  )
  .map(({ width, grid, header, merges, sheet, format }) => {
    const values = grid.map((row) => [...row]);
    if (header !== null) values.splice(Math.min(header[0], values.length), 0, header[1]);
    const ranges: MergeRange[] = merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.wide }));
    for (const m of ranges) {
      const master = values[m.top - 1]?.[m.left - 1];
      if (master === undefined) continue;
      for (let r = m.top; r <= Math.min(m.bottom, values.length); r++) {
        for (let c = m.left; c <= Math.min(m.right, width); c++) values[r - 1]![c - 1] = master;
      }
    }
    return {
      file: 'ds-xã-hòa-bình.xlsx',
      sheet,
      format,
      date1904: false,
      fonts: [],
      legacy: [],
      rows: values.map((row, i) => ({ row: i + 1, cells: row.map((value) => ({ value })) })),
      merges: ranges,
      warnings: [],
    } satisfies RawSheet;
  });

const optionsArb = fc.record({
  dateOrder: fc.constantFrom('auto' as const, 'dmy' as const, 'mdy' as const),
  date1904: fc.boolean(),
  runYear: fc.integer({ min: 2000, max: 2060 }),
});
const mapArb = fc.dictionary(fc.constantFrom(...HEADERS, 'Họ tên chủ hộ', 'NS', ''), fc.constantFrom(...FIELDS), { maxKeys: 3 });

describe('layout then normalisation on random sheets', () => {
  test('never throws; every row below the header is a person or a skipped row, once; people keep their rows', () => {
    let found = 0;
    fc.assert(
      fc.property(sheetArb, mapArb, optionsArb, (sheet, map, options) => {
        const layout = detectLayout(sheet, { map: map as Record<string, Field> });
        if (!layout.ok) {
          expect(layout.reason).not.toBe('');
          for (const text of layout.sawCells) expect(typeof text).toBe('string');
          return;
        }
        found++;
        const { table } = layout;
        expect(table.file).toBe(sheet.file);
        expect(table.sheet).toBe(sheet.sheet);
        expect(table.rowsRead).toBe(table.rows.length + table.skipped.length);

        const below = sheet.rows.map((r) => r.row).filter((n) => n > Math.max(...table.headerRows));
        const seen = [...table.rows.map((r) => r.prov.row), ...table.skipped.map((s) => s.prov.row)].sort((a, b) => a - b);
        expect(new Set(seen).size).toBe(seen.length);
        // Only trailing blank rows may go unmentioned.
        expect(seen).toEqual(below.slice(0, seen.length));
        for (const n of below.slice(seen.length)) {
          expect(sheet.rows[n - 1]!.cells.every((c) => c.value === null || String(c.value).trim() === '' || (c.value instanceof Date && Number.isNaN(c.value.getTime())))).toBe(true);
        }
        for (const s of table.skipped) expect(SKIP_REASONS).toContain(s.reason);

        const { people } = normalizeTable(table, options);
        expect(people).toHaveLength(table.rows.length);
        people.forEach((person, i) => {
          expect(person.prov).toEqual(table.rows[i]!.prov);
          expect(person.fingerprint).toMatch(/^[0-9a-f]{16}$/);
          for (const p of person.problems) {
            expect(Object.keys(PROBLEM_CODES)).toContain(p.code);
            expect([p.file, p.sheet, p.row]).toEqual([person.prov.file, person.prov.sheet, person.prov.row]);
          }
          expect(person.personalId === null || /^\d{12}$/.test(person.personalId)).toBe(true);
          expect(person.amount === null || (Number.isSafeInteger(person.amount) && person.amount >= 0)).toBe(true);
        });
      }),
      { numRuns: 400 },
    );
    // The generator must reach the interesting part, not only sheets without a header.
    expect(found).toBeGreaterThan(50);
  });
});
