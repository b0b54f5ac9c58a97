// Spreadsheet programs run a cell that starts with = + - or @ as a formula, even when it came from a CSV; a name
// or note typed by anyone must never do that (OWASP "CSV injection"). Tab and CR are on OWASP's list because
// some programs strip them and then see the formula character behind; for the same reason the guard looks past
// every leading space, control and invisible format character ("\r=3+4", " \t=1", "\u0000+1", a BOM or a
// zero-width space before "="), and treats the full-width ＝ ＋ － ＠ that some programs fold to ASCII like the real
// ones. The leading apostrophe is what Excel itself uses to mark "this is text".
//
// This is the one guard of every output a person may open in a spreadsheet program or copy from: the CSV writer
// (cleaned lists, problems, ledger, match report, bank CSV files), the XLSX writer and the text cells of
// report.html.
import type { CellOut } from './output-spec.js';

/** Leading characters a spreadsheet program may skip or drop before it looks for a formula. */
const SKIPPED = '\\s\\p{Cc}\\p{Cf}\\p{Z}';
const FORMULA_CHAR = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20';
// A tab, CR or LF first, also behind other control characters (an XLSX cannot hold those, so the writer drops them
// and the tab comes first).
const DANGEROUS_START = new RegExp(`^(?:[${SKIPPED}]*[${FORMULA_CHAR}]|[\\p{Cc}\\p{Cf}]*[\\t\\r\\n])`, 'u');

/**
 * A first character that settles it: a digit, or ASCII from 'A' to '~' (letters and signs that are neither
 * space, control nor formula characters). Most cells start so, and skip the pattern (a 178,000-row report has
 * five million cells).
 */
function safeStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x7e);
}

/** True when a spreadsheet program could read `text` as a formula. */
export function isDangerousText(text: string): boolean {
  return !safeStart(text) && DANGEROUS_START.test(text);
}

/** The text with a leading apostrophe when a spreadsheet program could read it as a formula. */
export function guardText(text: string): string {
  return isDangerousText(text) ? `'${text}` : text;
}

/** A string that could run as a formula gets a leading apostrophe; numbers, null and other text are untouched. */
export function guardCell(value: CellOut): CellOut {
  if (typeof value !== 'string') return value;
  return guardText(value);
}

/** Undoes guardText: what a guarded cell said before its apostrophe (a ledger read back, for instance). */
export function unguardText(text: string): string {
  return text.startsWith("'") && isDangerousText(text.slice(1)) ? text.slice(1) : text;
}
