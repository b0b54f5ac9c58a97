// Group IDs come from who is in the group, not from run order, so tonight's report can be compared with
// yesterday's: the same people give the same ID whatever the order of the files or rows.
import { createHash } from 'node:crypto';
import type { MatchResult } from '../match/types.js';
import { formatIsoPartialDate } from '../report/partial-date-text.js';
import { isRegistryMatched } from './fuzzy-links.js';
import { rowId } from './pair-score.js';

/** Who a row stands for: its registry person, else its personal ID, else its folded name and birth date. */
export function memberKey(r: MatchResult): string {
  if (isRegistryMatched(r)) return `R:${r.registryId}`;
  const id = rowId(r);
  if (id !== null) return `I:${id}`;
  const p = r.person;
  if (p.name !== null) return `N:${p.name.folded}|${p.birth ? formatIsoPartialDate(p.birth) : ''}`;
  return `P:${p.prov.file}|${p.prov.sheet}|${p.prov.row}`;
}

/** 'D-' + the first 10 hex digits of SHA-256 over the group's distinct member keys, sorted. */
export function groupId(keys: readonly string[]): string {
  const text = [...new Set(keys)].sort().join('\n');
  return `D-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 10)}`;
}
