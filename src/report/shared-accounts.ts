// shared-accounts.csv (for scripts and auditors) and its sheet in duplicates.xlsx: one line per row paid into an
// account that other people's rows are paid into too, the rows of one account consecutive.
import type { DedupeResult } from '../dedupe/types.js';
import type { MatchResult } from '../match/types.js';
import type { CellOut, ColumnSpec, OutputFile, SheetSpec } from '../write/output-spec.js';

export const SHARED_ACCOUNT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'bank_bin', header: 'Mã BIN ngân hàng', width: 10, text: true },
  { key: 'bank', header: 'Ngân hàng', width: 14 },
  { key: 'account', header: 'Số tài khoản', width: 22, text: true },
  { key: 'source_file', header: 'Tệp nguồn', width: 24 },
  { key: 'source_sheet', header: 'Trang tính', width: 14 },
  { key: 'source_row', header: 'Dòng', width: 7, kind: 'integer' },
  { key: 'name', header: 'Họ và tên', width: 24 },
  { key: 'registry_id', header: 'Số ĐDCN trong CSDL', width: 16, text: true },
  { key: 'rep_name', header: 'Người nhận thay', width: 24 },
];

function lines(dedupe: DedupeResult, results: readonly MatchResult[]): CellOut[][] {
  return dedupe.sharedAccounts.flatMap((s) =>
    s.members.map((i) => {
      const r = results[i]!;
      const p = r.person;
      return [
        s.bin,
        p.bank?.shortName ?? '',
        s.account,
        p.prov.file,
        p.prov.sheet,
        p.prov.row,
        p.name?.display ?? p.raw.name ?? '',
        r.status === 'matched' ? (r.registryId ?? '') : '',
        p.rep?.name?.display ?? p.raw.rep_name ?? '',
      ];
    }),
  );
}

export function buildSharedAccountsCsv(dedupe: DedupeResult, results: readonly MatchResult[]): OutputFile {
  return { path: 'shared-accounts.csv', kind: 'csv', columns: SHARED_ACCOUNT_COLUMNS, rows: lines(dedupe, results) };
}

export function sharedAccountsSheet(dedupe: DedupeResult, results: readonly MatchResult[]): SheetSpec {
  return { name: 'Chung tài khoản', columns: SHARED_ACCOUNT_COLUMNS, rows: lines(dedupe, results) };
}
