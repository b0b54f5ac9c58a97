// --redact: shareable reports. IDs and account numbers are masked in every CSV and XLSX output, by column
// key, so a column added later with such a key is masked too.
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { maskAccount, maskId } from './mask.js';

const ID_KEY = /(^|_)(id|cmnd|personal_id|registry_id|old_id|corrected_id)(_raw)?$/;
const ACCOUNT_KEY = /(^|_)account(_raw)?$/;

function maskerFor(column: ColumnSpec): ((v: CellOut) => CellOut) | null {
  if (column.key === 'line_id' || column.key === 'batch_id' || column.key === 'group_id') return null;
  if (ACCOUNT_KEY.test(column.key)) return (v) => (v === null || v === '' ? v : maskAccount(String(v)));
  if (ID_KEY.test(column.key)) return (v) => (v === null || v === '' ? v : maskId(String(v)));
  return null;
}

function redactRows(columns: readonly ColumnSpec[], rows: readonly (readonly CellOut[])[]): CellOut[][] {
  const maskers = columns.map(maskerFor);
  return rows.map((row) => row.map((v, i) => (maskers[i] ? maskers[i]!(v) : v)));
}

export function redactOutputs(files: readonly OutputFile[]): OutputFile[] {
  return files.map((f) => {
    if (f.kind === 'csv') return { ...f, rows: redactRows(f.columns, f.rows) };
    if (f.kind === 'xlsx') return { ...f, sheets: f.sheets.map((s) => ({ ...s, rows: redactRows(s.columns, s.rows) })) };
    return f;
  });
}
