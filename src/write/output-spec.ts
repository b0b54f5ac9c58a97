// What the pure stages hand to the write stage: every output of a run, fully built in memory, so that writing
// is one step that either puts all files in place or none.

export type CellOut = string | number | null;

export interface ColumnSpec {
  /** Stable English key: the CSV header, and the name documented for machines. */
  readonly key: string;
  /** Vietnamese header shown in the XLSX. */
  readonly header: string;
  /** XLSX column width in characters; worked out from the content when absent. */
  readonly width?: number;
  /** Stored as text (IDs, accounts): numFmt '@' and string values, so Excel cannot drop leading zeros. */
  readonly text?: boolean;
  /** 'integer' is shown with thousands separators (VND amounts); 'date' cells are formatted dd/mm/yyyy, so a date typed in is a real date. */
  readonly kind?: 'string' | 'integer' | 'number' | 'date';
  /** A drop-down of these values on every data row of the column (an Excel list data validation). */
  readonly choices?: readonly string[];
  /** Long text wraps inside the column instead of running over the next cells. */
  readonly wrap?: boolean;
}

export interface SheetSpec {
  /** Worksheet name: at most 31 characters, none of [ ] : * ? / \, unique in its workbook. */
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly CellOut[])[];
  /** Freeze the panes below the header row. Defaults to true. */
  readonly freezeHeader?: boolean;
  /** 0-based data-row and column indexes of cells to fill light yellow (differences, doubtful values). */
  readonly highlight?: readonly { readonly row: number; readonly col: number }[];
  /** Lines above the header ("UBND XÃ …", "DANH SÁCH …"), one cell each, in bold. */
  readonly titleRows?: readonly string[];
  /**
   * Lines below the table, after one blank row: totals, "Bằng chữ: …", signature blocks. cells[c] goes in
   * column c; a number under an 'integer' column gets thousands separators.
   */
  readonly footerRows?: readonly FooterRow[];
  /** Print setup. Every sheet prints on A4, one page wide, the header repeated: this only changes the defaults. */
  readonly print?: PrintSpec;
  /** A list to sign: thin borders round every cell of the table, and data rows this tall (points; else as tall as their text). */
  readonly signing?: { readonly rowHeight?: number };
  /** Printed page by page, each page ending with its own total (pay/page-totals.ts). */
  readonly paging?: Paging;
}

export interface Paging {
  /** 0-based data-row indexes after which a page ends (a manual page break). */
  readonly breaks: readonly number[];
  /** 0-based data-row indexes of the page total rows, printed bold. */
  readonly totals: readonly number[];
  /** 0-based first and last column the page total's label is merged over (so it reads on one line). */
  readonly labelSpan?: readonly [number, number];
  /** Header row height, points: set, so that the rows a page holds are known. */
  readonly headerHeight: number;
  /** Every data row's height, points. */
  readonly rowHeights: readonly number[];
}

export interface FooterRow {
  readonly cells: readonly CellOut[];
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Drawn with borders across the table's width (a total row); the first such row closes a list to sign. */
  readonly boxed?: boolean;
}

export interface PrintSpec {
  /** Default: landscape when the columns are wider than an A4 portrait page takes at a readable size. */
  readonly orientation?: 'portrait' | 'landscape';
  /** Shrink to one page wide (as many pages tall as needed). Default true. */
  readonly fitToWidth?: boolean;
  /** Repeat the title and header rows at the top of every printed page. Default true. */
  readonly repeatHeader?: boolean;
  /** Page header, left: the commune ("UBND XÃ AN PHÚ"). */
  readonly commune?: string;
  /** Page header, right: the period ("Tháng 3 năm 2025"). */
  readonly period?: string;
}

export type OutputFile =
  | {
      /** Relative to the run folder, '/'-separated. */
      readonly path: string;
      readonly kind: 'csv';
      readonly columns: readonly ColumnSpec[];
      readonly rows: readonly (readonly CellOut[])[];
    }
  | { readonly path: string; readonly kind: 'xlsx'; readonly sheets: readonly SheetSpec[] }
  | { readonly path: string; readonly kind: 'text'; readonly content: string }
  /** A file copied as it is (an input kept in the run folder). */
  | { readonly path: string; readonly kind: 'bytes'; readonly data: Buffer }
  /**
   * The same bytes as the run's output at `of` (a commune's copy of a list that is wholly its own): rendered
   * once, written twice.
   */
  | { readonly path: string; readonly kind: 'copy'; readonly of: string };
