// CSV for machines and for Excel users alike: UTF-8 with a BOM (without it Excel on Windows reads the file in the
// ANSI code page and garbles every Vietnamese letter), a comma delimiter, and CRLF line ends (RFC 4180; Excel,
// LibreOffice and every CSV library read them, and the bytes are the same on every OS the tool runs on).
// The header row is the stable English column keys.
import { stringify } from 'csv-stringify/sync';
import { guardCell } from './formula-guard.js';
import type { CellOut, ColumnSpec } from './output-spec.js';

const BOM = '\ufeff';

export function renderCsv(columns: readonly ColumnSpec[], rows: readonly (readonly CellOut[])[]): Buffer {
  const records: string[][] = [columns.map((c) => c.key)];
  for (const row of rows) {
    const record: string[] = [];
    for (let c = 0; c < columns.length; c++) record.push(cellText(row[c] ?? null));
    records.push(record);
  }
  const body = stringify(records, { record_delimiter: '\r\n', quoted_match: /^\s|\s$/ });
  return Buffer.from(BOM + body, 'utf8');
}

function cellText(value: CellOut): string {
  const guarded = guardCell(value);
  if (guarded === null) return '';
  return typeof guarded === 'number' ? String(guarded) : guarded;
}
