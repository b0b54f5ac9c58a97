// The closing summary on stderr, in Vietnamese by default (the officers' language) or English.
import type { Lang } from '../config/settings.js';
import type { PaySummary } from '../pay/types.js';

/** 1500000 → '1.500.000', the Vietnamese way, without depending on the machine's locale data. */
function money(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const TEXT = {
  vi: {
    listLine: (file: string, read: number, people: number, skipped: number) =>
      `${file}: đọc ${read} dòng = ${people} đối tượng + ${skipped} dòng bỏ qua`,
    total: (read: number, people: number, skipped: number) => `Tổng: đọc ${read} dòng = ${people} đối tượng + ${skipped} dòng bỏ qua`,
    problems: (n: number, people: number) => `Dòng có lỗi hoặc cần xem lại: ${n}/${people}`,
    written: (dir: string, n: number) => `Đã ghi ${n} tệp vào ${dir}`,
    statuses: (s: string) => `Kết quả đối soát: ${s}`,
    status: { matched: 'khớp', review: 'cần xem xét', unmatched: 'không tìm thấy', invalid: 'không hợp lệ' } as Record<string, string>,
    deceased: (n: number) => `Đã mất theo CSDL dân cư: ${n}`,
    payments: (p: PaySummary) =>
      `Chi trả kỳ ${p.period}: qua ngân hàng ${p.bankLines} người, ${money(p.bankAmount)} đồng; tiền mặt ${p.cashLines} người, ${money(p.cashAmount)} đồng; ngoại lệ ${p.exceptions}`,
    noPayments: 'Chưa lập danh sách chi trả: thêm --period (ví dụ --period 2026-12).' as string,
  },
  en: {
    listLine: (file: string, read: number, people: number, skipped: number) =>
      `${file}: ${read} rows read = ${people} people + ${skipped} skipped`,
    total: (read: number, people: number, skipped: number) => `Total: ${read} rows read = ${people} people + ${skipped} skipped`,
    problems: (n: number, people: number) => `Rows with errors or warnings: ${n}/${people}`,
    written: (dir: string, n: number) => `Wrote ${n} files to ${dir}`,
    statuses: (s: string) => `Reconciliation: ${s}`,
    status: { matched: 'matched', review: 'review', unmatched: 'unmatched', invalid: 'invalid' } as Record<string, string>,
    deceased: (n: number) => `Deceased according to the registry: ${n}`,
    payments: (p: PaySummary) =>
      `Payments for ${p.period}: by bank ${p.bankLines} people, ${money(p.bankAmount)} VND; cash ${p.cashLines} people, ${money(p.cashAmount)} VND; exceptions ${p.exceptions}`,
    noPayments: 'No payment files written: add --period (e.g. --period 2026-12).' as string,
  },
} as const;

export type SummaryText = (typeof TEXT)['vi'];

export function summaryText(lang: Lang): SummaryText {
  return TEXT[lang];
}
