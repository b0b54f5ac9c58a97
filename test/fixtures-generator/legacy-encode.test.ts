import { describe, expect, it } from 'vitest';
import { LEGACY_CHARSET } from '../../src/data/legacy-charsets.js';
import { encodeLegacy, legacyFontName } from '../../fixtures/generator/legacy-encode.js';

// Expected strings written by hand from the UniKey tables: each legacy byte shown as the Latin-1 character
// with that code, as a spreadsheet typed under the legacy font stores it.
const TCVN3_CASES: ReadonlyArray<readonly [string, string]> = [
  ['Nguyễn Văn A', 'NguyÔn V¨n A'], // the example every officer knows
  ['Trương Thị Hường', 'Tr\u00ad\u00acng Th\u00de H\u00ad\u00eang'], // ư is 0xAD, the invisible soft hyphen
  ['Đặng Thủy', '\u00a7\u00c6ng Th\u00f1y'],
  ['Lê Thị Hoà', 'L\u00aa Th\u00de Ho\u00b5'],
  ['Phạm Ngọc Ưng', 'Ph\u00b9m Ng\u00e4c \u00a6ng'],
  ['Hồ Thị Thúy', 'H\u00e5 Th\u00de Th\u00f3y'],
  ['Bùi Đức Phước', 'B\u00efi \u00a7\u00f8c Ph\u00ad\u00edc'],
  ['Xóm 3, thôn Yên Phú', 'X\u00e3m 3, th\u00abn Y\u00aan Ph\u00f3'],
];

const VNI_CASES: ReadonlyArray<readonly [string, string]> = [
  ['Nguyễn Văn A', 'Nguyeãn Vaên A'],
  ['Trương Thị Hường', 'Tr\u00f6\u00f4ng Th\u00f2 H\u00f6\u00f4\u00f8ng'],
  ['Đặng Thủy', '\u00d1a\u00ebng Thu\u00fby'],
  ['Lê Thị Hoà', 'Le\u00e2 Th\u00f2 Hoa\u00f8'],
  ['ĐẶNG VĂN ỨNG', '\u00d1A\u00cbNG VA\u00caN \u00d6\u00d9NG'], // capitals take their own mark bytes
  ['Hồ Thị Thúy', 'Ho\u00e0 Th\u00f2 Thu\u00f9y'],
];

/** A decoder built here from the charset table (not the project's reader): longest match first. */
function decoder(kind: 'tcvn3' | 'vni'): (s: string) => string {
  const map = new Map<string, string>();
  for (const [letter, tcvn3, vni] of LEGACY_CHARSET) {
    const key = kind === 'tcvn3' ? String.fromCharCode(tcvn3) : String.fromCharCode(...vni);
    // TCVN3 shares one byte between a toned capital and its small letter: the small letter is what it means
    if (!map.has(key) || letter === letter.toLowerCase()) map.set(key, letter);
  }
  return (s) => {
    let out = '';
    for (let i = 0; i < s.length; ) {
      const two = s.slice(i, i + 2);
      if (kind === 'vni' && map.has(two)) {
        out += map.get(two);
        i += 2;
      } else {
        out += map.get(s[i] as string) ?? s[i];
        i += 1;
      }
    }
    return out;
  };
}

describe('TCVN3 (.VnTime) encoding of names', () => {
  it.each(TCVN3_CASES)('%s is stored as %s', (name, stored) => {
    expect(encodeLegacy(name, 'tcvn3')).toBe(stored);
  });

  it.each(TCVN3_CASES)('%s decodes back from the charset table', (name) => {
    expect(decoder('tcvn3')(encodeLegacy(name, 'tcvn3'))).toBe(name);
  });

  it('stores ư as U+00AD, which ordinary clean-up would delete', () => {
    expect(encodeLegacy('Dương', 'tcvn3')).toContain('\u00ad');
  });

  it('TCVN3 has no capital toned letters: Ễ is stored as the byte of ễ', () => {
    expect(encodeLegacy('NGUYỄN', 'tcvn3')).toBe('NGUY\u00d4N');
    expect(encodeLegacy('nguyễn', 'tcvn3')).toBe('nguy\u00d4n');
  });
});

describe('TCVN3 capital font (.VnTimeH)', () => {
  it('stores the small-letter codes the capital font draws as capitals', () => {
    expect(encodeLegacy('NGUYỄN VĂN HÙNG', 'tcvn3-capital')).toBe('nguy\u00d4n v\u00a8n h\u00efng');
    expect(encodeLegacy('ĐỖ THỊ THỦY', 'tcvn3-capital')).toBe('\u00ae\u00e7 th\u00de th\u00f1y');
  });

  it('decodes then upper-cases to the name the officer saw', () => {
    expect(decoder('tcvn3')(encodeLegacy('TRƯƠNG VĂN ĐÔNG', 'tcvn3-capital')).toUpperCase()).toBe('TRƯƠNG VĂN ĐÔNG');
  });
});

describe('VNI-Windows encoding of names', () => {
  it.each(VNI_CASES)('%s is stored as %s', (name, stored) => {
    expect(encodeLegacy(name, 'vni')).toBe(stored);
  });

  it.each(VNI_CASES)('%s decodes back from the charset table', (name) => {
    expect(decoder('vni')(encodeLegacy(name, 'vni'))).toBe(name);
  });
});

describe('font names', () => {
  it('uses the font names a legacy workbook carries', () => {
    expect(legacyFontName('tcvn3')).toBe('.VnTime');
    expect(legacyFontName('tcvn3-capital')).toBe('.VnTimeH');
    expect(legacyFontName('vni')).toBe('VNI-Times');
  });
});
