// control.xlsx: what the accountant and the chairman sign before the money leaves: for each batch and programme
// the number of lines and the total, in figures and in words, then the grand total and the signature blocks.
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { amountInWords } from './amount-in-words.js';
import { totalsFooter } from './signature-rows.js';
import type { PaymentLine } from './types.js';

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'stt', header: 'STT', width: 5 },
  { key: 'channel', header: 'Hình thức', width: 14 },
  { key: 'bank', header: 'Ngân hàng', width: 16 },
  { key: 'batch_id', header: 'Mã lô', text: true, width: 17 },
  { key: 'programme', header: 'Diện hưởng', width: 10 },
  { key: 'lines', header: 'Số người', kind: 'integer', width: 9 },
  { key: 'amount', header: 'Số tiền (đồng)', kind: 'integer', width: 15 },
  { key: 'words', header: 'Bằng chữ', width: 50 },
];

export interface ControlRow {
  readonly channel: 'bank' | 'cash';
  readonly bank: string;
  readonly batchId: string;
  readonly programme: string;
  readonly lines: number;
  readonly amount: number;
}

/** Lines grouped by batch and programme, in the order the batches are given. */
export function controlRows(lines: readonly PaymentLine[]): ControlRow[] {
  const rows = new Map<string, { channel: 'bank' | 'cash'; bank: string; batchId: string; programme: string; lines: number; amount: number }>();
  for (const l of lines) {
    const key = `${l.batchId}\u0000${l.programme}`;
    const row = rows.get(key) ?? {
      channel: l.channel,
      bank: l.channel === 'bank' ? (l.bank?.shortName ?? '') : 'Bưu điện',
      batchId: l.batchId,
      programme: l.programme,
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
  const [yyyy, mm] = titles.period.split('-');
  const totalLines = rows.reduce((s, r) => s + r.lines, 0);
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const totalRow: CellOut[] = [null, 'Tổng cộng', null, null, null, totalLines, total, amountInWords(total)];
  return {
    path,
    kind: 'xlsx',
    sheets: [
      {
        name: 'Tổng hợp',
        titleRows: [titles.issuer, 'BẢNG TỔNG HỢP CHI TRẢ TRỢ CẤP', `Tháng ${Number(mm)} năm ${yyyy}`],
        columns: COLUMNS,
        rows: rows.map((r, i) => [
          i + 1,
          r.channel === 'bank' ? 'Chuyển khoản' : 'Tiền mặt',
          r.bank,
          r.batchId,
          r.programme,
          r.lines,
          r.amount,
          amountInWords(r.amount),
        ]),
        footerRows: totalsFooter(totalRow, total, COLUMNS.length),
        print: { orientation: 'landscape', fitToWidth: true, repeatHeader: true },
      },
    ],
  };
}
