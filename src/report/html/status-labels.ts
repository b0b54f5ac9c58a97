// The words and colours of the match statuses on the page (the colours are told apart by lightness too, and every
// bar carries its number, so the chart reads in grey print).
import type { MatchStatus } from '../../match/types.js';

export const STATUS_VI: Readonly<Record<MatchStatus, string>> = {
  matched: 'Khớp',
  review: 'Cần xem xét',
  unmatched: 'Không tìm thấy',
  invalid: 'Không hợp lệ',
};

export const STATUS_COLOUR: Readonly<Record<MatchStatus, string>> = {
  matched: '#2e7d32',
  review: '#f2b705',
  unmatched: '#c62828',
  invalid: '#616161',
};
