import type { Problem } from '../types.js';
import type { OutputFile } from '../write/output-spec.js';
import { PROBLEMS_CSV_COLUMNS } from './cleaned-columns.js';

export const PROBLEMS_CSV_PATH = 'problems.csv';

/** problems.csv, one line per problem, in the order given. */
export function problemsCsv(problems: readonly Problem[]): OutputFile {
  return {
    path: PROBLEMS_CSV_PATH,
    kind: 'csv',
    columns: PROBLEMS_CSV_COLUMNS,
    // Row 0: a problem of the whole file, its row left empty.
    rows: problems.map((p) => [p.file, p.sheet, p.row === 0 ? null : p.row, p.column, p.code, p.severity, p.raw, p.message]),
  };
}
