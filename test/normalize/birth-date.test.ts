import { describe, expect, it } from 'vitest';
import { ambiguousDayMonth, detectDateOrder, formatPartialDate, parseBirthDate, type DateOptions } from '../../src/normalize/birth-date.js';
import type { CellValue, PartialDate } from '../../src/types.js';

const cell = (value: CellValue) => ({ value });
const dmy: DateOptions = { order: 'dmy', date1904: false, runYear: 2026 };
const date = (year: number, month: number | null = null, day: number | null = null): PartialDate => ({ year, month, day });
const parse = (value: CellValue, options: Partial<DateOptions> = {}) => {
  const r = parseBirthDate(cell(value), { ...dmy, ...options });
  return { value: r.value, codes: r.findings.map((f) => f.code) };
};

describe('parseBirthDate: full dates', () => {
  it.each([
    ['dd/mm/yyyy', '12/05/1945', date(1945, 5, 12)],
    ['d/m/yyyy', '2/3/1950', date(1950, 3, 2)],
    ['dd-mm-yyyy', '12-05-1945', date(1945, 5, 12)],
    ['dd.mm.yyyy', '12.05.1945', date(1945, 5, 12)],
    ['yyyy-mm-dd', '1945-05-12', date(1945, 5, 12)],
    ['with a midnight time from a CSV export', '12/05/1945 0:00', date(1945, 5, 12)],
    ['NBSP around it', '\u00a012/05/1945 ', date(1945, 5, 12)],
    ['a real Excel date', new Date(Date.UTC(1945, 4, 12)), date(1945, 5, 12)],
    ['29 Feb of a leap year', '29/02/1948', date(1948, 2, 29)],
  ])('%s', (_why, raw, expected) => {
    expect(parse(raw)).toEqual({ value: expected, codes: [] });
  });

  it('reads month first when the file is month-first', () => {
    expect(parse('05/12/1945', { order: 'mdy' }).value).toEqual(date(1945, 5, 12));
  });
});

describe('parseBirthDate: Excel serial numbers', () => {
  // 1 Jan 1945 is serial 16438 (16436 real days since 1 Jan 1900, +1 as serial 1 is that day, +1 for the fake
  // 29 Feb 1900); +120 days (Jan-Apr 1945) is 1 May, so 12 May 1945 is 16569.
  it('1900 system', () => {
    expect(parse(16569)).toEqual({ value: date(1945, 5, 12), codes: [] });
  });
  it('1900 system with a time of day', () => {
    expect(parse(16569.75).value).toEqual(date(1945, 5, 12));
  });
  it('1904 system: 1462 days less for the same date', () => {
    expect(parse(15107, { date1904: true })).toEqual({ value: date(1945, 5, 12), codes: [] });
  });
  it('the same serial read in the 1904 system is 4 years and a day later', () => {
    expect(parse(16569, { date1904: true }).value).toEqual(date(1949, 5, 13));
  });
  it('serial 60 is the 29 Feb 1900 that never was', () => {
    expect(parse(60)).toEqual({ value: null, codes: ['date_impossible'] });
  });
  it('1 Jan 2000 is 36526, flagged as the usual placeholder day', () => {
    expect(parse(36526)).toEqual({ value: date(2000, 1, 1), codes: ['date_placeholder'] });
  });
});

describe('parseBirthDate: year only and partial dates', () => {
  it.each([
    ['a number', 1945],
    ['text', '1945'],
    ['00/00/1945', '00/00/1945'],
    ['0/0/1945', '0/0/1945'],
    ['Năm 1945', 'Năm 1945'],
    ['năm 1945', 'năm 1945'],
    ['NĂM SINH: 1945', 'NĂM SINH: 1945'],
  ])('%s → 1945, year only', (_why, raw) => {
    expect(parse(raw)).toEqual({ value: date(1945), codes: ['date_year_only'] });
  });

  it('month and year', () => {
    expect(parse('05/1945')).toEqual({ value: date(1945, 5), codes: ['date_month_year_only'] });
    expect(parse('00/05/1945')).toEqual({ value: date(1945, 5), codes: ['date_month_year_only'] });
  });

  it('01/01/YYYY is kept but flagged as a likely placeholder', () => {
    expect(parse('01/01/1945')).toEqual({ value: date(1945, 1, 1), codes: ['date_placeholder'] });
  });
});

describe('parseBirthDate: two-digit years', () => {
  it.each([
    ['ID says 1900s', '12/05/25', 1900, date(1925, 5, 12)],
    ['ID says 2000s', '12/05/10', 2000, date(2010, 5, 12)],
    ['no ID: 25 is 2025 (latest year not after 2026)', '12/05/25', null, date(2025, 5, 12)],
    ['no ID: 45 would be 2045, in the future, so 1945', '12/05/45', null, date(1945, 5, 12)],
    ['no ID: 26 is the run year itself', '12/05/26', null, date(2026, 5, 12)],
  ])('%s', (_why, raw, century, expected) => {
    expect(parse(raw, { century })).toEqual({ value: expected, codes: ['date_two_digit_year'] });
  });

  it('00/00/45 is year 1945 only', () => {
    expect(parse('00/00/45')).toEqual({ value: date(1945), codes: ['date_two_digit_year', 'date_year_only'] });
  });
});

describe('parseBirthDate: eight digits without separators', () => {
  it.each([
    ['ddmmyyyy text', '15031950', date(1950, 3, 15)],
    ['yyyymmdd text', '19500315', date(1950, 3, 15)],
    ['ddmmyyyy number', 15031950, date(1950, 3, 15)],
    ['yyyymmdd number', 19500315, date(1950, 3, 15)],
    ['day under 10, text keeps its 0', '05031950', date(1950, 3, 5)],
    ['day under 10, number lost its 0 (05031950)', 5031950, date(1950, 3, 5)],
    // Below Excel's last serial, but as a serial it would be a day in the year 4971.
    ['seven digits that are also a serial: 01121950', 1121950, date(1950, 12, 1)],
    ['29 Feb of a leap year', '29021948', date(1948, 2, 29)],
    // "1210" could be a year, but not a birth year: day 12, month 10.
    ['first four digits a year before 1800', '12101950', date(1950, 10, 12)],
    // The day-first reading would be 20/10/0512: no birth year, so this is no guess.
    ['yyyymmdd whose ddmmyyyy reading is a calendar date too', '20100512', date(2010, 5, 12)],
  ])('%s', (_why, raw, expected) => {
    expect(parse(raw)).toEqual({ value: expected, codes: [] });
  });

  it.each([
    ['mmddyyyy text', '03151950', date(1950, 3, 15)],
    ['mmddyyyy number', 3151950, date(1950, 3, 15)],
    ['the same digits as 5 March day-first are 3 May', 5031950, date(1950, 5, 3)],
    ['month 10, day 12', '10121950', date(1950, 10, 12)],
    ['yyyymmdd is read the same in either order', '19500315', date(1950, 3, 15)],
  ])('month-first file: %s', (_why, raw, expected) => {
    expect(parse(raw, { order: 'mdy' })).toEqual({ value: expected, codes: [] });
  });

  it('day and month unwritten, as in 00/00/1945 and 1945-00-00', () => {
    expect(parse('00001945')).toEqual({ value: date(1945), codes: ['date_year_only'] });
    expect(parse('19450000')).toEqual({ value: date(1945), codes: ['date_year_only'] });
  });

  it('01011950 is kept but flagged as a likely placeholder', () => {
    expect(parse('01011950')).toEqual({ value: date(1950, 1, 1), codes: ['date_placeholder'] });
  });

  // Both readings can never be birth dates at once: the ddmmyyyy (or mmddyyyy) year is the yyyymmdd month and day,
  // so it starts 00–12, and a birth year starts 19 or 20. The nearest cases are read one way or refused.
  it.each([
    ['31 February', '31021950', 'date_impossible'],
    ['29 Feb of a common year', '29021950', 'date_impossible'],
    ['month 13', '15131950', 'date_impossible'],
    ['month 15 read month-first', '03151950', 'date_impossible'],
    ['30 Feb in yyyymmdd', '19500230', 'date_impossible'],
    ['31 February as a number', 31021950, 'date_impossible'],
    ['ddmmyyyy in the future', '15032030', 'date_future'],
    ['yyyymmdd in the future', '20300315', 'date_future'],
    ['ddmmyyyy number in the future', 15032030, 'date_future'],
    ['ddmmyyyy over 120', '15031899', 'date_too_old'],
    ['yyyymmdd over 120', '18990315', 'date_too_old'],
    // 3 Dec 1905 is 121 years before 2026; the other reading, 19 May 1203, is no birth date either.
    ['yyyymmdd one year too old', '19051203', 'date_too_old'],
    ['neither reading is a date', '12345678', 'date_unreadable'],
    ['neither reading is a date, as a number', 12345678, 'date_unreadable'],
    ['yyyyddmm is not a known order', '19501503', 'date_unreadable'],
  ])('refused: %s', (_why, raw, code) => {
    expect(parse(raw)).toEqual({ value: null, codes: [code] });
  });

  it('ordinary serials and year-only numbers read as before', () => {
    // 1 Jan 1950 is serial 18264 (18262 days from 1 Jan 1900, +1 as serial 1 is that day, +1 for the fake
    // 29 Feb 1900); 16 March is 74 days later.
    expect(parse(18338)).toEqual({ value: date(1950, 3, 16), codes: [] });
    expect(parse(1945)).toEqual({ value: date(1945), codes: ['date_year_only'] });
  });

  it('day and month that could be swapped are flagged like 03/04/1950', () => {
    expect(ambiguousDayMonth(cell('05031950'))).toBe(true);
    expect(ambiguousDayMonth(cell(5031950))).toBe(true);
    expect(ambiguousDayMonth(cell('15031950'))).toBe(false);
    expect(ambiguousDayMonth(cell('19500315'))).toBe(false);
  });

  it('a day above 12 in ddmmyyyy proves the file day-first; yyyymmdd proves nothing', () => {
    expect(detectDateOrder(['15031950', '05031950'].map(cell))).toMatchObject({ order: 'dmy', settled: true });
    expect(detectDateOrder([cell(3151950), cell('05031950')])).toMatchObject({ order: 'mdy', settled: true });
    expect(detectDateOrder(['19501215', '20100512'].map(cell))).toMatchObject({ order: 'dmy', settled: false });
  });
});

describe('parseBirthDate: rejected', () => {
  it.each([
    ['31 February', '31/02/1950', 'date_impossible'],
    ['29 Feb of a common year', '29/02/1950', 'date_impossible'],
    ['month 13 (swapped?)', '12/13/1950', 'date_impossible'],
    ['in the future', '12/05/2030', 'date_future'],
    ['over 120 in 2026', '12/05/1899', 'date_too_old'],
    ['year 1905 is 121 years before 2026', 1905, 'date_too_old'],
    ['words', 'không rõ', 'date_unreadable'],
    ['a negative number', -5, 'date_unreadable'],
    ['TRUE', true, 'date_unreadable'],
  ])('%s', (_why, raw, code) => {
    expect(parse(raw)).toEqual({ value: null, codes: [code] });
  });

  it('120 years old is still accepted', () => {
    expect(parse(1906).value).toEqual(date(1906));
  });

  it.each([null, '', '  '])('empty %j: no value, no finding', (raw) => {
    expect(parse(raw)).toEqual({ value: null, codes: [] });
  });
});

describe('detectDateOrder', () => {
  it.each([
    ['a day above 12 proves day first', ['25/12/1945', '03/04/1950'], 'dmy', true],
    ['a second part above 12 proves month first', ['12/25/1945', '03/04/1950'], 'mdy', true],
    ['nothing above 12: day first assumed', ['03/04/1950', '05/06/1951'], 'dmy', false],
    ['both seen: not settled', ['25/12/1945', '12/25/1945', '12/26/1946'], 'mdy', false],
    ['no text dates at all', [], 'dmy', false],
  ] as const)('%s', (_why, texts, order, settled) => {
    const r = detectDateOrder(texts.map(cell));
    expect(r.order).toBe(order);
    expect(r.settled).toBe(settled);
    expect(r.evidence).not.toBe('');
  });

  it('ignores real dates, serials, year-only cells and empty cells', () => {
    const r = detectDateOrder([cell(new Date(Date.UTC(1945, 11, 25))), cell(16569), cell('1945'), cell('00/00/1945'), null]);
    expect(r).toMatchObject({ order: 'dmy', settled: false });
  });
});

describe('ambiguousDayMonth', () => {
  it.each([
    ['03/04/1950', true],
    ['12/12/1950', false], // same either way
    ['25/12/1945', false],
    ['00/00/1945', false],
    ['1945-04-03', false], // ISO is never ambiguous
  ])('%s → %s', (text, expected) => {
    expect(ambiguousDayMonth(cell(text))).toBe(expected);
  });
});

describe('formatPartialDate', () => {
  it.each([
    [date(1945, 5, 2), '02/05/1945'],
    [date(1945, 12, 25), '25/12/1945'],
    [date(1945, 5), '05/1945'],
    [date(1945), '1945'],
  ])('%j → %s', (d, expected) => {
    expect(formatPartialDate(d)).toBe(expected);
  });
});
