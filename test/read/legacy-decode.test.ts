// Legacy-font decoding, checked letter by letter against the UniKey charset table (src/data/legacy-charsets.ts).
import { describe, expect, test } from 'vitest';
import { decodeLegacy, decodeTcvn3, decodeViqr, decodeVni } from '../../src/read/legacy-decode.js';

describe('TCVN3 (.VnTime): one byte per letter, seen as Latin-1 look-alikes', () => {
  test.each([
    // ễ=0xD4 'Ô', ă=0xA8 '¨'
    ['NguyÔn V¨n An', 'Nguyễn Văn An'],
    // ầ=0xC7 'Ç', ị=0xDE 'Þ', í=0xDD 'Ý', ọ=0xE4 'ä'
    ['TrÇn ThÞ BÝch Ngäc', 'Trần Thị Bích Ngọc'],
    // ê=0xAA 'ª', ữ=0xF7 '÷', ư=0xAD (arrives as U+00AD SOFT HYPHEN), ớ=0xED 'í'
    ['Lª H÷u Ph\u00adíc', 'Lê Hữu Phước'],
    // Đ=0xA7 '§', ặ=0xC6 'Æ', ủ=0xF1 'ñ'
    ['§Æng ThÞ Thñy', 'Đặng Thị Thủy'],
    // ạ=0xB9 '¹', Ư=0xA6 '¦'
    ['Ph¹m ¦ng', 'Phạm Ưng'],
    // â=0xA9 '©', ơ=0xAC '¬', đ=0xAE '®', ô=0xAB '«'
    ['Th«n §«ng, x· Hßa B×nh', 'Thôn Đông, xã Hòa Bình'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'tcvn3')).toBe(unicode);
  });

  test('the soft hyphen is the letter ư, not something to delete', () => {
    expect(decodeTcvn3('Tr\u00adêng')).toBe('Trường');
    expect(decodeTcvn3('Tr\u00adêng')).not.toContain('\u00ad');
  });

  test('capital font (.VnTimeH): small-letter codes are upper-cased after decoding', () => {
    expect(decodeLegacy('nguyÔn v¨n an', 'tcvn3', true)).toBe('NGUYỄN VĂN AN');
    expect(decodeLegacy('®Æng thÞ thñy', 'tcvn3', true)).toBe('ĐẶNG THỊ THỦY');
  });

  test('digits, punctuation and ASCII letters pass through', () => {
    expect(decodeTcvn3('Sè 12/3, tæ 4 - 1.500.000')).toBe('Số 12/3, tổ 4 - 1.500.000');
  });
});

describe('VNI-Windows: base letter then a mark byte', () => {
  test.each([
    ['Nguyeãn Vaên An', 'Nguyễn Văn An'],
    ['Traàn Thò Bích Ngoïc', 'Trần Thị Bích Ngọc'],
    ['Leâ Höõu Phöôùc', 'Lê Hữu Phước'],
    ['Ñaëng Thò Thuûy', 'Đặng Thị Thủy'],
    ['Phaïm Öng', 'Phạm Ưng'],
    // VNI has real capitals: capital base + capital mark byte.
    ['NGUYEÃN VAÊN AN', 'NGUYỄN VĂN AN'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'vni')).toBe(unicode);
    expect(decodeVni(legacy).normalize('NFC')).toBe(unicode);
  });
});

describe('VIQR: ASCII marks after the vowel', () => {
  test.each([
    ['Nguye^~n Va(n An', 'Nguyễn Văn An'],
    ['Tra^`n Thi. Bi\'ch Ngo.c', 'Trần Thị Bích Ngọc'],
    ['Le^ Hu+~u Phu+o+\'c', 'Lê Hữu Phước'],
    ['DDa(.ng Thi. Thu?y', 'Đặng Thị Thủy'],
    ['Pha.m U+ng', 'Phạm Ưng'],
  ])('%s → %s', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'viqr')).toBe(unicode);
  });

  test('a backslash keeps the mark literal', () => {
    expect(decodeViqr('So^\\. 5')).toBe('Sô. 5');
  });
});

test('decoded text is NFC (one code point per letter)', () => {
  const out = decodeLegacy('NguyÔn', 'tcvn3');
  expect(out).toBe(out.normalize('NFC'));
  expect([...out]).toHaveLength(6);
});
