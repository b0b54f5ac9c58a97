// Words the people-facing outputs (workbooks, report.html, the terminal) use for codes; CSVs keep the codes.
import type { MatchStatus } from '../match/types.js';
import type { Sex } from '../types.js';

export const MATCH_STATUS_VI: Readonly<Record<MatchStatus, string>> = {
  matched: 'Khớp',
  review: 'Cần xem xét',
  unmatched: 'Không tìm thấy',
  invalid: 'Không hợp lệ',
};

/** 'Nam', 'Nữ', or '' when unknown. */
export function sexVi(sex: Sex | null): string {
  return sex === 'M' ? 'Nam' : sex === 'F' ? 'Nữ' : '';
}
