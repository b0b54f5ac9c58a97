// Spreadsheet programs run a cell that starts with = + - or @ as a formula, even when it came from a CSV; a name
// or note typed by anyone must never do that (OWASP "CSV injection"). Tab and CR are on OWASP's list because
// some programs strip them and then see the formula character behind. The leading apostrophe is what Excel
// itself uses to mark "this is text".
import type { CellOut } from './output-spec.js';

const DANGEROUS_START = /^[=+\-@\t\r]/;

/** A string starting with = + - @ tab or CR gets a leading apostrophe; numbers, null and other text are untouched. */
export function guardCell(value: CellOut): CellOut {
  if (typeof value !== 'string') return value;
  return DANGEROUS_START.test(value) ? `'${value}` : value;
}
