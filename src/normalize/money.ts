// Amounts in integer VND. Dots are thousands separators in Vietnam ("360.000" is 360 000 đồng), commas are
// in English-locale files; VND has no minor unit, so any real fraction is an error, never rounded away.
import type { Normalized, RawCell } from '../types.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';
import { cleanText } from './text.js';

// Currency words after the figure, compared folded: đ, đồng, VND, VNĐ, optionally "/tháng".
const CURRENCY = /\s*(?:d|dong|vnd)\.?(?:\s*\/\s*thang)?$/;
// Float noise from formulas such as =1500000*0.3 is not a fraction of a đồng.
const NOISE = 1e-6;

function unreadable(): Normalized<number> {
  return { value: null, findings: [finding('amount_unreadable', 'The amount is not a number in any known form (1.500.000, 1,500,000, 1500000đ).')] };
}

// Past 2^53 a number no longer holds every digit: such a figure (an ID or account pasted here?) cannot be paid.
function tooLong(): Normalized<number> {
  return { value: null, findings: [finding('amount_unreadable', 'The amount has too many digits to be an amount; is an ID or account number in this column?')] };
}

function fromNumber(n: number): Normalized<number> {
  if (!Number.isFinite(n)) return unreadable();
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > NOISE) {
    return { value: null, findings: [finding('amount_not_integer', 'The amount has a fractional part; VND has no minor unit.')] };
  }
  if (rounded < 0) return { value: null, findings: [finding('amount_negative', 'The amount is negative.')] };
  if (!Number.isSafeInteger(rounded)) return tooLong();
  // -0 (a cell holding -0 or -0.0000001) would print as "-0" through a number format.
  return { value: rounded === 0 ? 0 : rounded, findings: [] };
}

export function parseAmount(cell: RawCell | null): Normalized<number> {
  const v = cell?.value ?? null;
  if (v === null) return { value: null, findings: [] };
  if (typeof v === 'number') return fromNumber(v);
  if (typeof v !== 'string') return unreadable();
  const text = foldText(cleanText(v)).replace(CURRENCY, '');
  if (text === '' || text === '-') return { value: null, findings: [] };
  const negative = text.startsWith('-');
  const body = text.replace(/^-/, '').replace(/ /g, '');
  // Thousands groups with one separator, then optionally a decimal part with the other one.
  const m = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)(?:([.,])(\d+))?$/.exec(body);
  if (!m) return unreadable();
  const [, whole = '', decimalSep, decimals] = m;
  const groupSep = whole.includes('.') ? '.' : whole.includes(',') ? ',' : null;
  if (decimalSep !== undefined) {
    // "1.500.000,00" or "1,500,000.00": the decimal mark must differ from the grouping mark.
    if (groupSep === decimalSep) return unreadable();
    // "1.5" or "2,75" without grouping: a fraction, or a figure missing digits; neither can be paid.
    if (!/^0+$/.test(decimals ?? '')) {
      return { value: null, findings: [finding('amount_not_integer', 'The amount has a fractional part; VND has no minor unit.')] };
    }
  }
  const value = Number(whole.replace(/[.,]/g, ''));
  if (negative) return { value: null, findings: [finding('amount_negative', 'The amount is negative.')] };
  if (!Number.isSafeInteger(value)) return tooLong();
  return { value, findings: [] };
}
