import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toCp1258Form } from '../../fixtures/generator/csv-render.js';
import { expectedName } from '../../fixtures/generator/expected-name.js';
import { formatAmount } from '../../fixtures/generator/messes/amount.js';
import { excelSerial, formatDate } from '../../fixtures/generator/messes/birth.js';
import { excelGeneral } from '../../fixtures/generator/messes/personal-id.js';
import { centuryDigit, makePersonalId } from '../../fixtures/generator/personal-id.js';
import { setToneStyle } from '../../fixtures/generator/tone-style.js';

describe('personal ID shape: PPP G YY RRRRRR', () => {
  it.each([
    [1945, 'M', 0], [1945, 'F', 1], [1999, 'F', 1], [2000, 'M', 2], [2010, 'F', 3], [2100, 'M', 4], [2101, 'F', 5],
  ] as const)('born %i, sex %s: century digit %i', (year, sex, g) => {
    expect(centuryDigit(year, sex)).toBe(g);
  });

  it('builds the Nghệ An ID of a woman born 1945', () => {
    expect(makePersonalId('040', 'F', 1945, '123456')).toBe('040145123456');
  });

  it('builds the Hà Nội ID of a boy born 2007', () => {
    expect(makePersonalId('001', 'M', 2007, '000321')).toBe('001207000321');
  });
});

describe('Excel General display of an ID that lost its zero', () => {
  it.each([
    [38041234567, '3.80412E+10'], // the example in the field reports
    [40190012345, '4.019E+10'], // trailing zeros are not shown
    [1150000000, '1.15E+9'],
    [99999999999, '1E+11'],
  ])('%i shows as %s', (n, shown) => {
    expect(excelGeneral(n)).toBe(shown);
  });
});

describe('amounts as communes write them', () => {
  it.each([
    ['dots', '1.500.000'], ['commas', '1,500,000'], ['spaces', '1 500 000'], ['dong', '1.500.000đ'], ['number', 1_500_000],
  ] as const)('%s: %s', (style, text) => {
    expect(formatAmount(1_500_000, style)).toBe(text);
  });

  it('groups only whole thousands', () => {
    expect(formatAmount(2_789_000, 'dots')).toBe('2.789.000');
    expect(formatAmount(500_000, 'commas')).toBe('500,000');
  });
});

describe('birth dates as communes write them', () => {
  const d = { year: 1945, month: 3, day: 7 };
  it.each([
    ['dmy_slash', '07/03/1945'], ['dmy_short', '7/3/1945'], ['dmy_dash', '07-03-1945'], ['dmy_dot', '07.03.1945'],
    ['iso', '1945-03-07'], ['mdy', '3/7/1945'],
  ] as const)('%s: %s', (style, text) => {
    expect(formatDate(d, style)).toBe(text);
  });

  it('writes a two-digit year as the last two digits', () => {
    expect(formatDate(d, 'dmy_slash', true)).toBe('07/03/45');
  });

  it('gives the Excel 1900-system serial (25569 is 1 Jan 1970; 1 Jan 1900 is 1 with the fake 29 Feb)', () => {
    expect(excelSerial({ year: 1970, month: 1, day: 1 })).toBe(25569);
    expect(excelSerial({ year: 1945, month: 9, day: 2 })).toBe(16682);
  });
});

describe('tone placement', () => {
  it.each([
    ['Hòa', 'Hoà'], ['Thủy', 'Thuỷ'], ['Thúy', 'Thuý'], ['Thụy', 'Thuỵ'], ['Hòe', 'Hoè'], ['THỦY', 'THUỶ'],
  ])('old %s is new %s', (oldStyle, newStyle) => {
    expect(setToneStyle(oldStyle, 'new')).toBe(newStyle);
    expect(setToneStyle(newStyle, 'old')).toBe(oldStyle);
  });

  it.each(['Quý', 'Toàn', 'Quỳnh', 'Hoa', 'Khoa', 'Thoại'])('%s is the same in both styles', (word) => {
    expect(setToneStyle(word, 'new')).toBe(word);
    expect(setToneStyle(word, 'old')).toBe(word);
  });
});

describe('the name a correct normaliser should display', () => {
  it.each([
    ['NGUYỄN THỊ THỦY', 'Nguyễn Thị Thuỷ', 'nguyen thi thuy'],
    ['\u00d0ặng  Văn\u00a0Hòa ', 'Đặng Văn Hoà', 'dang van hoa'],
    ['trần văn đông', 'Trần Văn Đông', 'tran van dong'],
    ['Nguyen Van Hung', 'Nguyen Van Hung', 'nguyen van hung'],
    ['Nguye\u0302\u0303n Thi\u0323 Lan', 'Nguyễn Thị Lan', 'nguyen thi lan'], // NFD text from a CSV
  ])('%j → %s', (written, display, folded) => {
    const e = expectedName(written);
    expect(e.name).toBe(display);
    expect(e.nameFolded).toBe(folded);
    expect(e.nameKey).toBe(display.toLowerCase());
  });
});

describe('Windows-1258 text', () => {
  it('keeps ê precomposed and stores the tilde as a combining mark', () => {
    // N g u y ê(0xEA) ◌̃(0xDE) n
    expect([...iconv.encode(toCp1258Form('Nguyễn'), 'windows1258')]).toEqual([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e]);
  });

  it('stores đ, ư, ơ, ă precomposed and tones after them', () => {
    // Đ(0xD0) ư(0xFD) ◌̛̀... : "Đường" = Đ ư ơ ◌̀ n g
    expect([...iconv.encode(toCp1258Form('Đường'), 'windows1258')]).toEqual([0xd0, 0xfd, 0xf5, 0xcc, 0x6e, 0x67]);
    expect([...iconv.encode(toCp1258Form('Thị'), 'windows1258')]).toEqual([0x54, 0x68, 0x69, 0xf2]);
  });
});
