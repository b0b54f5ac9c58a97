// Bank and wallet account numbers: strings of digits whose leading zeros matter, up to 19 characters.
// Excel mangles long ones as it mangles IDs; a number cell may have lost zeros nobody can put back.
import type { Normalized, RawCell } from '../types.js';
import { finding } from './finding.js';
import { cleanText } from './text.js';

const SCIENTIFIC = /^\d+([.,]\d+)?e[+-]?\d+$/i;
// Banks issue 6- to 19-digit account numbers; wallets use the 10-digit phone number.
const ACCOUNT = /^\d{6,19}$/;
const EXACT_DIGITS = 15;

const MANGLED = 'The account number was stored as a long number; its last digits were lost (re-type it as text).';

export function normalizeAccount(cell: RawCell | null): Normalized<string> {
  const v = cell?.value ?? null;
  if (v === null) return { value: null, findings: [] };
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return { value: null, findings: [finding('account_mangled', MANGLED)] };
    const digits = BigInt(v).toString();
    if (digits.length > EXACT_DIGITS) return { value: null, findings: [finding('account_mangled', MANGLED)] };
    if (!ACCOUNT.test(digits)) return { value: null, findings: [finding('account_invalid', `The account number has ${digits.length} digits; accounts have 6 to 19.`)] };
    return { value: digits, findings: [finding('account_from_number', 'The account number was stored as a number; check no leading zero was lost.')] };
  }
  if (typeof v !== 'string') return { value: null, findings: [finding('account_invalid', 'The account cell holds a date or TRUE/FALSE.')] };
  const text = cleanText(v).replace(/^'+/, '').replace(/[\s.\-]/g, '');
  if (text === '') return { value: null, findings: [] };
  if (SCIENTIFIC.test(text)) return { value: null, findings: [finding('account_mangled', MANGLED)] };
  if (!ACCOUNT.test(text)) {
    const what = /^\d+$/.test(text) ? `${text.length} digits` : 'characters other than digits';
    return { value: null, findings: [finding('account_invalid', `The account number has ${what}; accounts are 6 to 19 digits.`)] };
  }
  return { value: text, findings: [] };
}
