// A cell as a person opening the file sees it, for problems.csv and for the row fingerprint.
import type { RawCell } from '../types.js';

const two = (n: number): string => String(n).padStart(2, '0');

export function displayCell(cell: RawCell | null | undefined): string {
  const v = cell?.value ?? null;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  }
  // Whole numbers in full (String() would switch to 1e+21 form), padded when the format is zeros ("000000000000").
  const text = Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
  const zeros = /^0+$/.test(cell?.numFmt ?? '') ? (cell?.numFmt ?? '').length : 0;
  return text.padStart(zeros, '0');
}
