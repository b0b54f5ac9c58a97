// The payment stage: match results in, every payment file of the run out (under payments/), built in memory.
// Each row ends up in exactly one place: a bank batch, the cash list, or the exceptions.
import { AsxhError, quote } from '../errors.js';
import type { OutputFile } from '../write/output-spec.js';
import { bankBatchFile, type BankBatch } from './bank-batch-file.js';
import { cashListFile } from './cash-list.js';
import { controlSheetFile } from './control-sheet.js';
import { decideEligibility } from './eligibility.js';
import { exceptionsFile } from './exceptions-sheet.js';
import { batchId } from './ids.js';
import { issuerTitle } from './issuer-title.js';
import { ledgerCsv, toLedgerLine } from './ledger-csv.js';
import type { BankTemplate, DebitAccount, PayOptions } from './options.js';
import { pain001File } from './pain001.js';
import { accountHolderName, descriptionText, plainAscii } from './text-rules.js';
import { EXCLUSION_REASONS, type BatchSummary, type ExclusionReason, type Payee, type PayContext, type PaymentLine, type PaymentsBuilt, type PayInput } from './types.js';

export const PAYMENTS_DIR = 'payments';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function slug(text: string): string {
  return plainAscii(text).toLowerCase().replace(/\s+/g, '-') || 'x';
}

export function debitFor(programme: string, accounts: readonly DebitAccount[]): DebitAccount | null {
  return accounts.find((a) => a.programmes.includes(programme)) ?? accounts.find((a) => a.programmes.length === 0) ?? null;
}

function checkContext(options: PayOptions, context: PayContext): void {
  if (!PERIOD.test(options.period)) {
    throw new AsxhError(
      'usage',
      {
        vi: `Không lập được tệp chi trả: kỳ ${quote(options.period)} không phải một tháng viết dạng YYYY-MM.`,
        en: `Cannot make payment files: the period ${quote(options.period)} is not a month written YYYY-MM.`,
      },
      { vi: 'Cho biết tháng chi trả, ví dụ --period 2026-12.', en: 'Pass the month paid, e.g. --period 2026-12.' },
    );
  }
  if (!DATE.test(context.runDate)) {
    throw new AsxhError(
      'usage',
      {
        vi: `Không lập được tệp chi trả: ngày chạy ${quote(context.runDate)} không viết dạng YYYY-MM-DD.`,
        en: `Cannot make payment files: the run date ${quote(context.runDate)} is not written YYYY-MM-DD.`,
      },
      { vi: 'Dùng --run-date 2026-12-01, hoặc bỏ tùy chọn này để lấy ngày hôm nay.', en: 'Pass --run-date 2026-12-01, or leave it out to use today.' },
    );
  }
  if (context.override && context.override.reason.trim() === '') {
    throw new AsxhError(
      'usage',
      { vi: 'Không chi lại được các dòng của bảng kê đã phát hành: chưa ghi lý do chi lại.', en: 'Cannot pay again lines of an issued ledger: the override gives no reason.' },
      {
        vi: 'Ghi rõ vì sao chi lại cho những người này, ví dụ --override-reason "Lô 1 bị ngân hàng trả lại".',
        en: 'Say why these people are paid again, e.g. --override-reason "Lô 1 bị ngân hàng trả lại".',
      },
    );
  }
}

export function buildPayments(results: PayInput, options: PayOptions, context: PayContext): PaymentsBuilt {
  checkContext(options, context);
  const { payees, exclusions } = decideEligibility(results, options, {
    previousLedger: context.previousLedger ?? [],
    override: Boolean(context.override),
    allowedProgrammePairs: context.allowedProgrammePairs ?? [],
  });
  const notes: string[] = [];
  const files: OutputFile[] = [];
  const batches: BatchSummary[] = [];

  // Bank lines, grouped by bank and debit account; groups in BIN then account order so re-runs match.
  const bankGroups = new Map<string, { bin: string; debit: DebitAccount | null; template: BankTemplate; payees: Payee[] }>();
  for (const payee of payees) {
    if (payee.channel !== 'bank') continue;
    const bin = payee.bank!.bin;
    const debit = debitFor(payee.programme, options.debitAccounts);
    const key = `${bin}\u0000${debit?.id ?? ''}`;
    const group = bankGroups.get(key) ?? { bin, debit, template: options.bankTemplates[bin] ?? options.genericTemplate, payees: [] };
    group.payees.push(payee);
    bankGroups.set(key, group);
  }
  const bankLines: PaymentLine[] = [];
  for (const key of [...bankGroups.keys()].sort()) {
    const g = bankGroups.get(key)!;
    const id = batchId(options.period, g.bin, g.debit?.id ?? '', g.payees.map((p) => p.lineId));
    const lines = g.payees.map((p) => paymentLine(p, id, g.debit, g.template, options));
    const bankName = slug(g.payees[0]!.bank!.shortName);
    const suffix = g.debit && options.debitAccounts.length > 1 ? `-${slug(g.debit.id)}` : '';
    const path = `${PAYMENTS_DIR}/bank-${g.bin}-${bankName}${suffix}.${g.template.fileType}`;
    const batch: BankBatch = { batchId: id, path, lines };
    files.push(bankBatchFile(batch, g.template));
    batches.push({ batchId: id, channel: 'bank', bankBin: g.bin, debitAccountId: g.debit?.id ?? '', file: path, lines: lines.length, amount: sum(lines) });
    bankLines.push(...lines);
  }

  const cashPayees = payees.filter((p) => p.channel === 'cash');
  const cashBatch = batchId(options.period, 'cash', '', cashPayees.map((p) => p.lineId));
  const cashLines = cashPayees.map((p) => paymentLine(p, cashBatch, null, options.genericTemplate, options));
  const titles = { issuer: issuerTitle(options.issuer, results.map((r) => r.person.commune)), period: options.period };
  if (cashLines.length > 0) {
    const path = `${PAYMENTS_DIR}/cash-list.xlsx`;
    files.push(cashListFile(path, cashLines, titles));
    batches.push({ batchId: cashBatch, channel: 'cash', bankBin: '', debitAccountId: '', file: path, lines: cashLines.length, amount: sum(cashLines) });
  }

  if (options.pain001 && bankLines.length > 0) {
    if (bankLines.every((l) => l.debit !== null)) {
      const initiator = plainAscii(options.issuer) || bankLines[0]!.debit!.name;
      const executionDate = options.executionDate || context.runDate;
      files.push(pain001File({ path: `${PAYMENTS_DIR}/pain001-${options.period}.xml`, period: options.period, runDate: context.runDate, executionDate, initiator, lines: bankLines }));
    } else {
      notes.push('No pain.001 file was written: some bank lines have no debit account (set pay.debitAccounts in the config).');
    }
  }

  const all = [...bankLines, ...cashLines];
  const overrideReason = context.override?.reason.trim() ?? '';
  const ledger = all.map((l) => toLedgerLine(l, overrideReason));
  files.push(controlSheetFile(`${PAYMENTS_DIR}/control.xlsx`, all, titles));
  files.push(ledgerCsv(`${PAYMENTS_DIR}/ledger.csv`, ledger));
  files.push(exceptionsFile(`${PAYMENTS_DIR}/exceptions.xlsx`, exclusions, results, titles, context.lang ?? 'vi'));

  const byReason = Object.fromEntries(EXCLUSION_REASONS.map((r) => [r, 0])) as Record<ExclusionReason, number>;
  for (const e of exclusions) byReason[e.reason]++;
  const overridden = all.filter((l) => l.overridden).map((l) => l.lineId);
  return {
    files,
    lines: all,
    ledger,
    exclusions,
    summary: {
      period: options.period,
      bankLines: bankLines.length,
      bankAmount: sum(bankLines),
      cashLines: cashLines.length,
      cashAmount: sum(cashLines),
      exceptions: exclusions.length,
      byReason,
      batches,
      override: context.override ? { reason: context.override.reason.trim(), lineIds: overridden } : null,
      notes,
    },
  };
}

function paymentLine(p: Payee, batch: string, debit: DebitAccount | null, template: BankTemplate, options: PayOptions): PaymentLine {
  return {
    ...p,
    batchId: batch,
    debit,
    accountName: accountHolderName(p.payeeName, template.nameMax),
    description: descriptionText(options.description, { programme: p.programme, period: options.period, ref: p.lineId }, template.descriptionMax),
  };
}

function sum(lines: readonly { amount: number }[]): number {
  return lines.reduce((s, l) => s + l.amount, 0);
}
