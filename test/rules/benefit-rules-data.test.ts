// The project's rules data against the shared table it was written from (when the table is at hand: users and
// CI without /work/shared skip that part), and the data's own consistency either way.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENEFIT_RULES } from '../../src/data/benefit-rules.js';
import { parseAgeRule, rulesFromTsv } from '../../src/rules/rules-tsv.js';

const root = resolve(import.meta.dirname, '../..');
const name = 'benefit_rules_2021_2026.tsv';
const tsv = [process.env.ASXH_RULES_TSV, join(root, '..', 'shared', 'reference', name), join(root, '..', '..', 'shared', 'reference', name), join('/work/shared/reference', name)]
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p));

describe('src/data/benefit-rules.ts', () => {
  it.skipIf(tsv === undefined)('is what scripts/rules-from-tsv.mjs writes from the shared table', () => {
    expect(BENEFIT_RULES).toEqual(rulesFromTsv(readFileSync(tsv!, 'utf8')));
  });

  it('gives each category one rule a day: periods in order, none overlapping', () => {
    const byCategory = new Map<string, typeof BENEFIT_RULES[number][]>();
    for (const r of BENEFIT_RULES) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
    for (const [category, rules] of byCategory) {
      const sorted = [...rules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
      sorted.slice(1).forEach((r, i) => {
        const before = sorted[i]!;
        expect(before.validTo, category).not.toBeNull();
        expect(before.validTo! < r.validFrom, category).toBe(true);
      });
      expect(sorted.at(-1)!.validTo, `${category} is in force`).toBeNull();
    }
  });

  it('has coefficient × standard level = the monthly amount for every social-assistance row that gives both', () => {
    for (const r of BENEFIT_RULES.filter((x) => x.programme === 'btxh' && x.coefficient !== null && x.monthly !== null)) {
      expect(Math.round(r.coefficient! * r.baseLevel!), r.category).toBe(r.monthly);
    }
  });

  it('holds the standard levels 360,000, 500,000 from 1 Jul 2024 and 540,000 from 1 Jul 2026', () => {
    const levels = [...new Set(BENEFIT_RULES.filter((r) => r.programme === 'btxh').map((r) => `${r.validFrom} ${r.baseLevel}`))];
    expect(levels).toEqual(['2021-07-01 360000', '2024-07-01 500000', '2026-07-01 540000']);
  });

  it('says how sure each row is: legal text, secondary source, or inferred where no figure is confirmed', () => {
    const sure = (category: string, from: string) => BENEFIT_RULES.find((r) => r.category === category && r.validFrom === from)!.confidence;
    expect(sure('elderly_80plus_no_pension', '2021-07-01')).toBe('legal_text');
    expect(sure('elderly_80plus_no_pension', '2024-07-01')).toBe('secondary');
    expect(sure('elderly_80plus_no_pension', '2026-07-01')).toBe('inferred');
    expect(sure('pwd_severe', '2026-07-01')).toBe('inferred');
    expect(sure('sp_75plus', '2025-07-01')).toBe('secondary');
    expect(sure('than_nhan_1_liet_si', '2024-07-01')).toBe('legal_text');
  });
});

describe('age rules', () => {
  it.each([
    ['<4', 'child_nosupport_u4', [{ min: null, max: 4 }], false],
    ['>=4 and <16', 'child_nosupport_4_16', [{ min: 4, max: 16 }], false],
    ['16-22 studying', 'youth_nosupport_16_22_study', [{ min: 16, max: 22 }], false],
    ['<16 or >=60', 'pwd_severe_child_or_elderly', [{ min: null, max: 16 }, { min: 60, max: null }], false],
    ['>=70 and <75 (poor/near-poor)', 'sp_70_75_poor', [{ min: 70, max: 75 }], false],
    ['child <36 months', 'care_pwd_pregnant_or_1child_u36m', [], true],
    ['<4', 'foster_child_u4', [], true],
    ['', 'hiv_poor_no_income', [], false],
  ])('%s (%s)', (rule, category, ages, other) => {
    expect(parseAgeRule(rule, category)).toEqual({ ages, ageOfOther: other });
  });
});
