// Is each amount right for this person and this month? The entitlement stage: pure, after normalisation, when a
// payment period is set. Each row's programme text gives the categories it can stand for (programme-category.ts),
// its birth date its age in the period (ages count from the month of the birthday), the rules of the period the
// rates those categories pay (rates.ts). What it finds is put on the row as Problems; nothing is corrected and
// nobody's payment changes (exclusive-benefits.ts, through the duplicate rules, is the one exception).
//
// Year-only birth dates (and the 01/01 placeholder): the person's age is one of two in the period (not yet had, or
// had, the birthday), so a rate or category that fits either age is accepted; the milestone notices
// (age_turns_N) are given in January of the year of that birthday, the month a year-only date is counted from.
import type { Lang } from '../config/settings.js';
import type { Said } from '../errors.js';
import { PROBLEM_CODES, type ProblemCode } from '../normalize/problem-codes.js';
import type { PartialDate, Person, Problem } from '../types.js';
import type { RulesOptions } from './options.js';
import { programmeCategories } from './programme-category.js';
import { categoryRates, type CategoryRates } from './rates.js';
import type { AgeBand, BenefitRule } from './types.js';

export interface EntitlementOptions {
  /** The payment period, 'YYYY-MM'. */
  readonly period: string;
  readonly rules: RulesOptions;
  /** The rules table; the project's own (src/data/benefit-rules.ts) when absent. */
  readonly table?: readonly BenefitRule[];
}

/** The ages whose month is announced, and their codes. */
export const MILESTONES: ReadonlyMap<number, ProblemCode> = new Map<number, ProblemCode>([
  [4, 'age_turns_4'],
  [16, 'age_turns_16'],
  [60, 'age_turns_60'],
  [75, 'age_turns_75'],
  [80, 'age_turns_80'],
]);

/** Every code this stage may put on a row (benefits_exclusive comes from the duplicate stage). */
export const ENTITLEMENT_CODES: ReadonlySet<string> = new Set<string>([
  'amount_below_rate',
  'amount_above_rate',
  'amount_not_a_rate',
  ...MILESTONES.values(),
  'age_below_category',
  'age_above_category',
  'category_unknown',
  'benefits_exclusive',
]);

export interface AgeInPeriod {
  /** The youngest and oldest the person can be in the period (equal when the birth month is known). */
  readonly low: number;
  readonly high: number;
  /** The age reached in the period's month (the birthday month, or January for a year-only date), else null. */
  readonly turns: number | null;
  /** Only the birth year is known (or 01/01, the usual placeholder for it). */
  readonly yearOnly: boolean;
}

/** The person's age in the period's month; null when unknown or born after it. */
export function ageInPeriod(birth: PartialDate | null, period: string, placeholder = false): AgeInPeriod | null {
  if (birth === null) return null;
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const years = year - birth.year;
  if (birth.month === null || placeholder) {
    if (years < 0) return null;
    return { low: Math.max(0, years - 1), high: years, turns: month === 1 ? years : null, yearOnly: true };
  }
  const age = years - (month < birth.month ? 1 : 0);
  if (age < 0) return null;
  return { low: age, high: age, turns: month === birth.month ? years : null, yearOnly: false };
}

function bandFits(b: AgeBand, age: AgeInPeriod): boolean {
  return (b.min === null || age.high >= b.min) && (b.max === null || age.low < b.max);
}

function ruleFitsAge(rule: BenefitRule, age: AgeInPeriod | null): boolean {
  return age === null || rule.ages.length === 0 || rule.ages.some((b) => bandFits(b, age));
}

/** 1500000 as 1,500,000 in English and 1.500.000 in Vietnamese. */
const vnd = (n: number, lang: Lang = 'en'): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');

function ageText(age: AgeInPeriod, period: string, lang: Lang = 'en'): string {
  if (lang === 'vi') {
    const years = age.low === age.high ? `${age.high}` : `${age.low} hoặc ${age.high}`;
    return `${years} trong kỳ ${period}${age.yearOnly ? ' (chỉ biết năm sinh)' : ''}`;
  }
  const years = age.low === age.high ? `${age.high}` : `${age.low} or ${age.high}`;
  return `${years} in ${period}${age.yearOnly ? ' (only the birth year is known)' : ''}`;
}

function bandText(rule: BenefitRule, lang: Lang = 'en'): string {
  if (lang === 'vi') {
    return rule.ages.map((b) => (b.min !== null && b.max !== null ? `từ ${b.min} đến dưới ${b.max}` : b.min !== null ? `từ ${b.min}` : `dưới ${b.max}`)).join(' hoặc ');
  }
  return rule.ages.map((b) => (b.min !== null && b.max !== null ? `${b.min} to under ${b.max}` : b.min !== null ? `from ${b.min}` : `under ${b.max}`)).join(' or ');
}

interface Rated {
  readonly category: string;
  readonly rates: CategoryRates;
}

/** The rates a row may be paid: each category's national rate (and with an amount paid on top), and province levels. */
function acceptable(rated: readonly Rated[], extras: readonly Rated[]): { national: number[]; all: number[] } {
  const national: number[] = [];
  const all: number[] = [];
  for (const { rates } of rated) {
    if (rates.national !== null) {
      national.push(rates.national);
      all.push(rates.national);
      for (const e of extras) if (e.rates.national !== null) all.push(rates.national + e.rates.national);
    }
    all.push(...rates.province);
  }
  return { national, all };
}

function sureText(rated: readonly Rated[], lang: Lang = 'en'): string {
  const inferred = rated.filter((r) => r.rates.confidence === 'inferred');
  const parts: string[] = [];
  const basis = [...new Set(inferred.map((r) => r.rates.rule.legalBasis.split(' (')[0]))].join('; ');
  const vi = lang === 'vi';
  if (inferred.length > 0) {
    parts.push(vi ? `quy định chưa được xác nhận (${basis}): tạm coi hệ số đã biết gần nhất là không đổi` : `rule not confirmed (${basis}): the last known coefficient is assumed unchanged`);
  } else if (rated.some((r) => r.rates.confidence === 'secondary')) parts.push(vi ? 'quy định lấy từ nguồn thứ cấp' : 'rule from secondary sources');
  if (rated.some((r) => r.rates.fromSettings)) parts.push(vi ? 'mức chuẩn lấy từ cấu hình' : 'standard level from the settings');
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

function rateList(rated: readonly Rated[], lang: Lang = 'en'): string {
  const shown = rated.filter((r) => r.rates.national !== null).map((r) => `${r.category} ${vnd(r.rates.national!, lang)}`);
  const province = rated.flatMap((r) => r.rates.province.map((p) => `${r.category} ${vnd(p, lang)} (${lang === 'vi' ? 'tỉnh' : 'province'})`));
  return [...shown, ...province].join(', ');
}

// A list repeats a few programme texts over thousands of rows: each text's categories, and each category's rates
// in the period, are worked out once a run's options (a province's night: 1.3 s of 2.7 s in this stage).
interface Known {
  readonly fits: Map<string, ReturnType<typeof programmeCategories>>;
  readonly rates: Map<string, CategoryRates | null>;
}
const known = new WeakMap<EntitlementOptions, Known>();

function knownOf(options: EntitlementOptions): Known {
  let k = known.get(options);
  if (k === undefined) {
    k = { fits: new Map(), rates: new Map() };
    known.set(options, k);
  }
  return k;
}

function fitsOf(text: string, k: Known): ReturnType<typeof programmeCategories> {
  if (!k.fits.has(text)) k.fits.set(text, programmeCategories(text));
  return k.fits.get(text)!;
}

function ratesOf(category: string, day: string, options: EntitlementOptions, k: Known): CategoryRates | null {
  const key = `${category}\u0000${day}`;
  if (!k.rates.has(key)) k.rates.set(key, categoryRates(category, day, options.rules, options.table));
  return k.rates.get(key)!;
}

/** The entitlement problems of one person in the period. */
export function entitlementProblems(person: Person, options: EntitlementOptions): Problem[] {
  const k = knownOf(options);
  const out: Problem[] = [];
  // problems.csv keeps the English message; exceptions.xlsx shows messageSaid in the run's language.
  const add = (code: ProblemCode, column: string, raw: string | null | undefined, said: Said): void => {
    const where = { file: person.prov.file, sheet: person.prov.sheet, row: person.prov.row };
    out.push({ code, severity: PROBLEM_CODES[code].severity, ...where, column, raw: raw ?? '', message: said.en, messageSaid: said });
  };
  const text = person.programme;
  if (text === null || text.trim() === '') return out;
  const day = `${options.period}-01`;
  const fits = fitsOf(text, k);
  const rated: Rated[] = [];
  for (const category of fits?.codes ?? []) {
    const rates = ratesOf(category, day, options, k);
    if (rates !== null) rated.push({ category, rates });
  }
  if (fits === null || rated.length === 0) {
    const codes = fits?.codes.join(', ') ?? '';
    add(
      'category_unknown',
      'programme',
      person.raw.programme ?? text,
      fits === null
        ? {
            vi: `Chế độ ghi ${JSON.stringify(text)} không ứng với nhóm đối tượng nào của bảng quy định: chưa kiểm tra số tiền và tuổi.`,
            en: `The programme text ${JSON.stringify(text)} fits no category of the rules: the amount and age are not checked.`,
          }
        : {
            vi: `Chế độ ghi ${JSON.stringify(text)} ứng với ${codes}, nhưng không nhóm nào có quy định hiệu lực trong kỳ ${options.period}: chưa kiểm tra số tiền và tuổi.`,
            en: `The programme text ${JSON.stringify(text)} fits ${codes}, none of which has a rule in force in ${options.period}: the amount and age are not checked.`,
          },
    );
    return out;
  }

  const placeholder = person.problems.some((p) => p.code === 'date_placeholder');
  const age = ageInPeriod(person.birth, options.period, placeholder);
  const rawBirth = person.raw.birth_date ?? person.raw.birth_date_male ?? person.raw.birth_date_female;
  const byAge = rated.filter((r) => ruleFitsAge(r.rates.rule, age));
  const aged = rated.filter((r) => r.rates.rule.ages.length > 0);
  if (age !== null && byAge.length === 0) {
    const below = aged.some((r) => r.rates.rule.ages.some((b) => b.min !== null && age.high < b.min));
    const above = aged.every((r) => r.rates.rule.ages.every((b) => b.max !== null && age.low >= b.max));
    const which = (lang: Lang) => [...new Set(aged.map((r) => `${r.category} (${bandText(r.rates.rule, lang)})`))].join(', ');
    add(
      below && !above ? 'age_below_category' : 'age_above_category',
      'birth_date',
      rawBirth,
      {
        vi: `Tuổi ${ageText(age, options.period, 'vi')} không hợp với nhóm nào của ${JSON.stringify(text)}: ${which('vi')}.`,
        en: `Age ${ageText(age, options.period)} fits none of the categories of ${JSON.stringify(text)}: ${which('en')}.`,
      },
    );
  }
  if (age !== null && age.turns !== null) {
    const code = MILESTONES.get(age.turns);
    const boundary = aged.some((r) => r.rates.rule.ages.some((b) => b.min === age.turns || b.max === age.turns));
    if (code !== undefined && boundary) {
      const year = options.period.slice(0, 4);
      const when = age.yearOnly ? `in ${year} (only the birth year is known: counted from January)` : `in ${options.period}`;
      const whenVi = age.yearOnly ? `trong năm ${year} (chỉ biết năm sinh: tính từ tháng 1)` : `trong kỳ ${options.period}`;
      add(code, 'birth_date', rawBirth, {
        vi: `Đủ ${age.turns} tuổi ${whenVi}: kiểm tra nhóm đối tượng và mức hưởng của ${JSON.stringify(text)} từ tháng này.`,
        en: `Turns ${age.turns} ${when}: check the category and rate of ${JSON.stringify(text)} from this month.`,
      });
    }
  }

  // The monthly rate: the list's rate column, else the amount (unless it holds arrears the list does not separate).
  const money = person.money ?? null;
  const arrears = money !== null && ((money.arrearsAmount ?? 0) > 0 || (money.arrearsMonths ?? 0) > 0);
  const monthly = money?.rate ?? (arrears ? null : person.amount);
  if (monthly === null || monthly <= 0) return out;
  const column = money?.rate !== null && money?.rate !== undefined ? 'rate' : 'amount';
  const raw = column === 'rate' ? person.raw.rate : (person.raw.amount ?? person.raw.rate);
  const pool = byAge.length > 0 ? byAge : rated;
  const extras: Rated[] = [];
  for (const category of fits.extras) {
    const rates = ratesOf(category, day, options, k);
    if (rates !== null) extras.push({ category, rates });
  }
  const { national, all } = acceptable(pool, extras);
  if (national.length === 0) return out;
  const lowest = Math.min(...national);
  const highest = Math.max(...all, ...(fits.scale ? extras.map((e) => Math.max(...national) + (e.rates.national ?? 0)) : []));
  const right = fits.perUnit ? all.some((r) => monthly >= r && monthly % r === 0) : all.includes(monthly);
  if (right) return out;
  const rates = (lang: Lang) => `${rateList(pool, lang)}${sureText(pool, lang)}`;
  const ageNote = (lang: Lang): string => {
    if (age !== null) return lang === 'vi' ? ` (tuổi ${ageText(age, options.period, 'vi')})` : ` (age ${ageText(age, options.period)})`;
    if (aged.length === 0) return '';
    return lang === 'vi' ? ' (không rõ tuổi: tính mọi độ tuổi của các nhóm)' : ' (age unknown: every age of the categories)';
  };
  const of = (lang: Lang) => `${JSON.stringify(text)}${ageNote(lang)}: ${rates(lang)}`;
  const p = options.period;
  if (monthly < lowest) {
    add('amount_below_rate', column, raw, {
      vi: `Mức hằng tháng ${vnd(monthly, 'vi')} thấp hơn ${vnd(lowest, 'vi')}, mức quốc gia thấp nhất trong kỳ ${p} của ${of('vi')}.`,
      en: `Monthly ${vnd(monthly)} is below ${vnd(lowest)}, the lowest national rate in ${p} of ${of('en')}.`,
    });
  } else if (monthly > highest && !fits.perUnit) {
    add('amount_above_rate', column, raw, {
      vi: `Mức hằng tháng ${vnd(monthly, 'vi')} cao hơn ${vnd(highest, 'vi')}, mức cao nhất trong kỳ ${p} của ${of('vi')}. Nếu là mức riêng của tỉnh, khai báo trong rules.provinceLevels.`,
      en: `Monthly ${vnd(monthly)} is above ${vnd(highest)}, the highest rate in ${p} of ${of('en')}. A province's own level? Set it in rules.provinceLevels.`,
    });
  } else if (!fits.scale || monthly > highest) {
    add('amount_not_a_rate', column, raw, {
      vi: `Mức hằng tháng ${vnd(monthly, 'vi')} không phải mức nào trong kỳ ${p} của ${of('vi')}${fits.perUnit ? ' (hoặc bội số nguyên: theo số con)' : ''}.`,
      en: `Monthly ${vnd(monthly)} is none of the rates in ${p} of ${of('en')}${fits.perUnit ? ' (or a whole multiple: per child)' : ''}.`,
    });
  }
  return out;
}

/** Every person with the entitlement problems of the period added; a person without any is returned as is. */
export function checkEntitlement(people: readonly Person[], options: EntitlementOptions): Person[] {
  // A period that is not a month is refused by the payment stage, with its own message.
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.period)) return [...people];
  return people.map((p) => {
    const found = entitlementProblems(p, options);
    return found.length === 0 ? p : { ...p, problems: [...p.problems, ...found] };
  });
}
