// XLSX for people: bold Vietnamese headers, the header row frozen, IDs and accounts stored as text (numFmt '@'
// and a string value, so opening and saving in Excel cannot turn 038190001234 into 3.8019E+10 again), amounts
// with thousands separators, doubtful cells filled light yellow. The same sheets and date give the same bytes.
import ExcelJS from 'exceljs';
import { guardCell } from './formula-guard.js';
import type { CellOut, ColumnSpec, SheetSpec } from './output-spec.js';
import { setZipTimestamps } from './zip-timestamps.js';

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

export async function renderXlsx(sheets: readonly SheetSpec[], options: { readonly created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // exceljs stamps "now" into docProps/core.xml unless told otherwise.
  workbook.creator = 'asxh';
  workbook.lastModifiedBy = 'asxh';
  workbook.created = options.created;
  workbook.modified = options.created;
  workbook.lastPrinted = options.created;
  for (const sheet of sheets) addSheet(workbook, sheet);
  const zip = Buffer.from(await workbook.xlsx.writeBuffer());
  return setZipTimestamps(zip, options.created);
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = workbook.addWorksheet(spec.name);
  const titles = spec.titleRows ?? [];
  titles.forEach((title, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = guardCell(title);
    cell.font = { bold: true };
  });
  const headerRow = titles.length + 1;

  spec.columns.forEach((column, c) => {
    const col = ws.getColumn(c + 1);
    col.width = column.width ?? fittedWidth(column, spec.rows, c);
    const cell = ws.getCell(headerRow, c + 1);
    cell.value = guardCell(column.header);
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });

  spec.rows.forEach((row, r) => {
    spec.columns.forEach((column, c) => {
      const value = row[c] ?? null;
      // Empty text cells get '@' too, so a value typed in later is kept as text.
      if (value === null && !column.text) return;
      const cell = ws.getCell(headerRow + 1 + r, c + 1);
      if (column.text) {
        cell.numFmt = '@';
        if (value !== null) cell.value = guardCell(String(value));
      } else {
        cell.value = guardCell(value);
        if (typeof value === 'number' && column.kind === 'integer') cell.numFmt = '#,##0';
      }
    });
  });

  for (const { row, col } of spec.highlight ?? []) {
    if (row < 0 || row >= spec.rows.length || col < 0 || col >= spec.columns.length) continue;
    ws.getCell(headerRow + 1 + row, col + 1).fill = HIGHLIGHT;
  }

  const footerStart = headerRow + spec.rows.length + 2;
  (spec.footerRows ?? []).forEach((footer, f) => {
    footer.cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = ws.getCell(footerStart + f, c + 1);
      cell.value = guardCell(value);
      if (typeof value === 'number' && spec.columns[c]?.kind === 'integer') cell.numFmt = '#,##0';
      if (footer.bold || footer.italic) cell.font = { bold: Boolean(footer.bold), italic: Boolean(footer.italic) };
    });
  });

  if (spec.print) {
    // paperSize 9 is A4 in the OOXML numbering; fitToHeight 0 means "as many pages tall as needed".
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: spec.print.orientation,
      ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
    if (spec.print.repeatHeader) ws.pageSetup.printTitlesRow = `1:${headerRow}`;
  }

  if (spec.freezeHeader ?? true) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow }];
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
