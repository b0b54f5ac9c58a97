// What `asxh returns` writes: returns-report.csv (every ledger line the result file judges, with its result,
// then the result rows that fit no line), returns-totals.csv, and the failed lines to pay once more: one file
// per bank (and debit account) in the template that bank's batch was sent in, retry-<BIN>-<bank>.<csv|xlsx>,
// ready to upload, and retry-ledger.csv, the same lines in ledger columns for scripts and the next `returns`.
//
// A retried line keeps its line ID: it is the same payment (period, programme, person), not a second one, so the
// ledger and the paid-once guard still count it once, and the bank's result for the retry ties back to the same
// line. The batch is new: its ID is derived from the batches it retries (ids.ts retryBatchId).
import { bankOfBin } from '../normalize/bank.js';
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { bankFile, type BatchLine } from './bank-batch-file.js';
import { debitFor, slug } from './build-payments.js';
import { retryBatchId } from './ids.js';
import { LEDGER_COLUMNS, ledgerRow } from './ledger-csv.js';
import { PAY_DEFAULTS, type PayOptions } from './options.js';
import { programmeCode } from './programme-code.js';
import type { LineOutcome, LineResult, ReturnsOutcome, StrayKind } from './reconcile-returns.js';

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

const RETRY_COLUMNS: readonly ColumnSpec[] = [...LEDGER_COLUMNS, { key: 'fail_reason', header: 'Lý do lỗi' }, { key: 'retry_of_batch', header: 'Lô gốc', text: true }];
const TOTAL_COLUMNS: readonly ColumnSpec[] = [
  { key: 'result', header: 'Kết quả' },
  { key: 'lines', header: 'Số dòng', kind: 'integer' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
];
const ORDER: readonly (LineResult | StrayKind | 'ledger' | 'other_banks')[] = [
  'ledger',
  'paid',
  'failed',
  'amount_mismatch',
  'unclear',
  'conflict',
  'no_result',
  'unknown_line',
  'other_bank',
  'repeated_result',
  'other_banks',
];

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
  // The ledger lines of other banks (and cash), which this result file does not judge.
  for (const l of outcome.leftOut) {
    totals.other_banks!.lines++;
    totals.other_banks!.amount += l.amount;
  }
  return totals;
}

interface RetryBatch {
  readonly bin: string;
  readonly debit: string;
  readonly debitAccount: string;
  readonly failed: LineOutcome[];
}

/** The failed lines grouped as their batches were: by bank, then by the debit account their programme is paid from. */
function retryBatches(failed: readonly LineOutcome[], pay: PayOptions): RetryBatch[] {
  const groups = new Map<string, RetryBatch>();
  for (const o of failed) {
    const bin = o.line.channel === 'bank' ? o.line.bankBin : 'cash';
    const debit = o.line.channel === 'bank' ? debitFor(programmeCode(o.line.programme ?? null, pay.programmeCodes), pay.debitAccounts) : null;
    const key = `${bin}\u0000${debit?.id ?? ''}`;
    const group = groups.get(key) ?? { bin, debit: debit?.id ?? '', debitAccount: debit?.account ?? '', failed: [] };
    group.failed.push(o);
    groups.set(key, group);
  }
  return [...groups.keys()].sort().map((k) => groups.get(k)!);
}

function retryLine(o: LineOutcome, debitAccount: string, pay: PayOptions): BatchLine {
  const l = o.line;
  return {
    lineId: l.lineId,
    account: l.account,
    accountName: l.accountName,
    amount: l.amount,
    bankBin: l.bankBin,
    bankName: bankOfBin(l.bankBin)?.shortName ?? '',
    description: l.description,
    registryId: l.registryId,
    programme: programmeCode(l.programme ?? null, pay.programmeCodes),
    debitAccount,
  };
}

export function buildReturnsOutputs(outcome: ReturnsOutcome, pay: PayOptions = PAY_DEFAULTS, dir = ''): OutputFile[] {
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
  const failed = outcome.lines.filter((o) => o.result === 'failed');
  const retryFiles: OutputFile[] = [];
  const retryOf = new Map<LineOutcome, string>();
  for (const batch of retryBatches(failed, pay)) {
    const lineIds = batch.failed.map((o) => o.line.lineId);
    const id = retryBatchId(lineIds[0]!, batch.bin, batch.debit, batch.failed.map((o) => o.line.batchId), lineIds);
    for (const o of batch.failed) retryOf.set(o, id);
    // Cash lines have no bank file: they are in retry-ledger.csv only.
    if (batch.bin === 'cash') continue;
    const template = pay.bankTemplates[batch.bin] ?? pay.genericTemplate;
    const suffix = batch.debit && pay.debitAccounts.length > 1 ? `-${slug(batch.debit)}` : '';
    const name = `retry-${batch.bin}-${slug(bankOfBin(batch.bin)?.shortName ?? 'bank')}${suffix}.${template.fileType}`;
    retryFiles.push(bankFile(at(name), id, batch.failed.map((o) => retryLine(o, batch.debitAccount, pay)), template));
  }
  const retryLedger = failed.map((o) => [...ledgerRow({ ...o.line, batchId: retryOf.get(o)! }), o.reason, o.line.batchId]);
  const totals = returnsTotals(outcome);
  return [
    { path: at('returns-report.csv'), kind: 'csv', columns: REPORT_COLUMNS, rows: report },
    ...retryFiles,
    { path: at('retry-ledger.csv'), kind: 'csv', columns: RETRY_COLUMNS, rows: retryLedger },
    { path: at('returns-totals.csv'), kind: 'csv', columns: TOTAL_COLUMNS, rows: ORDER.map((k) => [k, totals[k]!.lines, totals[k]!.amount]) },
  ];
}
