// Folding decides which names, villages and communes compare equal: the per-letter path must give exactly what
// the plain NFD definition gives, on Vietnamese text as typed and on hostile text.
import { describe, expect, it } from 'vitest';
import { foldText, foldTextWhole } from '../../src/normalize/fold.js';

describe('foldText', () => {
  it('folds Vietnamese letters, đ and its look-alike, case and spaces', () => {
    expect(foldText('  Nguyễn   Thị\u00a0Ánh ')).toBe('nguyen thi anh');
    expect(foldText('ĐẶNG Ðức đông')).toBe('dang duc dong');
    expect(foldText('Quảng Hoà')).toBe('quang hoa');
    expect(foldText('Quang Hòa')).toBe(foldText('Quảng Hoà'.replace('ả', 'a')));
    // decomposed input (marks typed as separate characters) folds like the precomposed one
    expect(foldText('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(foldText('a \u0301 b')).toBe('a b');
    expect(foldText('\u200bThôn\u2003 1\ufeff')).toBe('thon 1');
    expect(foldText('')).toBe('');
  });

  it('gives what the whole-text definition gives, over 20,000 random strings', () => {
    // letters of the table, spaces of every kind, marks, and characters outside it (Greek, CJK, emoji, controls)
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 -./,()',
      ...'áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
      ...'ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ',
      'Ð', 'ð', 'İ', 'ẞ', 'ß', 'ǅ', '\t', '\n', '\r', '\u000b', '\u00a0', '\u2003', '\u200b', '\u2060', '\ufeff', '\u3000',
      '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u1dc4', '\u0591', 'Σ', 'ς', '中', '😀', '\u0085', '\u001f', '\u00ad',
    ];
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 20_000; n += 1) {
      let s = '';
      const length = Math.floor(next() * 14);
      for (let i = 0; i < length; i += 1) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(foldText(s), JSON.stringify(s)).toBe(foldTextWhole(s));
    }
  });
});
