// RawSheet → Table: find the header, map its columns to fields, and sort every row below it into a candidate
// person row or a skipped row with its reason. Pure: the caller turns ok:false into an AsxhError.
import { titleCommune } from './title-commune.js';
import type { Field, RawCell, RawSheet, SkippedRow, Table, TableRow } from '../types.js';
import { classifyRow } from './classify-row.js';
import { cellText } from './cell-text.js';
import { findHeader } from './find-header.js';
import { headerKey } from './header-key.js';
import { skippedText } from './skipped-text.js';

export interface LayoutOptions {
  /**
   * Header text (as the person sees it; a two-row header as "Top / Sub", or either part alone) → field, from
   * --map field="Header text" and the config. Compared after folding, so case and marks do not matter. Wins over
   * the built-in aliases. A header named here that the sheet lacks is not this stage's concern.
   */
  readonly map: Readonly<Record<string, Field>>;
}

export type LayoutResult =
  | { readonly ok: true; readonly table: Table }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The header-looking cells it saw, for the error message (so the user can name them with --map). */
      readonly sawCells: readonly string[];
    };

const EMPTY: RawCell = { value: null };

export function detectLayout(sheet: RawSheet, options: LayoutOptions): LayoutResult {
  const userMap = new Map<string, Field>();
  for (const [header, field] of Object.entries(options.map)) userMap.set(headerKey(header), field);

  const header = findHeader(sheet, userMap);
  if (!header.ok) return { ok: false, reason: header.reason, sawCells: header.sawCells };

  const columns = header.columns.map((c) => c.mapping);
  const mapped = columns.filter((c) => c.field !== null);
  const headerEnd = header.rowIndexes[header.rowIndexes.length - 1] ?? 0;
  let last = sheet.rows.length - 1;
  while (last > headerEnd && sheet.rows[last]!.cells.every((c) => cellText(c) === '')) last--;

  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  let numberRow: number | null = null;
  let inFooter = false;
  let firstBelow = true;
  for (let i = headerEnd + 1; i <= last; i++) {
    const raw = sheet.rows[i]!;
    const prov = { file: sheet.file, sheet: sheet.sheet, row: raw.row };
    const reason = classifyRow(raw, { columns: header.columns, inFooter });
    if (reason === null) {
      const cells: Partial<Record<Field, RawCell>> = {};
      for (const column of mapped) cells[column.field!] = raw.cells[column.index] ?? EMPTY;
      rows.push({ prov, cells });
    } else {
      skipped.push({ prov, reason, text: skippedText(raw, sheet.merges) });
      if (reason === 'footer') inFooter = true;
    }
    if (reason !== 'blank') {
      if (firstBelow && reason === 'column_numbers') numberRow = raw.row;
      firstBelow = false;
    }
  }

  const table: Table = {
    file: sheet.file,
    sheet: sheet.sheet,
    headerRows: header.rowIndexes.map((i) => sheet.rows[i]!.row),
    numberRow,
    columns,
    rows,
    skipped,
    rowsRead: rows.length + skipped.length,
    titleCommune: titleCommune(sheet.rows.slice(0, header.rowIndexes[0]!)),
  };
  return { ok: true, table };
}
