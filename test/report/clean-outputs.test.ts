import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCleanOutputs, type CleanInput } from '../../src/report/clean-outputs.js';
import type { SkippedSheet } from '../../src/types.js';
import type { OutputFile, SheetSpec } from '../../src/write/output-spec.js';
import { renderCsv } from '../../src/write/csv-writer.js';
import { writeOutputs } from '../../src/write/write-outputs.js';
import { person, personName, problem, skippedRow, table } from './people.js';

const F1 = 'DS BTXH xa Tan Lap.xlsx';
const F2 = 'NCC/ds-ncc.csv';

const at = (file: string, sheet: string, row: number) => ({ file, sheet, row });

const lua = person(F1, 'Thôn 1', 8, {
  raw: { name: 'NGUYỄN THỊ LỤA', birth_date: '00/00/1945', personal_id: '38145001234', amount: '540.000', bank: 'NHNo&PTNT' },
  name: personName('Nguyễn Thị Lụa'),
  birth: { year: 1945, month: null, day: null },
  sex: 'F',
  personalId: '038145001234',
  idKind: 'cccd',
  village: 'Thôn 1',
  commune: 'Tân Lập',
  programme: 'Người cao tuổi 80+',
  amount: 540000,
  account: '0011004123456789012',
  bank: { bin: '970405', shortName: 'Agribank' },
  problems: [
    problem(at(F1, 'Thôn 1', 8), 'personal_id', 'id_leading_zero_restored', 'info', '38145001234', 'Leading zero restored.'),
  ],
});
const hung = person(F1, 'Thôn 1', 9, {
  raw: { name: 'TRẦN VĂN HÙNG', birth_date: '05/07/1938', personal_id: '3.80412E+10', amount: '720.000đ', bank: 'Tiền mặt' },
  name: personName('Trần Văn Hùng'),
  birth: { year: 1938, month: 7, day: 5 },
  sex: 'M',
  idKind: 'unrecoverable',
  village: 'Thôn 1',
  commune: 'Tân Lập',
  programme: 'Khuyết tật nặng',
  amount: 720000,
  cash: true,
  note: '=HYPERLINK("http://x","bấm")',
  problems: [
    problem(at(F1, 'Thôn 1', 9), 'personal_id', 'id_scientific_notation', 'error', '3.80412E+10', 'The ID lost its last digits.'),
  ],
});
const hoa = person(F1, 'Thôn 1', 11, {
  raw: { name: 'Lê Thị Hoà', birth_date_female: '03/1950', personal_id: '001150004567', old_id: '12345' },
  name: personName('Lê Thị Hoà'),
  birth: { year: 1950, month: 3, day: null },
  sex: 'F',
  personalId: '001150004567',
  idKind: 'cccd',
  village: 'Thôn 1',
  address: 'Xóm Đình',
  rep: { name: personName('Lê Văn Tâm'), personalId: '001085012345', account: '19036677889900' },
  problems: [
    problem(at(F1, 'Thôn 1', 11), 'old_id', 'old_id_invalid', 'warning', '12345', 'Neither 9 nor 12 digits.'),
    problem(at(F1, 'Thôn 1', 11), 'birth_date_female', 'date_month_year_only', 'info', '03/1950', 'Month and year only.'),
  ],
});
const nam = person(F1, 'Thôn 2', 8, { name: personName('Phạm Văn Nam'), raw: { name: 'Phạm Văn Nam' }, sex: 'M' });
const mai = person(F2, '', 2, {
  name: personName('Đỗ Thị Mai'),
  raw: { name: 'Đỗ Thị Mai', personal_id: '036152001111' },
  personalId: '036152001111',
  idKind: 'cccd',
});

const thon1Skipped = [
  skippedRow(F1, 'Thôn 1', 12, 'total', 'Tổng cộng | 1.260.000'),
  skippedRow(F1, 'Thôn 1', 10, 'subtotal', 'Cộng thôn 1 | 3 | 1.260.000'),
  skippedRow(F1, 'Thôn 1', 13, 'footer', 'Người lập biểu'),
];
const thon2Skipped = [skippedRow(F1, 'Thôn 2', 9, 'blank', '')];
const nccSkipped = [skippedRow(F2, '', 3, 'repeated_header', 'STT | Họ và tên | Số CCCD')];

// People of Thôn 1 are handed over out of row order on purpose.
const inputs: CleanInput[] = [
  {
    file: F1,
    sheets: [
      { sheet: 'Thôn 1', table: table(F1, 'Thôn 1', [lua, hung, hoa], thon1Skipped), people: [hoa, lua, hung] },
      { sheet: 'Thôn 2', table: table(F1, 'Thôn 2', [nam], thon2Skipped), people: [nam] },
    ],
  },
  { file: F2, sheets: [{ sheet: '', table: table(F2, '', [mai], nccSkipped), people: [mai] }] },
];
const skippedSheets: SkippedSheet[] = [
  { file: 'cu/ds-2019.xlsx', sheet: 'Sheet1', reason: 'the sheet is empty' },
  { file: F1, sheet: 'Tổng hợp', reason: 'no beneficiary table found' },
];

const CSV_KEYS = [
  'source_file', 'source_sheet', 'source_row', 'status', 'name', 'name_raw', 'name_folded', 'birth_date',
  'birth_date_raw', 'birth_year', 'sex', 'personal_id', 'personal_id_raw', 'id_kind', 'old_id', 'village', 'address',
  'commune', 'programme', 'amount', 'amount_raw', 'account', 'bank_bin', 'bank_name', 'cash', 'rep_name', 'rep_id',
  'rep_account', 'phone', 'note', 'problems',
  // Added for the 2026 shapes, after the old keys so scripts reading by position keep working.
  'related_name', 'relation', 'name_prefix', 'rate', 'arrears_months', 'arrears_amount', 'total', 'commune_written', 'commune_code', 'province', 'list_marks',
];

const outputs = buildCleanOutputs(inputs, skippedSheets);

function output<K extends OutputFile['kind']>(p: string, kind: K): Extract<OutputFile, { kind: K }> {
  const found = outputs.find((o) => o.path === p);
  expect(found, p).toBeDefined();
  expect(found!.kind).toBe(kind);
  return found as Extract<OutputFile, { kind: K }>;
}

/** The CSV as a machine reads it: one object per line, keyed by header. */
function csvRecords(p: string): Record<string, string>[] {
  const file = output(p, 'csv');
  const text = renderCsv(file.columns, file.rows).toString('utf8').replace(/^\ufeff/, '');
  return parse(text, { columns: true }) as Record<string, string>[];
}

function xlsxSheet(p: string): SheetSpec {
  const file = output(p, 'xlsx');
  expect(file.sheets).toHaveLength(1);
  return file.sheets[0]!;
}

function xlsxCell(sheet: SheetSpec, row: number, header: string): unknown {
  const col = sheet.columns.findIndex((c) => c.header === header);
  expect(col, header).toBeGreaterThanOrEqual(0);
  return sheet.rows[row]![col];
}

describe('buildCleanOutputs', () => {
  it('makes a cleaned XLSX and CSV per input, then skipped-rows.csv and problems.csv', () => {
    expect(outputs.map((o) => o.path)).toEqual([
      'cleaned/DS BTXH xa Tan Lap.cleaned.xlsx',
      'cleaned/DS BTXH xa Tan Lap.cleaned.csv',
      'cleaned/NCC/ds-ncc.cleaned.xlsx',
      'cleaned/NCC/ds-ncc.cleaned.csv',
      'skipped-rows.csv',
      'problems.csv',
    ]);
  });

  it('gives the cleaned CSV the documented English keys, in order', () => {
    expect(output('cleaned/DS BTXH xa Tan Lap.cleaned.csv', 'csv').columns.map((c) => c.key)).toEqual(CSV_KEYS);
  });

  it('writes one CSV line per person, in sheet then row order', () => {
    const lines = csvRecords('cleaned/DS BTXH xa Tan Lap.cleaned.csv');
    expect(lines.map((l) => [l.source_sheet, l.source_row, l.name])).toEqual([
      ['Thôn 1', '8', 'Nguyễn Thị Lụa'],
      ['Thôn 1', '9', 'Trần Văn Hùng'],
      ['Thôn 1', '11', 'Lê Thị Hoà'],
      ['Thôn 2', '8', 'Phạm Văn Nam'],
    ]);
    expect(csvRecords('cleaned/NCC/ds-ncc.cleaned.csv').map((l) => l.name)).toEqual(['Đỗ Thị Mai']);
  });

  it('fills every CSV field of a person with a cash payment and an ID Excel destroyed', () => {
    const hungLine = csvRecords('cleaned/DS BTXH xa Tan Lap.cleaned.csv')[1];
    expect(hungLine).toEqual({
      source_file: 'DS BTXH xa Tan Lap.xlsx',
      source_sheet: 'Thôn 1',
      source_row: '9',
      status: 'error',
      name: 'Trần Văn Hùng',
      name_raw: 'TRẦN VĂN HÙNG',
      name_folded: 'tran van hung',
      birth_date: '1938-07-05',
      birth_date_raw: '05/07/1938',
      birth_year: '1938',
      sex: 'M',
      personal_id: '',
      personal_id_raw: '3.80412E+10',
      id_kind: 'unrecoverable',
      old_id: '',
      village: 'Thôn 1',
      address: '',
      commune: 'Tân Lập',
      programme: 'Khuyết tật nặng',
      amount: '720000',
      amount_raw: '720.000đ',
      account: '',
      bank_bin: '',
      bank_name: '',
      cash: 'true',
      rep_name: '',
      rep_id: '',
      rep_account: '',
      phone: '',
      note: `'=HYPERLINK("http://x","bấm")`,
      problems: 'id_scientific_notation: The ID lost its last digits.',
      related_name: '',
      relation: '',
      name_prefix: '',
      rate: '',
      arrears_months: '',
      arrears_amount: '',
      total: '',
      commune_written: '',
      commune_code: '',
      province: '',
      list_marks: '',
    });
  });

  it.each([
    ['year only', 0, '1945', '1945', 'ok'],
    ['full date', 1, '1938-07-05', '1938', 'error'],
    ['month and year (Nam/Nữ layout)', 2, '1950-03', '1950', 'warning'],
  ])('writes a %s birth date with only what is known, and the status', (_, i, date, year, status) => {
    const line = csvRecords('cleaned/DS BTXH xa Tan Lap.cleaned.csv')[i]!;
    expect([line.birth_date, line.birth_year, line.status]).toEqual([date, year, status]);
  });

  it('keeps the raw value from the Nam/Nữ column, the bank, the account and the representative', () => {
    const [luaLine, , hoaLine] = csvRecords('cleaned/DS BTXH xa Tan Lap.cleaned.csv');
    expect(hoaLine).toMatchObject({
      birth_date_raw: '03/1950',
      address: 'Xóm Đình',
      rep_name: 'Lê Văn Tâm',
      rep_id: '001085012345',
      rep_account: '19036677889900',
      problems: 'old_id_invalid: Neither 9 nor 12 digits. | date_month_year_only: Month and year only.',
    });
    expect(luaLine).toMatchObject({
      personal_id: '038145001234',
      personal_id_raw: '38145001234',
      account: '0011004123456789012',
      bank_bin: '970405',
      bank_name: 'Agribank',
      cash: 'false',
    });
  });

  it('shows Vietnamese headers, original beside normalised, IDs and accounts as text in the XLSX', () => {
    const sheet = xlsxSheet('cleaned/DS BTXH xa Tan Lap.cleaned.xlsx');
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'STT', 'Họ và tên (gốc)', 'Họ và tên (chuẩn hóa)', 'Ngày sinh (gốc)', 'Ngày sinh (chuẩn hóa)', 'Giới tính',
      'Số CCCD (gốc)', 'Số CCCD (chuẩn hóa)', 'CMND', 'Thôn/Địa chỉ', 'Xã', 'Đối tượng', 'Mức trợ cấp', 'Số tài khoản',
      'Ngân hàng (gốc)', 'Ngân hàng', 'Mã BIN', 'Người nhận thay', 'CCCD người nhận thay', 'TK người nhận thay',
      'Số điện thoại', 'Ghi chú', 'Trạng thái', 'Vấn đề', 'Sheet gốc', 'Dòng gốc',
    ]);
    const textHeaders = sheet.columns.filter((c) => c.text).map((c) => c.header);
    expect(textHeaders).toEqual(expect.arrayContaining(['Số CCCD (gốc)', 'Số CCCD (chuẩn hóa)', 'CMND', 'Số tài khoản', 'Mã BIN', 'CCCD người nhận thay', 'TK người nhận thay']));
    expect(sheet.freezeHeader).toBe(true);
    expect(sheet.rows).toHaveLength(4);
    expect(xlsxCell(sheet, 0, 'STT')).toBe(1);
    expect(xlsxCell(sheet, 0, 'Họ và tên (gốc)')).toBe('NGUYỄN THỊ LỤA');
    expect(xlsxCell(sheet, 0, 'Họ và tên (chuẩn hóa)')).toBe('Nguyễn Thị Lụa');
    expect(xlsxCell(sheet, 0, 'Ngày sinh (chuẩn hóa)')).toBe('1945');
    expect(xlsxCell(sheet, 1, 'Ngày sinh (chuẩn hóa)')).toBe('05/07/1938');
    expect(xlsxCell(sheet, 2, 'Ngày sinh (chuẩn hóa)')).toBe('03/1950');
    expect(xlsxCell(sheet, 0, 'Giới tính')).toBe('Nữ');
    expect(xlsxCell(sheet, 1, 'Giới tính')).toBe('Nam');
    expect(xlsxCell(sheet, 1, 'Ngân hàng')).toBe('Tiền mặt (bưu điện)');
    expect(xlsxCell(sheet, 2, 'Thôn/Địa chỉ')).toBe('Thôn 1, Xóm Đình');
    expect(xlsxCell(sheet, 3, 'Sheet gốc')).toBe('Thôn 2');
    expect(xlsxCell(sheet, 3, 'Dòng gốc')).toBe(8);
    expect([0, 1, 2, 3].map((r) => xlsxCell(sheet, r, 'Trạng thái'))).toEqual(['Hợp lệ', 'Lỗi', 'Cần xem', 'Hợp lệ']);
  });

  it('highlights the normalised cell a warning or error is about, not info', () => {
    const sheet = xlsxSheet('cleaned/DS BTXH xa Tan Lap.cleaned.xlsx');
    const col = (h: string) => sheet.columns.findIndex((c) => c.header === h);
    expect(sheet.highlight).toEqual([
      { row: 1, col: col('Số CCCD (chuẩn hóa)') },
      { row: 2, col: col('CMND') },
    ]);
  });

  it('lists skipped rows and skipped sheets in file, sheet and row order', () => {
    const lines = csvRecords('skipped-rows.csv');
    expect(lines.map((l) => [l.source_file, l.source_sheet, l.source_row, l.reason])).toEqual([
      [F1, 'Thôn 1', '10', 'subtotal'],
      [F1, 'Thôn 1', '12', 'total'],
      [F1, 'Thôn 1', '13', 'footer'],
      [F1, 'Thôn 2', '9', 'blank'],
      [F1, 'Tổng hợp', '', 'sheet_skipped: no beneficiary table found'],
      [F2, '', '3', 'repeated_header'],
      ['cu/ds-2019.xlsx', 'Sheet1', '', 'sheet_skipped: the sheet is empty'],
    ]);
    expect(lines[0]!.text).toBe('Cộng thôn 1 | 3 | 1.260.000');
  });

  it('accounts for every row read: skipped rows plus people equal the rows read, per sheet', () => {
    const skipped = csvRecords('skipped-rows.csv');
    const cleaned = [...csvRecords('cleaned/DS BTXH xa Tan Lap.cleaned.csv'), ...csvRecords('cleaned/NCC/ds-ncc.cleaned.csv')];
    for (const input of inputs) {
      for (const { sheet, table: t } of input.sheets) {
        const mine = (l: Record<string, string>) => l.source_file === input.file && l.source_sheet === sheet && l.source_row !== '';
        expect(skipped.filter(mine).length + cleaned.filter(mine).length, `${input.file} ${sheet}`).toBe(t.rowsRead);
      }
    }
  });

  it('puts one problems.csv line per problem with its place, field, severity and raw value', () => {
    expect(output('problems.csv', 'csv').columns.map((c) => c.key)).toEqual([
      'source_file', 'source_sheet', 'source_row', 'column', 'code', 'severity', 'raw_value', 'message',
    ]);
    expect(csvRecords('problems.csv').map((l) => [l.source_row, l.column, l.code, l.severity, l.raw_value])).toEqual([
      ['8', 'personal_id', 'id_leading_zero_restored', 'info', '38145001234'],
      ['9', 'personal_id', 'id_scientific_notation', 'error', '3.80412E+10'],
      ['11', 'old_id', 'old_id_invalid', 'warning', '12345'],
      ['11', 'birth_date_female', 'date_month_year_only', 'info', '03/1950'],
    ]);
  });

  it('gives inputs that would share an output name distinct names, in input order', () => {
    const twin = (file: string): CleanInput => ({ file, sheets: [] });
    const paths = buildCleanOutputs([twin('ds.xlsx'), twin('ds.csv'), twin('DS.xlsx')], [])
      .map((o) => o.path)
      .filter((p) => p.endsWith('.xlsx'));
    expect(paths).toEqual(['cleaned/ds.cleaned.xlsx', 'cleaned/ds-2.cleaned.xlsx', 'cleaned/DS-3.cleaned.xlsx']);
  });

  it('keeps a path that tries to climb out of the cleaned folder inside it', () => {
    const paths = buildCleanOutputs([{ file: '../../etc/ds.xlsx', sheets: [] }], []).map((o) => o.path);
    expect(paths[0]).toBe('cleaned/etc/ds.cleaned.xlsx');
  });

  it('is the same for the same inputs (pure)', () => {
    expect(buildCleanOutputs(inputs, skippedSheets)).toEqual(outputs);
  });

  it('writes files that read back right: IDs as text with numFmt @, one CSV line per person', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'asxh-clean-'));
    try {
      await writeOutputs(dir, outputs, { created: new Date(Date.UTC(2026, 11, 1)) });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, 'cleaned/DS BTXH xa Tan Lap.cleaned.xlsx'));
      const ws = wb.getWorksheet('Danh sách')!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      const idCol = header.indexOf('Số CCCD (chuẩn hóa)') + 1;
      const accountCol = header.indexOf('Số tài khoản') + 1;
      expect(ws.getCell(2, idCol).value).toBe('038145001234');
      expect(ws.getCell(2, idCol).numFmt).toBe('@');
      expect(ws.getCell(2, accountCol).value).toBe('0011004123456789012');
      expect(ws.getCell(3, header.indexOf('Ghi chú') + 1).value).toBe(`'=HYPERLINK("http://x","bấm")`);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

      const csv = readFileSync(path.join(dir, 'cleaned/DS BTXH xa Tan Lap.cleaned.csv'), 'utf8');
      expect(csv.startsWith('\ufeffsource_file,source_sheet,source_row,status,')).toBe(true);
      expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
