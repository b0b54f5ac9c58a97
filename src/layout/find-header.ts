// The header is the row, or pair of rows, in the top of the sheet whose cells name the most fields. Title rows
// ("UBND XÃ …", "DANH SÁCH CHI TRẢ …") name none, so they lose; a pair wins over its first row alone when the
// second row adds sub-headers ("Nam" / "Nữ" under "Ngày tháng năm sinh").
import type { Said } from '../errors.js';
import type { Field, MergeRange, RawSheet } from '../types.js';
import { cellText } from './cell-text.js';
import { mapColumns, type HeaderColumn } from './map-columns.js';

/** How many rows from the top the header is looked for in. */
export const HEADER_SCAN_ROWS = 30;

/** Besides a name, a header needs one column that tells people apart or says what to pay them. */
const IDENTIFYING: ReadonlySet<Field> = new Set<Field>([
  'personal_id', 'old_id', 'birth_date', 'birth_date_male', 'birth_date_female', 'sex', 'village', 'address',
  'account', 'phone', 'amount',
]);

export type HeaderSearch =
  | { readonly ok: true; readonly rowIndexes: readonly number[]; readonly columns: readonly HeaderColumn[] }
  | { readonly ok: false; readonly reason: string; readonly reasonSaid: Said; readonly sawCells: readonly string[] };

interface Candidate {
  readonly rowIndexes: readonly number[];
  readonly columns: readonly HeaderColumn[];
  readonly score: number;
  readonly hasName: boolean;
  readonly valid: boolean;
  /** Lower is preferred among equal scores: a merged two-row header, then one row, then an unmerged pair. */
  readonly shape: number;
}

function spansDown(merges: readonly MergeRange[], row: number): boolean {
  return merges.some((m) => m.top === row && m.bottom > row);
}

function candidate(sheet: RawSheet, rowIndexes: readonly number[], userMap: ReadonlyMap<string, Field>): Candidate {
  const [first, second] = rowIndexes.map((i) => sheet.rows[i]!);
  const columns = mapColumns(first!, second ?? null, userMap);
  const fields = columns.map((c) => c.mapping.field).filter((f): f is Field => f !== null);
  const hasName = fields.includes('name');
  const valid = hasName && fields.some((f) => IDENTIFYING.has(f));
  const shape = second === undefined ? 1 : spansDown(sheet.merges, first!.row) ? 0 : 2;
  return { rowIndexes, columns, score: fields.length, hasName, valid, shape };
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.shape !== b.shape) return a.shape < b.shape;
  return (a.rowIndexes[0] ?? 0) < (b.rowIndexes[0] ?? 0);
}

function rowTexts(sheet: RawSheet, rowIndexes: readonly number[]): string[] {
  const seen = new Set<string>();
  for (const i of rowIndexes) {
    for (const cell of sheet.rows[i]?.cells ?? []) {
      const text = cellText(cell);
      if (text !== '') seen.add(text);
    }
  }
  return [...seen];
}

/** userMap: header key → field (see headerKey). */
export function findHeader(sheet: RawSheet, userMap: ReadonlyMap<string, Field>): HeaderSearch {
  const scan = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  let best: Candidate | null = null;
  let bestValid: Candidate | null = null;
  for (let i = 0; i < scan; i++) {
    const single = candidate(sheet, [i], userMap);
    const mergedDown = spansDown(sheet.merges, sheet.rows[i]!.row);
    // A row with cells merged down into the next one is the top of a two-row header, never a header alone.
    const options = mergedDown ? [] : [single];
    // A pair needs a top row that is a header itself or reaches down into the next one: a title merged across
    // the table over a one-row header is not a group header.
    if (i + 1 < sheet.rows.length && (single.score > 0 || mergedDown)) {
      options.push(candidate(sheet, [i, i + 1], userMap));
    }
    for (const c of options) {
      if (!best || better(c, best)) best = c;
      if (c.valid && (!bestValid || better(c, bestValid))) bestValid = c;
    }
  }
  if (bestValid) return { ok: true, rowIndexes: bestValid.rowIndexes, columns: bestValid.columns };

  if (!sheet.rows.some((r) => r.cells.some((c) => cellText(c) !== ''))) {
    return { ok: false, reason: 'the sheet is empty', reasonSaid: { vi: 'trang tính trống', en: 'the sheet is empty' }, sawCells: [] };
  }
  let shown: readonly number[] = best && best.score > 0 ? best.rowIndexes : [];
  if (shown.length === 0) {
    // Nothing looks like a header: show the fullest row, the likeliest one to be it.
    let most = -1;
    for (let i = 0; i < scan; i++) {
      const n = rowTexts(sheet, [i]).length;
      if (n > most) [most, shown] = [n, [i]];
    }
  }
  const rowNumbers = shown.map((i) => sheet.rows[i]!.row).join('–');
  const reasonSaid: Said = best?.hasName
    ? {
        vi: `có cột họ tên (dòng ${rowNumbers}) nhưng trong ${HEADER_SCAN_ROWS} dòng đầu không có cột số định danh, ngày sinh hay cột nào khác để phân biệt người`,
        en: `a name column was found (row ${rowNumbers}) but no column for the ID, birth date or anything else to tell people apart, in the first ${HEADER_SCAN_ROWS} rows`,
      }
    : {
        vi: `không có dòng tiêu đề với cột họ tên trong ${HEADER_SCAN_ROWS} dòng đầu`,
        en: `no header with a name column found in the first ${HEADER_SCAN_ROWS} rows`,
      };
  return { ok: false, reason: reasonSaid.en, reasonSaid, sawCells: rowTexts(sheet, shown) };
}
