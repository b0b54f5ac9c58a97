// CSV for machines and for Excel users alike: UTF-8 with a BOM (without it Excel on Windows reads the file in the
// ANSI code page and garbles every Vietnamese letter), a comma delimiter, and CRLF line ends (RFC 4180; Excel,
// LibreOffice and every CSV library read them, and the bytes are the same on every OS the tool runs on).
// The header row is the stable English column keys.
import { guardCell } from './formula-guard.js';
import type { CellOut, ColumnSpec } from './output-spec.js';

const BOM = '\ufeff';

// A field is quoted when it holds the delimiter, a quote, a CR or an LF anywhere (a bare CR left unquoted ends
// the row in Excel and LibreOffice), or a space at either end; quotes inside are doubled (RFC 4180). Written by
// hand rather than with csv-stringify, which took a third of rendering a province's reports (5.6 s of 48 s on a
// render worker) for rules this short; test/write/csv-writer.test.ts checks it against csv-stringify.
const NEEDS_QUOTES = /["\r\n]|^\s|\s$/;

function field(text: string, delimiter: string): string {
  if (text === '') return '';
  if (!NEEDS_QUOTES.test(text) && !text.includes(delimiter)) return text;
  return `"${text.replaceAll('"', '""')}"`;
}

/** Every field through the formula guard, then CSV text with CRLF line ends (one after every record); records[0] is the header. */
export function stringifyCsv(records: readonly (readonly CellOut[])[], delimiter = ','): string {
  let out = '';
  for (const record of records) {
    for (let i = 0; i < record.length; i++) {
      if (i > 0) out += delimiter;
      out += field(cellText(record[i] ?? null), delimiter);
    }
    out += '\r\n';
  }
  return out;
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
