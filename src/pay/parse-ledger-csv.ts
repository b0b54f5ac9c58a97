// Reads an issued ledger.csv back. The ledger is what stops a second payment, so a ledger that cannot be read
// in full is a failed run, not a partly-read one: paying "everyone not found" from half a ledger pays twice.
import { parse } from 'csv-parse/sync';
import { AsxhError, quote } from '../errors.js';
import { unguardText } from '../write/formula-guard.js';
import { LEDGER_COLUMNS, LEDGER_OPTIONAL_COLUMNS } from './ledger-csv.js';
import type { LedgerLine } from './types.js';

const HINT = 'Give the ledger.csv that asxh wrote for the earlier run, unchanged (re-save it as CSV UTF-8 if Excel opened it).';

export function parseLedgerCsv(text: string, name = 'ledger.csv'): LedgerLine[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    throw new AsxhError('input_corrupt', `Cannot read the ledger ${quote(name)}: it is not valid CSV (${err instanceof Error ? err.message : String(err)}).`, HINT);
  }
  const header = records[0]?.map((h) => h.trim()) ?? [];
  const at = new Map(header.map((h, i) => [h, i]));
  const missing = LEDGER_COLUMNS.map((c) => c.key).filter((k) => !at.has(k) && !LEDGER_OPTIONAL_COLUMNS.has(k));
  if (missing.length > 0) {
    throw new AsxhError('input_corrupt', `Cannot read the ledger ${quote(name)}: the column(s) ${missing.map((m) => quote(m)).join(', ')} are missing from its header.`, HINT);
  }
  const lines: LedgerLine[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    // Spreadsheet programs write the formula guard's apostrophe back as part of the text.
    const get = (key: string): string => unguardText((record[at.get(key)!] ?? '').trim()).trim();
    const bad = (what: string, value: string): never => {
      throw new AsxhError('input_corrupt', `Cannot read the ledger ${quote(name)}: row ${row} has ${what} ${quote(value)}.`, HINT);
    };
    const amountText = get('amount');
    if (!/^\d+$/.test(amountText)) bad('an amount that is not a whole number of đồng', amountText);
    const sourceRow = get('source_row');
    if (!/^\d+$/.test(sourceRow)) bad('a source row that is not a number', sourceRow);
    const channel = get('channel');
    if (channel !== 'bank' && channel !== 'cash') bad('a channel that is neither bank nor cash', channel);
    const lineId = get('line_id');
    if (lineId === '') bad('no line ID', lineId);
    lines.push({
      batchId: get('batch_id'),
      lineId,
      sourceFile: get('source_file'),
      sourceSheet: get('source_sheet'),
      sourceRow: Number(sourceRow),
      registryId: get('registry_id'),
      bankBin: get('bank_bin'),
      account: get('account'),
      accountName: get('account_name'),
      amount: Number(amountText),
      description: get('description'),
      channel: channel as 'bank' | 'cash',
      ...(at.has('programme') ? { programme: get('programme') } : {}),
      ...(at.has('override_reason') ? { overrideReason: get('override_reason') } : {}),
    });
  });
  return lines;
}
