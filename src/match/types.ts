import type { Flag } from './flags.js';
// What the matcher hands to dedupe, pay and the reports: one MatchResult per person row, each explainable.
import type { PartialDate, Person } from '../types.js';

export type MatchStatus = 'matched' | 'review' | 'unmatched' | 'invalid';
export type MatchMethod = 'id' | 'cmnd' | 'id_corrected' | 'fuzzy' | 'manual' | '';

/** One field compared: the level it reached and its Fellegi–Sunter weight in bits (log2 m/u). */
export interface Comparison {
  readonly field: string;
  readonly level: string;
  readonly weight: number;
}

export interface Candidate {
  /** Row index in the Registry (0-based, registry order). */
  readonly index: number;
  readonly registryId: string;
  readonly score: number;
  readonly comparisons: readonly Comparison[];
  readonly explanation: string;
}

export interface MatchResult {
  readonly person: Person;
  readonly status: MatchStatus;
  readonly method: MatchMethod;
  /** matched: the registry person's ID; review: the top candidate's ID, a proposal to confirm; else null. */
  readonly registryId: string | null;
  /**
   * fuzzy / id_corrected: log2 posterior odds (prior included); id / cmnd: sum of the comparison weights.
   * null when nothing was compared.
   */
  readonly score: number | null;
  readonly flags: readonly Flag[];
  readonly explanation: string;
  /** Top 3 candidates for review (the chosen one alone when matched). */
  readonly candidates: readonly Candidate[];
  /** id_corrected, id_of_relative: the registry ID that replaces the mistyped or borrowed one in the row. */
  readonly correctedId: string | null;
  /** The registry says the person (matched, or proposed for review) has died: the date, when known. */
  readonly deathDate: PartialDate | null;
}
