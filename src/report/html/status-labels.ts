// The words and colours of the match statuses on the page (the colours are told apart by lightness too, and every
// bar carries its number, so the chart reads in grey print).
import type { MatchStatus } from '../../match/types.js';

export { MATCH_STATUS_VI as STATUS_VI } from '../labels-vi.js';

export const STATUS_COLOUR: Readonly<Record<MatchStatus, string>> = {
  matched: '#2e7d32',
  review: '#f2b705',
  unmatched: '#c62828',
  invalid: '#616161',
};
