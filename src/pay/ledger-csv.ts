// ledger.csv: one line per payment, the contract auditors and scripts rely on. Its columns and their order
// never change (new ones only go at the end, and are optional when read back); a later run reads an issued
// ledger back (parseLedgerCsv) so nobody is paid twice.
import type { ColumnSpec, OutputFile } from '../write/output-spec.js';
import type { LedgerLine, PaymentLine } from './types.js';

export const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'batch_id', header: 'Mã lô', text: true },
  { key: 'line_id', header: 'Mã dòng', text: true },
  { key: 'source_file', header: 'Tệp nguồn' },
  { key: 'source_sheet', header: 'Trang tính' },
  { key: 'source_row', header: 'Dòng', kind: 'integer' },
  { key: 'registry_id', header: 'Số định danh', text: true },
  { key: 'bank_bin', header: 'Mã ngân hàng', text: true },
  { key: 'account', header: 'Số tài khoản', text: true },
  { key: 'account_name', header: 'Tên người nhận' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
  { key: 'description', header: 'Nội dung' },
  { key: 'channel', header: 'Hình thức' },
  { key: 'programme', header: 'Diện hưởng' },
  { key: 'override_reason', header: 'Lý do chi lại' },
];

/** Columns added after the first ledgers were issued: a ledger without them still reads. */
export const LEDGER_OPTIONAL_COLUMNS: ReadonlySet<string> = new Set(['programme', 'override_reason']);

export function toLedgerLine(line: PaymentLine, overrideReason = ''): LedgerLine {
  const prov = line.result.person.prov;
  return {
    batchId: line.batchId,
    lineId: line.lineId,
    sourceFile: prov.file,
    sourceSheet: prov.sheet,
    sourceRow: prov.row,
    registryId: line.registryId,
    bankBin: line.bank?.bin ?? '',
    account: line.account ?? '',
    accountName: line.accountName,
    amount: line.amount,
    description: line.description,
    channel: line.channel,
    programme: line.result.person.programme ?? '',
    overrideReason: line.overridden ? overrideReason : '',
  };
}

export function ledgerRow(l: LedgerLine): (string | number)[] {
  return [l.batchId, l.lineId, l.sourceFile, l.sourceSheet, l.sourceRow, l.registryId, l.bankBin, l.account, l.accountName, l.amount, l.description, l.channel, l.programme ?? '', l.overrideReason ?? ''];
}

export function ledgerCsv(path: string, lines: readonly LedgerLine[]): OutputFile {
  return { path, kind: 'csv', columns: LEDGER_COLUMNS, rows: lines.map(ledgerRow) };
}
