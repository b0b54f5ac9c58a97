// Amounts in integer VND. Dots are thousands separators in Vietnam ("360.000" is 360 000 đồng), commas are
// in English-locale files; VND has no minor unit, so any real fraction is an error, never rounded away.
// Officers also write unit words ("1,5 triệu", "1tr5", "1 triệu rưỡi", "500k"): read exactly, with an info
// finding showing the reading, as a misread amount would be paid. "trăm" and "tỷ" are not read: "1 triệu 5 trăm"
// means 1 500 000 in speech but 1 000 500 by the words, and no monthly benefit is counted in billions.
import type { Normalized, RawCell } from '../types.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';
import { cleanText } from './text.js';

// Currency words after the figure, compared folded: đ, đồng, VND, VNĐ, and/or "/tháng".
const CURRENCY = /\s*(?:(?:d|dong|vnd)\.?)?(?:\s*\/\s*thang)?$/;
// Unit words, compared folded: triệu, tr; nghìn, ngàn, ng, k; the short ones may end with a dot ("1,5 tr.").
const UNIT = /(trieu|tr|nghin|ngan|ng|k)\.?/.source;
const UNIT_VALUE: Readonly<Record<string, bigint>> = { trieu: 1_000_000n, tr: 1_000_000n, nghin: 1_000n, ngan: 1_000n, ng: 1_000n, k: 1_000n };
// "1,5 triệu", "1.500 nghìn", "750k": one figure, then one unit.
const ONE_UNIT = new RegExp(`^(\\d[\\d., ]*?) ?${UNIT}$`);
// "1tr5", "1 triệu 250": whole units, then the leading digits of the next three places.
const UNIT_THEN_DIGITS = new RegExp(`^(\\d+) ?${UNIT} ?(\\d{1,3})$`);
// "2 triệu 250 nghìn": a count of the larger unit, then fewer than a thousand of the smaller one.
const TWO_UNITS = new RegExp(`^(\\d+) ?${UNIT} ?(\\d{1,3}) ?${UNIT}$`);
// "1 triệu rưỡi" (also spelt rưởi): whole units and a half.
const AND_A_HALF = new RegExp(`^(\\d+) ?${UNIT} ?ruoi$`);
// Float noise from formulas such as =1500000*0.3 is not a fraction of a đồng.
const NOISE = 1e-6;

// The figure before a unit word. Its marks are decided as follows: after a first group of 1-3 digits not
// starting with 0, a mark followed by exactly three digits (and more such groups, same mark) separates thousands,
// as in a plain amount: "1.500 nghìn" is 1 500 000, "1,500 triệu" is 1 500 000 000. Any other single "," or "."
// is a decimal mark: "1.5 nghìn" is 1 500, "0,750 triệu" 750 000, "2,25 triệu" 2 250 000. After groups, a decimal
// mark must be the other mark ("1.250,5 nghìn" is 1 250 500).
const GROUPED = /^([1-9]\d{0,2}([., ])\d{3}(?:\2\d{3})*)(?:([.,])(\d+))?$/;
const DECIMAL = /^(\d+)[.,](\d+)$/;

/** An exact reading: the amount is scaled / 10^places đồng. */
interface Reading {
  readonly scaled: bigint;
  readonly places: number;
}

function figure(text: string): Reading | null {
  if (/^\d+$/.test(text)) return { scaled: BigInt(text), places: 0 };
  const g = GROUPED.exec(text);
  if (g) {
    const [, whole = '', groupSep, decimalSep, decimals = ''] = g;
    if (decimalSep === groupSep) return null;
    return { scaled: BigInt(whole.replace(/[., ]/g, '') + decimals), places: decimals.length };
  }
  const d = DECIMAL.exec(text);
  if (!d) return null;
  const [, whole = '', decimals = ''] = d;
  return { scaled: BigInt(whole + decimals), places: decimals.length };
}

function withUnits(body: string): Reading | null {
  const two = TWO_UNITS.exec(body);
  if (two) {
    const [, big = '', bigUnit = '', small = '', smallUnit = ''] = two;
    if (UNIT_VALUE[bigUnit] !== 1_000_000n || UNIT_VALUE[smallUnit] !== 1_000n) return null;
    return { scaled: BigInt(big) * 1_000_000n + BigInt(small) * 1_000n, places: 0 };
  }
  const half = AND_A_HALF.exec(body);
  if (half) {
    const [, whole = '', unit = ''] = half;
    return { scaled: BigInt(`${whole}5`) * UNIT_VALUE[unit], places: 1 };
  }
  const then = UNIT_THEN_DIGITS.exec(body);
  if (then) {
    const [, whole = '', unit = '', next = ''] = then;
    // Spoken Vietnamese: "1 triệu 5" is 1.5 million and "1tr250" 1.25 million, so the digits fill the unit's
    // next three places from the left.
    return { scaled: BigInt(whole + next.padEnd(3, '0')) * UNIT_VALUE[unit], places: 3 };
  }
  const one = ONE_UNIT.exec(body);
  if (!one) return null;
  const [, text = '', unit = ''] = one;
  const read = figure(text.trim());
  return read && { scaled: read.scaled * UNIT_VALUE[unit], places: read.places };
}

function unreadable(): Normalized<number> {
  return { value: null, findings: [finding('amount_unreadable', 'The amount is not a number in any known form (1.500.000, 1,500,000, 1500000đ, 1,5 triệu, 500k).')] };
}

// Past 2^53 a number no longer holds every digit: such a figure (an ID or account pasted here?) cannot be paid.
function tooLong(): Normalized<number> {
  return { value: null, findings: [finding('amount_unreadable', 'The amount has too many digits to be an amount; is an ID or account number in this column?')] };
}

function notInteger(): Normalized<number> {
  return { value: null, findings: [finding('amount_not_integer', 'The amount has a fractional part; VND has no minor unit.')] };
}

function negativeAmount(): Normalized<number> {
  return { value: null, findings: [finding('amount_negative', 'The amount is negative.')] };
}

/** "1,5 triệu", "1tr5", "500k": read exactly, and said so, since the officer typed no figure in đồng. */
function inWords(body: string, negative: boolean, written: string): Normalized<number> {
  const read = withUnits(body);
  if (!read) return unreadable();
  const divisor = 10n ** BigInt(read.places);
  if (read.scaled % divisor !== 0n) return notInteger();
  if (negative) return negativeAmount();
  const value = read.scaled / divisor;
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return tooLong();
  const n = Number(value);
  return { value: n, findings: [finding('amount_in_words', `The amount "${written}" was read as ${n} đồng.`)] };
}

function fromNumber(n: number): Normalized<number> {
  if (!Number.isFinite(n)) return unreadable();
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > NOISE) return notInteger();
  if (rounded < 0) return negativeAmount();
  if (!Number.isSafeInteger(rounded)) return tooLong();
  // -0 (a cell holding -0 or -0.0000001) would print as "-0" through a number format.
  return { value: rounded === 0 ? 0 : rounded, findings: [] };
}

export function parseAmount(cell: RawCell | null): Normalized<number> {
  const v = cell?.value ?? null;
  if (v === null) return { value: null, findings: [] };
  if (typeof v === 'number') return fromNumber(v);
  if (typeof v !== 'string') return unreadable();
  const written = cleanText(v);
  const text = foldText(written).replace(CURRENCY, '');
  if (text === '' || text === '-') return { value: null, findings: [] };
  const negative = text.startsWith('-');
  const body = text.replace(/^-/, '').replace(/ /g, '');
  // Thousands groups with one separator, then optionally a decimal part with the other one.
  const m = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)(?:([.,])(\d+))?$/.exec(body);
  if (!m) return inWords(text.replace(/^- ?/, ''), negative, written);
  const [, whole = '', decimalSep, decimals] = m;
  const groupSep = whole.includes('.') ? '.' : whole.includes(',') ? ',' : null;
  if (decimalSep !== undefined) {
    // "1.500.000,00" or "1,500,000.00": the decimal mark must differ from the grouping mark.
    if (groupSep === decimalSep) return unreadable();
    // "1.5" or "2,75" without grouping: a fraction, or a figure missing digits; neither can be paid.
    if (!/^0+$/.test(decimals ?? '')) return notInteger();
  }
  const value = Number(whole.replace(/[.,]/g, ''));
  if (negative) return negativeAmount();
  if (!Number.isSafeInteger(value)) return tooLong();
  return { value, findings: [] };
}
