// The counting rules of the page, one place: the notes at the bottom of report.html describe these same rules.
import type { MatchResult } from '../../match/types.js';
import type { ExclusionReason } from '../../pay/types.js';
import { statusReason } from '../../pay/eligibility.js';
import { PAY_DEFAULTS } from '../../pay/options.js';

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
 * Without the payment stage, why a row would not be paid: the payment stage's own rule (statusReason), with the
 * default amount cap. Accounts and banks are not checked here: the page says the amount is an estimate before those checks.
 */
export function estimatedExclusion(r: MatchResult): ExclusionReason | null {
  return statusReason(r, PAY_DEFAULTS.amountCap)?.reason ?? null;
}
