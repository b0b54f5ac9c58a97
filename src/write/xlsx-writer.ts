// XLSX for people: bold Vietnamese headers, the header row frozen, IDs and accounts stored as text (numFmt '@'
// and a string value, so opening and saving in Excel cannot turn 038190001234 into 3.8019E+10 again), amounts
// with thousands separators, doubtful cells filled light yellow. The same sheets and date give the same bytes.
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { quote } from '../errors.js';
import { guardCell } from './formula-guard.js';
import type { CellOut, ColumnSpec, SheetSpec } from './output-spec.js';
import { setZipTimestamps } from './zip-timestamps.js';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

// One style object per look, shared by every cell that has it: exceljs works out a cell's style id by writing
// its style out as XML, unless it has met that very object before (about 40 % of writing a 10k-row run went on
// it when every cell had a style object of its own). Never changed once made: a change would restyle every
// cell sharing it.
const STYLE = {
  plain: {},
  plainLit: { fill: HIGHLIGHT },
  text: { numFmt: '@' },
  textLit: { numFmt: '@', fill: HIGHLIGHT },
  integer: { numFmt: '#,##0' },
  integerLit: { numFmt: '#,##0', fill: HIGHLIGHT },
  date: { numFmt: 'dd/mm/yyyy' },
  bold: { font: { bold: true } },
  centredBold: { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } },
  header: { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true } },
  headerBoxed: { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BOX },
} satisfies Record<string, Partial<ExcelJS.Style>>;

const FOOTER_STYLES = new Map<string, Partial<ExcelJS.Style>>();

function footerStyle(integer: boolean, bold: boolean, italic: boolean, boxed: boolean): Partial<ExcelJS.Style> {
  const key = `${integer}/${bold}/${italic}/${boxed}`;
  let style = FOOTER_STYLES.get(key);
  if (style === undefined) {
    style = {
      ...(integer ? { numFmt: '#,##0' } : {}),
      ...(bold || italic ? { font: { bold, italic } } : {}),
      ...(boxed ? { border: BOX, alignment: { vertical: 'middle' } } : {}),
    };
    FOOTER_STYLES.set(key, style);
  }
  return style;
}
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

// Workbooks are written with exceljs's streaming writer, which keeps only the row being written (a 200,000-row
// report in 230 MB instead of 1.8 GB) and is about twice as fast as building the workbook in memory. It writes
// everything asked of it here, the header repeated on printed pages (print titles) included.
export interface RenderXlsxOptions {
  readonly created: Date;
}

export async function renderXlsx(sheets: readonly SheetSpec[], options: RenderXlsxOptions): Promise<Buffer> {
  checkSheetNames(sheets);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(sink);
  // Strings inline: no shared-string table to grow with the rows.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  stamp(workbook, options.created);
  for (const spec of sheets) streamSheet(workbook, spec);
  await workbook.commit();
  await done;
  return setZipTimestamps(Buffer.concat(chunks), options.created);
}

/** exceljs stamps "now" into docProps/core.xml unless told otherwise: the run date, for the same bytes every run. */
function stamp(workbook: Pick<ExcelJS.stream.xlsx.WorkbookWriter, 'creator' | 'lastModifiedBy' | 'created' | 'modified' | 'lastPrinted'>, created: Date): void {
  workbook.creator = 'asxh';
  workbook.lastModifiedBy = 'asxh';
  workbook.created = created;
  workbook.modified = created;
  workbook.lastPrinted = created;
}

// Every sheet prints on A4 (paperSize 9 in the OOXML numbering), one page wide and as many tall as needed
// (fitToHeight 0), the title and header rows repeated on every page, with a wide left margin for a binder and
// the commune, the period and "Trang x/y" in the page header and footer.
const A4 = 9;
/** Inches. 2.5 cm on the left for the binder's holes, 1 cm on the right. */
const MARGINS = { left: 0.98, right: 0.39, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Above this many characters of column widths, a portrait A4 page would print the text too small: landscape. */
const PORTRAIT_MAX_WIDTH = 100;

/** The text of a page header or footer section: '&' is the code character there. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export function pageSetupOf(spec: SheetSpec, headerRow: number, widths: readonly number[]): Partial<ExcelJS.PageSetup> {
  const print = spec.print ?? {};
  const wide = widths.reduce((s, w) => s + w, 0) > PORTRAIT_MAX_WIDTH;
  return {
    paperSize: A4,
    orientation: print.orientation ?? (wide ? 'landscape' : 'portrait'),
    margins: MARGINS,
    ...(print.fitToWidth ?? true ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(print.repeatHeader ?? true ? { printTitlesRow: `1:${headerRow}` } : {}),
  };
}

function headerFooterOf(spec: SheetSpec): Partial<ExcelJS.HeaderFooter> {
  const { commune, period } = spec.print ?? {};
  const left = commune ? `&L${headerText(commune)}` : '';
  const right = period ? `&R${headerText(period)}` : '';
  return {
    ...(left || right ? { oddHeader: `${left}${right}` } : {}),
    oddFooter: '&L&A&CTrang &P/&N',
  };
}

// Bordered and wrapping looks, made once each for the same reason as STYLE.
const LOOKS = new Map<string, Partial<ExcelJS.Style>>();

function look(base: Partial<ExcelJS.Style>, name: string, boxed: boolean, wrap: boolean): Partial<ExcelJS.Style> {
  if (!boxed && !wrap) return base;
  const key = `${name}/${boxed}/${wrap}`;
  let style = LOOKS.get(key);
  if (style === undefined) {
    style = {
      ...base,
      ...(boxed ? { border: BOX } : {}),
      alignment: { ...(base.alignment ?? {}), vertical: 'middle', ...(wrap ? { wrapText: true } : {}) },
    };
    LOOKS.set(key, style);
  }
  return style;
}

// The bold copy of a look (page total rows), made once per look.
const BOLD = new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();

function bolded(style: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  let bold = BOLD.get(style);
  if (bold === undefined) {
    bold = { ...style, font: { ...(style.font ?? {}), bold: true } };
    BOLD.set(style, bold);
  }
  return bold;
}

function cellStyle(column: ColumnSpec, value: CellOut, lit: boolean, boxed: boolean): Partial<ExcelJS.Style> {
  const wrap = Boolean(column.wrap);
  if (column.text) return lit ? look(STYLE.textLit, 'textLit', boxed, wrap) : look(STYLE.text, 'text', boxed, wrap);
  if (column.kind === 'date' && !lit) return look(STYLE.date, 'date', boxed, wrap);
  const integer = typeof value === 'number' && column.kind === 'integer';
  if (integer) return lit ? look(STYLE.integerLit, 'integerLit', boxed, wrap) : look(STYLE.integer, 'integer', boxed, wrap);
  return lit ? look(STYLE.plainLit, 'plainLit', boxed, wrap) : look(STYLE.plain, 'plain', boxed, wrap);
}

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function streamSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): void {
  const titles = spec.titleRows ?? [];
  const headerRow = titles.length + 1;
  const widths = spec.columns.map((column, c) => column.width ?? fittedWidth(column, spec.rows, c));
  const views: Partial<ExcelJS.WorksheetView>[] = spec.freezeHeader ?? true ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] : [];
  const ws = workbook.addWorksheet(spec.name, { views, pageSetup: pageSetupOf(spec, headerRow, widths), headerFooter: headerFooterOf(spec) });
  ws.columns = widths.map((width) => ({ width }));
  const boxed = spec.signing !== undefined;
  const lastColumn = columnLetter(Math.max(1, spec.columns.length));

  titles.forEach((title, t) => {
    const row = ws.addRow([guardCell(title)]);
    // On a list to sign, the lines under the issuer are centred over the table, as official lists are.
    if (boxed && t > 0 && spec.columns.length > 1) {
      row.getCell(1).style = STYLE.centredBold;
      ws.mergeCells(`A${t + 1}:${lastColumn}${t + 1}`);
    } else row.getCell(1).style = STYLE.bold;
    row.commit();
  });
  const header = ws.addRow(spec.columns.map((column) => guardCell(column.header)));
  spec.columns.forEach((_column, c) => {
    header.getCell(c + 1).style = boxed ? STYLE.headerBoxed : STYLE.header;
  });
  if (spec.paging) header.height = spec.paging.headerHeight;
  header.commit();

  const width = spec.columns.length;
  const highlighted = new Set(
    (spec.highlight ?? []).filter(({ row, col }) => row >= 0 && row < spec.rows.length && col >= 0 && col < width).map(({ row, col }) => row * width + col),
  );
  const pageEnds = new Set(spec.paging?.breaks ?? []);
  const pageTotals = new Set(spec.paging?.totals ?? []);
  spec.rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    const height = spec.paging?.rowHeights[r] ?? spec.signing?.rowHeight;
    if (height) row.height = height;
    spec.columns.forEach((column, c) => {
      const value = values[c] ?? null;
      const lit = highlighted.has(r * width + c);
      // Empty text cells get '@' too, so a value typed in later is kept as text; on a list to sign every cell
      // is drawn, the empty signature cell most of all.
      if (value === null && !column.text && column.kind !== 'date' && !lit && !boxed) return;
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = guardCell(column.text ? String(value) : value);
      const style = cellStyle(column, value, lit, boxed);
      cell.style = pageTotals.has(r) ? bolded(style) : style;
    });
    // Across every column (max 16383, as Excel writes it; exceljs's default is 16838).
    if (pageEnds.has(r)) row.addPageBreak(1, 16384);
    // A page total's label is merged over the empty cells beside it, so it reads on one line.
    const span = spec.paging?.labelSpan;
    if (span && pageTotals.has(r) && span[1] > span[0]) {
      ws.mergeCells(`${columnLetter(span[0] + 1)}${row.number}:${columnLetter(span[1] + 1)}${row.number}`);
    }
    row.commit();
  });

  if (spec.rows.length > 0) {
    spec.columns.forEach((column, c) => {
      if (!column.choices || column.choices.length === 0) return;
      const letter = columnLetter(c + 1);
      // The streaming writer keeps data validations as the in-memory one does; its typings leave them out.
      (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}${headerRow + 1}:${letter}${headerRow + spec.rows.length}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${column.choices.join(',')}"`],
        showInputMessage: true,
        prompt: column.choices.join(' / '),
        showErrorMessage: true,
        errorStyle: 'stop',
        error: `Chọn một trong: ${column.choices.join(' / ')}`,
      });
    });
  }

  // A boxed first footer row (the total) closes the table; otherwise the footer follows one blank row.
  const attached = boxed && spec.footerRows?.[0]?.boxed === true;
  const footerStart = headerRow + spec.rows.length + (attached ? 1 : 2);
  (spec.footerRows ?? []).forEach((footer, f) => {
    const row = ws.getRow(footerStart + f);
    const cells = footer.boxed ? Array.from({ length: width }, (_, c) => footer.cells[c] ?? null) : footer.cells;
    cells.forEach((value, c) => {
      if ((value === null || value === undefined) && !footer.boxed) return;
      const cell = row.getCell(c + 1);
      if (value !== null && value !== undefined) cell.value = guardCell(value);
      const integer = typeof value === 'number' && spec.columns[c]?.kind === 'integer';
      cell.style = footerStyle(integer, Boolean(footer.bold), Boolean(footer.italic), Boolean(footer.boxed));
    });
    row.commit();
  });
  ws.commit();
}

// Excel's rules for a sheet name, checked here since the streaming writer does not check them and Excel would
// refuse to open the file.
const SHEET_NAME = /^(?!')[^[\]:*?/\\]{1,31}(?<!')$/;

function checkSheetNames(sheets: readonly SheetSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (!SHEET_NAME.test(name)) {
      throw new Error(`Cannot name a sheet ${quote(name)}: Excel takes 1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with '.`);
    }
    // Excel compares sheet names without case.
    if (seen.has(name.toLowerCase())) throw new Error(`Cannot name two sheets ${quote(name)} in one workbook.`);
    seen.add(name.toLowerCase());
  }
}

export function fittedWidth(column: ColumnSpec, rows: readonly (readonly CellOut[])[], c: number): number {
  // Header words wrap, so only the longest word of the header has to fit.
  let longest = Math.max(...column.header.split(/\s+/).map((w) => w.length));
  for (const row of rows) {
    const value = row[c];
    if (value === null || value === undefined) continue;
    const text = typeof value === 'number' && column.kind === 'integer' ? value.toLocaleString('en-US') : String(value);
    longest = Math.max(longest, text.length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}
