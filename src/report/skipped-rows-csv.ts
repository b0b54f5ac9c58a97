import type { SkippedRow, SkippedSheet } from '../types.js';
import type { CellOut, OutputFile } from '../write/output-spec.js';
import { SKIPPED_ROWS_CSV_COLUMNS } from './cleaned-columns.js';

export const SKIPPED_ROWS_CSV_PATH = 'skipped-rows.csv';

/** skipped-rows.csv, in the order given; a whole sheet passed over is a line with no row number. */
export function skippedRowsCsv(entries: readonly (SkippedRow | SkippedSheet)[]): OutputFile {
  const rows = entries.map((e): CellOut[] =>
    'prov' in e
      ? [e.prov.file, e.prov.sheet, e.prov.row, e.reason, e.text]
      : [e.file, e.sheet, null, `sheet_skipped: ${e.reason}`, ''],
  );
  return { path: SKIPPED_ROWS_CSV_PATH, kind: 'csv', columns: SKIPPED_ROWS_CSV_COLUMNS, rows };
}
