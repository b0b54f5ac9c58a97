// One bank's batch upload file, laid out by its template: the columns, headers and file type are data, so a
// bank's own template is a config entry, not a code change. Accounts and BINs stay text, amounts whole numbers.
import { stringifyCsv } from '../write/csv-writer.js';
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import type { BankColumn, BankColumnValue, BankTemplate } from './options.js';
import type { PaymentLine } from './types.js';

export interface BankBatch {
  readonly batchId: string;
  readonly path: string;
  readonly lines: readonly PaymentLine[];
}

const TEXT_VALUES: ReadonlySet<BankColumnValue> = new Set(['account', 'bank_bin', 'registry_id', 'debit_account', 'reference', 'batch_id']);

/** What a bank file's columns are filled from: a payment line of this run, or a ledger line sent again. */
export interface BatchLine {
  readonly lineId: string;
  readonly account: string;
  readonly accountName: string;
  readonly amount: number;
  readonly bankBin: string;
  readonly bankName: string;
  readonly description: string;
  readonly registryId: string;
  /** The short programme code. */
  readonly programme: string;
  readonly debitAccount: string;
}

export function batchLineOf(line: PaymentLine): BatchLine {
  return {
    lineId: line.lineId,
    account: line.account ?? '',
    accountName: line.accountName,
    amount: line.amount,
    bankBin: line.bank?.bin ?? '',
    bankName: line.bank?.shortName ?? '',
    description: line.description,
    registryId: line.registryId,
    programme: line.programme,
    debitAccount: line.debit?.account ?? '',
  };
}

function cellFor(column: BankColumn, line: BatchLine, index: number, batchId: string): CellOut {
  switch (column.value) {
    case 'stt':
      return index + 1;
    case 'account':
      return line.account;
    case 'account_name':
      return line.accountName;
    case 'amount':
      return line.amount;
    case 'bank_bin':
      return line.bankBin;
    case 'bank_name':
      return line.bankName;
    case 'description':
      return line.description;
    case 'reference':
      return line.lineId;
    case 'batch_id':
      return batchId;
    case 'registry_id':
      return line.registryId;
    case 'programme':
      return line.programme;
    case 'debit_account':
      return line.debitAccount;
    case 'fixed':
      return column.text ?? '';
    default:
      return '';
  }
}

export function bankBatchFile(batch: BankBatch, template: BankTemplate): OutputFile {
  return bankFile(batch.path, batch.batchId, batch.lines.map(batchLineOf), template);
}

/** The file of one batch in the bank's template: its columns, header, title lines, file type and encoding. */
export function bankFile(path: string, batchId: string, lines: readonly BatchLine[], template: BankTemplate): OutputFile {
  const rows = lines.map((line, i) => template.columns.map((c) => cellFor(c, line, i, batchId)));
  if (template.fileType === 'xlsx') {
    const columns: ColumnSpec[] = template.columns.map((c, i) => ({
      key: `${c.value}_${i}`,
      header: c.header,
      ...(TEXT_VALUES.has(c.value) ? { text: true } : {}),
      ...(c.value === 'amount' ? { kind: 'number' as const } : {}),
    }));
    return {
      path,
      kind: 'xlsx',
      sheets: [{ name: template.sheetName, columns, rows, freezeHeader: false, titleRows: template.titleRows }],
    };
  }
  // The same formula guard and quoting as every other CSV output (the xlsx variant goes through the xlsx writer).
  const body = stringifyCsv([template.columns.map((c) => c.header), ...rows], template.delimiter);
  return { path, kind: 'text', content: (template.encoding === 'utf-8-bom' ? '\ufeff' : '') + body };
}
