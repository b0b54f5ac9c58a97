// Settings of the entitlement checks, under "rules" in asxh.config.json. The national rules are data
// (src/data/benefit-rules.ts); these override a standard level the table has wrong or not yet (a decree read
// since), and add a province's own higher levels, which the national table cannot know.
import type { RuleProgramme } from './types.js';

export interface StandardLevel {
  /** btxh: the standard level (mức chuẩn); ncc: the meritorious base; social_pension: its flat amount. */
  readonly programme: RuleProgramme;
  /** YYYY-MM-DD, the first day the level holds (until a later level of the table or of the settings). */
  readonly from: string;
  /** Whole đồng. */
  readonly level: number;
}

export interface ProvinceLevel {
  /** Every category of this programme (with `level`), or … */
  readonly programme?: RuleProgramme;
  /** … one category (its code, e.g. 'sp_75plus'), with `amount` or `level`. */
  readonly category?: string;
  /** YYYY-MM-DD, first day; `to` the last day ('' or absent: still in force). */
  readonly from: string;
  readonly to?: string;
  /** The province's own standard level: each category's coefficient × this level is accepted. */
  readonly level?: number;
  /** The province's own monthly amount for the category. */
  readonly amount?: number;
}

export interface RulesOptions {
  readonly standardLevels: readonly StandardLevel[];
  readonly provinceLevels: readonly ProvinceLevel[];
}

export const RULES_DEFAULTS: RulesOptions = {
  standardLevels: [],
  provinceLevels: [],
};
