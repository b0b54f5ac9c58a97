import { describe, expect, it } from 'vitest';
import { normalizeTable, type NormalizeOptions } from '../../src/normalize/person.js';
import type { CellValue, ColumnMapping, Field, Person, RawCell, Table, TableRow } from '../../src/types.js';

// Invented people; IDs, CMNDs and accounts are made up.
type Row = Partial<Record<Field, CellValue>>;

function table(headers: ReadonlyArray<readonly [Field, string]>, rows: readonly Row[]): Table {
  const columns: ColumnMapping[] = headers.map(([field, header], index) => ({ index, header, field, how: 'alias' }));
  const tableRows: TableRow[] = rows.map((r, i) => {
    const cells: Partial<Record<Field, RawCell>> = {};
    for (const [field] of headers) cells[field] = { value: r[field] ?? null };
    return { prov: { file: 'xa-ky-anh.xlsx', sheet: 'BTXH', row: 8 + i }, cells };
  });
  return { file: 'xa-ky-anh.xlsx', sheet: 'BTXH', headerRows: [5, 6], numberRow: 7, columns, rows: tableRows, skipped: [], rowsRead: rows.length };
}

const auto: NormalizeOptions = { dateOrder: 'auto', date1904: false, runYear: 2026 };
const codes = (p: Person | undefined) => (p?.problems ?? []).map((x) => `${x.column}:${x.code}`);

// The classic official layout: "Ngày tháng năm sinh" split into Nam / Nữ, a CMND column, a representative.
const official: ReadonlyArray<readonly [Field, string]> = [
  ['stt', 'STT'],
  ['name', 'Họ và tên'],
  ['birth_date_male', 'Ngày tháng năm sinh / Nam'],
  ['birth_date_female', 'Ngày tháng năm sinh / Nữ'],
  ['personal_id', 'Số CCCD'],
  ['old_id', 'Số CMND'],
  ['village', 'Thôn'],
  ['amount', 'Mức trợ cấp'],
  ['account', 'Số tài khoản'],
  ['bank', 'Ngân hàng'],
  ['rep_name', 'Người nhận thay'],
  ['rep_id', 'CCCD người nhận thay'],
  ['rep_account', 'TK người nhận thay'],
];

describe('normalizeTable: the Nam/Nữ layout', () => {
  const { people, dateOrder } = normalizeTable(
    table(official, [
      // 1. a man, ID stored as a number (lost its 0), date in the Nam column
      { stt: 1, name: 'NGUYỄN VĂN AN', birth_date_male: '25/12/1945', personal_id: 42045001234, village: 'Thôn\u00a0Đông', amount: '360.000', account: "'3700205123456", bank: 'Agribank CN Hà Tĩnh' },
      // 2. a woman, year only, an old CMND in the ID column, paid in cash
      { stt: 2, name: 'Trần Thị Hoà', birth_date_female: '1950', personal_id: '186123456', amount: 540000, bank: 'Tiền mặt' },
      // 3. a man, two-digit year (the ID says 1900s), CMND column filled, paid through his daughter
      { stt: 3, name: 'Lê Văn Bình', birth_date_male: '03/04/45', personal_id: '038045001234', old_id: '186000111', amount: '360.000', rep_name: 'LÊ THỊ CÚC', rep_id: '038190001234', rep_account: '0071000123456', bank: 'VCB' },
      // 4. both columns filled
      { stt: 4, name: 'Phạm Văn Cường', birth_date_male: '1948', birth_date_female: '1948', personal_id: '038048001234' },
      // 5. nothing identifies anyone
      { stt: 5, amount: '360.000' },
      // 6. the ID's G digit says female, the row says male (a wife's ID?); a real Excel date
      { stt: 6, name: 'Phạm Thị Lan', birth_date_male: new Date(Date.UTC(1960, 4, 12)), personal_id: '038160001234' },
    ]),
    auto,
  );
  const [an, hoa, binh, cuong, nobody, lan] = people;

  it('settles the day-first order from 25/12/1945', () => {
    expect(dateOrder).toMatchObject({ order: 'dmy', settled: true });
  });

  it('row 1: sex from the Nam column, leading zero restored, bank resolved', () => {
    expect(an).toMatchObject({
      sex: 'M',
      birth: { year: 1945, month: 12, day: 25 },
      personalId: '042045001234',
      idKind: 'cccd',
      oldId: null,
      village: 'Thôn Đông',
      amount: 360_000,
      account: '3700205123456',
      bank: { bin: '970405', shortName: 'Agribank' },
      cash: false,
      rep: null,
    });
    expect(an?.name?.display).toBe('Nguyễn Văn An');
    expect(codes(an)).toEqual(['personal_id:id_leading_zero_restored']);
  });

  it('row 2: sex from the Nữ column, CMND moved to oldId, cash', () => {
    expect(hoa).toMatchObject({ sex: 'F', birth: { year: 1950, month: null, day: null }, personalId: null, idKind: 'cmnd', oldId: '186123456', cash: true, bank: null, amount: 540_000 });
    expect(hoa?.name?.display).toBe('Trần Thị Hòa');
    expect(codes(hoa)).toEqual(['personal_id:id_is_cmnd', 'birth_date_female:date_year_only']);
  });

  it('row 3: the ID century completes 45 as 1945; CMND column and representative kept', () => {
    expect(binh).toMatchObject({ sex: 'M', birth: { year: 1945, month: 4, day: 3 }, personalId: '038045001234', oldId: '186000111' });
    expect(binh?.bank?.bin).toBe('970436');
    expect(binh?.rep).toEqual({
      name: { display: 'Lê Thị Cúc', key: 'lê thị cúc', folded: 'le thi cuc', family: 'le', middle: 'thi', given: 'cuc' },
      personalId: '038190001234',
      account: '0071000123456',
    });
    expect(codes(binh)).toEqual(['birth_date_male:date_two_digit_year']);
  });

  it('row 4: both columns filled: date kept, sex unknown, flagged', () => {
    expect(cuong).toMatchObject({ sex: null, birth: { year: 1948, month: null, day: null } });
    expect(codes(cuong)).toContain('birth_date_male:sex_both_columns');
  });

  it('row 5: no name, no ID, no birth date → row_no_identity error', () => {
    expect(nobody?.problems.map((p) => [p.code, p.severity])).toEqual([['row_no_identity', 'error']]);
    expect(nobody?.amount).toBe(360_000);
  });

  it('row 6: ID says female, Nam column says male → warning, ID kept', () => {
    expect(lan).toMatchObject({ sex: 'M', personalId: '038160001234', birth: { year: 1960, month: 5, day: 12 } });
    expect(codes(lan)).toEqual(['personal_id:id_sex_mismatch']);
  });

  it('locates each problem: file, sheet, row, field, raw text as shown', () => {
    expect(an?.problems[0]).toMatchObject({ file: 'xa-ky-anh.xlsx', sheet: 'BTXH', row: 8, column: 'personal_id', raw: '42045001234', severity: 'info' });
    expect(nobody?.problems[0]).toMatchObject({ row: 12, raw: '5 | 360.000' });
  });

  it('keeps the cells as shown: numbers in full, dates as dd/mm/yyyy', () => {
    expect(an?.raw).toMatchObject({ stt: '1', personal_id: '42045001234', birth_date_male: '25/12/1945', village: 'Thôn\u00a0Đông' });
    expect(lan?.raw.birth_date_male).toBe('12/05/1960');
    expect(an?.raw.birth_date_female).toBeUndefined();
  });

  it('fingerprints: 16 hex characters, one per distinct row', () => {
    for (const p of people) expect(p.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(people.map((p) => p.fingerprint)).size).toBe(people.length);
  });
});

describe('normalizeTable: fingerprint follows the cells, not the position', () => {
  const headers: ReadonlyArray<readonly [Field, string]> = [['name', 'Họ tên'], ['birth_date', 'Năm sinh'], ['personal_id', 'Số ĐDCN']];
  const row: Row = { name: 'Võ Thị Mai', birth_date: 1942, personal_id: '040142001234' };
  const a = normalizeTable(table(headers, [row, row]), auto).people;
  const b = normalizeTable(table(headers, [{ ...row, birth_date: 1943 }]), auto).people;

  it('the same cells on another row give the same fingerprint', () => {
    expect(a[0]?.fingerprint).toBe(a[1]?.fingerprint);
  });
  it('a changed cell gives another fingerprint', () => {
    expect(b[0]?.fingerprint).not.toBe(a[0]?.fingerprint);
  });
});

describe('normalizeTable: day/month order not settled', () => {
  const headers: ReadonlyArray<readonly [Field, string]> = [['name', 'Họ tên'], ['birth_date', 'Ngày sinh']];
  const rows: Row[] = [
    { name: 'Đinh Văn Tám', birth_date: '03/04/1950' },
    { name: 'Đinh Thị Chín', birth_date: '12/12/1950' },
    { name: 'Đinh Văn Mười', birth_date: '1951' },
  ];

  it('flags only the rows where swapping day and month gives another date', () => {
    const { people, dateOrder } = normalizeTable(table(headers, rows), auto);
    expect(dateOrder).toMatchObject({ order: 'dmy', settled: false });
    expect(people.map((p) => p.problems.some((x) => x.code === 'date_order_unsettled'))).toEqual([true, false, false]);
    expect(people[0]?.birth).toEqual({ year: 1950, month: 4, day: 3 });
  });

  it('an order given by the user is settled and flags nothing', () => {
    const { people, dateOrder } = normalizeTable(table(headers, rows), { ...auto, dateOrder: 'mdy' });
    expect(dateOrder).toMatchObject({ order: 'mdy', settled: true });
    expect(people[0]?.birth).toEqual({ year: 1950, month: 3, day: 4 });
    expect(people.flatMap((p) => p.problems).filter((x) => x.code === 'date_order_unsettled')).toEqual([]);
  });
});

describe('normalizeTable: a "Nữ" tick column, an ID in the CMND column, missing fields', () => {
  const headers: ReadonlyArray<readonly [Field, string]> = [
    ['name', 'Họ và tên'],
    ['birth_date', 'Năm sinh'],
    ['sex', 'Giới tính / Nữ'],
    ['personal_id', 'Số CCCD'],
    ['old_id', 'Số CMND/CCCD'],
  ];
  const { people } = normalizeTable(
    table(headers, [
      { name: 'Hồ Thị Sen', birth_date: 1938, sex: 'x', old_id: '042138001234' },
      { name: 'Hồ Văn Sơn', birth_date: 1936, personal_id: '042036001234' },
      { name: 'Hồ Văn Hải', sex: null },
    ]),
    auto,
  );
  const [sen, son, hai] = people;

  it('x in the Nữ column is female, a blank is male', () => {
    expect([sen?.sex, son?.sex]).toEqual(['F', 'M']);
  });

  it('a 12-digit ID in the CMND column is used when the ID column is empty', () => {
    expect(sen).toMatchObject({ personalId: '042138001234', idKind: 'cccd', oldId: '042138001234' });
    expect(codes(sen).sort()).toEqual(['birth_date:date_year_only', 'old_id:id_from_old_id_column']);
  });

  it('a row with a name only gets warnings for the missing ID and birth date', () => {
    expect(codes(hai)).toEqual(['personal_id:id_missing', 'birth_date:date_missing']);
    expect(hai?.problems.every((p) => p.severity === 'warning')).toBe(true);
  });
});

describe('normalizeTable: Nam/Nữ columns holding ticks, the date in its own column', () => {
  const headers: ReadonlyArray<readonly [Field, string]> = [
    ['name', 'Họ và tên'],
    ['birth_date', 'Ngày sinh'],
    ['birth_date_male', 'Giới tính / Nam'],
    ['birth_date_female', 'Giới tính / Nữ'],
  ];
  const { people } = normalizeTable(
    table(headers, [
      { name: 'Bùi Văn Hoà', birth_date: '15/08/1940', birth_date_male: 'x' },
      { name: 'Bùi Thị Thoa', birth_date: '20/10/1943', birth_date_female: 'X' },
    ]),
    auto,
  );

  it('the tick gives the sex, the date column the birth date', () => {
    expect(people.map((p) => [p.name?.display, p.sex, p.birth])).toEqual([
      ['Bùi Văn Hòa', 'M', { year: 1940, month: 8, day: 15 }],
      ['Bùi Thị Thoa', 'F', { year: 1943, month: 10, day: 20 }],
    ]);
    expect(people.flatMap((p) => p.problems.map((x) => x.code))).toEqual(['id_missing', 'id_missing']);
  });
});
