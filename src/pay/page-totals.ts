// Lists to sign end every printed page with its own total ("Cộng trang": the page's rows and amount), so a page
// taken out of the binder still adds up, and the end of the list has the grand total in figures and words (a
// list of one page has the grand total only). The
// rows are of known heights (signing rows, or the lines their wrapped text takes), so the rows a page holds are
// worked out here and each page is closed with a manual page break after its total row. The pages are planned
// for the largest print scale (Excel's, with its own font); a printer that shrinks the sheet more only leaves
// room at the foot of each page, never a total in the middle of one.
import type { CellOut, FooterRow, SheetSpec } from '../write/output-spec.js';
import { columnWidths, LINE_HEIGHT, pageRoom } from '../write/page-geometry.js';

export interface PageTotalsOptions {
  /** Column of the "Cộng trang" label. */
  readonly labelCol: number;
  /** The label for a page of `rows` rows, e.g. "Cộng trang: 11 người". */
  readonly label: (rows: number) => string;
  /** Columns summed over the page (amounts, counts: whole numbers of at least 0; other values are not added). */
  readonly sumCols: readonly number[];
}

/** Height of a page total row of one line, points. */
export const PAGE_TOTAL_HEIGHT = 20;
/** Kept free on the last page under the signature lines, for the signatures themselves. */
const SIGNING_ROOM = 60;
/** Row heights round to whole pixels (35 pt is 46.67 px): a page planned full to the point could spill a row. */
const SAFETY = 0.98;

/**
 * Lines a text takes in a column of `width` characters, wrapped at spaces. Counted with a short line, so never
 * too few: a character of width is a digit's, most letters are narrower, bold ones (headers, totals) wider.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, bold ? Math.floor(width * 0.8) - 1 : Math.floor(width) - 2);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= room) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      // A word longer than the line breaks where it must.
      lines += Math.ceil(word.length / room) - 1;
      used = word.length % room || room;
    }
  }
  return lines;
}

function textHeight(lines: number): number {
  return lines * LINE_HEIGHT + 5;
}

/** Whole đồng that can be added up: an amount that is not (a wrong amount on a row not paid) is left out. */
export function addable(value: CellOut | undefined): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function sumOf(rows: readonly (readonly CellOut[])[], c: number): number {
  return rows.reduce((s, row) => s + addable(row[c]), 0);
}

/** A data row's height: the list's signing height, else the lines its longest wrapped cell takes. */
function rowHeight(spec: SheetSpec, row: readonly CellOut[], widths: readonly number[]): number {
  if (spec.signing?.rowHeight) return spec.signing.rowHeight;
  let lines = 1;
  spec.columns.forEach((column, c) => {
    const value = row[c];
    if (!column.wrap || value === null || value === undefined) return;
    lines = Math.max(lines, wrappedLines(String(value), widths[c]!));
  });
  return Math.max(PAGE_TOTAL_HEIGHT, textHeight(lines));
}

/** The footer as the writer lays it out: one blank row before it unless its boxed total closes the table. */
function footerHeight(spec: SheetSpec): number {
  const footer: readonly FooterRow[] = spec.footerRows ?? [];
  if (footer.length === 0) return 0;
  const attached = footer[0]?.boxed === true;
  return (attached ? 0 : LINE_HEIGHT) + footer.length * LINE_HEIGHT + SIGNING_ROOM;
}

/**
 * The sheet with a "Cộng trang" row closing each printed page and a page break after it. The data rows stay as
 * they are (their STT included); the column widths are fixed here so that the writer lays out what was planned.
 */
export function withPageTotals(spec: SheetSpec, options: PageTotalsOptions): SheetSpec {
  // The widths the writer would give, with room for the longest label and the largest sum (the grand total's):
  // fixed, so pages and print agree.
  const probe: CellOut[] = spec.columns.map((_, c) => (c === options.labelCol ? options.label(spec.rows.length) : null));
  for (const c of options.sumCols) probe[c] = sumOf(spec.rows, c);
  const widths = columnWidths({ ...spec, rows: [...spec.rows, probe] });
  const columns = spec.columns.map((column, c) => ({ ...column, width: widths[c]! }));
  const fixed: SheetSpec = { ...spec, columns };
  const headerHeight = textHeight(Math.max(1, ...columns.map((column) => wrappedLines(column.header, column.width, true))));
  // The label spreads over the empty cells up to the first sum, on one line.
  const firstSum = Math.min(spec.columns.length, ...options.sumCols.filter((c) => c > options.labelCol));
  const labelSpan: [number, number] = [options.labelCol, firstSum - 1];
  const totalHeight = PAGE_TOTAL_HEIGHT;
  const capacity = pageRoom(fixed, headerHeight).rowsHeight * SAFETY;
  const heights = spec.rows.map((row) => rowHeight(fixed, row, widths));

  // Pages: as many rows as leave room for the page's total; at least one row a page.
  const pages: number[][] = [];
  let page: number[] = [];
  let used = 0;
  heights.forEach((h, r) => {
    if (page.length > 0 && used + h + totalHeight > capacity) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(r);
    used += h;
  });
  pages.push(page);
  // The last page also holds the grand total, the total in words and the signatures: rows move on to a page
  // of their own until it does.
  const last = pages[pages.length - 1]!;
  const tail: number[] = [];
  const height = (rows: readonly number[]): number => rows.reduce((s, r) => s + heights[r]!, 0);
  while (last.length > 1 && height(last) + totalHeight + footerHeight(spec) > capacity) tail.unshift(last.pop()!);
  if (tail.length > 0) pages.push(tail);
  // A list of one page is closed by its grand total: a page total above it would say the same again.
  if (pages.length === 1) return { ...fixed, paging: { breaks: [], totals: [], headerHeight, rowHeights: heights } };

  const rows: CellOut[][] = [];
  const rowHeights: number[] = [];
  const breaks: number[] = [];
  const totals: number[] = [];
  pages.forEach((indexes, p) => {
    for (const r of indexes) {
      rows.push([...spec.rows[r]!]);
      rowHeights.push(heights[r]!);
    }
    if (indexes.length === 0) return;
    const total: CellOut[] = spec.columns.map(() => null);
    total[options.labelCol] = options.label(indexes.length);
    for (const c of options.sumCols) total[c] = sumOf(indexes.map((r) => spec.rows[r]!), c);
    totals.push(rows.length);
    rows.push(total);
    rowHeights.push(totalHeight);
    // The last page's total is followed by the grand total on that page.
    if (p < pages.length - 1) breaks.push(rows.length - 1);
  });
  return { ...fixed, rows, paging: { breaks, totals, labelSpan, headerHeight, rowHeights } };
}
