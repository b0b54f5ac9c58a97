// The shared table of benefit rules (benefit_rules_2021_2026.tsv) → the project's own rules data, and that data
// as the TypeScript module src/data/benefit-rules.ts. Pure: scripts/rules-from-tsv.mjs reads and writes the files,
// test/rules/benefit-rules-data.test.ts checks the module against the table when the table is at hand.
import { RULE_PROGRAMMES, type AgeBand, type BenefitRule, type RuleConfidence, type RuleProgramme } from './types.js';

const COLUMNS = [
  'programme',
  'category_code',
  'category_vi',
  'legal_basis',
  'base_level_vnd',
  'coefficient',
  'monthly_vnd',
  'valid_from',
  'valid_to',
  'age_rule',
  'notes',
] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function number(text: string, what: string, line: number): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`line ${line}: ${what} ${JSON.stringify(text)} is not a number`);
  return n;
}

/** One band of an age rule: '<4', '>=60', '>=4 and <16', '16-22' (from 16 up to, not including, 22). */
function band(text: string): AgeBand | null {
  let min: number | null = null;
  let max: number | null = null;
  for (const part of text.split(/\s+and\s+/)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part.trim());
    const cmp = /^(<|>=)\s*(\d+)$/.exec(part.trim());
    if (range) {
      min = Number(range[1]);
      max = Number(range[2]);
    } else if (cmp) {
      if (cmp[1] === '<') max = Number(cmp[2]);
      else min = Number(cmp[2]);
    } else {
      return null;
    }
  }
  return { min, max };
}

/**
 * The ages of the person paid an age rule allows. Words after the figures ('studying', '(poor/near-poor)') are
 * conditions the tool cannot see and are left out; a rule about a child raised or cared for ('child <36 months',
 * '>=4 and <16 (child)', and the foster and care categories) sets no condition on the person paid.
 */
export function parseAgeRule(rule: string, category: string): { ages: AgeBand[]; ageOfOther: boolean } {
  const ageOfOther = /\bchild\b/.test(rule) || /^(foster|care)_/.test(category);
  if (ageOfOther || rule.trim() === '') return { ages: [], ageOfOther };
  const figures = rule.replace(/\([^)]*\)/g, ' ').replace(/[a-z/]+(?<!and|or)\b/gi, (w) => (w === 'and' || w === 'or' ? w : ' ')).trim();
  const ages: AgeBand[] = [];
  for (const part of figures.split(/\s+or\s+/)) {
    const b = band(part.trim());
    if (b === null) throw new Error(`age rule ${JSON.stringify(rule)} of ${category} is not in a known form`);
    ages.push(b);
  }
  return { ages, ageOfOther };
}

/** How sure a row's figure is, from its notes (see RuleConfidence). */
export function confidenceOf(notes: string, coefficient: number | null, monthly: number | null): RuleConfidence {
  if (coefficient === null && monthly === null) return 'inferred';
  if (/coefficients? not confirmed/i.test(notes)) return 'inferred';
  if (/secondary/i.test(notes)) return 'secondary';
  if (/read in/i.test(notes)) return 'legal_text';
  return 'inferred';
}

export function rulesFromTsv(text: string): BenefitRule[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0]!.split('\t');
  if (COLUMNS.some((c, i) => header[i] !== c)) throw new Error(`the header is not ${COLUMNS.join(', ')}: ${header.join(', ')}`);
  const rules: BenefitRule[] = [];
  lines.slice(1).forEach((line, at) => {
    if (line.trim() === '') return;
    const n = at + 2;
    const cells = line.split('\t');
    const get = (c: (typeof COLUMNS)[number]): string => (cells[COLUMNS.indexOf(c)] ?? '').trim();
    const programme = get('programme');
    if (!(RULE_PROGRAMMES as readonly string[]).includes(programme)) throw new Error(`line ${n}: unknown programme ${JSON.stringify(programme)}`);
    const validFrom = get('valid_from');
    const validTo = get('valid_to') || null;
    if (!DATE.test(validFrom) || (validTo !== null && !DATE.test(validTo))) throw new Error(`line ${n}: dates must be YYYY-MM-DD`);
    const category = get('category_code');
    const coefficient = number(get('coefficient'), 'coefficient', n);
    const monthly = number(get('monthly_vnd'), 'monthly_vnd', n);
    const notes = get('notes');
    const ageRule = get('age_rule');
    rules.push({
      programme: programme as RuleProgramme,
      category,
      wording: get('category_vi'),
      legalBasis: get('legal_basis'),
      baseLevel: number(get('base_level_vnd'), 'base_level_vnd', n),
      coefficient,
      monthly,
      validFrom,
      validTo,
      ageRule,
      ...parseAgeRule(ageRule, category),
      ageInferred: /(age split|age thresholds|boundary reading)[^;]*inferred/i.test(notes),
      confidence: confidenceOf(notes, coefficient, monthly),
      notes,
    });
  });
  return rules;
}

/** The rules as the source of src/data/benefit-rules.ts: one rule a line, in the table's order. */
export function rulesModule(rules: readonly BenefitRule[], source: string): string {
  return [
    `// The national entitlement rules, one row per category and period in which its amount held. Written by`,
    `// scripts/rules-from-tsv.mjs from ${source}; regenerate rather than edit by hand`,
    `// (test/rules/benefit-rules-data.test.ts compares the two when the table is at hand). See README, Entitlement rules.`,
    `import type { BenefitRule } from '../rules/types.js';`,
    ``,
    `export const BENEFIT_RULES: readonly BenefitRule[] = [`,
    ...rules.map((r) => `  ${JSON.stringify(r)},`),
    `];`,
    ``,
  ].join('\n');
}
