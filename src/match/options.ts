// Thresholds and Fellegi–Sunter probabilities of the matcher. Weights are log2(m/u) bits: m = P(level | same
// person), u = P(level | two different people). For the name, u is the name's own frequency in the registry
// (term-frequency adjustment), so agreeing on a common name counts for less than agreeing on a rare one.
//
// A fuzzy score is log2 posterior odds: prior + sum of weights, prior = -log2(population). With u = count /
// population for the name, the population cancels out for agreeing names; it matters only for candidates whose
// name does not agree. A registry smaller than minPopulation (a test, one commune's extract) is scored as if it
// were that large, so a tiny registry does not make every stranger a likely match.
import type { AddressLevel, BirthLevel, IdLevel, NameLevel, SexLevel } from './levels.js';

type Probs<L extends string> = Readonly<Record<Exclude<L, 'missing'>, number>>;

export interface MatchOptions {
  /** Fuzzy: a winner at or above this score (bits) may be matched. 7.5 bits ≈ 99.5 % posterior. */
  readonly matchThreshold: number;
  /**
   * Fuzzy: a winner below this is unmatched; between the two, review. 0 bits = even odds: a person is sent to
   * review only when the best candidate is at least as likely to be them as not. Below it the row is unmatched
   * (it still needs a person's attention, with the best candidate named in the explanation).
   */
  readonly reviewThreshold: number;
  /** Fuzzy: the winner must beat the runner-up by this many bits to be matched. */
  readonly margin: number;
  /** Smallest population the prior assumes (see above). */
  readonly minPopulation: number;
  /** Added to (count - 1) of a name: the chance that a name-twin exists the registry does not show. */
  readonly tfSmoothing: number;
  /** A name one typo away is this many times as common as the name itself. */
  readonly typoSpread: number;
  /** ID step: a birth-year gap of this many years or more with a different family name is another person. */
  readonly idFarYears: number;
  /** Blocks (candidate sets of one key) larger than this are skipped and the explanation says so. */
  readonly maxBlockRows: number;
  /** Candidates fully compared per row, the best by a quick pre-ranking. */
  readonly maxCandidates: number;
  /** Candidates kept in a review result. */
  readonly reviewCandidates: number;
  /** Name levels good enough for a fuzzy auto-match; anything weaker goes to review at best. */
  readonly autoMatchNameLevels: readonly NameLevel[];
  readonly m: {
    readonly name: Probs<NameLevel>;
    readonly birth: Probs<BirthLevel>;
    readonly sex: Probs<SexLevel>;
    readonly address: Probs<AddressLevel>;
    readonly id: Probs<IdLevel>;
  };
  /** u for the levels without term frequency (the name's exact, folded, typo and middle levels use counts). */
  readonly u: {
    readonly name: Readonly<Record<'given-only' | 'disagree', number>>;
    readonly birth: Probs<BirthLevel>;
    readonly sex: Probs<SexLevel>;
    readonly address: Probs<AddressLevel>;
    readonly id: Probs<IdLevel>;
  };
}

// One day in ~70 birth years: the chance two strangers share a full birth date.
const SAME_DAY = 1 / (365 * 70);
const SAME_YEAR = 1 / 70;

export const MATCH_DEFAULTS: MatchOptions = {
  matchThreshold: 7.5,
  reviewThreshold: 0,
  margin: 5,
  minPopulation: 1_000_000,
  tfSmoothing: 0.5,
  typoSpread: 3,
  idFarYears: 3,
  maxBlockRows: 5000,
  maxCandidates: 30,
  reviewCandidates: 3,
  autoMatchNameLevels: ['exact', 'folded-exact', 'middle-dropped', 'typo'],
  m: {
    // Lists often lose marks (capitals typed without them) and drop middle names; typos are rarer.
    name: {
      exact: 0.55,
      'folded-exact': 0.3,
      'middle-dropped': 0.06,
      typo: 0.05,
      'middle-differs': 0.01,
      'given-only': 0.01,
      disagree: 0.02,
    },
    // Many elderly people have a year only; lunar years are off by one; some machines swap day and month.
    birth: { exact: 0.7, swapped: 0.01, 'year-only': 0.15, year: 0.04, 'year-near': 0.05, disagree: 0.05 },
    sex: { agree: 0.97, disagree: 0.03 },
    // Registry addresses lag behind moves and the 2025 merger renamed communes.
    address: { village: 0.6, commune: 0.25, disagree: 0.15 },
    // Asked only when the row's written ID was not found: a typo, a shared prefix, or wholly wrong.
    id: { typo: 0.5, prefix: 0.3, disagree: 0.2 },
  },
  u: {
    name: { 'given-only': 0.004, disagree: 0.99 },
    birth: {
      exact: SAME_DAY,
      swapped: SAME_DAY,
      'year-only': SAME_YEAR,
      year: SAME_YEAR,
      'year-near': 2 * SAME_YEAR,
      disagree: 1 - 3 * SAME_YEAR,
    },
    sex: { agree: 0.5, disagree: 0.5 },
    address: { village: 0.03, commune: 0.1, disagree: 0.87 },
    // A stranger's ID one typo from the written one: ~119 neighbours among a million IDs. A shared
    // province+G+YY prefix says little beyond the birth year and sex already compared.
    id: { typo: 1e-6, prefix: 0.25, disagree: 0.75 },
  },
};
