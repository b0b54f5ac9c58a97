// Test helper: arbitrary cell values as a reader may hand them over, weighted towards what commune lists hold
// (IDs, dates, amounts, names, bank names) and the edges JavaScript values have (NaN, ±Infinity, -0, 1e308,
// invalid Date, lone surrogates).
import fc from 'fast-check';
import type { CellValue, RawCell } from '../../src/types.js';

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const sep = fc.constantFrom('/', '-', '.', ' ', '', ',', ':');

/** Text that looks like what a field holds, then bent: separators, apostrophes, spaces, currency words. */
const fieldLikeText: fc.Arbitrary<string> = fc.oneof(
  digits(1, 22),
  fc.tuple(digits(1, 4), sep, digits(1, 4), sep, digits(1, 5)).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom("'", ' ', '\u00a0', '+84', '84', '0', ''), digits(0, 13), fc.constantFrom('', 'đ', ' đồng', ' VND', '/tháng', 'E+10')).map((p) => p.join('')),
  fc.constantFrom(
    'Nguyễn Văn An', 'TRẦN THỊ BÍCH NGỌC', 'lê hữu phước', 'Đặng Thị Thủy', 'Ðặng Thị Thuỷ', "H'Hen Niê", 'Ksor H\'Bia', 'Văn',
    'Năm 1945', 'năm sinh 1945', '00/00/1945', '31/02/1950', '29/02/1900', '1945-13-01', '3.80412E+10', '1.500.000', '1,500,000.00',
    '-1.500.000', '1 500 000đ', 'Agribank', 'NHNo&PTNT', 'Ngân hàng Ngoại thương', 'Tiền mặt', 'Bưu điện', 'Viettel Money',
    'Nam', 'Nữ', 'NU', 'x', 'M', 'f', '0912.345.678', '+84 912 345 678', '0162 345 6789', '0912345678 / 0987654321', '',
    '   ', '\u200b', '\u00ad', '\ufeff',
  ),
);

export const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fieldLikeText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5000 }).map((s) => s.repeat(3)) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 22n }).map((n) => Number(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e21, 5e-324, 60, 1904, 38045000123, 16569.75,
    ),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

export const rawCellArb: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 4, arbitrary: cellValueArb.map((value): RawCell => ({ value })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(cellValueArb, fc.constantFrom('@', '000000000000', '0', 'dd/mm/yyyy', '#,##0', 'General', ''))
      .map(([value, numFmt]): RawCell => ({ value, numFmt })),
  },
);
