// Which columns get decoded from a legacy encoding: by font name first, otherwise by characters, conservatively.
import { describe, expect, test } from 'vitest';
import { detectColumnEncoding, fontEncoding } from '../../src/read/legacy-detect.js';
import { encodeWindows1258 } from './windows-1258.js';

describe('font names', () => {
  test.each([
    ['.VnTime', { encoding: 'tcvn3', upper: false }],
    ['.VnArial', { encoding: 'tcvn3', upper: false }],
    ['.VnTimeH', { encoding: 'tcvn3', upper: true }],
    ['.VnArialH', { encoding: 'tcvn3', upper: true }],
    ['VNI-Times', { encoding: 'vni', upper: false }],
    ['VNI-Helve', { encoding: 'vni', upper: false }],
    ['Times New Roman', null],
    ['Arial', null],
    ['Calibri', null],
  ])('%s', (font, expected) => {
    expect(fontEncoding(font)).toEqual(expected);
  });
});

describe('columns judged by characters', () => {
  test('a TCVN3 names column is recognised, even under a Unicode header', () => {
    expect(
      detectColumnEncoding(['Họ và tên', 'NguyÔn V¨n An', 'TrÇn ThÞ BÝch Ngäc', 'Lª H÷u Ph\u00adíc', '§Æng ThÞ Thñy']),
    ).toBe('tcvn3');
  });

  test('a VNI names column is recognised', () => {
    expect(detectColumnEncoding(['Nguyeãn Vaên An', 'Traàn Thò Bích Ngoïc', 'Phaïm Öng'])).toBe('vni');
  });

  test('proper Unicode Vietnamese is never taken for a legacy encoding', () => {
    expect(detectColumnEncoding(['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hữu Phước', 'Đặng Thị Thủy'])).toBeNull();
  });

  test('Unicode words made only of Latin-1 letters (Ông, Hà, hoà, Hoàn, hoá) are no evidence', () => {
    expect(detectColumnEncoding(['Ông', 'Hà Văn Tú', 'Bà Lò Thị Hoà', 'hoá', 'Hoàn', 'Lê Ánh'])).toBeNull();
    expect(detectColumnEncoding(['Ông', 'Hà', 'Hoà', 'Tú', 'Lê'])).toBeNull();
  });

  test('a few legacy-looking cells among many Unicode ones are not enough', () => {
    expect(detectColumnEncoding(['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hữu Phước', 'V¨n'])).toBeNull();
  });

  test('Windows-1258 bytes seen as Latin-1 (Ð for Đ, Þ for the tilde) are not taken for TCVN3', () => {
    const asLatin1 = (s: string) => encodeWindows1258(s).toString('latin1');
    const column = ['Đông', 'Đoài', 'Nguyễn Thị Hường', 'Phạm Ưng', 'Lê Hữu Phước'].map(asLatin1);
    expect(column[0]).toBe('\u00d0\u00f4ng');
    expect(detectColumnEncoding(column)).toBeNull();
  });

  test('ASCII-only columns (IDs, amounts, unaccented names) are left alone', () => {
    expect(detectColumnEncoding(['001234567890', '1.500.000', 'Nguyen Van An'])).toBeNull();
  });

  test('VIQR only when the column is clearly full of it', () => {
    expect(detectColumnEncoding(['Nguye^~n Va(n An', 'Tra^`n Thi. Bi\'ch Ngo.c', 'Pha.m U+ng'])).toBe('viqr');
    // Notes with ordinary punctuation are not VIQR.
    expect(detectColumnEncoding(["Con ong A.", 'Chuyen di?', "Nha' cu"])).toBeNull();
    expect(detectColumnEncoding(['Nguye^~n Va(n An', 'Le Thi Hoa', 'Tran Van Binh', 'Pham Ung', 'Do Minh'])).toBeNull();
  });
});
