// The counting rules of the page, one place: the notes at the bottom of report.html describe these same rules.
import type { MatchResult } from '../../match/types.js';
import type { ExclusionReason } from '../../pay/types.js';

/** The commune a row is counted under: the list's commune column, else the list's file (usually one per commune). */
export function communeOf(r: MatchResult): string {
  const written = r.person.commune?.trim();
  return written ? written : r.person.prov.file;
}

export const NO_PROGRAMME = '(không ghi diện hưởng)';

export function programmeOf(r: MatchResult): string {
  const written = r.person.programme?.trim();
  return written ? written : NO_PROGRAMME;
}

/** A key for joining payment lines and exceptions to rows by provenance. */
export function provKey(file: string, sheet: string, row: number): string {
  return `${file}\u0000${sheet}\u0000${row}`;
}

/** In the review queue: the matcher could not decide, or a duplicate group joins different registry people. */
export function inReviewQueue(r: MatchResult): boolean {
  return r.status === 'review' || r.flags.includes('duplicate_review');
}

/** The registry records the person (matched, or proposed for review) as dead. */
export function isDeceased(r: MatchResult): boolean {
  return r.flags.includes('deceased') || r.deathDate !== null;
}

/**
 * Without the payment stage, why a row would not be paid, in the payment stage's order; null when it would be.
 * Accounts and banks are not checked here: the page says the amount is an estimate before those checks.
 */
export function estimatedExclusion(r: MatchResult): ExclusionReason | null {
  if (r.flags.includes('duplicate')) return 'duplicate';
  if (inReviewQueue(r)) return 'review_pending';
  if (r.status === 'unmatched') return 'unmatched';
  if (r.status === 'invalid') return 'invalid';
  if (!r.registryId) return 'unmatched';
  if (isDeceased(r)) return 'deceased';
  const amount = r.person.amount;
  if (amount === null) return 'no_amount';
  if (!Number.isSafeInteger(amount) || amount <= 0) return 'amount_not_positive';
  return null;
}
