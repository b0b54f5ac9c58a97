// Words the people-facing outputs (workbooks, report.html, the terminal) use for codes; CSVs keep the codes.
import type { Lang } from '../config/settings.js';
import type { MatchStatus } from '../match/types.js';
import type { Sex } from '../types.js';

export const MATCH_STATUS_VI: Readonly<Record<MatchStatus, string>> = {
  matched: 'Khớp',
  review: 'Cần xem xét',
  unmatched: 'Không tìm thấy',
  invalid: 'Không hợp lệ',
};

/** The bank of a person paid in cash, as people-facing outputs show it; CSVs for scripts keep the code 'cash'. */
export const CASH_BANK_LABEL: Readonly<Record<Lang, string>> = { vi: 'Tiền mặt', en: 'Cash' };

/** 'Nam', 'Nữ', or '' when unknown. */
export function sexVi(sex: Sex | null): string {
  return sex === 'M' ? 'Nam' : sex === 'F' ? 'Nữ' : '';
}
