// An .xlsx workbook → one RawSheet per worksheet that holds anything. Values are what Excel shows the cell to
// hold: formulas give their cached result, rich text is joined, real dates become the calendar day shown.

import ExcelJS from 'exceljs';
import { fillMerges, noSheetWithValues } from './workbook-parts.js';
import { AsxhError, quote } from '../errors.js';
import type { CellValue, MergeRange, RawSheet, SkippedSheet } from '../types.js';
import { decodeLegacyGrid, type GridCell, type TextRun } from './legacy-grid.js';
import { missingParts } from './missing-parts.js';
import { checkSheetArea, checkXlsxMerges, DEFAULT_MAX_CELLS } from './sheet-limits.js';

export interface WorkbookRead {
  readonly sheets: RawSheet[];
  readonly skippedSheets: SkippedSheet[];
}

const DAY = 86_400_000;
// Excel's 1900 system counts a 29 Feb 1900 that never was: exceljs's dates before it are one day early.
const FAKE_LEAP_DAY = Date.UTC(1900, 1, 28);
const NO_RESULT = 'formula has no saved result; open and save the file in Excel to keep its value';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function readXlsx(bytes: Uint8Array, name: string, maxCells = DEFAULT_MAX_CELLS): Promise<WorkbookRead> {
  checkXlsxMerges(bytes, name, maxCells);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AsxhError(
      'input_corrupt',
      {
        vi: `Không đọc được tệp ${quote(name)}: bảng tính bị hỏng hoặc không trọn vẹn (${quote(messageOf(error))}).`,
        en: `Cannot read ${quote(name)}: the workbook is damaged or incomplete (${quote(messageOf(error))}).`,
      },
      {
        vi: 'Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại dạng .xlsx; nếu không, xin gửi lại tệp.',
        en: 'Open it in Excel or LibreOffice; if it opens, save it again as .xlsx; if not, ask for the file again.',
      },
    );
  }
  if (workbook.worksheets.length === 0 && !Buffer.from(bytes).includes('xl/workbook')) {
    throw new AsxhError(
      'input_unsupported',
      {
        vi: `Không đọc được tệp ${quote(name)}: đây là tệp ZIP nhưng không phải bảng tính Excel (không có xl/workbook.xml bên trong).`,
        en: `Cannot read ${quote(name)}: it is a ZIP file but not an Excel workbook (no xl/workbook.xml inside).`,
      },
      {
        vi: 'Đưa bảng tính .xlsx hoặc tệp CSV; không đọc được văn bản Word hay thư mục nén.',
        en: 'Give an .xlsx workbook or a CSV file; a Word document or a zipped folder cannot be read.',
      },
    );
  }
  const missing = missingParts(bytes, workbook.worksheets.map((sheet) => sheet.name));
  if (missing.length > 0) {
    throw new AsxhError(
      'input_corrupt',
      {
        vi: `Không đọc được tệp ${quote(name)}: bảng tính bị hỏng: mục lục ghi ${missing.join(', ')} nhưng tệp không chứa, nên sẽ mất dòng.`,
        en: `Cannot read ${quote(name)}: the workbook is damaged: it lists ${missing.join(', ')} but the file does not hold ${missing.length === 1 ? 'it' : 'them'}, so rows would be lost.`,
      },
      {
        vi: 'Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại dạng .xlsx; nếu không, xin gửi lại tệp.',
        en: 'Open it in Excel or LibreOffice; if it opens, save it again as .xlsx; if not, ask for the file again.',
      },
    );
  }
  const date1904 = workbook.properties?.date1904 === true;
  const sheets: RawSheet[] = [];
  const skippedSheets: SkippedSheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const sheet = readWorksheet(worksheet, name, date1904, maxCells);
    if (sheet === null) skippedSheets.push({ file: name, sheet: worksheet.name, reason: 'empty sheet' });
    else sheets.push(sheet);
  }
  if (sheets.length === 0) throw noSheetWithValues(name);
  return { sheets, skippedSheets };
}

interface Drafted {
  readonly cell: GridCell;
  readonly warning?: string;
}

function readWorksheet(worksheet: ExcelJS.Worksheet, name: string, date1904: boolean, maxCells: number): RawSheet | null {
  const warnings: string[] = [];
  const fonts = new Set<string>();
  const found = new Map<number, Map<number, GridCell>>();
  // Officers strike a person out, or hide or filter the row, rather than delete it: both are kept to be told.
  const struck: [number, number][] = [];
  const hidden = new Set<number>();
  let lastRow = 0;
  let lastCol = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const drafted = draftCell(cell, date1904);
      if (drafted.warning) warnings.push(`${cell.address}: ${drafted.warning}`);
      if (drafted.cell.value === null || drafted.cell.value === '') return;
      if (isStruck(cell)) struck.push([r, c]);
      if (row.hidden) hidden.add(r);
      const cells = found.get(r) ?? new Map<number, GridCell>();
      cells.set(c, drafted.cell);
      found.set(r, cells);
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
      const runFonts = drafted.cell.runs?.map((run) => run.font) ?? [drafted.cell.font];
      for (const font of runFonts) if (font) fonts.add(font);
    });
  });
  if (lastRow === 0) return null;
  checkSheetArea(name, worksheet.name, lastRow, lastCol, maxCells);
  if (worksheet.state !== 'visible') warnings.push(`the sheet is ${worksheet.state} in Excel`);

  const grid: GridCell[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const cells = found.get(r);
    grid.push(Array.from({ length: lastCol }, (_, c) => cells?.get(c + 1) ?? { value: null }));
  }
  const { rows, legacy } = decodeLegacyGrid(grid);
  for (const [r, c] of struck) rows[r - 1]![c - 1] = { ...rows[r - 1]![c - 1]!, struck: true };

  const merges = mergeRanges(worksheet);
  fillMerges(rows, merges, lastRow, lastCol);

  return {
    file: name,
    sheet: worksheet.name,
    format: 'xlsx',
    date1904,
    fonts: [...fonts].sort(),
    legacy,
    rows: rows.map((cells, i) => (hidden.has(i + 1) ? { row: i + 1, cells, hidden: true } : { row: i + 1, cells })),
    merges,
    warnings,
  };
}

function mergeRanges(worksheet: ExcelJS.Worksheet): MergeRange[] {
  // exceljs keeps merges in a private map of ranges; its public model rebuilds every row to list them.
  const internal = (worksheet as unknown as { _merges?: Record<string, { model: MergeRange }> })._merges;
  const ranges = internal ? Object.values(internal).map((range) => range.model) : [];
  return ranges
    .map(({ top, left, bottom, right }) => ({ top, left, bottom, right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

function draftCell(cell: ExcelJS.Cell, date1904: boolean): Drafted {
  const font = cell.font?.name ?? null;
  const numFmt = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  const make = (value: CellValue, runs?: readonly TextRun[]): GridCell => {
    const draft: { -readonly [K in keyof GridCell]: GridCell[K] } = { value, font };
    if (numFmt !== undefined) draft.numFmt = numFmt;
    if (runs !== undefined) draft.runs = runs;
    return draft;
  };
  const v = cell.value as unknown;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { cell: { value: null } };
    case ExcelJS.ValueType.Number:
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.Boolean:
      return { cell: make(v as CellValue) };
    case ExcelJS.ValueType.Date:
      return { cell: make(shownDay(v as Date, date1904)) };
    case ExcelJS.ValueType.RichText: {
      const runs = richRuns(v, font);
      return { cell: make(runs.map((run) => run.text).join(''), runs) };
    }
    case ExcelJS.ValueType.Hyperlink: {
      const text = (v as { text?: unknown }).text;
      if (text !== null && typeof text === 'object' && 'richText' in text) {
        const runs = richRuns(text, font);
        return { cell: make(runs.map((run) => run.text).join(''), runs) };
      }
      return { cell: make(text === undefined || text === null ? null : String(text)) };
    }
    case ExcelJS.ValueType.Error:
      return { cell: make((v as { error: string }).error) };
    case ExcelJS.ValueType.Formula: {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) {
        return { cell: { value: null }, warning: NO_RESULT };
      }
      if (result instanceof Date) return { cell: make(shownDay(result, date1904)) };
      if (typeof result === 'object' && 'error' in result) {
        return { cell: make(String((result as { error: unknown }).error)) };
      }
      if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean') {
        return { cell: make(result) };
      }
      return { cell: make(String(result)) };
    }
    default:
      return { cell: make(v === undefined || v === null ? null : String(v)) };
  }
}

/** The cell's font, or every non-blank run of its rich text, is struck through. */
function isStruck(cell: ExcelJS.Cell): boolean {
  const runs = (cell.value as { richText?: { text?: string; font?: { strike?: boolean } }[] } | null)?.richText;
  if (Array.isArray(runs)) {
    const shown = runs.filter((run) => (run.text ?? '').trim() !== '');
    if (shown.length > 0 && shown.every((run) => run.font?.strike === true)) return true;
  }
  return cell.font?.strike === true;
}

function richRuns(value: unknown, cellFont: string | null): TextRun[] {
  const runs = (value as { richText?: { text?: string; font?: { name?: string } }[] }).richText ?? [];
  return runs.map((run) => ({ text: run.text ?? '', font: run.font?.name ?? cellFont }));
}

/** UTC midnight of the calendar day Excel shows; exceljs has already applied the workbook's date system. */
function shownDay(date: Date, date1904: boolean): Date {
  let ms = Math.floor(date.getTime() / DAY) * DAY;
  if (!date1904 && ms < FAKE_LEAP_DAY) ms += DAY;
  return new Date(ms);
}
