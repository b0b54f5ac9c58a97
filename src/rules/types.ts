// The entitlement rules as data: one row per category and period in which its amount held, as the decrees set
// them (src/data/benefit-rules.ts, written from the shared table by scripts/rules-from-tsv.mjs).

/** btxh: monthly social assistance (Decree 20/2021); ncc: meritorious people and their relatives; social_pension. */
export type RuleProgramme = 'btxh' | 'ncc' | 'social_pension';
export const RULE_PROGRAMMES: readonly RuleProgramme[] = ['btxh', 'ncc', 'social_pension'];

/**
 * How sure the row's figure is, from its notes: read in the legal text (the decree or its consolidated text),
 * from secondary sources (news, summaries), or inferred (no figure given, or its coefficient not confirmed:
 * the last known coefficient is assumed unchanged).
 */
export type RuleConfidence = 'legal_text' | 'secondary' | 'inferred';

/** Ages in whole years, counted from the month of the birthday: min inclusive, max exclusive; null is open. */
export interface AgeBand {
  readonly min: number | null;
  readonly max: number | null;
}

export interface BenefitRule {
  readonly programme: RuleProgramme;
  /** A short slug, e.g. 'elderly_80plus_no_pension'. */
  readonly category: string;
  /** The official wording of the category. */
  readonly wording: string;
  /** Decree, article, clause. */
  readonly legalBasis: string;
  /** The standard level (btxh), the meritorious base (ncc) the row's figure is set against; null for a flat amount. */
  readonly baseLevel: number | null;
  /** Monthly rate ÷ base level (for ncc derived: the decrees set amounts in đồng). */
  readonly coefficient: number | null;
  /** The monthly amount in đồng, when the table gives it. */
  readonly monthly: number | null;
  /** YYYY-MM-DD, the first day the row holds. */
  readonly validFrom: string;
  /** YYYY-MM-DD, the last day it holds; null while in force. */
  readonly validTo: string | null;
  /** The age condition as the table writes it ('>=4 and <16', '<16 or >=60', '16-22 studying', ''). */
  readonly ageRule: string;
  /** The ages of the person paid that fit (any band); empty: no condition on the person's own age. */
  readonly ages: readonly AgeBand[];
  /** The age condition is about someone else (the child raised or cared for), not the person paid. */
  readonly ageOfOther: boolean;
  /** The notes say the age boundaries are a reading, not the text's words. */
  readonly ageInferred: boolean;
  readonly confidence: RuleConfidence;
  /** The table's notes: its source and how sure it is. */
  readonly notes: string;
}
