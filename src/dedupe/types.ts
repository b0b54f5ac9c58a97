// What the duplicate search hands to the reports and to payment. Members point into the MatchResult array the
// search was given (index), so every line of a report traces back to its row.
import type { Said } from '../errors.js';

/** Why a row is in a group, strongest first: one registry person, one personal ID, or a fuzzy agreement. */
export type DuplicateReason = 'same_registry_person' | 'same_id' | 'fuzzy';
export const REASON_STRENGTH: readonly DuplicateReason[] = ['same_registry_person', 'same_id', 'fuzzy'];

/**
 * keep: the row that is paid; exclude: another listing of the same person, never paid (flag `duplicate`);
 * keep_allowed: kept because its programme may coexist with the kept row's (reported, not excluded);
 * review: the group joins different registry people, so nobody is excluded until a person decides
 * (flag `duplicate_review`).
 */
export type MemberDecision = 'keep' | 'exclude' | 'keep_allowed' | 'review';

export interface DuplicateMember {
  /** Index into the MatchResult array given to findDuplicates. */
  readonly index: number;
  /** The strongest link joining this row to the others. */
  readonly reason: DuplicateReason;
  readonly decision: MemberDecision;
  /** Fuzzy links only: the best pair score of this row within the group (bits), else null. */
  readonly score: number | null;
}

export interface DuplicateGroup {
  /** 'D-' + 10 hex digits derived from who is in the group, stable from one run to the next. */
  readonly id: string;
  readonly kind: 'duplicate' | 'review';
  /** In file order (file as given, then sheet, then row). */
  readonly members: readonly DuplicateMember[];
  /** Distinct registry IDs of the members matched to the registry. */
  readonly registryIds: readonly string[];
  /** Why the group needs a person, for review groups; why this member was kept, otherwise. In English. */
  readonly explanation: string;
  /** The same in both languages, for duplicates.xlsx ("Giải thích"). */
  readonly explanationSaid: Said;
}

export interface SharedAccount {
  /** NAPAS BIN of the bank. */
  readonly bin: string;
  readonly account: string;
  /** Indexes into the MatchResult array, in file order. */
  readonly members: readonly number[];
}

export interface SkippedBlock {
  /** Which blocking key, e.g. 'given+year'; never the personal values themselves. */
  readonly kind: string;
  readonly rows: number;
}

export interface DedupeResult {
  /**
   * In file order of their first member. A row is in one group, or in two: a duplicate group settled by the
   * registry or one ID, and the review group around it.
   */
  readonly groups: readonly DuplicateGroup[];
  readonly sharedAccounts: readonly SharedAccount[];
  /** Blocks too large to compare pairwise (maxBlockRows). */
  readonly skippedBlocks: readonly SkippedBlock[];
  /** Row pairs scored fuzzily: the work done, for the bench. */
  readonly comparisons: number;
}

/** The registry person's permanent address, by registry ID; null when the ID is not known. */
export type RegistryAddressLookup = (registryId: string) => { readonly address: string | null } | null;
