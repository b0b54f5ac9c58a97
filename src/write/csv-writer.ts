// CSV for machines and for Excel users alike: UTF-8 with a BOM (without it Excel on Windows reads the file in the
// ANSI code page and garbles every Vietnamese letter), a comma delimiter, and CRLF line ends (RFC 4180; Excel,
// LibreOffice and every CSV library read them, and the bytes are the same on every OS the tool runs on).
// The header row is the stable English column keys.
import { stringify } from 'csv-stringify/sync';
import { guardCell } from './formula-guard.js';
import type { CellOut, ColumnSpec } from './output-spec.js';

const BOM = '\ufeff';

// A field holding a CR or an LF anywhere is quoted (csv-stringify quotes only the whole record delimiter, so a
// bare CR went out unquoted and ended the row in Excel and LibreOffice); so is one with a space at either end.
const QUOTED: RegExp[] = [/[\r\n]/, /^\s|\s$/];

/** Every field through the formula guard, then CSV text with CRLF line ends; records[0] is the header. */
export function stringifyCsv(records: readonly (readonly CellOut[])[], delimiter = ','): string {
  const texts = records.map((record) => record.map(cellText));
  return stringify(texts, { delimiter, record_delimiter: '\r\n', quoted_match: QUOTED });
}

export function renderCsv(columns: readonly ColumnSpec[], rows: readonly (readonly CellOut[])[]): Buffer {
  const records: CellOut[][] = [columns.map((c) => c.key)];
  for (const row of rows) {
    const record: CellOut[] = [];
    for (let c = 0; c < columns.length; c++) record.push(row[c] ?? null);
    records.push(record);
  }
  return Buffer.from(BOM + stringifyCsv(records), 'utf8');
}

function cellText(value: CellOut): string {
  const guarded = guardCell(value);
  if (guarded === null) return '';
  return typeof guarded === 'number' ? String(guarded) : guarded;
}
