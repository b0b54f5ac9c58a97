// The entitlement checks at their boundaries: the month of each birthday that changes a rate or a right,
// year-only birth dates, the month the standard level changes, several categories in one text, the settings.
import { describe, expect, it } from 'vitest';
import { RULES_DEFAULTS, type RulesOptions } from '../../src/rules/options.js';
import { ageInPeriod, checkEntitlement, entitlementProblems } from '../../src/rules/check-entitlement.js';
import { categoryRates } from '../../src/rules/rates.js';
import type { PartialDate, Person, Problem } from '../../src/types.js';
import { person } from '../pay/fixtures.js';

const born = (year: number, month: number | null = null, day: number | null = null): PartialDate => ({ year, month, day });

function codes(p: Person, period: string, rules: RulesOptions = RULES_DEFAULTS): string[] {
  return entitlementProblems(p, { period, rules }).map((x) => x.code);
}

function row(programme: string | null, birth: PartialDate | null, amount: number | null, extra: Partial<Person> = {}): Person {
  return person({ programme, birth, amount, ...extra });
}

describe('age in the period, counted from the month of the birthday', () => {
  it.each([
    [born(2021, 3, 15), '2025-02', { low: 3, high: 3, turns: null, yearOnly: false }],
    [born(2021, 3, 15), '2025-03', { low: 4, high: 4, turns: 4, yearOnly: false }],
    [born(2021, 3, 31), '2025-03', { low: 4, high: 4, turns: 4, yearOnly: false }],
    [born(2021, 3), '2025-03', { low: 4, high: 4, turns: 4, yearOnly: false }],
    [born(2021), '2025-01', { low: 3, high: 4, turns: 4, yearOnly: true }],
    [born(2021), '2025-07', { low: 3, high: 4, turns: null, yearOnly: true }],
    [born(2026, 5), '2025-03', null],
  ])('%j in %s', (birth, period, want) => {
    expect(ageInPeriod(birth, period)).toEqual(want);
  });

  it('takes a 01/01 placeholder for a year-only date', () => {
    expect(ageInPeriod(born(1945, 1, 1), '2025-03', true)).toEqual({ low: 79, high: 80, turns: null, yearOnly: true });
  });
});

describe('age milestones: info in the month of the birthday, only where the category changes there', () => {
  it.each([
    ['the 4th birthday of a child without support', 'Trẻ mồ côi', born(2021, 3, 10), '2025-03', 750_000, 'age_turns_4'],
    ['the 16th birthday of a child', 'Trẻ em mồ côi cả cha và mẹ', born(2009, 3, 2), '2025-03', 750_000, 'age_turns_16'],
    ['the 16th birthday of a disabled child', 'Người khuyết tật nặng', born(2009, 3, 2), '2025-03', 750_000, 'age_turns_16'],
    ['the 60th birthday of a disabled adult', 'KT nặng', born(1965, 3, 2), '2025-03', 1_000_000, 'age_turns_60'],
    ['the 75th birthday of an elderly person', 'Người cao tuổi', born(1950, 3, 2), '2025-03', 500_000, 'age_turns_75'],
    ['the 75th birthday under the social pension', 'Trợ cấp hưu trí xã hội', born(1950, 8), '2025-08', 500_000, 'age_turns_75'],
    ['the 80th birthday of an 80+ category', 'NCT từ 80 tuổi', born(1945, 3, 20), '2025-03', 500_000, 'age_turns_80'],
  ])('%s', (_what, programme, birth, period, amount, code) => {
    expect(codes(row(programme, birth, amount), period)).toContain(code);
  });

  it('says nothing the month before or after the birthday', () => {
    for (const period of ['2025-02', '2025-04']) expect(codes(row('Trẻ mồ côi', born(2021, 3, 10), period === '2025-02' ? 1_250_000 : 750_000), period)).toEqual([]);
    expect(codes(row('NCT từ 80 tuổi', born(1945, 4), 500_000), '2025-04')).toEqual(['age_turns_80']);
    expect(codes(row('NCT từ 80 tuổi', born(1945, 4), 500_000), '2025-05')).toEqual([]);
  });

  it('says nothing when the age changes nothing in the category (a war invalid turning 60)', () => {
    expect(codes(row('Thương binh', born(1965, 3), 3_667_000), '2025-03')).toEqual([]);
  });

  it('year-only dates: the notice comes in January of the year of the birthday, and never again', () => {
    expect(codes(row('Trẻ mồ côi', born(2021), 1_250_000), '2025-01')).toEqual(['age_turns_4']);
    for (const period of ['2024-12', '2025-02', '2025-12']) expect(codes(row('Trẻ mồ côi', born(2021), 1_250_000), period)).toEqual([]);
  });
});

describe('rates at the month of a birthday: the rate of the age reached that month', () => {
  it('a child is paid 2.5 × 500,000 up to the month before the 4th birthday, 1.5 × from that month', () => {
    const child = (amount: number) => row('Trẻ mồ côi', born(2021, 3, 10), amount);
    expect(codes(child(1_250_000), '2025-02')).toEqual([]);
    expect(codes(child(750_000), '2025-02')).toEqual(['amount_below_rate']);
    expect(codes(child(750_000), '2025-03')).toEqual(['age_turns_4']);
    expect(codes(child(1_250_000), '2025-03')).toEqual(['age_turns_4', 'amount_above_rate']);
  });

  it('a year-only child is paid either rate in the year of the 4th birthday, the one rate before and after', () => {
    const child = (amount: number) => row('Trẻ mồ côi', born(2021), amount);
    expect(codes(child(1_250_000), '2025-06')).toEqual([]);
    expect(codes(child(750_000), '2025-06')).toEqual([]);
    expect(codes(child(750_000), '2024-06')).toEqual(['amount_below_rate']);
    expect(codes(child(1_250_000), '2026-03')).toEqual(['amount_above_rate']);
  });

  it('the 80th birthday: "Người cao tuổi" at 80 fits the 80+ categories, at 79 the 60-80 one', () => {
    expect(codes(row('Người cao tuổi', born(1945, 3), 500_000), '2025-03')).toEqual(['age_turns_80']);
    expect(codes(row('Người cao tuổi', born(1945, 4), 750_000), '2025-03')).toEqual([]);
    expect(codes(row('Người cao tuổi thuộc hộ nghèo', born(1945, 3), 1_000_000), '2025-03')).toEqual(['age_turns_80']);
    expect(codes(row('Người cao tuổi thuộc hộ nghèo', born(1945, 3), 750_000), '2025-03')).toEqual(['age_turns_80', 'amount_below_rate']);
  });
});

describe('the month the standard level changes (500,000 from 1 Jul 2024)', () => {
  const elderly = (amount: number) => row('Người cao tuổi từ đủ 80 tuổi trở lên', born(1935, 5), amount);

  it('360,000 is right in 2024-06 and below the rate in 2024-07; 500,000 the other way round', () => {
    expect(codes(elderly(360_000), '2024-06')).toEqual([]);
    expect(codes(elderly(360_000), '2024-07')).toEqual(['amount_below_rate']);
    expect(codes(elderly(500_000), '2024-06')).toEqual(['amount_above_rate']);
    expect(codes(elderly(500_000), '2024-07')).toEqual([]);
  });

  it('names the rule, its rates and how sure it is in the message', () => {
    const [p] = entitlementProblems(elderly(360_000), { period: '2024-07', rules: RULES_DEFAULTS });
    expect(p!.message).toContain('Monthly 360,000 is below 500,000');
    expect(p!.message).toContain('elderly_80plus_no_pension 500,000');
    expect(p!.message).toContain('secondary sources');
    expect(p).toMatchObject({ column: 'amount', severity: 'warning' });
  });

  it('from 1 Jul 2026 (540,000, coefficients not read) the rate is inferred and says so', () => {
    const [p] = entitlementProblems(elderly(500_000), { period: '2026-07', rules: RULES_DEFAULTS });
    expect(p!.code).toBe('amount_below_rate');
    expect(p!.message).toContain('540,000');
    expect(p!.message).toContain('rule not confirmed');
  });
});

describe('amounts', () => {
  it('between two rates of the category but none of them: amount_not_a_rate', () => {
    expect(codes(row('Người khuyết tật', born(1980, 5), 800_000), '2025-03')).toEqual(['amount_not_a_rate']);
    // Its age leaves a severely disabled adult one rate: 800,000 is above it.
    expect(codes(row('Người khuyết tật nặng', born(1980, 5), 800_000), '2025-03')).toEqual(['amount_above_rate']);
  });

  it('accepts every rate of every category a text fits ("Người khuyết tật": severe or especially severe)', () => {
    for (const amount of [750_000, 1_000_000]) expect(codes(row('Người khuyết tật', born(1980, 5), amount), '2025-03')).toEqual([]);
    expect(codes(row('KTĐBN', born(1980, 5), 750_000), '2025-03')).toEqual(['amount_below_rate']);
    expect(codes(row('KTĐBN', born(2015, 5), 1_250_000), '2025-03')).toEqual([]);
  });

  it('compares the monthly rate when the list has one, not the amount with arrears', () => {
    const p = row('NCT từ 80 tuổi', born(1935, 5), 1_500_000, { money: { rate: 500_000, arrearsMonths: 2, arrearsAmount: 1_000_000, total: 1_500_000 } });
    expect(codes(p, '2025-03')).toEqual([]);
    const q = row('NCT từ 80 tuổi', born(1935, 5), 1_500_000, { money: { rate: null, arrearsMonths: 2, arrearsAmount: 1_000_000, total: 1_500_000 } });
    expect(codes(q, '2025-03')).toEqual([]);
    const r = row('NCT từ 80 tuổi', born(1935, 5), 860_000, { money: { rate: 360_000, arrearsMonths: null, arrearsAmount: null, total: null } });
    expect(entitlementProblems(r, { period: '2025-03', rules: RULES_DEFAULTS })[0]).toMatchObject({ code: 'amount_below_rate', column: 'rate' });
  });

  it('a war invalid is paid on a scale by percentage: any amount within it is not questioned', () => {
    expect(codes(row('Thương binh', born(1950, 5), 4_622_000), '2025-03')).toEqual([]);
    expect(codes(row('Thương binh', born(1950, 5), 1_000_000), '2025-03')).toEqual(['amount_below_rate']);
  });

  it("a martyr's relative may be paid the upkeep on top (2,789,000 + 2,231,000)", () => {
    expect(codes(row('Thân nhân liệt sĩ', born(1940, 5), 2_789_000), '2025-03')).toEqual([]);
    expect(codes(row('Thân nhân liệt sĩ', born(1940, 5), 5_020_000), '2025-03')).toEqual([]);
    expect(codes(row('Thân nhân liệt sĩ', born(1940, 5), 3_000_000), '2025-03')).toEqual(['amount_not_a_rate']);
  });

  it('a single poor parent is paid per child: whole multiples are right', () => {
    expect(codes(row('Người đơn thân nghèo đang nuôi con', born(1990, 5), 1_000_000), '2025-03')).toEqual([]);
    expect(codes(row('Người đơn thân nghèo đang nuôi con', born(1990, 5), 1_200_000), '2025-03')).toEqual(['amount_not_a_rate']);
  });

  it('no amount, no amount check', () => {
    expect(codes(row('NCT từ 80 tuổi', born(1935, 5), null), '2025-03')).toEqual([]);
  });
});

describe('ages that fit no category of the text', () => {
  it.each([
    ['an elderly category under 60', 'Người cao tuổi', born(1970, 5), 500_000, 'age_below_category'],
    ['an 80+ category at 79', 'NCT từ 80 tuổi', born(1945, 9), 500_000, 'age_below_category'],
    ['a child category from 22', 'Trẻ mồ côi', born(2003, 1), 750_000, 'age_above_category'],
    ['the 70-75 social pension at 76 and the 75+ one fits', 'Trợ cấp hưu trí xã hội', born(1949, 1), 500_000, null],
  ])('%s', (_what, programme, birth, amount, code) => {
    const found = codes(row(programme, birth, amount), '2025-08');
    if (code === null) expect(found).toEqual([]);
    else expect(found).toContain(code);
  });

  it('a year-only date is held against the category only when neither possible age fits', () => {
    expect(codes(row('NCT từ 80 tuổi', born(1945), 500_000), '2025-03')).toEqual([]);
    expect(codes(row('NCT từ 80 tuổi', born(1946), 500_000), '2025-03')).toEqual(['age_below_category']);
  });

  it('no birth date: every category of the text, no age finding', () => {
    expect(codes(row('Trẻ mồ côi', null, 750_000), '2025-03')).toEqual([]);
    expect(codes(row('Trẻ mồ côi', null, 1_250_000), '2025-03')).toEqual([]);
  });
});

describe('programme texts', () => {
  it('category_unknown for a text that fits no category, or only the whole programme', () => {
    for (const text of ['Người có công giúp đỡ cách mạng', 'BTXH', 'Hộ nghèo']) {
      const [p] = entitlementProblems(row(text, born(1950, 5), 500_000), { period: '2025-03', rules: RULES_DEFAULTS });
      expect(p).toMatchObject({ code: 'category_unknown', severity: 'info', column: 'programme' });
    }
  });

  it('the social pension before it existed (1 Jul 2025) is a category with no rule in force', () => {
    expect(codes(row('Trợ cấp hưu trí xã hội', born(1945, 5), 500_000), '2025-06')).toEqual(['category_unknown']);
  });

  it('no programme text: nothing to check, nothing said', () => {
    expect(codes(row(null, born(1950, 5), 500_000), '2025-03')).toEqual([]);
  });
});

describe('settings', () => {
  const elderly = row('NCT từ 80 tuổi', born(1935, 5), 650_000);

  it("a province's own level is accepted beside the national one", () => {
    expect(codes(elderly, '2025-03')).toEqual(['amount_above_rate']);
    const rules: RulesOptions = { standardLevels: [], provinceLevels: [{ programme: 'btxh', from: '2024-07-01', level: 650_000 }] };
    expect(codes(elderly, '2025-03', rules)).toEqual([]);
    expect(codes(row('NCT từ 80 tuổi', born(1935, 5), 500_000), '2025-03', rules)).toEqual([]);
    expect(codes(row('NCT từ 80 tuổi', born(1935, 5), 600_000), '2025-03', rules)).toEqual(['amount_not_a_rate']);
    expect(codes(elderly, '2024-06', rules)).toEqual(['amount_above_rate']);
  });

  it("a province's own amount for one category", () => {
    const rules: RulesOptions = { standardLevels: [], provinceLevels: [{ category: 'sp_75plus', from: '2025-07-01', amount: 650_000 }] };
    expect(codes(row('Trợ cấp hưu trí xã hội', born(1945, 5), 650_000), '2025-08', rules)).toEqual([]);
  });

  it('a standard level from the settings replaces the table from its date', () => {
    const rules: RulesOptions = { standardLevels: [{ programme: 'btxh', from: '2026-07-01', level: 600_000 }], provinceLevels: [] };
    expect(categoryRates('pwd_severe', '2026-07-01', rules)!.national).toBe(900_000);
    expect(categoryRates('pwd_severe', '2026-06-01', rules)!.national).toBe(750_000);
    expect(codes(row('NCT từ 80 tuổi', born(1935, 5), 600_000), '2026-08', rules)).toEqual([]);
    expect(codes(row('NCT từ 80 tuổi', born(1935, 5), 540_000), '2026-08', rules)).toEqual(['amount_below_rate']);
  });

  it('the 2026 rows without a figure carry the 2024 coefficient over: 1.5 × 540,000', () => {
    expect(categoryRates('pwd_severe_child_or_elderly', '2026-08-01', RULES_DEFAULTS)).toMatchObject({ national: 1_080_000, confidence: 'inferred' });
    expect(categoryRates('than_nhan_1_liet_si', '2026-08-01', RULES_DEFAULTS)).toMatchObject({ national: 3_012_000, confidence: 'inferred' });
  });
});

describe('checkEntitlement', () => {
  it('adds the problems to the row, located, and leaves a right row as it was', () => {
    const right = row('NCT từ 80 tuổi', born(1935, 5), 500_000);
    const earlier: Problem = { code: 'id_missing', severity: 'warning', file: 'ds-xa-tan-lap.xlsx', sheet: 'T12', row: 42, column: 'personal_id', raw: '', message: 'No personal ID.' };
    const out = checkEntitlement([right, row('NCT từ 80 tuổi', born(1935, 5), 360_000, { row: 42, problems: [earlier] })], { period: '2025-03', rules: RULES_DEFAULTS });
    expect(out[0]).toBe(right);
    expect(out[1]!.problems).toEqual([earlier, expect.objectContaining({ code: 'amount_below_rate', row: 42, file: 'ds-xa-tan-lap.xlsx', sheet: 'T12' })]);
  });

  it('does nothing for a period that is not a month (the payment stage refuses it)', () => {
    const p = row('NCT từ 80 tuổi', born(1935, 5), 360_000);
    expect(checkEntitlement([p], { period: '2025-13', rules: RULES_DEFAULTS })[0]).toBe(p);
  });
});
