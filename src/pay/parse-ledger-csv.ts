// Reads an issued ledger.csv back. The ledger is what stops a second payment, so a ledger that cannot be read
// in full is a failed run, not a partly-read one: paying "everyone not found" from half a ledger pays twice.
import { parse } from 'csv-parse/sync';
import { AsxhError, quote, type Said } from '../errors.js';
import { unguardText } from '../write/formula-guard.js';
import { LEDGER_COLUMNS, LEDGER_OPTIONAL_COLUMNS } from './ledger-csv.js';
import type { LedgerLine } from './types.js';

const HINT: Said = {
  vi: 'Dùng đúng tệp ledger.csv asxh đã ghi cho lần chạy trước, không sửa (nếu đã mở bằng Excel, lưu lại dạng CSV UTF-8).',
  en: 'Give the ledger.csv that asxh wrote for the earlier run, unchanged (re-save it as CSV UTF-8 if Excel opened it).',
};

export function parseLedgerCsv(text: string, name = 'ledger.csv'): LedgerLine[] {
  let records: string[][];
  try {
    records = parse(text.replace(/^\ufeff/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AsxhError(
      'input_corrupt',
      { vi: `Không đọc được bảng kê ${quote(name)}: tệp không đúng định dạng CSV (${why}).`, en: `Cannot read the ledger ${quote(name)}: it is not valid CSV (${why}).` },
      HINT,
    );
  }
  const header = records[0]?.map((h) => h.trim()) ?? [];
  const at = new Map(header.map((h, i) => [h, i]));
  const missing = LEDGER_COLUMNS.map((c) => c.key).filter((k) => !at.has(k) && !LEDGER_OPTIONAL_COLUMNS.has(k));
  if (missing.length > 0) {
    const columns = missing.map((m) => quote(m)).join(', ');
    throw new AsxhError(
      'input_corrupt',
      {
        vi: `Không đọc được bảng kê ${quote(name)}: dòng tiêu đề thiếu (các) cột ${columns}.`,
        en: `Cannot read the ledger ${quote(name)}: the column(s) ${columns} are missing from its header.`,
      },
      HINT,
    );
  }
  const lines: LedgerLine[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    // Spreadsheet programs write the formula guard's apostrophe back as part of the text.
    const get = (key: string): string => unguardText((record[at.get(key)!] ?? '').trim()).trim();
    const bad = (what: Said, value: string): never => {
      throw new AsxhError(
        'input_corrupt',
        { vi: `Không đọc được bảng kê ${quote(name)}: dòng ${row} có ${what.vi} ${quote(value)}.`, en: `Cannot read the ledger ${quote(name)}: row ${row} has ${what.en} ${quote(value)}.` },
        HINT,
      );
    };
    const amountText = get('amount');
    if (!/^\d+$/.test(amountText)) bad({ vi: 'số tiền không phải số đồng nguyên', en: 'an amount that is not a whole number of đồng' }, amountText);
    const sourceRow = get('source_row');
    if (!/^\d+$/.test(sourceRow)) bad({ vi: 'số dòng nguồn không phải là số', en: 'a source row that is not a number' }, sourceRow);
    const channel = get('channel');
    if (channel !== 'bank' && channel !== 'cash') bad({ vi: 'hình thức chi không phải bank hay cash', en: 'a channel that is neither bank nor cash' }, channel);
    const lineId = get('line_id');
    if (lineId === '') bad({ vi: 'mã dòng trống', en: 'no line ID' }, lineId);
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
