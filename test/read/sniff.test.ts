// The file's kind is judged by its bytes, and files asxh cannot read are refused with the way out.
import { describe, expect, test } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { sniffFormat } from '../../src/read/sniff.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const cfb = (...streams: string[]): Uint8Array =>
  Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le'))]);

function refusal(input: Uint8Array, name: string): AsxhError {
  try {
    sniffFormat(input, name);
  } catch (error) {
    expect(error).toBeInstanceOf(AsxhError);
    return error as AsxhError;
  }
  throw new Error('expected a refusal');
}

describe('accepted', () => {
  test('a ZIP is an xlsx workbook', () => {
    expect(sniffFormat(bytes('PK', [3, 4], 'rest of zip'), 'ds.xls')).toBe('xlsx');
  });
  test('a compound file with a Workbook (BIFF8) or Book (BIFF5) stream is an .xls workbook, whatever its name', () => {
    expect(sniffFormat(cfb('Workbook', 'SummaryInformation'), 'danh sach.xls')).toBe('xls');
    expect(sniffFormat(cfb('Book'), 'ds 1999.xlsx')).toBe('xls');
  });
  test('a ZIP whose mimetype says OpenDocument spreadsheet is an .ods', () => {
    const ods = bytes('PK', [3, 4], Buffer.alloc(26).toString('latin1'), 'mimetypeapplication/vnd.oasis.opendocument.spreadsheet');
    expect(sniffFormat(ods, 'ds.ods')).toBe('ods');
  });
  test.each([
    ['UTF-8 CSV', bytes('STT;Họ và tên\r\n1;An\r\n')],
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'STT,Ho ten\n')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('STT\tHọ tên\r\n', 'utf16le')])],
    ['UTF-16LE without BOM', Buffer.from('STT\tHo ten\r\n1\tAn\r\n', 'utf16le')],
    ['Windows-1258 / TCVN3 bytes', bytes('Hä tªn;', [0xa8, 0xad], '\r\n')],
  ])('%s is text', (_label, input) => {
    expect(sniffFormat(input, 'ds.csv')).toBe('csv');
  });
});

describe('refused', () => {
  test('a compound file that is not an Excel workbook (a Word .doc) is refused, with the LibreOffice command', () => {
    const error = refusal(cfb('WordDocument', 'SummaryInformation'), 'danh sach.doc');
    expect(error.code).toBe('input_unsupported');
    expect(error.message).toContain('"danh sach.doc"');
    expect(error.hint).toContain('soffice --headless --convert-to xlsx "danh sach.doc"');
  });

  test('a password-protected xlsx is a compound file with an EncryptedPackage stream', () => {
    const error = refusal(cfb('EncryptionInfo', 'EncryptedPackage'), 'chi tra T12.xlsx');
    expect(error.code).toBe('input_encrypted');
    expect(error.message).toContain('"chi tra T12.xlsx"');
    expect(error.message).toContain('password');
    expect(error.hint).toContain('File › Info › Protect Workbook');
  });

  test('an OpenDocument text document is not a spreadsheet', () => {
    const odt = bytes('PK', [3, 4], Buffer.alloc(26).toString('latin1'), 'mimetypeapplication/vnd.oasis.opendocument.text');
    const error = refusal(odt, 'ds.odt');
    expect(error.code).toBe('input_unsupported');
    expect(error.message).toContain('"ds.odt"');
  });

  test.each([
    ['no bytes', new Uint8Array(0)],
    ['only blank lines', bytes(' \r\n\r\n\t\n')],
    ['only a BOM', bytes([0xef, 0xbb, 0xbf])],
    ['UTF-16 spaces', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('  \r\n', 'utf16le')])],
  ])('an empty file (%s)', (_label, input) => {
    const error = refusal(input, 'rong.csv');
    expect(error.code).toBe('input_empty');
    expect(error.message).toContain('"rong.csv"');
    expect(error.hint).toBeTruthy();
  });

  test.each([
    ['NUL bytes', bytes('ab', [0, 0, 0, 1, 2, 0, 0x90, 0], 'cd', [0, 0, 0, 0, 0, 7, 0])],
    ['a PNG image', bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0])],
    ['many control bytes', bytes([1, 2, 3, 4, 5, 6, 7, 8], 'abc', [14, 15, 16, 17, 18, 19])],
  ])('binary data (%s)', (_label, input) => {
    const error = refusal(input, 'anh.jpg');
    expect(error.code).toBe('input_binary');
    expect(error.message).toContain('"anh.jpg"');
    expect(error.hint).toContain('.xlsx');
  });
});
