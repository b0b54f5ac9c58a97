import { describe, expect, it } from 'vitest';
import { compareAddress } from '../../src/match/compare-address.js';
import { compareBirth } from '../../src/match/compare-birth.js';
import { compareNames } from '../../src/match/compare-names.js';
import { idPrefixFromScientific } from '../../src/match/id-prefix.js';
import { idTypo, idTypoNeighbours, isIdTypoNumber } from '../../src/match/id-typo.js';
import { normalizeName } from '../../src/normalize/name.js';
import type { PartialDate } from '../../src/types.js';

const n = (text: string) => normalizeName(text).value;

describe('compareNames', () => {
  it.each([
    ['Nguyễn Văn Hùng', 'NGUYỄN VĂN HÙNG', 'exact'],
    ['Lê Thị Hòa', 'Lê Thị Hoà', 'exact'], // old and new tone placement
    ['NGUYEN VAN HUNG', 'Nguyễn Văn Hùng', 'folded-exact'],
    ['Nguyễn Văn Hưng', 'Nguyễn Văn Hùng', 'folded-exact'], // Hưng/Hùng fold alike: counts decide, not marks
    ['Ðặng Thị Thủy', 'Đặng Thị Thủy', 'exact'], // eth typed for Đ
    ['Trần Lan', 'Trần Thị Lan', 'middle-dropped'],
    ['Nguyễn Thu Hà', 'Nguyễn Thị Thu Hà', 'middle-dropped'],
    ['Nguyễn Văn Hùng', 'Nguyễn Đức Hùng', 'middle-differs'],
    ['Lý Văn Nam', 'Lí Văn Nam', 'typo'], // i/y spelling
    ['Vũ Văn Khảo', 'Vũ Văn Khải', 'typo'],
    ['Phạm Thị Mai', 'Lê Thị Mai', 'given-only'],
    ['Trần Thị Lan', 'Trần Văn Minh', 'disagree'],
  ])('%s vs %s → %s', (a, b, level) => {
    expect(compareNames(n(a), n(b))).toBe(level);
  });

  it('a missing name on either side is missing, not a disagreement', () => {
    expect(compareNames(null, n('Trần Thị Lan'))).toBe('missing');
  });
});

describe('compareBirth', () => {
  const d = (year: number, month: number | null = null, day: number | null = null): PartialDate => ({ year, month, day });
  it.each([
    [d(1950, 3, 5), d(1950, 3, 5), 'exact'],
    [d(1960, 11, 5), d(1960, 5, 11), 'swapped'],
    [d(1945, 6, 12), d(1945), 'year-only'],
    [d(1945), d(1945), 'year-only'],
    [d(1945, 1, 1), d(1945, 6, 12), 'year-only'], // 01/01 is the placeholder for an unknown day
    [d(1950, 3, 5), d(1950, 8, 20), 'year'],
    [d(1953), d(1952, 8, 8), 'year-near'], // lunar year
    [d(1945), d(1972, 4, 15), 'disagree'],
  ])('%o vs %o → %s', (a, b, level) => {
    expect(compareBirth(a, b)).toBe(level);
  });

  it('an unknown date is missing', () => {
    expect(compareBirth(null, d(1950))).toBe('missing');
  });
});

describe('compareAddress', () => {
  const reg = 'thon 3 xa yen lac tinh ninh binh';
  it.each([
    [{ village: 'Thôn 3', commune: 'Xã Yên Lạc' }, 'village'],
    [{ village: 'Thôn 13', commune: 'Xã Yên Lạc' }, 'commune'], // "3" must not match "13" or a house number
    [{ village: 'Xóm Đông', commune: 'Yên Lạc' }, 'commune'],
    [{ village: 'Thôn Đoài', commune: 'Xã Kim Sơn' }, 'disagree'],
    [{ village: null, commune: null }, 'missing'],
  ])('%o → %s', (place, level) => {
    expect(compareAddress({ ...place, address: null }, reg)).toBe(level);
  });

  it('uses the first part of a written address when there is no village column', () => {
    expect(compareAddress({ village: null, commune: null, address: 'Thôn 3, xã Yên Lạc' }, reg)).toBe('village');
  });
});

describe('ID typos', () => {
  it.each([
    ['036058004041', '036058004040', 'digit'],
    ['036160000550', '036160005050', 'swap'],
    ['036160005050', '036160005050', null],
    ['036058004041', '036058004400', null], // two digits off
    ['036160000505', '036160005050', null], // swap of non-neighbours
  ])('%s vs %s → %s', (written, other, kind) => {
    expect(idTypo(written, other)).toBe(kind);
  });

  it('lists 108 one-digit neighbours and each distinct adjacent swap', () => {
    const all = idTypoNeighbours('036058004040');
    // 12 places × 9 other digits, plus swaps of the neighbouring pairs whose digits differ: of the 11 pairs in
    // 0-3-6-0-5-8-0-0-4-0-4-0 only the "00" pair swaps to itself, so 10.
    expect(all).toHaveLength(108 + 10);
    expect(all).toContain('036058004041');
    expect(all).toContain('306058004040');
    expect(new Set(all).size).toBe(all.length);
  });

  it('every neighbour is one typo from the ID, leading zeros kept, each place and swap once', () => {
    for (const id of ['036058004040', '001234567890', '099999999999']) {
      const all = idTypoNeighbours(id);
      for (const n of all) {
        expect(n).toMatch(/^\d{12}$/);
        expect(idTypo(id, n)).not.toBeNull();
      }
      expect(new Set(all).size).toBe(all.length);
    }
    // A leading-zero place changed to 1 and the first two digits swapped: the number grows by a hundred billion.
    expect(idTypoNeighbours('001234567890')).toEqual(expect.arrayContaining(['101234567890', '010234567890']));
  });

  it('the number form agrees with the text form: every neighbour, and IDs two edits or a far swap away', () => {
    const pairs: [string, string][] = [];
    for (const id of ['036058004040', '001234567890', '099999999999', '100000000000']) {
      for (const n of idTypoNeighbours(id)) pairs.push([id, n]);
      pairs.push([id, id]);
    }
    pairs.push(
      ['036058004041', '036058004400'], // two digits off
      ['036160000505', '036160005050'], // swap of non-neighbours
      ['036160000550', '036160005050'], // neighbours swapped
      ['123456789012', '213456789021'], // a swap and a digit
      ['001234567890', '010234567890'], // leading zeros swapped
      ['036160000550', '036160000505'], // the last two swapped
    );
    for (const [a, b] of pairs) expect([a, b, isIdTypoNumber(Number(a), Number(b))]).toEqual([a, b, idTypo(a, b) !== null]);
  });

  it.each([
    ['3.61394E+10', '036139'],
    ['3,61394E+10', '036139'],
    ['3.6139E+10', null], // only 5 digits survive, the last one rounded
    ['036139421111', null],
  ])('prefix of %s → %s', (raw, prefix) => {
    expect(idPrefixFromScientific(raw)).toBe(prefix);
  });
});
