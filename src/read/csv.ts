// A CSV/TXT file → one RawSheet. Every value is a string (empty → null) in NFC; row numbers are record numbers,
// so a quoted field spanning lines is one row, as in Excel.
// Bytes that are not UTF-8 are parsed as Latin-1 first (delimiters and quotes are ASCII in every encoding we
// meet), then each column is decoded on its own: TCVN3 or VNI where its characters say so, Windows-1258 otherwise.

import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { checkSheetArea, DEFAULT_MAX_CELLS } from './sheet-limits.js';
import { AsxhError, quote, type Said } from '../errors.js';
import type { LegacyEncoding, RawSheet } from '../types.js';
import { detectDelimiter } from './delimiter.js';
import { detectEncoding } from './encoding.js';
import { decodeLegacyGrid, type GridCell, type GridOptions } from './legacy-grid.js';
import type { ReadOptions } from './read-input.js';

const LEGACY_NAMES: Readonly<Record<string, LegacyEncoding>> = {
  tcvn3: 'tcvn3',
  abc: 'tcvn3',
  vni: 'vni',
  viqr: 'viqr',
};

/** A name --encoding may give: a legacy font encoding (tcvn3, vni) or a code page iconv-lite knows. */
export function isKnownEncoding(name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return LEGACY_NAMES[wanted.replace(/[-_ ]/g, '')] !== undefined || iconv.encodingExists(wanted);
}
const RIGHT_FILE: Said = { vi: 'Kiểm tra đã chọn đúng tệp.', en: 'Check that you chose the right file.' };
const UNICODE_NAMES = /^(utf-?8|utf-?16(le|be)?|ucs-?2)$/i;

interface Decoded {
  readonly text: string;
  readonly label: string;
  readonly grid: GridOptions;
  readonly warnings: string[];
}

export function readCsv(bytes: Uint8Array, name: string, options: ReadOptions): RawSheet {
  const decoded = decode(bytes, name, options.encoding ?? null);
  if (decoded.text.trim() === '') {
    throw new AsxhError('input_empty', { vi: `Không đọc được tệp ${quote(name)}: tệp không có chữ nào.`, en: `Cannot read ${quote(name)}: the file holds no text.` }, RIGHT_FILE);
  }
  const delimiter = detectDelimiter(decoded.text);
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    throw new AsxhError(
      'input_corrupt',
      {
        vi: `Không đọc được tệp ${quote(name)} dạng CSV: ${quote(error instanceof Error ? error.message : String(error))}.`,
        en: `Cannot read ${quote(name)} as CSV: ${quote(error instanceof Error ? error.message : String(error))}.`,
      },
      {
        vi: 'Mở tệp bằng Excel hoặc LibreOffice, kiểm tra dấu ngoặc kép gần dòng được nêu, rồi lưu lại dạng CSV hoặc .xlsx.',
        en: 'Open the file in Excel or LibreOffice, check the quotes near the reported line, and save it again as CSV or .xlsx.',
      },
    );
  }
  let last = records.length;
  while (last > 0 && records[last - 1]!.every((field) => field === '')) last--;
  if (last === 0) {
    throw new AsxhError('input_empty', { vi: `Không đọc được tệp ${quote(name)}: tệp không có dữ liệu.`, en: `Cannot read ${quote(name)}: the file has no values.` }, RIGHT_FILE);
  }
  const kept = records.slice(0, last);
  // A loop, not Math.max(...): spreading hundreds of thousands of records overflows the call stack.
  let width = 0;
  for (const record of kept) width = Math.max(width, record.length);
  checkSheetArea(name, null, kept.length, width, options.maxCells ?? DEFAULT_MAX_CELLS);
  const grid: GridCell[][] = kept.map((record) =>
    Array.from({ length: width }, (_, c): GridCell => ({ value: record[c] ? record[c]! : null })),
  );
  const { rows, legacy } = decodeLegacyGrid(grid, { ...decoded.grid, oneStream: true });
  return {
    file: name,
    sheet: '',
    format: 'csv',
    encoding: decoded.label,
    delimiter,
    date1904: false,
    fonts: [],
    legacy,
    rows: rows.map((cells, i) => ({ row: i + 1, cells })),
    merges: [],
    warnings: decoded.warnings,
  };
}

function decode(bytes: Uint8Array, name: string, forced: string | null): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (forced !== null && forced.trim() !== '') {
    const wanted = forced.trim().toLowerCase();
    const legacy = LEGACY_NAMES[wanted.replace(/[-_ ]/g, '')];
    const note = `encoding forced to ${quote(forced)}`;
    if (legacy !== undefined) {
      return { text: buffer.toString('latin1'), label: legacy, grid: { forced: legacy }, warnings: [note] };
    }
    if (!iconv.encodingExists(wanted)) {
      throw new AsxhError(
        'input_encoding',
        {
          vi: `Không đọc được tệp ${quote(name)} theo bảng mã ${quote(forced)}: asxh không biết bảng mã này.`,
          en: `Cannot read ${quote(name)} with the encoding ${quote(forced)}: it is not an encoding asxh knows.`,
        },
        {
          vi: 'Dùng một trong utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, hoặc bỏ --encoding để tự nhận bảng mã.',
          en: 'Use one of utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni, or leave the encoding out to detect it.',
        },
      );
    }
    // A code page was named: take it as said. Legacy look-alikes are still looked for in Unicode text.
    const grid: GridOptions = UNICODE_NAMES.test(wanted) ? {} : { detect: false };
    return { text: iconv.decode(buffer, wanted), label: wanted, grid, warnings: [note] };
  }
  const guess = detectEncoding(bytes);
  const warnings =
    guess.confidence === 'low'
      ? [`encoding guessed as Windows-1258 (${guess.reason}); if letters look wrong, name the encoding`]
      : [];
  switch (guess.encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      return { text: new TextDecoder('utf-8').decode(bytes), label: guess.encoding, grid: {}, warnings };
    case 'utf-16le':
    case 'utf-16be':
      return { text: iconv.decode(buffer, guess.encoding), label: guess.encoding, grid: {}, warnings };
    case 'windows-1258': {
      const mixed = decodeMixedLines(bytes);
      if (mixed !== null) return mixed;
      return {
        text: buffer.toString('latin1'),
        label: 'windows-1258',
        grid: { plain: (s) => iconv.decode(Buffer.from(s, 'latin1'), 'windows1258') },
        warnings,
      };
    }
  }
}

/** The file-level problem code of a CSV whose lines are not all in one encoding (problem-codes.ts). */
export const ENCODING_MIXED = 'encoding_mixed';

/**
 * Two exports pasted together: some lines valid UTF-8 (with letters outside ASCII), others not. Each line is then
 * decoded on its own, UTF-8 where it is valid UTF-8, else the legacy code page (Windows-1258), and the file gets
 * the problem `encoding_mixed`. Null when the lines agree (the file is read in one encoding, as before).
 */
function decodeMixedLines(bytes: Uint8Array): Decoded | null {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lines: { start: number; end: number; utf8: boolean | null }[] = [];
  let utf8Lines = 0;
  let legacyLines = 0;
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    let high = false;
    for (let i = start; i < end; i++) {
      if (bytes[i]! >= 0x80) {
        high = true;
        break;
      }
    }
    let utf8: boolean | null = null;
    if (high) {
      try {
        strict.decode(bytes.subarray(start, end));
        utf8 = true;
        utf8Lines++;
      } catch {
        utf8 = false;
        legacyLines++;
      }
    }
    lines.push({ start, end, utf8 });
    start = end;
  }
  if (utf8Lines === 0 || legacyLines === 0) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = lines
    .map((l) => (l.utf8 === false ? iconv.decode(buffer.subarray(l.start, l.end), 'windows1258').normalize('NFC') : buffer.toString('utf8', l.start, l.end)))
    .join('');
  return {
    text,
    label: 'mixed (utf-8 + windows-1258)',
    grid: {},
    warnings: [
      `${ENCODING_MIXED}: the lines are not all in one encoding (${utf8Lines} UTF-8, ${legacyLines} Windows-1258, two exports pasted together?); each line was decoded on its own`,
    ],
  };
}
