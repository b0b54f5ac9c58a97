// The monthly rates of one category on one day: the national figure of the rules row in force (its standard level
// overridden by rules.standardLevels when the settings set a later one), and a province's own levels
// (rules.provinceLevels). Where the row gives no figure (the 2026 decrees' tables were not read), the last
// coefficient the category had is assumed unchanged, and the rate says it is inferred.
import { BENEFIT_RULES } from '../data/benefit-rules.js';
import type { RulesOptions } from './options.js';
import type { BenefitRule, RuleConfidence } from './types.js';

export interface CategoryRates {
  /** The rules row in force that day. */
  readonly rule: BenefitRule;
  /** The national monthly rate in đồng, or null when neither the table nor the settings give one. */
  readonly national: number | null;
  /** A province's own rates for the category that day. */
  readonly province: readonly number[];
  /** How sure the national rate is: the row's confidence, 'inferred' when its coefficient is carried over. */
  readonly confidence: RuleConfidence;
  /** The national rate comes from rules.standardLevels. */
  readonly fromSettings: boolean;
}

export function ruleInForce(category: string, day: string, table: readonly BenefitRule[] = BENEFIT_RULES): BenefitRule | null {
  return table.find((r) => r.category === category && r.validFrom <= day && (r.validTo === null || day <= r.validTo)) ?? null;
}

/** The row's coefficient, else the latest one an earlier row of the category had. */
function coefficientOf(rule: BenefitRule, table: readonly BenefitRule[]): { value: number | null; carried: boolean } {
  if (rule.coefficient !== null) return { value: rule.coefficient, carried: false };
  const earlier = table
    .filter((r) => r.category === rule.category && r.validFrom < rule.validFrom && r.coefficient !== null)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  return { value: earlier?.coefficient ?? null, carried: true };
}

/** A coefficient × a level: social assistance exactly; meritorious amounts (set in đồng) to the nearest 1,000. */
function times(rule: BenefitRule, coefficient: number | null, level: number): number | null {
  if (rule.programme === 'social_pension') return level;
  if (coefficient === null) return null;
  const v = coefficient * level;
  return rule.programme === 'ncc' ? Math.round(v / 1000) * 1000 : Math.round(v);
}

export function categoryRates(category: string, day: string, options: RulesOptions, table: readonly BenefitRule[] = BENEFIT_RULES): CategoryRates | null {
  const rule = ruleInForce(category, day, table);
  if (rule === null) return null;
  const coefficient = coefficientOf(rule, table);
  const override = options.standardLevels
    .filter((s) => s.programme === rule.programme && s.from <= day && s.from >= rule.validFrom)
    .sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  let national: number | null;
  let confidence = rule.confidence;
  if (override !== undefined) {
    national = times(rule, coefficient.value, override.level);
    // The level is the settings' own; what is still unsure is a coefficient carried over, or an ncc amount scaled.
    if (rule.programme !== 'social_pension' && (coefficient.carried || rule.programme === 'ncc')) confidence = 'inferred';
  } else if (rule.monthly !== null) {
    national = rule.monthly;
  } else {
    national = rule.baseLevel === null ? null : times(rule, coefficient.value, rule.baseLevel);
    confidence = 'inferred';
  }
  const province: number[] = [];
  for (const p of options.provinceLevels) {
    const fits = p.category !== undefined ? p.category === category : p.programme === rule.programme;
    if (!fits || p.from > day || (p.to !== undefined && p.to !== '' && day > p.to)) continue;
    const rate = p.amount ?? (p.level !== undefined ? times(rule, coefficient.value, p.level) : null);
    if (rate !== null) province.push(rate);
  }
  return { rule, national, province, confidence, fromSettings: override !== undefined };
}
