// CSV/TXT files in every shape officers send them, read into one RawSheet of strings in NFC.
import { describe, expect, test } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { readCsv } from '../../src/read/csv.js';
import type { RawSheet } from '../../src/types.js';
import { encodeWindows1258 } from './windows-1258.js';

const values = (sheet: RawSheet): (string | null)[][] =>
  sheet.rows.map((row) => row.cells.map((cell) => cell.value as string | null));

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const LIST = 'STT;Họ và tên;Ngày sinh;Số tiền\r\n1;Nguyễn Văn An;02/09/1945;1.500.000\r\n2;Trần Thị Bích Ngọc;;1.500.000\r\n';
const EXPECTED = [
  ['STT', 'Họ và tên', 'Ngày sinh', 'Số tiền'],
  ['1', 'Nguyễn Văn An', '02/09/1945', '1.500.000'],
  ['2', 'Trần Thị Bích Ngọc', null, '1.500.000'],
];

describe('encodings', () => {
  test('UTF-8 without BOM, semicolons', () => {
    const sheet = readCsv(Buffer.from(LIST), 'ds.csv', {});
    expect(values(sheet)).toEqual(EXPECTED);
    expect(sheet).toMatchObject({ file: 'ds.csv', sheet: '', format: 'csv', encoding: 'utf-8', delimiter: ';', date1904: false });
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(sheet.warnings).toEqual([]);
  });

  test('UTF-8 with BOM: the BOM does not stick to the first header', () => {
    const sheet = readCsv(Buffer.concat([BOM, Buffer.from(LIST)]), 'ds.csv', {});
    expect(sheet.encoding).toBe('utf-8-bom');
    expect(values(sheet)[0]![0]).toBe('STT');
  });

  test('UTF-16LE with tabs (Excel "Unicode text")', () => {
    const text = LIST.replaceAll(';', '\t');
    const sheet = readCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'ds.txt', {});
    expect(sheet.encoding).toBe('utf-16le');
    expect(sheet.delimiter).toBe('\t');
    expect(values(sheet)).toEqual(EXPECTED);
  });

  test('Windows-1258 with semicolons: tones arrive as combining marks and leave as NFC', () => {
    const sheet = readCsv(encodeWindows1258(LIST + '3;Lê Hữu Phước;1940;2.000.000\r\n4;Đặng Thị Thủy;1938;2.000.000\r\n'), 'ds.csv', {});
    expect(sheet.encoding).toBe('windows-1258');
    expect(sheet.delimiter).toBe(';');
    expect(values(sheet).map((row) => row[1])).toEqual(['Họ và tên', 'Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hữu Phước', 'Đặng Thị Thủy']);
    for (const row of values(sheet)) for (const v of row) if (v) expect(v).toBe(v.normalize('NFC'));
    expect(sheet.legacy).toEqual([]);
  });

  test('NFD text (combining marks, as some Mac exports) is composed to NFC', () => {
    const sheet = readCsv(Buffer.from('Họ tên,Thôn\nNguyễn Thị Hường,Đông Hòa\n'.normalize('NFD')), 'ds.csv', {});
    expect(values(sheet)[1]).toEqual(['Nguyễn Thị Hường', 'Đông Hòa']);
    expect(values(sheet)[1]![0]).toHaveLength('Nguyễn Thị Hường'.length);
  });

  test('a forced encoding is used as given and noted', () => {
    const sheet = readCsv(encodeWindows1258('Họ tên\r\nLê Văn Tư\r\n'), 'ds.csv', { encoding: 'windows-1258' });
    expect(values(sheet)[1]).toEqual(['Lê Văn Tư']);
    expect(sheet.encoding).toBe('windows-1258');
    expect(sheet.warnings.join(' ')).toContain('forced');
  });

  test('an unknown forced encoding is refused, naming the file and the encoding', () => {
    let error: unknown;
    try {
      readCsv(Buffer.from(LIST), 'ds.csv', { encoding: 'vn-ascii' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AsxhError);
    expect((error as AsxhError).code).toBe('input_encoding');
    expect((error as AsxhError).message).toContain('"ds.csv"');
    expect((error as AsxhError).message).toContain('"vn-ascii"');
    expect((error as AsxhError).hint).toContain('windows-1258');
  });
});

describe('structure', () => {
  test('a quoted field spanning lines is one row; row numbers count records', () => {
    const text = 'STT,Họ tên,Ghi chú\r\n1,Nguyễn Văn An,"Nhận thay:\r\ncon gái"\r\n2,Lê Thị Hoa,\r\n';
    const sheet = readCsv(Buffer.from(text), 'ds.csv', {});
    expect(sheet.delimiter).toBe(',');
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[1]!.cells[2]!.value).toBe('Nhận thay:\r\ncon gái');
    expect(sheet.rows[2]).toEqual({ row: 3, cells: [{ value: '2' }, { value: 'Lê Thị Hoa' }, { value: null }] });
  });

  test('title rows and blank lines are kept as rows; short rows are padded; trailing blank lines dropped', () => {
    const text = 'UBND XÃ HÒA BÌNH\r\n\r\nSTT;Họ tên;Số CCCD\r\n1;Nguyễn Văn An;001045000123\r\n\r\n\r\n';
    const sheet = readCsv(Buffer.from(text), 'ds.csv', {});
    expect(values(sheet)).toEqual([
      ['UBND XÃ HÒA BÌNH', null, null],
      [null, null, null],
      ['STT', 'Họ tên', 'Số CCCD'],
      ['1', 'Nguyễn Văn An', '001045000123'],
    ]);
  });

  test('values are strings as written: leading zeros and spaces are kept', () => {
    const sheet = readCsv(Buffer.from('CCCD;Số TK\n001045000123; 0123 456\n'), 'ds.csv', {});
    expect(values(sheet)[1]).toEqual(['001045000123', ' 0123 456']);
  });

  test('a file of separators only is empty', () => {
    expect(() => readCsv(Buffer.from(';;;\r\n;;;\r\n'), 'ds.csv', {})).toThrow(/ds\.csv/);
  });
});

describe('legacy fonts in CSV', () => {
  test('a TCVN3 column in a single-byte file is decoded; the Windows-1258 columns beside it are not', () => {
    // Column 2 was typed in .VnTime and saved as CSV: its bytes are TCVN3. Column 1 is Windows-1258.
    const header = encodeWindows1258('Thôn;');
    const tcvn3 = (s: string) => Buffer.from(s, 'latin1');
    const bytes = Buffer.concat([
      header, tcvn3('Hä vµ tªn\r\n'),
      encodeWindows1258('Đông;'), tcvn3('NguyÔn V¨n An\r\n'),
      encodeWindows1258('Đoài;'), tcvn3('TrÇn ThÞ BÝch Ngäc\r\n'),
      encodeWindows1258('Đông;'), tcvn3('Lª H\u00f7u Ph\u00adíc\r\n'),
    ]);
    const sheet = readCsv(bytes, 'ds.csv', {});
    expect(values(sheet)).toEqual([
      ['Thôn', 'Họ và tên'],
      ['Đông', 'Nguyễn Văn An'],
      ['Đoài', 'Trần Thị Bích Ngọc'],
      ['Đông', 'Lê Hữu Phước'],
    ]);
    expect(sheet.legacy).toEqual([{ column: 1, encoding: 'tcvn3', source: 'characters', upper: false, cells: 4 }]);
  });

  test('TCVN3 look-alikes saved as UTF-8 (from an old workbook) are decoded too', () => {
    const sheet = readCsv(Buffer.from('STT,Họ tên\n1,§Æng ThÞ Thñy\n2,Ph¹m ¦ng\n'), 'ds.csv', {});
    expect(values(sheet).map((r) => r[1])).toEqual(['Họ tên', 'Đặng Thị Thủy', 'Phạm Ưng']);
    expect(sheet.legacy).toEqual([{ column: 1, encoding: 'tcvn3', source: 'characters', upper: false, cells: 2 }]);
  });

  test('a VNI column is decoded', () => {
    const bytes = Buffer.from('STT;Ho ten\r\n1;Nguyeãn Vaên An\r\n2;Ñaëng Thò Thuûy\r\n', 'latin1');
    const sheet = readCsv(bytes, 'ds.csv', {});
    expect(values(sheet).map((r) => r[1])).toEqual(['Ho ten', 'Nguyễn Văn An', 'Đặng Thị Thủy']);
    expect(sheet.legacy[0]).toMatchObject({ column: 1, encoding: 'vni', source: 'characters' });
  });

  test('encoding forced to tcvn3 decodes every column', () => {
    const sheet = readCsv(Buffer.from('Hä tªn;Th«n\r\nNguyÔn V¨n An;§«ng\r\n', 'latin1'), 'ds.csv', { encoding: 'tcvn3' });
    expect(values(sheet)).toEqual([
      ['Họ tên', 'Thôn'],
      ['Nguyễn Văn An', 'Đông'],
    ]);
  });
});

describe('a CSV saved from a .VnTime sheet', () => {
  test('decodes the header of a column of digits too, once other columns show the file is TCVN3', () => {
    // Typed by hand: "Số CCCD" and "Mức trợ cấp" stand over digits only, too little to tell the encoding alone.
    const text = ['STT;Hä vµ tªn;Sè CCCD;Møc trî cÊp', '1;NguyÔn V¨n An;038045001234;1.500.000', '2;TrÇn ThÞ BÝch;038140005678;1.500.000'].join('\r\n');
    const sheet = readCsv(Buffer.from(text, 'latin1'), 'tcvn3.csv', { encoding: null });
    expect(sheet.rows[0]!.cells.map((c) => c.value)).toEqual(['STT', 'Họ và tên', 'Số CCCD', 'Mức trợ cấp']);
    expect(sheet.rows[1]!.cells[1]!.value).toBe('Nguyễn Văn An');
  });
});
