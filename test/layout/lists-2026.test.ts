// The shapes communes send in 2026, through layout and normalisation: relatives' lists, arrears, columns that
// look like a birth date or an ID but are not, section rows, a sheet per village, rows the list strikes out,
// words around names, chip-card QR strings. People, IDs and accounts are invented.
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/layout/detect-layout.js';
import { normalizeTable } from '../../src/normalize/person.js';
import type { CellValue, Person, RawSheet, Table } from '../../src/types.js';
import { buildSheet, type SheetSpec } from './build-sheet.js';

const NO_MAP = { map: {} };

function tableOf(sheet: RawSheet): Table {
  const result = detectLayout(sheet, NO_MAP);
  if (!result.ok) throw new Error(`expected a table, got: ${result.reason}`);
  return result.table;
}

function peopleOf(data: readonly (readonly CellValue[])[], spec: SheetSpec = {}): { table: Table; people: Person[] } {
  const table = tableOf(buildSheet(data, spec));
  return { table, people: normalizeTable(table, { dateOrder: 'auto', date1904: false, runYear: 2026 }).people };
}

const codes = (p: Person | undefined): string[] => (p?.problems ?? []).map((x) => x.code);

describe("a martyrs' relatives list", () => {
  const { table, people } = peopleOf([
    ['STT', 'Họ tên liệt sĩ', 'Năm hy sinh', 'Họ và tên thân nhân', 'Quan hệ với liệt sĩ', 'Năm sinh', 'Số CCCD', 'Số tiền'],
    [1, 'Liệt sĩ Nguyễn Văn Hùng', 1972, 'Nguyễn Thị Lan', 'Vợ', 1950, '034150001234', 2789000],
    [2, 'LS Trần Văn Minh', 1968, 'Trần Văn Bình', 'Con', 1965, '034065002345', 2789000],
  ]);

  it('pays the relative: the martyr is related_name, never the name compared', () => {
    const field = (header: string) => table.columns.find((c) => c.header === header)?.field;
    expect(field('Họ tên liệt sĩ')).toBe('related_name');
    expect(field('Họ và tên thân nhân')).toBe('name');
    expect(field('Quan hệ với liệt sĩ')).toBe('relation');
    expect(people.map((p) => p.name?.display)).toEqual(['Nguyễn Thị Lan', 'Trần Văn Bình']);
    expect(people.map((p) => p.relatedName)).toEqual(['Nguyễn Văn Hùng', 'Trần Văn Minh']);
    expect(people.map((p) => p.relation)).toEqual(['Vợ', 'Con']);
  });

  it('never takes the year of death for the birth year', () => {
    const died = table.columns.find((c) => c.header === 'Năm hy sinh');
    expect(died?.field).toBeNull();
    expect(died?.how).toBe('ignored');
    expect(people.map((p) => p.birth?.year)).toEqual([1950, 1965]);
  });

  it('a meritorious person beside a relative is theirs; alone, the beneficiary', () => {
    const beside = tableOf(buildSheet([['STT', 'Họ tên người có công', 'Họ tên người thờ cúng', 'Số CCCD'], [1, 'Lê Văn A', 'Lê Văn B', '034065002345']]));
    expect(beside.columns.map((c) => c.field)).toEqual(['stt', 'related_name', 'name', 'personal_id']);
    const alone = tableOf(buildSheet([['STT', 'Họ tên người có công', 'Số CCCD'], [1, 'Lê Văn A', '034065002345']]));
    expect(alone.columns.map((c) => c.field)).toEqual(['stt', 'name', 'personal_id']);
  });

  it('"Người nhận" is the one paid beside a martyr, but not in an ordinary list with a name column', () => {
    const relatives = tableOf(buildSheet([['STT', 'Họ tên liệt sĩ', 'Người nhận', 'Số CCCD'], [1, 'Lê Văn A', 'Lê Thị B', '034065002345']]));
    expect(relatives.columns.map((c) => c.field)).toEqual(['stt', 'related_name', 'name', 'personal_id']);
    const ordinary = tableOf(buildSheet([['STT', 'Họ và tên', 'Người nhận', 'Số CCCD'], [1, 'Lê Văn A', 'Lê Thị B', '034065002345']]));
    expect(ordinary.columns.map((c) => c.field)).toEqual(['stt', 'name', null, 'personal_id']);
  });

  it('a two-row header "Liệt sĩ" over its own name and year, "Thân nhân" over the one paid', () => {
    const t = tableOf(
      buildSheet(
        [
          ['STT', 'Liệt sĩ', null, 'Thân nhân', null, 'Số CCCD'],
          [null, 'Họ và tên', 'Năm sinh', 'Họ và tên', 'Năm sinh', null],
          [1, 'Hà Văn Sơn', 1945, 'Hà Thị Mai', 1948, '034148001111'],
        ],
        { merges: ['A1:A2', 'B1:C1', 'D1:E1', 'F1:F2'] },
      ),
    );
    expect(t.columns.map((c) => c.field)).toEqual(['stt', 'related_name', null, 'name', 'birth_date', 'personal_id']);
  });
});

describe('a list with arrears', () => {
  const head = [
    ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp hàng tháng', 'Truy lĩnh', null, 'Tổng số tiền được nhận'],
    [null, null, null, null, null, 'Số tháng', 'Số tiền', null],
  ];
  const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:H2'];

  it('pays the total; keeps rate, months and arrears', () => {
    const { table, people } = peopleOf(
      [...head, [1, 'Phạm Thị Hoa', 1940, '034140001234', 540000, 5, 200000, 740000], [2, 'Vũ Văn Tám', 1938, '034038002345', 540000, null, null, 540000]],
      { merges },
    );
    expect(table.columns.map((c) => c.field)).toEqual(['stt', 'name', 'birth_date', 'personal_id', 'rate', 'arrears_months', 'arrears_amount', 'amount']);
    expect(people.map((p) => p.amount)).toEqual([740000, 540000]);
    expect(people[0]?.money).toEqual({ rate: 540000, arrearsMonths: 5, arrearsAmount: 200000, total: 740000 });
  });

  it('says when rate × months is not the arrears, or rate + arrears is not the total', () => {
    const { people } = peopleOf([...head, [1, 'Phạm Thị Hoa', 1940, '034140001234', 540000, 4, 2160000, 2000000]], { merges });
    expect(codes(people[0])).toContain('total_mismatch');
    expect(codes(people[0])).not.toContain('arrears_mismatch');
    const { people: other } = peopleOf([...head, [1, 'Phạm Thị Hoa', 1940, '034140001234', 540000, 4, 2000000, 2540000]], { merges });
    expect(codes(other[0])).toContain('arrears_mismatch');
    expect(codes(other[0])).not.toContain('total_mismatch');
  });

  it('without a total, pays the rate plus the arrears (months × rate when only months are given)', () => {
    const { people } = peopleOf(
      [
        ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp', 'Số tháng truy lĩnh'],
        [1, 'Phạm Thị Hoa', 1940, '034140001234', 540000, 3],
      ],
    );
    expect(people[0]?.amount).toBe(540000 * 4);
  });

  it('a coefficient and the standard level give the rate', () => {
    const { people } = peopleOf([
      ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Hệ số', 'Mức chuẩn'],
      [1, 'Phạm Thị Hoa', 1940, '034140001234', '1,5', 540000],
    ]);
    expect(people[0]?.amount).toBe(810000);
    expect(codes(people[0])).toContain('rate_from_coefficient');
  });
});

describe('columns that are not what they look like', () => {
  const t = tableOf(
    buildSheet([
      ['STT', 'Mã đối tượng', 'Họ và tên', 'Dân tộc', 'Năm sinh', 'Số CCCD', 'Ngày cấp', 'Nơi cấp', 'Hưởng từ tháng', 'Mức trợ cấp'],
      [1, 'BT-0012', 'Lò Văn Sáng', 'Thái', 1950, '014050001234', '12/05/2021', 'Cục CS QLHC', '07/2024', 500000],
    ]),
  );
  it('are recognised as not used, with why, and never fill the birth date, the ID or the name', () => {
    const byHeader = Object.fromEntries(t.columns.map((c) => [c.header, c.how === 'ignored' ? `ignored: ${c.ignored}` : c.field]));
    expect(byHeader['Ngày cấp']).toMatch(/^ignored: .*issue date/);
    expect(byHeader['Nơi cấp']).toMatch(/^ignored: .*place of issue/);
    expect(byHeader['Hưởng từ tháng']).toMatch(/^ignored: .*benefit started/);
    expect(byHeader['Mã đối tượng']).toMatch(/^ignored: .*code/);
    expect(byHeader['Dân tộc']).toMatch(/^ignored: .*ethnicity/);
    expect(byHeader['Năm sinh']).toBe('birth_date');
    expect(byHeader['Số CCCD']).toBe('personal_id');
  });
  it('"Số CCCD" over "Số" / "Ngày cấp" / "Nơi cấp": only the number is the ID', () => {
    const two = tableOf(
      buildSheet(
        [
          ['STT', 'Họ và tên', 'Năm sinh', 'CCCD', null, null],
          [null, null, null, 'Số', 'Ngày cấp', 'Nơi cấp'],
          [1, 'Lò Văn Sáng', 1950, '014050001234', '12/05/2021', 'Cục CS QLHC'],
        ],
        { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1'] },
      ),
    );
    expect(two.columns.map((c) => c.field)).toEqual(['stt', 'name', 'birth_date', 'personal_id', null, null]);
  });
});

describe('section rows', () => {
  const { table, people } = peopleOf([
    ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp'],
    ['I. NGƯỜI CAO TUỔI', 'I. NGƯỜI CAO TUỔI', 'I. NGƯỜI CAO TUỔI', 'I. NGƯỜI CAO TUỔI', 'I. NGƯỜI CAO TUỔI'],
    ['Thôn Đông'],
    [1, 'Nguyễn Văn An', 1940, '034040001234', 500000],
    ['Cộng I', null, null, null, 500000],
    ['II', 'Người khuyết tật nặng'],
    [1, 'Trần Thị Bình', 1980, '034180002345', 750000],
    ['Cộng II', null, null, null, 750000],
  ]);
  it('are skipped as `section`, their subtotals as `subtotal`', () => {
    expect(table.skipped.map((s) => [s.prov.row, s.reason])).toEqual([[2, 'section'], [3, 'section'], [5, 'subtotal'], [6, 'section'], [8, 'subtotal']]);
  });
  it('give the programme and village of the rows below them', () => {
    expect(people.map((p) => [p.programme, p.village])).toEqual([['NGƯỜI CAO TUỔI', 'Thôn Đông'], ['Người khuyết tật nặng', null]]);
  });
  it('with a programme column, the column is used and a disagreement is a warning', () => {
    const { people: withColumn } = peopleOf([
      ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Đối tượng'],
      ['I. NGƯỜI CAO TUỔI'],
      [1, 'Nguyễn Văn An', 1940, '034040001234', 'Người cao tuổi từ đủ 80 tuổi'],
      [2, 'Lê Văn Cường', 1950, '034050003456', 'Người khuyết tật nặng'],
      ['II. NGƯỜI CÓ CÔNG'],
      [3, 'Hà Văn Sơn', 1948, '034048004567', 'Thương binh'],
    ]);
    expect(withColumn.map((p) => p.programme)).toEqual(['Người cao tuổi từ đủ 80 tuổi', 'Người khuyết tật nặng', 'Thương binh']);
    expect(withColumn.map((p) => codes(p).includes('section_programme_differs'))).toEqual([false, true, false]);
  });
});

describe('a sheet per village', () => {
  it('takes the village from the sheet name when the table has no village column', () => {
    const { people } = peopleOf([['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD'], [1, 'Nguyễn Văn An', 1940, '034040001234']], { sheet: 'Thôn Bắc' });
    expect(people[0]?.village).toBe('Thôn Bắc');
  });
  it('or from a title row naming only the village', () => {
    const { people } = peopleOf([['DANH SÁCH CHI TRẢ'], ['THÔN 3'], ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD'], [1, 'Nguyễn Văn An', 1940, '034040001234']], { sheet: 'Sheet1' });
    expect(people[0]?.village).toBe('THÔN 3');
  });
  it('a village merged down the rows it covers applies to each', () => {
    const { people } = peopleOf(
      [['STT', 'Thôn', 'Họ và tên', 'Năm sinh'], [1, 'Thôn Nam', 'Nguyễn Văn An', 1940], [2, null, 'Lê Thị Cúc', 1942], [3, 'Thôn Tây', 'Hà Văn Sơn', 1948]],
      { merges: ['B2:B3'] },
    );
    expect(people.map((p) => p.village)).toEqual(['Thôn Nam', 'Thôn Nam', 'Thôn Tây']);
  });
  it('a summary sheet is passed over as such', () => {
    const result = detectLayout(buildSheet([['STT', 'Thôn', 'Số đối tượng', 'Số tiền'], [1, 'Thôn Đông', 12, 6000000]], { sheet: 'Tổng hợp' }), NO_MAP);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^a summary sheet/);
  });
});

describe('rows the list marks as removed', () => {
  const head = ['STT', 'Họ và tên', 'Năm sinh', 'Số CCCD', 'Mức trợ cấp', 'Ghi chú'];
  const row = (name: string, note: string | null): CellValue[] => [1, name, 1940, '034040001234', 500000, note];
  const flagsOf = (note: string | null, name = 'Nguyễn Văn An'): string[] => (peopleOf([head, row(name, note)]).people[0]?.listMarks ?? []).map((m) => m.flag);

  it.each([
    ['Đã chết', 'list_says_deceased'],
    ['chết ngày 12/11/2026', 'list_says_deceased'],
    ['Từ trần', 'list_says_deceased'],
    ['DA MAT T10/2026', 'list_says_deceased'],
    ['Chuyển đi xã khác', 'list_says_moved'],
    ['chuyển khẩu', 'list_says_moved'],
    ['Cắt từ tháng 12/2026', 'list_says_stopped'],
    ['Thôi hưởng', 'list_says_stopped'],
    ['Tạm dừng hưởng', 'list_says_stopped'],
    ['dung chi tra', 'list_says_stopped'],
    ['Chuyển nơi khác', 'list_says_moved'],
    ['Không còn cư trú tại địa phương', 'list_says_moved'],
    ['Cắt TC từ T12', 'list_says_stopped'],
    ['Đình chỉ hưởng', 'list_says_stopped'],
    ['Hết hạn hưởng', 'list_says_stopped'],
  ])('"%s" → %s', (note, flag) => {
    expect(flagsOf(note)).toEqual([flag]);
  });

  it.each(['Đã có TK', 'Con gái nhận hộ', 'Tăng mới T11', 'Mất sức lao động', 'Chuyển đến từ xã Tây', 'Đã mất CCCD, làm lại', 'Chuyển khoản'])('"%s" changes nothing', (note) => {
    expect(flagsOf(note)).toEqual([]);
  });

  it('reads a remark in brackets after the name, and keeps it out of the name', () => {
    const p = peopleOf([head, row('Nguyễn Văn An (đã chết)', null)]).people[0];
    expect(p?.listMarks?.map((m) => m.flag)).toEqual(['list_says_deceased']);
    expect(p?.name?.display).toBe('Nguyễn Văn An');
  });

  it('a struck-through name and a hidden row', () => {
    const sheet = buildSheet([head, row('Nguyễn Văn An', null), row('Lê Văn Cường', null)]);
    const rows = sheet.rows.map((r, i) =>
      i === 1 ? { ...r, cells: r.cells.map((c, j) => (j === 1 ? { ...c, struck: true } : c)) } : i === 2 ? { ...r, hidden: true } : r,
    );
    const table = tableOf({ ...sheet, rows });
    const people = normalizeTable(table, { dateOrder: 'auto', date1904: false, runYear: 2026 }).people;
    expect(people.map((p) => p.listMarks?.map((m) => m.flag))).toEqual([['row_struck'], ['row_hidden']]);
  });
});

describe('words around a name', () => {
  const names = (written: string[]): (string | null | undefined)[][] =>
    peopleOf([['STT', 'Họ và tên', 'Năm sinh'], ...written.map((n, i) => [i + 1, n, 1930])]).people.map((p) => [p.name?.display, p.namePrefix]);

  it('courtesy and kinship words are kept out of the compared name, and shown as written', () => {
    expect(names(['Cụ Nguyễn Văn An', 'Cụ bà Lê Thị Cúc', 'Bà Trần Thị Bình', 'Ông Phạm Văn Dũng', 'Cháu Lò Văn Sáng', 'LS Hà Văn Sơn'])).toEqual([
      ['Nguyễn Văn An', 'Cụ'],
      ['Lê Thị Cúc', 'Cụ bà'],
      ['Trần Thị Bình', 'Bà'],
      ['Phạm Văn Dũng', 'Ông'],
      ['Lò Văn Sáng', 'Cháu'],
      ['Hà Văn Sơn', 'LS'],
    ]);
  });
  it('"Ông" before two words is the family name, and unmarked syllables are names', () => {
    expect(names(['Ông Ích Khiêm', 'Ba Văn Tư', 'Em Thị Hoa'])).toEqual([
      ['Ông Ích Khiêm', null],
      ['Ba Văn Tư', null],
      ['Thị Hoa', 'Em'],
    ]);
  });
});

describe('chip-card QR strings', () => {
  const qr = '034140001234|151234567|Phạm Thị Hoa|12031940|Nữ|Thôn Đông, Xã An Phú, Tỉnh Thái Bình|15082021';
  it('give the ID and the old CMND, and fill the empty fields', () => {
    const { people } = peopleOf([['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD'], [1, null, null, null, qr]]);
    const p = people[0];
    expect([p?.personalId, p?.oldId, p?.name?.display, p?.birth, p?.sex, p?.address]).toEqual([
      '034140001234', '151234567', 'Phạm Thị Hoa', { year: 1940, month: 3, day: 12 }, 'F', 'Thôn Đông, Xã An Phú, Tỉnh Thái Bình',
    ]);
    expect(codes(p)).toContain('qr_read');
    expect(codes(p)).not.toContain('qr_disagrees');
  });
  it("check the row's own cells: a disagreement is a warning and the row's cells are kept", () => {
    const { people } = peopleOf([['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD'], [1, 'Phạm Thị Hòa', '12/03/1941', 'Nữ', qr]]);
    expect(people[0]?.name?.display).toBe('Phạm Thị Hòa');
    expect(people[0]?.birth?.year).toBe(1941);
    expect(people[0]?.problems.find((x) => x.code === 'qr_disagrees')?.message).toMatch(/name, birth date/);
  });
});
