// The 12-digit personal ID (PPP G YY RRRRRR) and the old 9-digit CMND, as Excel leaves them.
// There is no check digit: all that can be checked is the length, the place code, and G/YY against the row.
import { ABROAD_CODES, PROVINCE_CODES } from '../data/province-codes.js';
import type { Finding, IdKind, Normalized, RawCell, Sex } from '../types.js';
import { finding } from './finding.js';
import { cleanText } from './text.js';

export interface IdResult {
  /** A well-formed 12-digit ID, else null. */
  readonly value: string | null;
  readonly kind: IdKind;
  readonly findings: readonly Finding[];
  /** kind 'cmnd': the 9 digits found, for the person's oldId when the CMND column is empty; else null. */
  readonly cmnd: string | null;
}

const PLACE_CODES: ReadonlySet<string> = new Set([...PROVINCE_CODES.map((p) => p[0]), ...ABROAD_CODES.map((a) => a[0])]);
// "3.80412E+10", "3,80412E+10": what Excel's General format showed and someone saved as text.
const SCIENTIFIC = /^\d+([.,]\d+)?e[+-]?\d+$/i;
// Excel keeps 15 significant digits; anything longer has had its tail zeroed.
const EXACT_DIGITS = 15;

function validPlace(id: string): boolean {
  return PLACE_CODES.has(id.slice(0, 3));
}

/** Digits of a number cell, or null when it is not a non-negative integer. */
function integerDigits(n: number): string | null {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) return null;
  return BigInt(n).toString();
}

/** Spaces, dots, dashes and a leading apostrophe removed. */
function strippedText(text: string): string {
  return cleanText(text).replace(/^'+/, '').replace(/[\s.\-_]/g, '');
}

function result(value: string | null, kind: IdKind, findings: Finding[], cmnd: string | null = null): IdResult {
  return { value, kind, findings, cmnd };
}

function classify(digits: string, restored: boolean): IdResult {
  const zero: Finding[] = restored
    ? [finding('id_leading_zero_restored', 'The ID was stored as a number; its leading zero(s) were put back.')]
    : [];
  if (digits.length === 9) {
    return result(null, 'cmnd', [...zero, finding('id_is_cmnd', 'An old 9-digit CMND is written instead of the 12-digit ID.')], digits);
  }
  if (digits.length !== 12) {
    return result(null, 'invalid', [finding('id_wrong_length', `The ID has ${digits.length} digits; a personal ID has 12.`)]);
  }
  if (!validPlace(digits)) {
    return result(null, 'invalid', [finding('id_bad_province', `The ID starts with ${digits.slice(0, 3)}, which is no place-of-birth code.`)]);
  }
  return result(digits, 'cccd', zero);
}

export function normalizePersonalId(cell: RawCell | null): IdResult {
  const v = cell?.value ?? null;
  if (v === null || (typeof v === 'string' && cleanText(v) === '')) return result(null, 'missing', []);
  if (typeof v === 'boolean' || v instanceof Date) {
    return result(null, 'invalid', [finding('id_not_digits', 'The ID cell holds a date or TRUE/FALSE.')]);
  }
  if (typeof v === 'number') {
    const digits = integerDigits(v);
    if (digits === null) return result(null, 'invalid', [finding('id_not_digits', 'The ID cell holds a number with a fraction.')]);
    if (digits.length > EXACT_DIGITS) {
      return result(null, 'unrecoverable', [finding('id_precision_lost', 'The ID was stored as a number of more than 15 digits; the last ones became zeros.')]);
    }
    // A number cell lost every leading zero. 10-11 digits padded to 12 give back a Vietnam-born ID (001…096);
    // 8 digits padded to 9 give back a CMND (01… Hà Nội). 12-digit numbers are exact (abroad codes 1xx, 2xx).
    if (digits.length === 10 || digits.length === 11) {
      const padded = digits.padStart(12, '0');
      if (validPlace(padded)) return classify(padded, true);
    }
    if (digits.length === 8) return classify(digits.padStart(9, '0'), true);
    return classify(digits, false);
  }
  const text = strippedText(v);
  if (SCIENTIFIC.test(text)) {
    return result(null, 'unrecoverable', [finding('id_scientific_notation', 'The ID is written as a rounded number like 3.80412E+10; the real digits are lost.')]);
  }
  if (!/^\d+$/.test(text)) return result(null, 'invalid', [finding('id_not_digits', 'The ID contains characters other than digits.')]);
  // Eleven digits as text: a number column copied out of Excel; the lost zero can be put back as for numbers.
  if (text.length === 11 && validPlace(`0${text}`)) return classify(`0${text}`, true);
  return classify(text, false);
}

/** The first year of the century the ID's G digit (4th) gives: 0/1 → 1900, 2/3 → 2000, 4/5 → 2100 … */
export function idCentury(id: string): number | null {
  if (!/^\d{12}$/.test(id)) return null;
  return 1900 + Math.floor(Number(id[3]) / 2) * 100;
}

/** G even = male, odd = female; century + YY = birth year. A mismatch is a warning: the ID is kept. */
export function checkIdAgainstPerson(id: string, sex: Sex | null, birthYear: number | null): Finding[] {
  const century = idCentury(id);
  if (century === null) return [];
  const findings: Finding[] = [];
  const idSex: Sex = Number(id[3]) % 2 === 0 ? 'M' : 'F';
  if (sex !== null && sex !== idSex) {
    findings.push(
      finding('id_sex_mismatch', `The ID's 4th digit says ${idSex === 'M' ? 'male' : 'female'}; the row says ${sex === 'M' ? 'male' : 'female'}.`),
    );
  }
  const idYear = century + Number(id.slice(4, 6));
  if (birthYear !== null && birthYear !== idYear) {
    findings.push(finding('id_year_mismatch', `The ID says born in ${idYear}; the row says ${birthYear}.`));
  }
  return findings;
}

/** The old-ID (CMND) column: 9 digits, or a 12-digit ID someone wrote there. Leading zeros restored as above. */
export function normalizeOldId(cell: RawCell | null): Normalized<string> {
  const v = cell?.value ?? null;
  if (v === null || (typeof v === 'string' && cleanText(v) === '')) return { value: null, findings: [] };
  const bad = { value: null, findings: [finding('old_id_invalid', 'The CMND column holds neither 9 nor 12 digits.')] };
  if (typeof v === 'boolean' || v instanceof Date) return bad;
  let digits: string | null;
  let restored = false;
  if (typeof v === 'number') {
    digits = integerDigits(v);
    // CMND prefixes start 01…, Vietnam-born IDs 00…: at most one zero lost before 9 digits, two before 12.
    if (digits === null || digits.length < 8 || digits.length > 12) return bad;
    const target = digits.length <= 9 ? 9 : 12;
    restored = digits.length !== target;
    digits = digits.padStart(target, '0');
  } else {
    digits = strippedText(v);
  }
  if (!/^(\d{9}|\d{12})$/.test(digits)) return bad;
  if (digits.length === 12 && !validPlace(digits)) return bad;
  return {
    value: digits,
    findings: restored ? [finding('id_leading_zero_restored', 'The CMND was stored as a number; its leading zero(s) were put back.')] : [],
  };
}
