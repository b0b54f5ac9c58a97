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

/** One record's fields (the first `width` of `record`), with its CRLF. */
function recordText(record: readonly CellOut[], width: number, delimiter: string): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    if (i > 0) out += delimiter;
    out += field(cellText(record[i] ?? null), delimiter);
  }
  return `${out}\r\n`;
}

/** Every field through the formula guard, then CSV text with CRLF line ends (one after every record); records[0] is the header. */
export function stringifyCsv(records: readonly (readonly CellOut[])[], delimiter = ','): string {
  let out = '';
  for (const record of records) out += recordText(record, record.length, delimiter);
  return out;
}

// A province's problems.csv is 75 MB: made as one string, it was a rope of millions of pieces that Buffer.from
// then had to flatten whole. Encoded a quarter of a megabyte at a time instead, the pieces stay small.
const CHUNK = 1 << 18;

export function renderCsv(columns: readonly ColumnSpec[], rows: readonly (readonly CellOut[])[]): Buffer {
  const parts: Buffer[] = [];
  let out = BOM + recordText(columns.map((c) => c.key), columns.length, ',');
  for (const row of rows) {
    out += recordText(row, columns.length, ',');
    if (out.length >= CHUNK) {
      parts.push(Buffer.from(out, 'utf8'));
      out = '';
    }
  }
  parts.push(Buffer.from(out, 'utf8'));
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

function cellText(value: CellOut): string {
  const guarded = guardCell(value);
  if (guarded === null) return '';
  return typeof guarded === 'number' ? String(guarded) : guarded;
}
