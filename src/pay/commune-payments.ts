// One commune's own payment files, from the run's payment decision (never a second one): its control sheet
// (always), its cash list, its exceptions and a bank file per bank, under communes/<slug>/payments/. The lines
// keep the run's line IDs, so a bank that receives both the province's file and a commune's sees the same line
// twice: send one or the other (README).
import type { Lang } from '../config/settings.js';
import type { OutputFile } from '../write/output-spec.js';
import { bankBatchFile } from './bank-batch-file.js';
import { PAYMENTS_DIR, slug } from './build-payments.js';
import { cashListFile } from './cash-list.js';
import { controlSheetFile } from './control-sheet.js';
import { exceptionsFile } from './exceptions-sheet.js';
import { batchId } from './ids.js';
import { issuerTitle } from './issuer-title.js';
import type { PayOptions } from './options.js';
import type { Exclusion, PaymentLine } from './types.js';

export function communePaymentFiles(
  dir: string,
  commune: string | null,
  lines: readonly PaymentLine[],
  exclusions: readonly Exclusion[],
  options: PayOptions,
  lang: Lang = 'vi',
): OutputFile[] {
  const files: OutputFile[] = [];
  const titles = { issuer: issuerTitle('', [commune]), period: options.period };
  const banks = new Map<string, PaymentLine[]>();
  for (const l of lines) {
    if (l.channel !== 'bank') continue;
    const key = `${l.bank!.bin}\u0000${l.debit?.id ?? ''}`;
    banks.set(key, [...(banks.get(key) ?? []), l]);
  }
  // The commune's batches are its own: their IDs come from its lines, as the province's come from all of them.
  const own: PaymentLine[] = [];
  for (const key of [...banks.keys()].sort()) {
    const group = banks.get(key)!;
    const first = group[0]!;
    const template = options.bankTemplates[first.bank!.bin] ?? options.genericTemplate;
    const id = batchId(options.period, first.bank!.bin, first.debit?.id ?? '', group.map((l) => l.lineId));
    const path = `${dir}/${PAYMENTS_DIR}/bank-${first.bank!.bin}-${slug(first.bank!.shortName)}${first.debit && options.debitAccounts.length > 1 ? `-${slug(first.debit.id)}` : ''}.${template.fileType}`;
    const batchLines = group.map((l) => ({ ...l, batchId: id }));
    files.push(bankBatchFile({ batchId: id, path, lines: batchLines }, template));
    own.push(...batchLines);
  }
  const cash = lines.filter((l) => l.channel === 'cash');
  const cashId = batchId(options.period, 'cash', '', cash.map((l) => l.lineId));
  const cashLines = cash.map((l) => ({ ...l, batchId: cashId }));
  if (cashLines.length > 0) files.push(cashListFile(`${dir}/${PAYMENTS_DIR}/cash-list.xlsx`, cashLines, titles));
  files.push(controlSheetFile(`${dir}/${PAYMENTS_DIR}/control.xlsx`, [...own, ...cashLines], titles));
  files.push(exceptionsFile(`${dir}/exceptions.xlsx`, exclusions, [], titles, lang));
  return files;
}
