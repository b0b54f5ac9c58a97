import { describe, expect, it } from 'vitest';
import { detectLayout, type LayoutResult } from '../../src/layout/detect-layout.js';
import type { CellValue, Field, RawSheet, SkipReason, Table } from '../../src/types.js';
import { buildSheet } from './build-sheet.js';

const NO_MAP = { map: {} };

function tableOf(result: LayoutResult): Table {
  if (!result.ok) throw new Error(`expected a table, got: ${result.reason}`);
  return result.table;
}

/** Field of each mapped column, by column letter. */
function fieldsByLetter(table: Table): Record<string, Field | null> {
  return Object.fromEntries(table.columns.map((c) => [String.fromCharCode(65 + c.index), c.field]));
}

function reasons(table: Table): Record<number, SkipReason> {
  return Object.fromEntries(table.skipped.map((s) => [s.prov.row, s.reason]));
}

/** Every row below the header, up to the last non-empty one, is a person row or a skipped row, once. */
function expectEveryRowAccountedFor(sheet: RawSheet, table: Table): void {
  const below = sheet.rows.map((r) => r.row).filter((n) => n > Math.max(...table.headerRows));
  const seen = [...table.rows.map((r) => r.prov.row), ...table.skipped.map((s) => s.prov.row)].sort((a, b) => a - b);
  expect(seen).toEqual(below);
  expect(table.rowsRead).toBe(below.length);
  expect(table.rowsRead).toBe(table.rows.length + table.skipped.length);
}

describe('detectLayout: a list that starts with its header on row 1 (CSV-like)', () => {
  const sheet = buildSheet([
    ['STT', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Địa chỉ', 'Số tiền', 'Số tài khoản', 'Ngân hàng'],
    [1, 'Nguyễn Văn An', '12/03/1940', 'Nam', '034040001234', 'Thôn Đông', '500.000', '0123456789', 'Agribank'],
    [2, 'Trần Thị Bình', '1938', 'Nữ', '034138002345', 'Thôn Tây', '500.000', '9876543210', 'VBSP'],
    [3, 'Lê Văn Cường', '05/07/1950', 'Nam', '034050003456', 'Thôn Tây', '750.000', '', 'Tiền mặt'],
  ]);
  const table = tableOf(detectLayout(sheet, NO_MAP));

  it('takes row 1 as the header and maps every column', () => {
    expect(table.headerRows).toEqual([1]);
    expect(table.numberRow).toBeNull();
    expect(fieldsByLetter(table)).toEqual({
      A: 'stt', B: 'name', C: 'birth_date', D: 'sex', E: 'personal_id', F: 'address', G: 'amount', H: 'account', I: 'bank',
    });
    expect(table.columns.every((c) => c.how === 'alias')).toBe(true);
  });

  it('hands on every person row with its cells by field and where it came from', () => {
    expect(table.rows.map((r) => r.prov)).toEqual([
      { file: 'xa-dong.xlsx', sheet: 'T12', row: 2 },
      { file: 'xa-dong.xlsx', sheet: 'T12', row: 3 },
      { file: 'xa-dong.xlsx', sheet: 'T12', row: 4 },
    ]);
    expect(table.rows[1]?.cells.name?.value).toBe('Trần Thị Bình');
    expect(table.rows[1]?.cells.personal_id?.value).toBe('034138002345');
    expect(table.rows[2]?.cells.bank?.value).toBe('Tiền mặt');
    expect(table.skipped).toEqual([]);
    expectEveryRowAccountedFor(sheet, table);
  });
});

describe('detectLayout: the official layout of a commune payment list', () => {
  // Title rows, a two-row header with merged cells, the Nam/Nữ birth-date columns, a representative group,
  // column numbers, village sections with subtotals, a page break that repeats the header, the grand total,
  // the amount in words and the signature block.
  const header = (): CellValue[][] => [
    ['STT', 'Họ và tên', 'Ngày tháng năm sinh', null, 'Số CCCD', 'Thôn', 'Đối tượng', 'Mức trợ cấp (đồng)', 'Người nhận thay', null, null, 'Ghi chú'],
    [null, null, 'Nam', 'Nữ', null, null, null, null, 'Họ tên', 'Số CCCD', 'Số tài khoản', null],
  ];
  const headerMerges = (top: number) => [
    `A${top}:A${top + 1}`, `B${top}:B${top + 1}`, `C${top}:D${top}`, `E${top}:E${top + 1}`, `F${top}:F${top + 1}`,
    `G${top}:G${top + 1}`, `H${top}:H${top + 1}`, `I${top}:K${top}`, `L${top}:L${top + 1}`,
  ];
  const numbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const sheet = buildSheet(
    [
      /* 1 */ ['UBND XÃ ĐÔNG HÒA', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      /* 2 */ [null, null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
      /* 3 */ [],
      /* 4 */ ['DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI HÀNG THÁNG'],
      /* 5 */ ['Tháng 12 năm 2026'],
      /* 6, 7 */ ...header(),
      /* 8 */ numbers,
      /* 9 */ ['I. Thôn Đông'],
      /* 10 */ [1, 'Nguyễn Văn An', '12/03/1940', null, '034040001234', 'Thôn Đông', 'Người cao tuổi', 500000],
      /* 11 */ [2, 'Trần Thị Bình', null, 1938, '034138002345', 'Thôn Đông', 'Người cao tuổi', 500000, 'Lê Văn Cường', '034075003456', '0123456789012'],
      /* 12 */ ['Cộng thôn Đông', null, null, null, null, null, null, 1000000],
      /* 13 */ ['II. Thôn Tây'],
      /* 14 */ [3, 'Phạm Văn Dũng', '05/07/1950', null, null, 'Thôn Tây', 'Khuyết tật nặng', 750000, null, null, null, 'Chưa có CCCD'],
      /* 15 */ [],
      /* 16, 17 */ ...header(),
      /* 18 */ numbers,
      /* 19 */ [4, 'Hoàng Thị Em', null, '15/09/1942', 34142004567, 'Thôn Tây', 'Người cao tuổi', 500000],
      /* 20 */ ['Cộng thôn Tây', null, null, null, null, null, null, 1250000],
      /* 21 */ ['Tổng cộng', null, null, null, null, null, null, 2250000],
      /* 22 */ ['Bằng chữ: Hai triệu hai trăm năm mươi nghìn đồng'],
      /* 23 */ [],
      /* 24 */ [null, null, null, null, null, null, null, null, null, 'Đông Hòa, ngày 25 tháng 12 năm 2026'],
      /* 25 */ [null, 'Người lập biểu', null, null, null, 'Kế toán', null, null, null, 'TM. UBND XÃ'],
      /* 26 */ [null, '(Ký, ghi rõ họ tên)', null, null, null, '(Ký, ghi rõ họ tên)', null, null, null, 'CHỦ TỊCH'],
      /* 27 */ [],
      /* 28 */ [null, 'Đỗ Thị Giang', null, null, null, 'Vũ Văn Hải', null, null, null, 'Lý Văn Khoa'],
    ],
    {
      merges: [
        'A1:D1', 'F1:L1', 'F2:L2', 'A4:L4', 'A5:L5', ...headerMerges(6), 'A9:L9', 'A12:B12', 'A13:L13',
        ...headerMerges(16), 'A20:B20', 'A21:B21', 'A22:L22', 'J24:L24',
      ],
    },
  );
  const table = tableOf(detectLayout(sheet, NO_MAP));

  it('finds the two-row header under the title rows and the column numbers under it', () => {
    expect(table.headerRows).toEqual([6, 7]);
    expect(table.numberRow).toBe(8);
  });

  it('reads Nam/Nữ under the birth date as the two birth-date columns, and the representative group as rep_*', () => {
    expect(fieldsByLetter(table)).toEqual({
      A: 'stt', B: 'name', C: 'birth_date_male', D: 'birth_date_female', E: 'personal_id', F: 'village',
      G: 'programme', H: 'rate', I: 'rep_name', J: 'rep_id', K: 'rep_account', L: 'note',
    });
  });

  it('shows a grouped column as "Top / Sub" and a merged-down one once', () => {
    const headers = table.columns.map((c) => c.header);
    expect(headers).toEqual([
      'STT', 'Họ và tên', 'Ngày tháng năm sinh / Nam', 'Ngày tháng năm sinh / Nữ', 'Số CCCD', 'Thôn', 'Đối tượng',
      'Mức trợ cấp (đồng)', 'Người nhận thay / Họ tên', 'Người nhận thay / Số CCCD', 'Người nhận thay / Số tài khoản',
      'Ghi chú',
    ]);
  });

  it('keeps the four people, the one after the page break included', () => {
    expect(table.rows.map((r) => r.prov.row)).toEqual([10, 11, 14, 19]);
    expect(table.rows.map((r) => r.cells.name?.value)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Văn Dũng', 'Hoàng Thị Em']);
    // The woman's birth date is in the Nữ column; her representative's ID is not taken for hers.
    expect(table.rows[1]?.cells.birth_date_female?.value).toBe(1938);
    expect(table.rows[1]?.cells.personal_id?.value).toBe('034138002345');
    expect(table.rows[1]?.cells.rep_id?.value).toBe('034075003456');
    // A mapped column left empty is handed on as an empty cell, so "no ID" can be told from "no ID column".
    expect(table.rows[2]?.cells.personal_id?.value).toBeNull();
  });

  it('skips every other row with the reason a user would give', () => {
    expect(reasons(table)).toEqual({
      8: 'column_numbers',
      9: 'section',
      12: 'subtotal',
      13: 'section',
      15: 'blank',
      16: 'repeated_header',
      17: 'repeated_header',
      18: 'column_numbers',
      20: 'subtotal',
      21: 'total',
      22: 'footer',
      23: 'blank',
      24: 'footer',
      25: 'footer',
      26: 'footer',
      27: 'blank',
      28: 'footer', // the signers' names, under the signature block
    });
  });

  it('writes a skipped row as its cells joined with " | ", a merged cell once', () => {
    const text = (row: number) => table.skipped.find((s) => s.prov.row === row)?.text;
    expect(text(12)).toBe('Cộng thôn Đông | 1000000');
    expect(text(9)).toBe('I. Thôn Đông');
    expect(text(15)).toBe('');
    expect(text(25)).toBe('Người lập biểu | Kế toán | TM. UBND XÃ');
  });

  it('does not count the title rows as rows read', () => {
    expectEveryRowAccountedFor(sheet, table);
    expect(table.rowsRead).toBe(21); // rows 8 to 28
  });
});

describe('detectLayout: headers typed without marks, in capitals or as snake_case', () => {
  it.each<readonly [string, readonly string[]]>([
    ['no diacritics', ['Stt', 'Ho va ten', 'Ngay thang nam sinh', 'So CCCD', 'Thon/xom', 'Muc tro cap']],
    ['capitals', ['STT', 'HỌ VÀ TÊN', 'NGÀY THÁNG NĂM SINH', 'SỐ CCCD', 'THÔN/XÓM', 'MỨC TRỢ CẤP']],
    ['snake_case export', ['stt', 'ho_ten', 'ngay_sinh', 'so_cccd', 'thon_xom', 'muc_tro_cap']],
  ])('%s', (_label, headers) => {
    const sheet = buildSheet([
      ['DANH SACH CHI TRA'],
      [...headers],
      [1, 'Nguyễn Văn An', '12/03/1940', '034040001234', 'Thôn Đông', 500000],
    ]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.headerRows).toEqual([2]);
    // "Mức trợ cấp" is the monthly rate; with no other money column it is what is paid (see amount-due.test.ts).
    expect(table.columns.map((c) => c.field)).toEqual(['stt', 'name', 'birth_date', 'personal_id', 'village', 'rate']);
    expect(table.rows).toHaveLength(1);
    expectEveryRowAccountedFor(sheet, table);
  });
});

describe('detectLayout: column groups', () => {
  it('reads a "Tài khoản" group as account and bank', () => {
    const sheet = buildSheet(
      [
        ['TT', 'Họ tên', 'Năm sinh', 'Tài khoản', null],
        [null, null, null, 'Số TK', 'Ngân hàng'],
        [1, 'Nguyễn Văn An', 1940, '0123456789', 'Agribank'],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'] },
    );
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.headerRows).toEqual([1, 2]);
    expect(table.columns.map((c) => c.field)).toEqual(['stt', 'name', 'birth_date', 'account', 'bank']);
    expect(table.columns.map((c) => c.header)).toEqual(['TT', 'Họ tên', 'Năm sinh', 'Tài khoản / Số TK', 'Tài khoản / Ngân hàng']);
    expectEveryRowAccountedFor(sheet, table);
  });

  it('reads a two-row header without merged cells (CSV), the group title over its first column only', () => {
    const sheet = buildSheet([
      ['STT', 'Họ và tên', 'Ngày tháng năm sinh', null, 'CCCD', 'Người nhận thay', null],
      [null, null, 'Nam', 'Nữ', null, 'Họ tên', 'CCCD'],
      [1, 'Trần Thị Bình', null, '02/02/1938', '034138002345', 'Lê Văn Cường', '034075003456'],
    ]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.headerRows).toEqual([1, 2]);
    expect(table.columns.map((c) => c.field)).toEqual([
      'stt', 'name', 'birth_date_male', 'birth_date_female', 'personal_id', 'rep_name', 'rep_id',
    ]);
    expect(table.columns[3]?.header).toBe('Ngày tháng năm sinh / Nữ');
  });

  it('leaves a "Giới tính" group of two tick columns unmapped rather than taking one tick column as the sex', () => {
    const sheet = buildSheet(
      [
        ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', null],
        [null, null, null, 'Nam', 'Nữ'],
        [1, 'Nguyễn Văn An', 1940, 'x', null],
      ],
      { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1'] },
    );
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.columns.map((c) => c.field)).toEqual(['stt', 'name', 'birth_date', null, null]);
  });
});

describe('detectLayout: two columns for one field', () => {
  it('keeps the first of two ID columns and leaves the other unmapped', () => {
    const sheet = buildSheet([
      ['STT', 'Họ và tên', 'Số CCCD', 'Số định danh cá nhân'],
      [1, 'Nguyễn Văn An', '034040001234', '034040001234'],
    ]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.columns.map((c) => [c.field, c.how])).toEqual([
      ['stt', 'alias'], ['name', 'alias'], ['personal_id', 'alias'], [null, 'none'],
    ]);
  });

  it('pays the total ("Thành tiền"), not the monthly rate, when a list has both', () => {
    const sheet = buildSheet([
      ['STT', 'Họ và tên', 'Năm sinh', 'Mức trợ cấp', 'Số tháng', 'Thành tiền'],
      [1, 'Nguyễn Văn An', 1940, 500000, 3, 1500000],
    ]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.columns.map((c) => c.field)).toEqual(['stt', 'name', 'birth_date', 'rate', null, 'amount']);
    expect(table.rows[0]?.cells.amount?.value).toBe(1500000);
  });
});

describe('detectLayout: --map', () => {
  const sheet = buildSheet([
    ['STT', 'Tên người thụ hưởng', 'Năm sinh', 'CCCD', 'Số định danh mới'],
    [1, 'Nguyễn Văn An', 1940, '034040001234', '034040009999'],
  ]);

  it('maps a header no alias knows and wins over an alias, header text compared without case or marks', () => {
    const table = tableOf(
      detectLayout(sheet, { map: { 'Tên người thụ hưởng': 'name', 'so dinh danh moi': 'personal_id', 'Không có cột này': 'phone' } }),
    );
    expect(table.columns.map((c) => [c.field, c.how])).toEqual([
      ['stt', 'alias'], ['name', 'map'], ['birth_date', 'alias'], [null, 'none'], ['personal_id', 'map'],
    ]);
    expect(table.rows[0]?.cells.personal_id?.value).toBe('034040009999');
  });

  it('finds a header that only the map makes a header', () => {
    const plain = buildSheet([
      ['Mã hộ', 'Người thụ hưởng', 'Mã BHXH'],
      ['H01', 'Nguyễn Văn An', '0123456789'],
    ]);
    expect(detectLayout(plain, NO_MAP).ok).toBe(false);
    const table = tableOf(detectLayout(plain, { map: { 'Người thụ hưởng': 'name', 'Mã BHXH': 'personal_id' } }));
    expect(table.headerRows).toEqual([1]);
    expect(table.rows).toHaveLength(1);
  });
});

describe('detectLayout: a summary sheet', () => {
  const sheet = buildSheet(
    [
      ['BẢNG TỔNG HỢP KINH PHÍ CHI TRẢ TRỢ CẤP XÃ HỘI'],
      ['STT', 'Xã', 'Số đối tượng', 'Số tiền'],
      [1, 'Xã Đông Hòa', 120, 60000000],
      [2, 'Xã Tây Hòa', 95, 47500000],
      ['Tổng cộng', null, 215, 107500000],
    ],
    { merges: ['A1:D1'] },
  );

  it('is no table: says no name column was found and shows the header-looking cells to map by hand', () => {
    const result = detectLayout(sheet, NO_MAP);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('a summary sheet (counts and sums, no people); no header with a name column found in the first 30 rows');
    expect(result.sawCells).toEqual(['STT', 'Xã', 'Số đối tượng', 'Số tiền']);
  });

  it('a name column alone is not enough to call a row the header', () => {
    const result = detectLayout(buildSheet([['STT', 'Họ và tên', 'Ký nhận'], [1, 'Nguyễn Văn An', null]]), NO_MAP);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/name column was found \(row 1\) but no column for the ID, birth date/);
    expect(result.sawCells).toEqual(['STT', 'Họ và tên', 'Ký nhận']);
  });

  it('an empty sheet says so', () => {
    const result = detectLayout(buildSheet([[], [null, '']]), NO_MAP);
    expect(result).toEqual({ ok: false, reason: 'the sheet is empty', reasonSaid: { vi: 'trang tính trống', en: 'the sheet is empty' }, sawCells: [] });
  });
});

describe('detectLayout: rows below a simple header', () => {
  const head = ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Thôn', 'Số tiền'];
  const cases: ReadonlyArray<readonly [string, readonly CellValue[], SkipReason | 'person']> = [
    ['a person', [1, 'Nguyễn Văn An', '12/03/1940', '034040001234', 'Thôn 1', 500000], 'person'],
    ['a person whose family name is Tống', [2, 'Tống Văn Nam', null, null, 'Thôn 1', 500000], 'person'],
    ['a name with nothing else (the normaliser flags it)', [null, 'Lò Thị Xuân'], 'person'],
    ['a person living in the village "Cộng Hòa"', [3, 'Vi Văn Tùng', null, null, 'Cộng Hòa', 500000], 'person'],
    ['subtotal "Cộng:" with the sum', [null, 'Cộng:', null, null, null, 1500000], 'subtotal'],
    ['subtotal "CỘNG" in capitals', ['CỘNG', null, null, null, null, 1500000], 'subtotal'],
    ['subtotal "Cộng xóm 3"', ['Cộng xóm 3', null, null, null, null, 1500000], 'subtotal'],
    ['subtotal "Tổng thôn Bắc"', [null, 'Tổng thôn Bắc', null, null, null, 1500000], 'subtotal'],
    ['total "TỔNG CỘNG"', ['TỔNG CỘNG', null, null, null, null, 9000000], 'total'],
    ['total "Tổng số"', [null, 'Tổng số: 18 người', null, null, null, 9000000], 'total'],
    ['total "Cộng toàn xã"', ['Cộng toàn xã', null, null, null, null, 9000000], 'total'],
    ['a village heading', [null, 'Thôn 1'], 'section'],
    ['a programme heading numbered in the STT column', ['II', 'NGƯỜI KHUYẾT TẬT'], 'section'],
    ['a programme heading numbered in its text', [null, 'B. Trẻ em mồ côi'], 'section'],
    ['a programme heading with its count and sum', [null, 'A. Người khuyết tật nặng', null, null, '12 người', 9000000], 'section'],
    ['"II - Trẻ em mồ côi" merged across the row', ['II - Trẻ em mồ côi', 'II - Trẻ em mồ côi', 'II - Trẻ em mồ côi'], 'section'],
    ['subtotal "Cộng I"', ['Cộng I', null, null, null, null, 4500000], 'subtotal'],
    ['subtotal "Cộng mục A:"', [null, 'Cộng mục A:', null, null, null, 4500000], 'subtotal'],
    ['a person numbered in the name cell', [null, '1. Nguyễn Văn An', '12/03/1940'], 'person'],
    ['a person whose family name is Tô', [4, 'Tô Văn Nam', null, null, 'Thôn 1', 500000], 'person'],
    ['an STT with nothing else', [7], 'no_person_data'],
    ['a village written alone in the village column', [null, null, null, null, 'Thôn 2', null], 'section'],
    ['the header again, as typed by hand', ['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Thôn', 'Số tiền'], 'repeated_header'],
    ['column numbers in brackets', ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'], 'column_numbers'],
    ['the amount in words', ['Số tiền bằng chữ: Chín triệu đồng chẵn'], 'footer'],
    ['"(Đã ký)"', [null, '(Đã ký)'], 'footer'],
    ['"Xác nhận của UBND xã"', [null, 'Xác nhận của UBND xã'], 'footer'],
  ];
  it.each(cases)('%s', (_label, cells, expected) => {
    const sheet = buildSheet([head, [...cells]]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    const got = table.rows.length === 1 ? 'person' : table.skipped[0]?.reason;
    expect(got).toBe(expected);
    expectEveryRowAccountedFor(sheet, table);
  });

  it('treats everything after the signature block as footer, but keeps a row that is clearly a person', () => {
    const sheet = buildSheet([
      head,
      [1, 'Nguyễn Văn An', '12/03/1940', '034040001234', 'Thôn 1', 500000],
      [null, 'Người lập biểu', null, 'Chủ tịch'],
      [],
      [null, 'Đinh Thị Lan', null, 'Hà Văn Minh'],
      [2, 'Trần Thị Bình', '02/02/1938', '034138002345', 'Thôn 2', 500000],
    ]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.rows.map((r) => r.prov.row)).toEqual([2, 6]);
    expect(reasons(table)).toEqual({ 3: 'footer', 4: 'blank', 5: 'footer' });
    expectEveryRowAccountedFor(sheet, table);
  });

  it('reads column letters under the header as the number row', () => {
    const sheet = buildSheet([head, ['A', 'B', 'C', 'D', 'E', 'F'], [1, 'Nguyễn Văn An', '12/03/1940', '034040001234', 'Thôn 1', 500000]]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.numberRow).toBe(2);
    expect(reasons(table)).toEqual({ 2: 'column_numbers' });
  });

  it('stops at the last non-empty row and cuts a long skipped text to about 120 characters', () => {
    const long = `Ghi chú: ${'danh sách này đã được đối chiếu với dữ liệu dân cư, '.repeat(5)}`;
    const sheet = buildSheet([head, [long], [], []]);
    const table = tableOf(detectLayout(sheet, NO_MAP));
    expect(table.rowsRead).toBe(1);
    expect(table.skipped[0]?.text.length).toBeLessThanOrEqual(120);
    expect(table.skipped[0]?.text.startsWith('Ghi chú: danh sách')).toBe(true);
  });
});
