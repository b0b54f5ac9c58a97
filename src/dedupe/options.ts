// Settings of the duplicate search. The fuzzy score is in bits, on the matcher's scale (its m/u weights), so a
// threshold reads the same way: each bit doubles the odds that two rows are one person.

export type KeepRule = 'registry_commune' | 'first';
export const KEEP_RULES: readonly KeepRule[] = ['registry_commune', 'first'];

export interface DedupeOptions {
  /**
   * Fuzzy: two rows at or above this score are one person. The score is log2 odds that the pair is one person
   * rather than two namesakes among the rows (see pair-score.ts): 8 bits ≈ 256 : 1. Chosen on generated lists
   * (test/dedupe/quality.test.ts): lower thresholds gain little recall and lose precision without a registry.
   */
  readonly fuzzyThreshold: number;
  /**
   * Which member of a group is paid: 'registry_commune' the row listed in the commune (or village) where the
   * registry says the person lives, else the first by file order; 'first' always the first by file order.
   */
  readonly keep: KeepRule;
  /**
   * Programmes one person may legitimately draw together (e.g. an NCC allowance beside a BTXH one). An entry
   * matches a row's programme (the Đối tượng / Diện hưởng text) when its folded words appear, in order, in the
   * folded programme: "Thương binh" matches "Thương binh hạng 2/4".
   */
  readonly allowedProgrammePairs: readonly (readonly [string, string])[];
  /**
   * Rows whose registry match is only a proposal (review) are linked to the rows matched to that registry person
   * when their pair score reaches this (bits): the proposal and the rows together are the evidence.
   */
  readonly proposalThreshold: number;
  /**
   * Share of the listings of one person whose two well-formed IDs differ by more than one typo (a relative's ID,
   * a mistake). Two rows with such IDs weigh log2(this) bits: 0.03 ≈ −5 bits.
   */
  readonly idDiffersShare: number;
  /** Blocks (rows sharing a blocking key) larger than this are not compared pairwise; the result says so. */
  readonly maxBlockRows: number;
}

export const DEDUPE_DEFAULTS: DedupeOptions = {
  fuzzyThreshold: 8,
  keep: 'registry_commune',
  allowedProgrammePairs: [],
  proposalThreshold: 0,
  idDiffersShare: 0.03,
  maxBlockRows: 2000,
};
