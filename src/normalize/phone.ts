// Vietnamese phone numbers: 10-digit mobiles (03, 05, 07, 08, 09) and 11-digit landlines (02x), written with
// +84/84, spaces and dots, or stored as numbers that lost the leading 0.
import type { Finding, Normalized, RawCell } from '../types.js';
import { finding } from './finding.js';
import { cleanText } from './text.js';

// The 2018 renumbering of 11-digit mobiles (Ministry of Information and Communications): old prefix → new.
const OLD_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'], ['0167', '037'],
  ['0168', '038'], ['0169', '039'], ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'],
  ['0128', '078'], ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
  ['0186', '056'], ['0188', '058'], ['0199', '059'],
]);

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

export function normalizePhone(cell: RawCell | null): Normalized<string> {
  const v = cell?.value ?? null;
  if (v === null) return { value: null, findings: [] };
  const findings: Finding[] = [];
  let digits: string;
  if (typeof v === 'number') {
    digits = Number.isInteger(v) && v > 0 ? String(v) : '';
    // A number cell always loses the leading 0; "84…" is the country code, not a lost zero.
    if (digits.length === 9 || digits.length === 10) {
      digits = `0${digits}`;
      findings.push(finding('phone_leading_zero_restored', 'The phone was stored as a number; its leading 0 was put back.'));
    }
  } else if (typeof v === 'string') {
    const text = cleanText(v);
    if (text === '') return { value: null, findings: [] };
    const parts = text.split(/[/,;]|\s-\s|\s+(?:hoac|hoặc|or)\s+/).filter((p) => p.trim() !== '');
    if (parts.length > 1) findings.push(finding('phone_several', 'The cell holds several phone numbers; the first is used.'));
    digits = (parts[0] ?? '').replace(/^'/, '').replace(/[\s.\-()]/g, '');
  } else {
    digits = '';
  }
  digits = digits.replace(/^\+84|^0084/, '0');
  if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  const renumbered = OLD_PREFIXES.get(digits.slice(0, 4));
  if (digits.length === 11 && renumbered !== undefined) {
    digits = renumbered + digits.slice(4);
    findings.push(finding('phone_old_prefix', 'An 11-digit mobile number from before 2018; converted to its 10-digit form.'));
  }
  if (!MOBILE.test(digits) && !LANDLINE.test(digits)) {
    return { value: null, findings: [...findings, finding('phone_invalid', 'Not a Vietnamese mobile (10 digits from 03/05/07/08/09) or landline (11 digits from 02).')] };
  }
  return { value: digits, findings };
}
