// How much of a printed page a sheet's rows get, in the sheet's own points: what a list to sign needs to end
// each page with its own total. It follows pageSetupOf (A4, orientation, margins, one page wide) and Excel's
// column widths in its default font (Calibri 11: 7 pixels a character at 96 dpi). Fitting to the width shrinks
// a sheet, never enlarges it, so a narrow sheet prints at 100 % and a wide one at the whole percent that fits.
import type { SheetSpec } from './output-spec.js';
import { fittedWidth, pageSetupOf } from './xlsx-writer.js';

/** A4 in points, portrait. */
const A4 = { width: 595.3, height: 841.9 } as const;
/** Excel's default row height (Calibri 11), points: title rows and footer lines. */
export const LINE_HEIGHT = 15;
const POINTS_PER_INCH = 72;
const MAX_DIGIT_PX = 7;

export interface PageRoom {
  /** The print scale fitting to one page wide gives (1 = 100 %). */
  readonly scale: number;
  /** Points of the sheet (before scaling) left for table rows on each page, under the repeated titles and header. */
  readonly rowsHeight: number;
}

/** The widths the writer gives the sheet's columns, in characters. */
export function columnWidths(spec: SheetSpec): number[] {
  return spec.columns.map((column, c) => column.width ?? fittedWidth(column, spec.rows, c));
}

/** Points a column of `width` characters takes on paper at 100 % (Excel's own rounding to whole pixels). */
function columnPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_PX)) / 256) * MAX_DIGIT_PX);
  return px * 0.75;
}

export function pageRoom(spec: SheetSpec, headerHeight: number): PageRoom {
  const titles = spec.titleRows?.length ?? 0;
  const widths = columnWidths(spec);
  const setup = pageSetupOf(spec, titles + 1, widths);
  const landscape = setup.orientation === 'landscape';
  const paper = landscape ? { width: A4.height, height: A4.width } : A4;
  const m = setup.margins!;
  const printableWidth = paper.width - (m.left + m.right) * POINTS_PER_INCH;
  const printableHeight = paper.height - (m.top + m.bottom) * POINTS_PER_INCH;
  const tableWidth = widths.reduce((s, w) => s + columnPoints(w), 0);
  // Excel settles on a whole percent when it fits to the width.
  const scale = setup.fitToPage && tableWidth > printableWidth ? Math.floor((printableWidth / tableWidth) * 100) / 100 : 1;
  // Print titles repeat the title rows and the header on every page.
  const repeated = setup.printTitlesRow ? titles * LINE_HEIGHT + headerHeight : 0;
  return { scale, rowsHeight: printableHeight / scale - repeated };
}
