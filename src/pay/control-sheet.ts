// control.xlsx: what the accountant and the chairman sign before the money leaves: for each batch and programme
// (named as the lists write it, its short code beside) the number of lines and the total, in figures and in
// words, each printed page closed by its own total ("Cộng trang"), then the grand total and the signature
// blocks. Boxed, on A4 landscape, one page wide.
import { foldText } from '../normalize/fold.js';
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { amountInWords } from './amount-in-words.js';
import { periodText } from './list-titles.js';
import { withPageTotals } from './page-totals.js';
import { totalsFooter } from './signature-rows.js';
import type { PaymentLine } from './types.js';

export const CONTROL_COLUMNS: readonly ColumnSpec[] = [
  { key: 'stt', header: 'STT', width: 5 },
  { key: 'channel', header: 'Hình thức', width: 13 },
  { key: 'bank', header: 'Ngân hàng', width: 14 },
  { key: 'batch_id', header: 'Mã lô', text: true, width: 16 },
  { key: 'programme_name', header: 'Diện hưởng', width: 26, wrap: true },
  { key: 'programme', header: 'Mã diện', width: 9 },
  { key: 'lines', header: 'Số người', kind: 'integer', width: 8 },
  { key: 'amount', header: 'Số tiền (đồng)', kind: 'integer', width: 15 },
  { key: 'words', header: 'Bằng chữ', width: 40, wrap: true },
];

const LINES_COL = CONTROL_COLUMNS.findIndex((c) => c.key === 'lines');
const AMOUNT_COL = CONTROL_COLUMNS.findIndex((c) => c.key === 'amount');

export interface ControlRow {
  readonly channel: 'bank' | 'cash';
  readonly bank: string;
  readonly batchId: string;
  /** The short code (IDs, bank descriptions). */
  readonly programme: string;
  /** The programme as the list writes it, '' when it names none. */
  readonly programmeName: string;
  readonly lines: number;
  readonly amount: number;
}

/** Lines grouped by batch and programme, in the order the batches are given. */
export function controlRows(lines: readonly PaymentLine[]): ControlRow[] {
  const rows = new Map<string, { -readonly [K in keyof ControlRow]: ControlRow[K] }>();
  for (const l of lines) {
    const name = l.result.person.programme?.trim() ?? '';
    const key = `${l.batchId}\u0000${l.programme}\u0000${foldText(name)}`;
    const row = rows.get(key) ?? {
      channel: l.channel,
      bank: l.channel === 'bank' ? (l.bank?.shortName ?? '') : 'Bưu điện',
      batchId: l.batchId,
      programme: l.programme,
      programmeName: name,
      lines: 0,
      amount: 0,
    };
    row.lines++;
    row.amount += l.amount;
    rows.set(key, row);
  }
  return [...rows.values()];
}

export function controlSheetFile(path: string, lines: readonly PaymentLine[], titles: { issuer: string; period: string }): OutputFile {
  const rows = controlRows(lines);
  const totalLines = rows.reduce((s, r) => s + r.lines, 0);
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const totalRow: CellOut[] = [null, 'Tổng cộng', null, null, null, null, totalLines, total, amountInWords(total)];
  return {
    path,
    kind: 'xlsx',
    sheets: [
      withPageTotals({
        name: 'Tổng hợp',
        titleRows: [titles.issuer, 'BẢNG TỔNG HỢP CHI TRẢ TRỢ CẤP', periodText(titles.period)],
        columns: CONTROL_COLUMNS,
        rows: rows.map((r, i) => [
          i + 1,
          r.channel === 'bank' ? 'Chuyển khoản' : 'Tiền mặt',
          r.bank,
          r.batchId,
          r.programmeName || r.programme,
          r.programme,
          r.lines,
          r.amount,
          amountInWords(r.amount),
        ]),
        footerRows: totalsFooter(totalRow, total, CONTROL_COLUMNS.length),
        print: { orientation: 'landscape', commune: titles.issuer, period: periodText(titles.period) },
        signing: { rowHeight: 30 },
      }, { labelCol: 1, label: () => 'Cộng trang', sumCols: [LINES_COL, AMOUNT_COL] }),
    ],
  };
}
