// What `asxh returns` writes: returns-report.csv (every ledger line with its result, then the result rows that
// fit no line), retry.csv (the failed lines, in ledger columns, to pay once more) and returns-totals.csv.
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { LEDGER_COLUMNS, ledgerRow } from './ledger-csv.js';
import type { LineResult, ReturnsOutcome, StrayKind } from './reconcile-returns.js';

const REPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'line_id', header: 'Mã dòng' },
  { key: 'batch_id', header: 'Mã lô' },
  { key: 'registry_id', header: 'Số định danh', text: true },
  { key: 'channel', header: 'Hình thức' },
  { key: 'bank_bin', header: 'Mã ngân hàng', text: true },
  { key: 'account', header: 'Số tài khoản', text: true },
  { key: 'account_name', header: 'Tên người nhận' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
  { key: 'returned_amount', header: 'Số tiền ngân hàng báo', kind: 'integer' },
  { key: 'result', header: 'Kết quả' },
  { key: 'reason', header: 'Lý do' },
  { key: 'return_row', header: 'Dòng trong tệp kết quả', kind: 'integer' },
];

const RETRY_COLUMNS: readonly ColumnSpec[] = [...LEDGER_COLUMNS, { key: 'fail_reason', header: 'Lý do lỗi' }];
const TOTAL_COLUMNS: readonly ColumnSpec[] = [
  { key: 'result', header: 'Kết quả' },
  { key: 'lines', header: 'Số dòng', kind: 'integer' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
];
const ORDER: readonly (LineResult | StrayKind | 'ledger')[] = ['ledger', 'paid', 'failed', 'amount_mismatch', 'unclear', 'conflict', 'no_result', 'unknown_line', 'repeated_result'];

export interface ReturnsTotals {
  readonly [result: string]: { readonly lines: number; readonly amount: number };
}

export function returnsTotals(outcome: ReturnsOutcome): ReturnsTotals {
  const totals: Record<string, { lines: number; amount: number }> = Object.fromEntries(ORDER.map((k) => [k, { lines: 0, amount: 0 }]));
  for (const o of outcome.lines) {
    totals.ledger!.lines++;
    totals.ledger!.amount += o.line.amount;
    totals[o.result]!.lines++;
    totals[o.result]!.amount += o.line.amount;
  }
  // Stray rows are counted at the amount the bank reports: no ledger amount belongs to them.
  for (const s of outcome.strays) {
    totals[s.kind]!.lines++;
    totals[s.kind]!.amount += s.row.amount ?? 0;
  }
  return totals;
}

export function buildReturnsOutputs(outcome: ReturnsOutcome, dir = ''): OutputFile[] {
  const at = (name: string): string => (dir ? `${dir}/${name}` : name);
  const report: CellOut[][] = outcome.lines.map((o) => [
    o.line.lineId,
    o.line.batchId,
    o.line.registryId,
    o.line.channel,
    o.line.bankBin,
    o.line.account,
    o.line.accountName,
    o.line.amount,
    o.returnedAmount,
    o.result,
    o.reason,
    o.returnRow,
  ]);
  for (const s of outcome.strays) {
    report.push([s.row.lineId, null, null, null, null, s.row.account, null, null, s.row.amount, s.kind, [s.row.statusText, s.row.reason].filter(Boolean).join(' - '), s.row.row]);
  }
  const retry = outcome.lines.filter((o) => o.result === 'failed').map((o) => [...ledgerRow(o.line), o.reason]);
  const totals = returnsTotals(outcome);
  return [
    { path: at('returns-report.csv'), kind: 'csv', columns: REPORT_COLUMNS, rows: report },
    { path: at('retry.csv'), kind: 'csv', columns: RETRY_COLUMNS, rows: retry },
    { path: at('returns-totals.csv'), kind: 'csv', columns: TOTAL_COLUMNS, rows: ORDER.map((k) => [k, totals[k]!.lines, totals[k]!.amount]) },
  ];
}
