// Which bank a result file answers for. A bank's result judges only that bank's lines, so whose file it is must
// be known before reconciling: the operator's --bank, else the file itself (a bank column, the headers of one
// bank's template, the line IDs it echoes), else a ledger that holds one bank only. When nothing tells, the run
// is refused: judging every bank's lines by one bank's file would report the others as having no result.
import { AsxhError, quote } from '../errors.js';
import { bankOfBin, resolveBank } from '../normalize/bank.js';
import { foldText } from '../normalize/fold.js';
import type { BankTemplate, PayOptions } from './options.js';
import type { ReturnRow } from './return-rows.js';
import type { LedgerLine } from './types.js';

export type BankEvidence = 'flag' | 'bank_column' | 'template' | 'line_ids' | 'one_bank';

export interface ResultBanks {
  /** BINs whose ledger lines the file judges. */
  readonly bins: ReadonlySet<string>;
  /** What told them. */
  readonly by: BankEvidence;
}

export interface ResultBankInput {
  /** The result file's name, for messages. */
  readonly file: string;
  /** The texts of its header row. */
  readonly header: readonly string[];
  readonly rows: readonly ReturnRow[];
  readonly ledger: readonly LedgerLine[];
  readonly pay: Pick<PayOptions, 'bankTemplates' | 'genericTemplate'>;
  /** --bank: a BIN, or a bank's name or code ("Agribank", "VCB"). */
  readonly flag?: string | undefined;
}

/** A BIN written as it is, or a bank's name or code; null when it names no bank. */
export function binOf(text: string): string | null {
  const t = text.trim().replace(/^'+/, '');
  if (/^\d{6}$/.test(t)) return t;
  const found = resolveBank({ value: t }).value;
  return found?.kind === 'bank' ? found.bank.bin : null;
}

function bankLabel(bin: string): string {
  const name = bankOfBin(bin)?.shortName;
  return name ? `${bin} ${name}` : bin;
}

function headerKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Every header of the template is in the file's header row (a result file adds its status columns). */
function hasTemplateHeaders(header: ReadonlySet<string>, template: BankTemplate): boolean {
  const wanted = template.columns.map((c) => headerKey(c.header)).filter((h) => h !== '');
  return wanted.length > 0 && wanted.every((h) => header.has(h));
}

export function resultBanks(input: ResultBankInput): ResultBanks {
  const ledgerBins = new Set(input.ledger.filter((l) => l.channel === 'bank' && l.bankBin !== '').map((l) => l.bankBin));
  const known = (): string => [...ledgerBins].sort().map(bankLabel).join(', ');

  if (input.flag !== undefined) {
    const bin = binOf(input.flag);
    if (bin === null) {
      throw new AsxhError(
        'usage',
        { vi: `Không dùng được --bank ${quote(input.flag)}: không phải mã BIN hay tên ngân hàng nào đã biết.`, en: `Cannot use --bank ${quote(input.flag)}: it is neither a BIN nor the name of a known bank.` },
        { vi: `Ghi mã BIN 6 chữ số hoặc tên ngân hàng của một dòng trong bảng kê: ${known()}.`, en: `Give the 6-digit BIN or the name of a bank of the ledger: ${known()}.` },
      );
    }
    if (!ledgerBins.has(bin)) {
      throw new AsxhError(
        'usage',
        { vi: `Không đối chiếu được kết quả của ngân hàng ${quote(bankLabel(bin))}: bảng kê không có dòng nào của ngân hàng này.`, en: `Cannot check the results of bank ${quote(bankLabel(bin))}: the ledger holds no line of that bank.` },
        { vi: `Bảng kê có các ngân hàng: ${known()}. Kiểm tra --bank và --ledger.`, en: `The ledger's banks are: ${known()}. Check --bank and --ledger.` },
      );
    }
    return { bins: new Set([bin]), by: 'flag' };
  }

  // A bank column: the banks its rows name (a combined file may name several).
  const named = new Set(input.rows.map((r) => (r.bank === null ? null : binOf(r.bank))).filter((b): b is string => b !== null));
  if (named.size > 0) {
    if (![...named].some((b) => ledgerBins.has(b))) {
      const names = [...named].sort().map(bankLabel).join(', ');
      throw new AsxhError(
        'usage',
        { vi: `Không đối chiếu được tệp kết quả ${quote(input.file)}: tệp ghi ngân hàng ${names}, mà bảng kê không có dòng nào của ngân hàng này.`, en: `Cannot check the result file ${quote(input.file)}: it names the bank(s) ${names}, and the ledger holds no line of them.` },
        { vi: `Bảng kê có các ngân hàng: ${known()}. Kiểm tra --ledger có đúng là bảng kê của lô đã gửi ngân hàng này không.`, en: `The ledger's banks are: ${known()}. Check that --ledger is the ledger of the batch sent to that bank.` },
      );
    }
    return { bins: named, by: 'bank_column' };
  }

  // The headers of exactly one bank's template: the bank's file sent back with its results.
  const header = new Set(input.header.map(headerKey).filter((h) => h !== ''));
  const byTemplate = [...ledgerBins].filter((bin) => hasTemplateHeaders(header, input.pay.bankTemplates[bin] ?? input.pay.genericTemplate));
  if (byTemplate.length === 1) return { bins: new Set(byTemplate), by: 'template' };

  // The line IDs the file echoes: the banks of the lines they name.
  const byId = new Map(input.ledger.map((l) => [l.lineId.toUpperCase(), l]));
  const echoed = new Set(
    input.rows
      .map((r) => (r.lineId === null ? undefined : byId.get(r.lineId)))
      .filter((l): l is LedgerLine => l !== undefined && l.channel === 'bank')
      .map((l) => l.bankBin),
  );
  if (echoed.size > 0) return { bins: echoed, by: 'line_ids' };

  if (ledgerBins.size <= 1) return { bins: ledgerBins, by: 'one_bank' };

  throw new AsxhError(
    'usage',
    {
      vi: `Không biết tệp kết quả ${quote(input.file)} là của ngân hàng nào: tệp không có cột ngân hàng, tiêu đề không khớp mẫu của ngân hàng nào, không dòng nào ghi mã dòng của bảng kê; mà bảng kê có ${ledgerBins.size} ngân hàng (${known()}).`,
      en: `Cannot tell which bank the result file ${quote(input.file)} is from: it has no bank column, its headers match no bank's template and no row names a line of the ledger, which holds ${ledgerBins.size} banks (${known()}).`,
    },
    { vi: `Ghi rõ ngân hàng bằng --bank, ví dụ --bank ${[...ledgerBins].sort()[0]}.`, en: `Say which bank with --bank, e.g. --bank ${[...ledgerBins].sort()[0]}.` },
  );
}
