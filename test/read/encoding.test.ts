// Encoding and delimiter detection for CSV/TXT files.
import { describe, expect, test } from 'vitest';
import { detectDelimiter } from '../../src/read/delimiter.js';
import { detectEncoding } from '../../src/read/encoding.js';
import { encodeWindows1258 } from './windows-1258.js';

describe('detectEncoding', () => {
  const text = 'STT;Họ và tên;Ngày sinh\r\n1;Nguyễn Văn An;02/09/1945\r\n';
  test.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
    ['UTF-8 without BOM', Buffer.from(text), 'utf-8'],
    ['UTF-16LE with BOM (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
    ['Windows-1258', encodeWindows1258(text), 'windows-1258'],
  ])('%s', (_label, bytes, expected) => {
    expect(detectEncoding(bytes).encoding).toBe(expected);
  });

  test('a Windows-1258 guess from a handful of bytes is marked low confidence', () => {
    const guess = detectEncoding(encodeWindows1258('STT;Tên\r\n1;Lê\r\n'));
    expect(guess.encoding).toBe('windows-1258');
    expect(guess.confidence).toBe('low');
    expect(guess.reason).toMatch(/UTF-8/);
  });

  test('a long Windows-1258 file is a confident guess', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1};Nguyễn Thị Hường;Thôn Đông`).join('\r\n');
    expect(detectEncoding(encodeWindows1258(rows)).confidence).toBe('high');
  });
});

describe('detectDelimiter', () => {
  test.each([
    ['semicolons (Vietnamese-locale Excel)', 'STT;Họ và tên;Số tiền\n1;Nguyễn Văn An;1.500.000\n2;Lê Thị Hoa;1.500.000\n', ';'],
    ['commas', 'STT,Họ và tên,Số tiền\n1,Nguyễn Văn An,"1,500,000"\n2,Lê Thị Hoa,"1,500,000"\n', ','],
    ['tabs', 'STT\tHọ và tên\tSố tiền\n1\tNguyễn Văn An\t1500000\n', '\t'],
  ])('%s', (_label, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  test('commas inside quoted names and amounts do not win over semicolons', () => {
    const text = [
      'STT;Họ và tên;Địa chỉ;Số tiền',
      '1;"Nguyễn Văn An, con ông Ba";"Thôn 1, xã Hòa Bình";"1,500,000"',
      '2;Lê Thị Hoa;"Thôn 2, xã Hòa Bình";"1,500,000"',
      '3;Trần Văn Tư;Thôn 3;900000',
    ].join('\r\n');
    expect(detectDelimiter(text)).toBe(';');
  });

  test('title lines above the table do not confuse the choice', () => {
    const text = 'UBND XÃ HÒA BÌNH\nDANH SÁCH CHI TRẢ THÁNG 12, NĂM 2026\n\nSTT;Họ tên;Ngày sinh\n1;Nguyễn Văn An;1945\n2;Lê Thị Hoa;1950\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  test('a quoted field spanning lines counts as one record', () => {
    const text = 'STT;Họ tên;Ghi chú\n1;An;"dòng 1\ndòng 2, còn nữa"\n2;Hoa;x\n';
    expect(detectDelimiter(text)).toBe(';');
  });
});
