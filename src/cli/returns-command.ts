// `asxh returns`: reads a bank's result file against the ledger of the payment run, marks each line paid or
// failed, flags result rows that fit no line and amounts that differ, and lists the failed lines to pay again.
// A result file judges the lines of its own bank only (result-bank.ts tells which bank it is).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { AsxhError, EXIT, quote } from '../errors.js';
import { parseLedgerCsv } from '../pay/parse-ledger-csv.js';
import { reconcileReturns } from '../pay/reconcile-returns.js';
import { bankOfBin } from '../normalize/bank.js';
import { resultBanks, type BankEvidence } from '../pay/result-bank.js';
import { readResultSheet, type ResultSheet } from '../pay/return-rows.js';
import { buildReturnsOutputs, returnsTotals } from '../pay/returns-outputs.js';
import { readInput } from '../read/read-input.js';
import { publishOutputs } from '../write/publish.js';
import { addCommonOptions, addOutOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { makeTerminal } from './terminal.js';

interface ReturnsFlags extends CommonFlags {
  readonly ledger: string;
  readonly out: string;
  readonly force?: boolean;
  readonly bank?: string;
}

const LABELS = {
  vi: {
    ledger: 'Bảng kê',
    paid: 'Đã chi',
    failed: 'Lỗi, cần chi lại',
    amount_mismatch: 'Sai số tiền',
    unclear: 'Kết quả không rõ',
    conflict: 'Kết quả mâu thuẫn',
    no_result: 'Chưa có kết quả',
    unknown_line: 'Dòng không có trong bảng kê',
    repeated_result: 'Kết quả lặp lại',
    other_bank: 'Dòng của ngân hàng khác',
    other_banks: 'Không xét (ngân hàng khác, tiền mặt)',
    line: (label: string, lines: number, amount: number) => `${label}: ${lines} dòng, ${amount.toLocaleString('vi-VN')} đồng`,
    banks: (names: string, by: BankEvidence) =>
      `Kết quả của ngân hàng: ${names} (${{ flag: 'theo --bank', bank_column: 'theo cột ngân hàng', template: 'theo mẫu tệp của ngân hàng', line_ids: 'theo mã dòng trong tệp', one_bank: 'bảng kê chỉ có một ngân hàng' }[by]})`,
    written: (dir: string, n: number) => `Đã ghi ${n} tệp vào ${dir}`,
  },
  en: {
    ledger: 'Ledger',
    paid: 'Paid',
    failed: 'Failed, to pay again',
    amount_mismatch: 'Amount differs',
    unclear: 'Result unclear',
    conflict: 'Results disagree',
    no_result: 'No result yet',
    unknown_line: 'Not in the ledger',
    repeated_result: 'Repeated result',
    other_bank: "Another bank's line",
    other_banks: 'Not judged (other banks, cash)',
    line: (label: string, lines: number, amount: number) => `${label}: ${lines} line(s), ${amount.toLocaleString('en-US')} VND`,
    banks: (names: string, by: BankEvidence) =>
      `Results of bank: ${names} (${{ flag: 'by --bank', bank_column: 'by its bank column', template: "by the bank's template", line_ids: 'by the line IDs it holds', one_bank: 'the ledger holds one bank' }[by]})`,
    written: (dir: string, n: number) => `Wrote ${n} file(s) into ${dir}`,
  },
} as const;
const NEEDS_ATTENTION = ['failed', 'amount_mismatch', 'unclear', 'conflict', 'no_result', 'unknown_line', 'other_bank'] as const;

async function readLedger(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new AsxhError(
      'input_missing',
      {
        vi: `Không đọc được bảng kê ${quote(file)}: ${code === 'ENOENT' ? 'không có tệp này' : `không mở được tệp (${code})`}.`,
        en: `Cannot read the ledger ${quote(file)}: ${code === 'ENOENT' ? 'there is no such file' : `it cannot be opened (${code})`}.`,
      },
      {
        vi: 'Cho --ledger tệp ledger.csv được ghi cùng các tệp chi trả (payments/ledger.csv trong thư mục kết quả).',
        en: 'Give --ledger the ledger.csv written with the payment files (payments/ledger.csv in the run folder).',
      },
    );
  }
}

export function registerReturns(program: Command): void {
  const command = program
    .command('returns')
    .description("Mark ledger lines paid or failed from a bank's result file, and list the failed lines to pay again")
    .argument('<return-file>', "the bank's result file (.xlsx, .csv)")
    .requiredOption('--ledger <file>', 'ledger.csv of the payment run the result file answers')
    .option('--bank <code>', "the bank the result file is from (BIN or name, e.g. 970405 or Agribank), when the file does not tell");
  addOutOptions(command);
  addCommonOptions(command);
  command.action(async (returnFile: string, flags: ReturnsFlags) => {
    const { settings } = resolveFromFlags(flags);
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet) });
    const ledgerName = path.basename(flags.ledger);
    const ledger = parseLedgerCsv(await readLedger(flags.ledger), ledgerName);
    if (ledger.length === 0) {
      throw new AsxhError(
        'input_empty',
        { vi: `Không đối chiếu được kết quả với ${quote(ledgerName)}: bảng kê không có dòng chi trả nào.`, en: `Cannot check returns against ${quote(ledgerName)}: the ledger holds no payment line.` },
        { vi: 'Dùng bảng kê của lần chạy có các tệp đã gửi ngân hàng.', en: 'Give the ledger of the run whose files were sent to the bank.' },
      );
    }
    const read = await readInput(returnFile, path.basename(returnFile), { encoding: settings.encoding, maxCells: settings.read.maxCells });
    let result: ResultSheet | null = null;
    let firstError: unknown = null;
    for (const sheet of read.sheets) {
      try {
        result = readResultSheet(sheet);
        break;
      } catch (err) {
        firstError ??= err;
      }
    }
    if (result === null) throw firstError;
    const banks = resultBanks({ file: path.basename(returnFile), header: result.header, rows: result.rows, ledger, pay: settings.pay, flag: flags.bank });
    // A ledger without a bank line (cash only) is judged whole.
    const outcome = reconcileReturns(ledger, result.rows, banks.bins.size > 0 ? banks.bins : undefined);
    const written = await publishOutputs(flags.out, buildReturnsOutputs(outcome, settings.pay), { force: Boolean(flags.force), created: new Date(`${settings.runDate}T00:00:00Z`) });

    const t = LABELS[settings.lang];
    const totals = returnsTotals(outcome);
    if (banks.bins.size > 0) {
      terminal.info(t.banks([...banks.bins].sort().map((b) => `${b} ${bankOfBin(b)?.shortName ?? ''}`.trim()).join(', '), banks.by));
    }
    for (const key of ['ledger', 'paid', ...NEEDS_ATTENTION, 'repeated_result', 'other_banks'] as const) {
      const total = totals[key]!;
      if (key !== 'ledger' && key !== 'paid' && total.lines === 0) continue;
      terminal.info(t.line(t[key], total.lines, total.amount));
    }
    terminal.info(t.written(flags.out, written.length));
    process.exitCode = NEEDS_ATTENTION.some((k) => totals[k]!.lines > 0) ? EXIT.attention : EXIT.ok;
  });
}
