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
  bold: { font: { bold: true } },
  header: { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

const FOOTER_STYLES = new Map<string, Partial<ExcelJS.Style>>();

function footerStyle(integer: boolean, bold: boolean, italic: boolean): Partial<ExcelJS.Style> {
  const key = `${integer}/${bold}/${italic}`;
  let style = FOOTER_STYLES.get(key);
  if (style === undefined) {
    style = {
      ...(integer ? { numFmt: '#,##0' } : {}),
      ...(bold || italic ? { font: { bold, italic } } : {}),
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

function streamSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): void {
  const titles = spec.titleRows ?? [];
  const headerRow = titles.length + 1;
  // paperSize 9 is A4 in the OOXML numbering; fitToHeight 0 means "as many pages tall as needed"; print titles
  // repeat the title and header rows on every printed page of a list to sign.
  const pageSetup: Partial<ExcelJS.PageSetup> = spec.print
    ? {
        paperSize: 9,
        orientation: spec.print.orientation,
        ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(spec.print.repeatHeader ? { printTitlesRow: `1:${headerRow}` } : {}),
      }
    : {};
  const views: Partial<ExcelJS.WorksheetView>[] = spec.freezeHeader ?? true ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] : [];
  const ws = workbook.addWorksheet(spec.name, { views, ...(spec.print ? { pageSetup } : {}) });
  ws.columns = spec.columns.map((column, c) => ({ width: column.width ?? fittedWidth(column, spec.rows, c) }));

  for (const title of titles) {
    const row = ws.addRow([guardCell(title)]);
    row.getCell(1).style = STYLE.bold;
    row.commit();
  }
  const header = ws.addRow(spec.columns.map((column) => guardCell(column.header)));
  spec.columns.forEach((_column, c) => {
    header.getCell(c + 1).style = STYLE.header;
  });
  header.commit();

  const width = spec.columns.length;
  const highlighted = new Set(
    (spec.highlight ?? []).filter(({ row, col }) => row >= 0 && row < spec.rows.length && col >= 0 && col < width).map(({ row, col }) => row * width + col),
  );
  spec.rows.forEach((values, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    spec.columns.forEach((column, c) => {
      const value = values[c] ?? null;
      const lit = highlighted.has(r * width + c);
      // Empty text cells get '@' too, so a value typed in later is kept as text.
      if (value === null && !column.text && !lit) return;
      const cell = row.getCell(c + 1);
      if (column.text) {
        if (value !== null) cell.value = guardCell(String(value));
        cell.style = lit ? STYLE.textLit : STYLE.text;
      } else {
        if (value !== null) cell.value = guardCell(value);
        const integer = typeof value === 'number' && column.kind === 'integer';
        cell.style = integer ? (lit ? STYLE.integerLit : STYLE.integer) : lit ? STYLE.plainLit : STYLE.plain;
      }
    });
    row.commit();
  });

  const footerStart = headerRow + spec.rows.length + 2;
  (spec.footerRows ?? []).forEach((footer, f) => {
    const row = ws.getRow(footerStart + f);
    footer.cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = guardCell(value);
      const integer = typeof value === 'number' && spec.columns[c]?.kind === 'integer';
      cell.style = footerStyle(integer, Boolean(footer.bold), Boolean(footer.italic));
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

function fittedWidth(column: ColumnSpec, rows: readonly (readonly CellOut[])[], c: number): number {
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
