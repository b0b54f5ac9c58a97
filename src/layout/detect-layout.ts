// RawSheet → Table: find the header, map its columns to fields, and sort every row below it into a candidate
// person row or a skipped row with its reason. Pure: the caller turns ok:false into an AsxhError.
import type { Said } from '../errors.js';
import { titleCommune, titlePlace } from './title-commune.js';
import type { Field, OtherCell, RawCell, RawRow, RawSheet, RowContext, SkippedRow, Table, TableRow } from '../types.js';
import { classifyRow } from './classify-row.js';
import { cellText } from './cell-text.js';
import { findHeader } from './find-header.js';
import { headerKey } from './header-key.js';
import { sectionHeading, sheetHeading } from './section-heading.js';
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
      /** In English, as skipped-rows.csv records it; reasonSaid in both languages, for the error message. */
      readonly reason: string;
      readonly reasonSaid: Said;
      /** The header-looking cells it saw, for the error message (so the user can name them with --map). */
      readonly sawCells: readonly string[];
    };

const EMPTY: RawCell = { value: null };

export function detectLayout(sheet: RawSheet, options: LayoutOptions): LayoutResult {
  const userMap = new Map<string, Field>();
  for (const [header, field] of Object.entries(options.map)) userMap.set(headerKey(header), field);

  const header = findHeader(sheet, userMap);
  if (!header.ok) {
    const summary = isSummarySheet(sheet);
    const reasonSaid: Said = summary
      ? { vi: `trang tổng hợp (số đếm và tổng cộng, không có người); ${header.reasonSaid.vi}`, en: `a summary sheet (counts and sums, no people); ${header.reasonSaid.en}` }
      : header.reasonSaid;
    return { ok: false, reason: reasonSaid.en, reasonSaid, sawCells: header.sawCells };
  }

  const columns = header.columns.map((c) => c.mapping);
  const mapped = columns.filter((c) => c.field !== null);
  const unmapped = columns.filter((c) => c.field === null);
  const has = (field: Field): boolean => mapped.some((c) => c.field === field);
  const sheetSays = sheetHeading(sheet.sheet, sheet.rows.slice(0, header.rowIndexes[0]!));
  // Sections and the sheet name give the village or programme only to a table without such a column; a
  // programme heading is still handed on with one, for the normaliser to check the column against.
  let section: RowContext = { programme: has('programme') ? null : sheetSays.programme, programmeRow: null, village: has('village') ? null : sheetSays.village };
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
      const others = otherCells(raw, unmapped);
      const row: TableRow = { prov, cells, context: section };
      rows.push({ ...row, ...(others.length > 0 ? { others } : {}), ...(raw.hidden ? { hidden: true } : {}) });
    } else {
      if (reason === 'section') {
        const heading = sectionHeading(raw.cells);
        if (heading?.kind === 'programme') section = { programme: heading.text, programmeRow: raw.row, village: has('village') ? null : sheetSays.village };
        else if (heading?.kind === 'village' && !has('village')) section = { ...section, village: heading.text };
      }
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
    titlePlace: titlePlace(sheet.rows.slice(0, header.rowIndexes[0]!)),
  };
  return { ok: true, table };
}

function otherCells(raw: RawRow, unmapped: readonly ColumnMappingLike[]): OtherCell[] {
  const out: OtherCell[] = [];
  for (const column of unmapped) {
    const cell = raw.cells[column.index];
    if (cell === undefined || cellText(cell) === '') continue;
    out.push({ header: column.header, cell, ignored: column.how === 'ignored' });
  }
  return out;
}

type ColumnMappingLike = Table['columns'][number];

const SUMMARY = /\b(tong hop|bieu tong hop|so nguoi|so doi tuong|so luong|so luot)\b/;

/** A sheet of counts and sums per village or programme, with no people on it. */
function isSummarySheet(sheet: RawSheet): boolean {
  if (SUMMARY.test(headerKey(sheet.sheet))) return true;
  return sheet.rows.slice(0, 30).some((row) => row.cells.some((cell) => SUMMARY.test(headerKey(cellText(cell)))));
}
