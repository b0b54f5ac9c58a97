import { describe, expect, it } from 'vitest';
import { cleanText, toneStyle } from '../../src/normalize/text.js';

describe('cleanText', () => {
  it.each([
    ['NBSP between words', 'Nguyễn\u00a0Văn\u00a0An', 'Nguyễn Văn An'],
    ['double spaces and padding', '  Trần   Thị  Bé ', 'Trần Thị Bé'],
    ['tab and Alt+Enter line break', 'Xóm\tĐông\nThôn 3', 'Xóm Đông Thôn 3'],
    ['NFD (Windows-1258 CSV) becomes NFC', 'Nguye\u0302\u0303n Thi\u0323', 'Nguyễn Thị'],
    ['Ð (U+00D0, eth) becomes Đ', '\u00d0ặng Văn \u00d0ức', 'Đặng Văn Đức'],
    ['lower-case eth becomes đ', 'Nguyễn Văn \u00f0ông', 'Nguyễn Văn đông'],
    ['stray soft hyphen removed', 'Nguy\u00adễn', 'Nguyễn'],
    ['zero-width space removed', 'Lê\u200b Thị Hà', 'Lê Thị Hà'],
    ['byte-order mark removed', '\ufeffThôn Trung', 'Thôn Trung'],
    ['narrow NBSP', 'Thôn\u202f5', 'Thôn 5'],
    ['empty', '', ''],
    ['only spaces', ' \u00a0 ', ''],
  ])('%s', (_why, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it('keeps Đ (U+0110) itself, which has no decomposition', () => {
    expect(cleanText('Đỗ Đức')).toBe('Đỗ Đức');
  });
});

describe('toneStyle: old style (hòa, thủy, khỏe)', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà', 'Hòa'],
    ['HOÀ', 'HÒA'],
    ['thuỷ', 'thủy'],
    ['Thuý', 'Thúy'],
    ['khoẻ', 'khỏe'],
    ['tuỳ', 'tùy'],
    ['Nguyễn Thị Thuý Hoà', 'Nguyễn Thị Thúy Hòa'],
    ['Khánh Hoà', 'Khánh Hòa'],
    ['hoa\u0300 (NFD input)', 'hòa (NFD input)'],
  ])('%s → %s', (input, expected) => {
    expect(toneStyle(input)).toBe(expected);
  });

  it.each([
    ['already old style', 'Hòa Thủy Khỏe'],
    ['final consonant: same in both styles', 'Hoàng Thuyết Toán Quỳnh Huỳnh'],
    ['qu + y: the mark stays on y', 'Quý Quỳ'],
    ['triphthongs', 'Hoài Ngoáy Khuya Khuỷu'],
    ['ua, ưa, uê are not oa/oe/uy', 'Mùa Mưa Thuế Huệ'],
    ['no tone at all', 'Hoa Thuy'],
  ])('%s: unchanged', (_why, text) => {
    expect(toneStyle(text)).toBe(text);
  });
});
