// An Excel 97-2003 (.xls, BIFF5/BIFF8) or OpenDocument (.ods) workbook → one RawSheet per worksheet that holds
// anything, as xlsx.ts makes them: values as the program shows them (formulas give their cached result, real dates
// the calendar day shown), merged ranges filled with their top-left value, hidden rows flagged, and text typed in
// a legacy font decoded by the font the file records (cells' fonts of .xls; cell styles of .ods), else by its
// characters. SheetJS (@e965/xlsx, the maintained 0.20 line) reads the values; biff-styles.ts and ods-styles.ts the
// fonts and row facts it leaves out.

import * as XLSX from '@e965/xlsx';
import { fillMerges, noSheetWithValues } from './workbook-parts.js';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { AsxhError, quote } from '../errors.js';
import type { CellValue, MergeRange, RawRow, RawSheet, SkippedSheet } from '../types.js';
import { biffStyles, type BiffSheetStyles } from './biff-styles.js';
import { decodeLegacyGrid, type GridCell } from './legacy-grid.js';
import { odsStyles, type OdsSheetStyles } from './ods-styles.js';
import type { WorkbookRead } from './xlsx.js';
import { checkSheetArea, DEFAULT_MAX_CELLS } from './sheet-limits.js';

XLSX.set_cptable(cptable);

const DAY = 86_400_000;
/** Serial 25569 is 1 Jan 1970 in the 1900 system; the 1904 system counts 1462 days fewer. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;
const ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA',
};

type Format = 'xls' | 'ods';

/** SheetJS's doubt about conditional number formats ("[>0]…") of LibreOffice's styles: no value depends on it. */
const IGNORED_NOTE = /^ODS number format may be incorrect/;

interface CellStyle {
  readonly font: string | null;
  readonly struck: boolean;
}

interface SheetFacts {
  fontOf(row: number, col: number): CellStyle | null;
  hidden(row: number): boolean;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const label = (format: Format): string => (format === 'xls' ? 'Excel 97-2003 workbook (.xls)' : 'OpenDocument spreadsheet (.ods)');
const labelVi = (format: Format): string => (format === 'xls' ? 'bảng tính Excel 97-2003 (.xls)' : 'bảng tính OpenDocument (.ods)');

function refuse(error: unknown, name: string, format: Format): AsxhError {
  const message = messageOf(error);
  // SheetJS says "File is password-protected" of an .xls with a FILEPASS record, "Unsupported ODS Encryption" of an
  // .ods whose manifest encrypts its parts; "ZIP encryption" of a damaged .xls is only its last guess at the bytes.
  if (format === 'xls' ? /password-protected/i.test(message) : /password|encrypt/i.test(message)) {
    return new AsxhError(
      'input_encrypted',
      {
        vi: `Không đọc được tệp ${quote(name)}: ${labelVi(format)} được đặt mật khẩu nên nội dung đã bị mã hóa.`,
        en: `Cannot read ${quote(name)}: the ${label(format)} is protected with a password, so its contents are encrypted.`,
      },
      format === 'xls'
        ? {
            vi: 'Mở tệp bằng Excel, bỏ mật khẩu (File › Info › Protect Workbook › Encrypt with Password, xóa trống ô), lưu lại rồi chạy lại.',
            en: 'Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear the box), save it and run again.',
          }
        : {
            vi: 'Mở tệp bằng LibreOffice Calc, lưu lại với ô "Save with password" bỏ chọn, rồi chạy lại.',
            en: 'Open it in LibreOffice Calc, save it again with "Save with password" unticked, and run again.',
          },
    );
  }
  return new AsxhError(
    'input_corrupt',
    {
      vi: `Không đọc được tệp ${quote(name)}: ${labelVi(format)} bị hỏng hoặc không trọn vẹn (${quote(message)}).`,
      en: `Cannot read ${quote(name)}: the ${label(format)} is damaged or incomplete (${quote(message)}).`,
    },
    {
      vi: 'Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại; nếu không, xin gửi lại tệp.',
      en: 'Open it in Excel or LibreOffice; if it opens, save it again; if not, ask for the file again.',
    },
  );
}

/** SheetJS reports some doubts on the console: keep them off the user's terminal, as the reader's warnings. */
function quietly<T>(run: () => T, warnings: string[]): T {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const note = (...args: unknown[]): void => void warnings.push(args.map(String).join(' '));
  console.error = note;
  console.warn = note;
  console.log = note;
  try {
    return run();
  } finally {
    Object.assign(console, saved);
  }
}

export function readSheetjs(bytes: Uint8Array, name: string, format: Format, maxCells = DEFAULT_MAX_CELLS): WorkbookRead {
  const readerNotes: string[] = [];
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(
      () =>
        XLSX.read(bytes, {
          type: 'buffer',
          cellStyles: true,
          cellNF: true,
          cellDates: false,
          cellFormula: false,
          cellHTML: false,
          cellText: false,
          dense: true,
        }),
      readerNotes,
    );
  } catch (error) {
    throw refuse(error, name, format);
  }
  if (workbook.SheetNames.length === 0) {
    throw new AsxhError(
      'input_corrupt',
      {
        vi: `Không đọc được tệp ${quote(name)}: ${labelVi(format)} bị hỏng: không tìm thấy trang tính nào.`,
        en: `Cannot read ${quote(name)}: the ${label(format)} is damaged: it holds no worksheet the reader can find.`,
      },
      {
        vi: 'Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại; nếu không, xin gửi lại tệp.',
        en: 'Open it in Excel or LibreOffice; if it opens, save it again; if not, ask for the file again.',
      },
    );
  }
  const facts = quietly(() => sheetFacts(bytes, format), readerNotes);
  const date1904 = format === 'xls' && workbook.Workbook?.WBProps?.date1904 === true;
  const sheets: RawSheet[] = [];
  const skippedSheets: SkippedSheet[] = [];
  workbook.SheetNames.forEach((sheetName, i) => {
    const worksheet = workbook.Sheets[sheetName];
    const found = facts.find((f) => f.name === sheetName) ?? facts[i] ?? null;
    const hiddenState = workbook.Workbook?.Sheets?.[i]?.Hidden ?? 0;
    const sheet = worksheet ? readWorksheet(worksheet, sheetName, name, format, date1904, found, maxCells) : null;
    if (sheet === null) {
      skippedSheets.push({ file: name, sheet: sheetName, reason: 'empty sheet' });
      return;
    }
    const warnings = [...sheet.warnings];
    if (hiddenState !== 0) warnings.push(`the sheet is ${hiddenState === 2 ? 'veryHidden' : 'hidden'} in ${format === 'xls' ? 'Excel' : 'LibreOffice'}`);
    if (i === 0) warnings.push(...new Set(readerNotes.filter((n) => !IGNORED_NOTE.test(n)).map((n) => `reader: ${n}`)));
    sheets.push({ ...sheet, warnings });
  });
  if (sheets.length === 0) throw noSheetWithValues(name);
  return { sheets, skippedSheets };
}

type NamedFacts = SheetFacts & { readonly name: string };

/** Fonts and hidden rows of every sheet; an empty list when the file's parts cannot be read for them. */
function sheetFacts(bytes: Uint8Array, format: Format): NamedFacts[] {
  try {
    const container = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
    const content = (path: string): Uint8Array | null => {
      const entry = XLSX.CFB.find(container, path);
      const data = entry?.content as Uint8Array | number[] | undefined;
      return data ? Uint8Array.from(data) : null;
    };
    if (format === 'xls') {
      const stream = content('Workbook') ?? content('Book');
      if (stream === null) return [];
      return biffStyles(stream).map((s: BiffSheetStyles) => ({
        name: s.name,
        fontOf: (r, c) => {
          const font = s.fontOf(r, c);
          return font ? { font: font.name, struck: font.struck } : null;
        },
        // SheetJS reads the ROW records: hidden rows are asked of the worksheet.
        hidden: () => false,
      }));
    }
    const text = (path: string): string => {
      const data = content(path);
      return data === null ? '' : Buffer.from(data).toString('utf8');
    };
    return odsStyles(text('content.xml'), text('styles.xml')).map((s: OdsSheetStyles) => ({
      name: s.name,
      fontOf: (r, c) => {
        const font = s.fontOf(r, c);
        return font ? { font: font.name, struck: font.struck } : null;
      },
      hidden: (r) => s.hidden(r),
    }));
  } catch {
    return [];
  }
}

function readWorksheet(
  worksheet: XLSX.WorkSheet,
  sheetName: string,
  name: string,
  format: Format,
  date1904: boolean,
  facts: SheetFacts | null,
  maxCells: number,
): RawSheet | null {
  const data = (worksheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const fonts = new Set<string>();
  const found = new Map<number, Map<number, GridCell>>();
  let lastRow = 0;
  let lastCol = 0;
  data.forEach((cells, r) => {
    if (!cells) return;
    cells.forEach((cell, c) => {
      if (!cell) return;
      const value = cellValue(cell, date1904);
      if (value === null || value === '') return;
      const style = facts?.fontOf(r, c) ?? null;
      const numFmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
      const grid: { -readonly [K in keyof GridCell]: GridCell[K] } = { value, font: style?.font ?? null };
      if (numFmt !== undefined) grid.numFmt = numFmt;
      if (style?.struck) grid.struck = true;
      const row = found.get(r + 1) ?? new Map<number, GridCell>();
      row.set(c + 1, grid);
      found.set(r + 1, row);
      lastRow = Math.max(lastRow, r + 1);
      lastCol = Math.max(lastCol, c + 1);
      if (style?.font) fonts.add(style.font);
    });
  });
  if (lastRow === 0) return null;
  checkSheetArea(name, sheetName, lastRow, lastCol, maxCells);

  const grid: GridCell[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const cells = found.get(r);
    grid.push(Array.from({ length: lastCol }, (_, c) => cells?.get(c + 1) ?? { value: null }));
  }
  const { rows, legacy } = decodeLegacyGrid(grid);

  const merges: MergeRange[] = (worksheet['!merges'] ?? [])
    .map((m) => ({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  fillMerges(rows, merges, lastRow, lastCol);

  const rowInfo = worksheet['!rows'] ?? [];
  const isHidden = (i: number): boolean => rowInfo[i]?.hidden === true || (facts?.hidden(i) ?? false);
  return {
    file: name,
    sheet: sheetName,
    format,
    date1904,
    fonts: [...fonts].sort(),
    legacy,
    rows: rows.map((cells, i): RawRow => (isHidden(i) ? { row: i + 1, cells, hidden: true } : { row: i + 1, cells })),
    merges,
    warnings: [],
  };
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? null : String(cell.v);
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return typeof cell.v === 'number' ? (ERRORS[cell.v] ?? '#ERROR!') : String(cell.w ?? '#ERROR!');
    case 'd':
      return cell.v instanceof Date ? shownDay(cell.v) : null;
    case 'n': {
      const n = cell.v as number;
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z) && Number.isFinite(n)) return serialDay(n, date1904);
      return n;
    }
    default:
      return null;
  }
}

/** UTC midnight of the calendar day an Excel serial shows (the 1900 system counts a 29 Feb 1900 that never was). */
function serialDay(serial: number, date1904: boolean): Date {
  let days = Math.floor(serial);
  if (!date1904 && days < 61) days += 1;
  return new Date((days - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY);
}

function shownDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY) * DAY);
}
