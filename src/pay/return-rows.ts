// A bank's result file → one ReturnRow per line it reports. Banks lay these files out their own way, so the
// columns are found by their header text: a line reference (our line ID) or the account and amount, and the
// result, with the reason when the bank gives one. A file without such a header is refused.
import { AsxhError, quote } from '../errors.js';
import { parseAmount } from '../normalize/money.js';
import { foldText } from '../normalize/fold.js';
import type { CellValue, RawSheet } from '../types.js';
import { returnStatus } from './return-status.js';

export interface ReturnRow {
  /** 1-based row number in the return file. */
  readonly row: number;
  readonly lineId: string | null;
  readonly account: string | null;
  readonly amount: number | null;
  /** The bank the row names (a bank column: name, code or BIN), as written; null when the file has none. */
  readonly bank: string | null;
  readonly status: 'paid' | 'failed' | null;
  /** The result as the bank wrote it. */
  readonly statusText: string;
  readonly reason: string;
}

type Role = 'lineId' | 'account' | 'amount' | 'bank' | 'status' | 'reason';

const ALIASES: Readonly<Record<Role, readonly string[]>> = {
  lineId: ['line id', 'ma dong', 'ma tham chieu', 'so tham chieu', 'reference', 'ref', 'end to end id', 'endtoendid', 'ma giao dich khach hang', 'customer reference'],
  account: ['so tai khoan', 'so tk', 'tai khoan nhan', 'tai khoan', 'account number', 'account no', 'account', 'creditor account'],
  amount: ['so tien', 'amount', 'gia tri'],
  bank: ['ngan hang', 'ten ngan hang', 'ma ngan hang', 'nh thu huong', 'ngan hang thu huong', 'bank', 'bank name', 'bank code', 'beneficiary bank', 'bin'],
  status: ['trang thai', 'ket qua', 'tinh trang', 'status', 'result'],
  // Not "Mô tả"/"Description": in result files that is the transfer's own text.
  reason: ['ly do', 'mo ta loi', 'ghi chu', 'chi tiet', 'reason', 'error', 'message', 'note'],
};
// Our line IDs (see ids.ts), wherever the bank echoes them: its reference column or the transfer text.
const LINE_ID = /\bL\d{4}[0-9A-HJKMNP-TV-Z]{10}\b/;
const HEADER_SEARCH_ROWS = 30;

function key(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();
}

function roleOf(header: string): Role | null {
  const h = key(header);
  if (h === '') return null;
  // "Tên ngân hàng" names the bank, unlike the other "Tên …" headers; "Bank account" is the account.
  if (!/\b(account|tai khoan|tk)\b/.test(h) && ALIASES.bank.some((a) => h === a || h.startsWith(`${a} `))) return 'bank';
  // "Tên tài khoản" / "Account name" is the holder's name, not the number.
  if (/\b(name|ten)\b/.test(h)) return null;
  for (const role of Object.keys(ALIASES) as Role[]) {
    if (role === 'bank') continue;
    if (ALIASES[role].some((a) => h === a || h.startsWith(`${a} `))) return role;
  }
  return null;
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

function accountText(value: CellValue | undefined): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : null;
  const t = text(value).replace(/^'+/, '').replace(/[\s.\-]/g, '');
  return t === '' ? null : t;
}

/** A result sheet: its header row's texts (to tell the bank's template) and its rows. */
export interface ResultSheet {
  readonly header: readonly string[];
  readonly rows: ReturnRow[];
}

export function returnRowsFromSheet(sheet: RawSheet): ReturnRow[] {
  return readResultSheet(sheet).rows;
}

export function readResultSheet(sheet: RawSheet): ResultSheet {
  for (const raw of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const roles = new Map<Role, number>();
    raw.cells.forEach((cell, c) => {
      const role = roleOf(text(cell.value));
      if (role && !roles.has(role)) roles.set(role, c);
    });
    const canFind = roles.has('lineId') || (roles.has('account') && roles.has('amount'));
    if (!roles.has('status') || !canFind) continue;
    const col = (row: { cells: readonly { value: CellValue }[] }, role: Role): CellValue | undefined => {
      const c = roles.get(role);
      return c === undefined ? undefined : row.cells[c]?.value;
    };
    const out: ReturnRow[] = [];
    for (const row of sheet.rows) {
      if (row.row <= raw.row) continue;
      if (row.cells.every((c) => text(c.value) === '')) continue;
      const statusText = text(col(row, 'status'));
      const status = returnStatus(statusText);
      const reasonCell = text(col(row, 'reason'));
      const refText = text(col(row, 'lineId')).toUpperCase();
      const echoed = LINE_ID.exec(refText) ?? row.cells.map((c) => LINE_ID.exec(text(c.value).toUpperCase())).find((m) => m);
      const lineId = echoed?.[0] ?? (refText || null);
      const amountCell = col(row, 'amount');
      const account = accountText(col(row, 'account'));
      const bank = text(col(row, 'bank'));
      // A total or signature line under the table: no result, no reference, no account.
      if (statusText === '' && lineId === null && account === null) continue;
      out.push({
        row: row.row,
        lineId,
        account,
        amount: amountCell === undefined ? null : parseAmount({ value: amountCell ?? null }).value,
        bank: bank === '' ? null : bank,
        status: status.status,
        statusText,
        reason: reasonCell || status.rest,
      });
    }
    return { header: raw.cells.map((c) => text(c.value)), rows: out };
  }
  const where = sheet.sheet ? `${sheet.file} / ${sheet.sheet}` : sheet.file;
  throw new AsxhError(
    'input_no_header',
    {
      vi: `Không đọc được tệp kết quả của ngân hàng ${quote(where)}: không có dòng tiêu đề nào có cột kết quả (Trạng thái, Kết quả, Status) cùng mã tham chiếu của dòng (Mã tham chiếu, Reference) hoặc số tài khoản và số tiền (Số tài khoản, Số tiền).`,
      en: `Cannot read the bank's result file ${quote(where)}: no header row names a result column (Trạng thái, Kết quả, Status) with a line reference (Mã tham chiếu, Reference) or an account and amount (Số tài khoản, Số tiền).`,
    },
    {
      vi: 'Kiểm tra đây có đúng là tệp kết quả của ngân hàng; nếu tên cột khác, đổi thành "Mã tham chiếu" và "Trạng thái" rồi chạy lại.',
      en: 'Check that this is the bank\'s result file; if its headers differ, rename them to "Mã tham chiếu" and "Trạng thái" and run again.',
    },
  );
}
