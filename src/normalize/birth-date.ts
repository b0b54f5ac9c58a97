// Birth dates as the lists hold them: real dates, Excel serials, every written form, two-digit years and
// year-only dates for many elderly people. A day or month that is not written is never invented.
import type { CellValue, Finding, Normalized, PartialDate, RawCell } from '../types.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';
import { cleanText } from './text.js';

export type DateOrder = 'dmy' | 'mdy';

export interface DateOptions {
  readonly order: DateOrder;
  /** The workbook uses the 1904 date system (serial 0 = 1 Jan 1904). */
  readonly date1904: boolean;
  /** From the ID's G digit (1900, 2000 …), to complete two-digit years. */
  readonly century?: number | null;
  /** The year of the payment run: no one is born after it, and no one is over 120 in it. */
  readonly runYear: number;
}

const MAX_AGE = 120;
// Whole numbers in this range are years, not serials: 1945 as a serial would be 1905, and nobody on a list
// today was born in 1905, while "1945" typed as a number is common.
const FIRST_YEAR = 1800;
// Serial 1 = 1 Jan 1900; Excel counts a 29 Feb 1900 that never was (serial 60), so later serials are one day ahead.
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;
const LAST_SERIAL = 2_958_465;

// d/m/y or m/d/y with / - or . between, two- or four-digit year; an optional time Excel's CSV export adds.
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;
// "1945", "Năm 1945", "năm sinh 1945", "NS 1945" (compared folded: nam = năm).
const YEAR_ONLY = /^(?:(?:nam sinh|nam|ns)[ :]*)?(\d{4})$/;
// ddmmyyyy as Vietnamese type a date with no separators, or yyyymmdd as some software exports it.
const PACKED = /^\d{8}$/;

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly twoDigitYear: boolean;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fail(code: 'date_impossible' | 'date_unreadable' | 'date_future' | 'date_too_old', message: string): Normalized<PartialDate> {
  return { value: null, findings: [finding(code, message)] };
}

/** Century for a two-digit year: the ID's, else the latest year not after the run year (see date_two_digit_year). */
function fullYear(yy: number, options: DateOptions): number {
  if (options.century != null) return options.century + yy;
  const year = Math.floor(options.runYear / 100) * 100 + yy;
  return year > options.runYear ? year - 100 : year;
}

/** Checks a year / month / day (0 = not written) and builds the partial date with its findings. */
function build(parts: Parts, options: DateOptions, extra: Finding[] = []): Normalized<PartialDate> {
  const { year, month, day } = parts;
  const findings = [...extra];
  if (parts.twoDigitYear) {
    const from = options.century != null ? 'the century in the ID' : `the latest year not after ${options.runYear}`;
    findings.push(finding('date_two_digit_year', `Two-digit year read as ${year} (${from}); write the year in full to be sure.`));
  }
  if (month > 12 || (month === 0 && day !== 0) || day > 31) {
    return { value: null, findings: [...findings, finding('date_impossible', `There is no day ${day} of month ${month}; are day and month swapped?`)] };
  }
  if (month !== 0 && day > daysInMonth(year, month)) {
    return { value: null, findings: [...findings, finding('date_impossible', `Month ${month} of ${year} has no day ${day}.`)] };
  }
  if (year > options.runYear) {
    return { value: null, findings: [...findings, finding('date_future', `Born in ${year}, after the run year ${options.runYear}.`)] };
  }
  if (options.runYear - year > MAX_AGE) {
    return { value: null, findings: [...findings, finding('date_too_old', `Born in ${year}: over ${MAX_AGE} years old in ${options.runYear}.`)] };
  }
  if (month === 0) {
    findings.push(finding('date_year_only', 'Only the birth year is known.'));
    return { value: { year, month: null, day: null }, findings };
  }
  if (day === 0) {
    findings.push(finding('date_month_year_only', 'Only the birth month and year are known.'));
    return { value: { year, month, day: null }, findings };
  }
  if (day === 1 && month === 1) {
    findings.push(finding('date_placeholder', '01/01 is often written when only the year is known.'));
  }
  return { value: { year, month, day }, findings };
}

function fromUtc(ms: number): Parts {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), twoDigitYear: false };
}

/**
 * The eight digits of a date typed without separators, or null. A number cell has lost any leading 0, so seven
 * digits are 0 + d + mm + yyyy. That is their one reading: Excel strips only leading zeros, and a yyyymmdd never
 * starts with one. Day and month typed unpadded (1111950 for 11/1/1950) would read otherwise, but the lost zero
 * happens to every ddmmyyyy with a day under 10, while unpadded digits leave even a reader unsure of the date.
 */
function packedDigits(v: CellValue): string | null {
  if (typeof v === 'string') {
    const text = cleanText(v);
    return PACKED.test(text) ? text : null;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1_000_000 && v <= 99_999_999) return String(v).padStart(8, '0');
  return null;
}

/** yyyymmdd: a year from FIRST_YEAR, then a month and a day (0 = not written, as in 1945-00-00). */
function packedYmd(digits: string): Parts | null {
  const [year, month, day] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6))];
  return year >= FIRST_YEAR && month <= 12 && day <= 31 ? { year, month, day, twoDigitYear: false } : null;
}

/**
 * yyyymmdd, else ddmmyyyy (mmddyyyy in an mdy file); null when the digits look like no date at all.
 * The two readings never both give a birth date, so there is nothing to guess between: the ddmmyyyy year starts
 * with the yyyymmdd month digits, and a month is 00–12 while a birth year starts 19 or 20.
 */
function fromPacked(digits: string, options: DateOptions): Normalized<PartialDate> | null {
  const ymd = packedYmd(digits);
  if (ymd) return build(ymd, options);
  const [first, second, year] = [Number(digits.slice(0, 2)), Number(digits.slice(2, 4)), Number(digits.slice(4))];
  const [day, month] = options.order === 'dmy' ? [first, second] : [second, first];
  // A birth year with a bad day or month, or a real day and month in a bad year, is a date that build() can say
  // what is wrong with; with neither, the digits are no date.
  const birthYear = year >= FIRST_YEAR && year <= options.runYear;
  if (!birthYear && !(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  return build({ year, month, day, twoDigitYear: false }, options);
}

function fromNumber(n: number, options: DateOptions): Normalized<PartialDate> {
  if (Number.isInteger(n) && n >= FIRST_YEAR && n <= options.runYear + 1) {
    return build({ year: n, month: 0, day: 0, twoDigitYear: false }, options);
  }
  // From a million up a number is no birth date's serial (serial 1,000,000 is in the year 4637), so seven and
  // eight digits that read as a packed date are one; those that do not are judged as before.
  const digits = packedDigits(n);
  const packed = digits === null ? null : fromPacked(digits, options);
  if (packed) return packed;
  // Excel's last date is 31 Dec 9999 (serial 2958465); beyond it JavaScript dates give out too.
  if (!Number.isFinite(n) || n < 1 || n > LAST_SERIAL) return fail('date_unreadable', 'The birth-date cell holds a number that is no date.');
  const serial = Math.floor(n); // a time of day after the date is ignored
  if (options.date1904) return build(fromUtc(EXCEL_EPOCH_1904 + serial * DAY_MS), options);
  if (serial === 60) return fail('date_impossible', 'Excel serial 60 is 29 Feb 1900, a day that never existed.');
  // Before the fake leap day, serials are one day behind the epoch used for the rest.
  return build(fromUtc(EXCEL_EPOCH_1900 + (serial < 60 ? serial + 1 : serial) * DAY_MS), options);
}

function fromText(raw: string, options: DateOptions): Normalized<PartialDate> {
  const text = cleanText(raw);
  const packed = PACKED.test(text) ? fromPacked(text, options) : null;
  if (packed) return packed;
  const folded = foldText(text);
  let m = YEAR_ONLY.exec(folded);
  if (m) return build({ year: Number(m[1]), month: 0, day: 0, twoDigitYear: false }, options);
  m = ISO.exec(text);
  if (m) return build({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), twoDigitYear: false }, options);
  m = MONTH_YEAR.exec(text);
  if (m) return build({ year: Number(m[2]), month: Number(m[1]), day: 0, twoDigitYear: false }, options);
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const [first, second, y] = [Number(m[1]), Number(m[2]), m[3] ?? ''];
    const twoDigitYear = y.length === 2;
    const year = twoDigitYear ? fullYear(Number(y), options) : Number(y);
    const [day, month] = options.order === 'dmy' ? [first, second] : [second, first];
    return build({ year, month, day, twoDigitYear }, options);
  }
  return fail('date_unreadable', 'The birth date is not in any known form (dd/mm/yyyy, yyyy-mm-dd, ddmmyyyy, yyyymmdd, 1945, Năm 1945).');
}

export function parseBirthDate(cell: RawCell | null, options: DateOptions): Normalized<PartialDate> {
  const v = cell?.value ?? null;
  if (v === null || (typeof v === 'string' && cleanText(v) === '')) return { value: null, findings: [] };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('date_unreadable', 'The birth-date cell holds an invalid date.');
    return build(fromUtc(v.getTime()), options);
  }
  if (typeof v === 'number') return fromNumber(v, options);
  if (typeof v === 'boolean') return fail('date_unreadable', 'The birth-date cell holds TRUE/FALSE.');
  return fromText(v, options);
}

/** The two leading numbers of a d/m/y or m/d/y text cell or of a ddmmyyyy / mmddyyyy, or null for any other cell. */
function leadingPair(cell: RawCell | null): readonly [number, number] | null {
  const v = cell?.value ?? null;
  const digits = packedDigits(v);
  if (digits !== null) return packedYmd(digits) ? null : [Number(digits.slice(0, 2)), Number(digits.slice(2, 4))];
  if (typeof v !== 'string') return null;
  const m = DAY_MONTH_YEAR.exec(cleanText(v));
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** A d/m/y text whose day and month could be swapped: both 1–12 and different. */
export function ambiguousDayMonth(cell: RawCell | null): boolean {
  const pair = leadingPair(cell);
  return pair !== null && pair[0] !== pair[1] && pair.every((n) => n >= 1 && n <= 12);
}

/**
 * Day-first or month-first for a whole file: a first part above 12 proves dmy, a second part above 12 proves mdy.
 * Both seen, or neither: not settled (the larger count wins, dmy on a tie, as Vietnamese dates are day-first).
 */
export function detectDateOrder(cells: readonly (RawCell | null)[]): { order: DateOrder; settled: boolean; evidence: string } {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const cell of cells) {
    const pair = leadingPair(cell);
    if (pair === null) continue;
    if (pair[0] > 12 && pair[0] <= 31 && pair[1] <= 12) dayFirst++;
    if (pair[1] > 12 && pair[1] <= 31 && pair[0] <= 12) monthFirst++;
  }
  const counts = `${dayFirst} date(s) with a first part above 12, ${monthFirst} with a second part above 12`;
  if (dayFirst > 0 && monthFirst === 0) return { order: 'dmy', settled: true, evidence: `${counts}: day first` };
  if (monthFirst > 0 && dayFirst === 0) return { order: 'mdy', settled: true, evidence: `${counts}: month first` };
  if (dayFirst === 0) return { order: 'dmy', settled: false, evidence: `${counts}: no proof either way; day first assumed` };
  const order = monthFirst > dayFirst ? 'mdy' : 'dmy';
  return { order, settled: false, evidence: `${counts}: mixed; ${order === 'dmy' ? 'day' : 'month'} first assumed` };
}

/** 'dd/mm/yyyy', 'mm/yyyy' when the day is unknown, 'yyyy' when only the year is. */
export function formatPartialDate(d: PartialDate): string {
  const yyyy = String(d.year).padStart(4, '0');
  const two = (n: number): string => String(n).padStart(2, '0');
  if (d.month === null) return yyyy;
  if (d.day === null) return `${two(d.month)}/${yyyy}`;
  return `${two(d.day)}/${two(d.month)}/${yyyy}`;
}
