// Are two rows one person? The matcher's comparison levels and Fellegi–Sunter weights (m/u from MatchOptions),
// applied row to row. For a name that agrees, u is how many other people among the rows carry it, so the weight
// is log2(m / namesakes): agreeing on "Nguyễn Văn Hùng" (hundreds of namesakes) counts for little, on a rare name
// for much. As in the matcher, the population cancels out for agreeing names and is the prior for the others.
// Address is not compared: a person listed in two communes is exactly the duplicate being looked for.
import { compareBirth } from '../match/compare-birth.js';
import { compareNames } from '../match/compare-names.js';
import { idTypo } from '../match/id-typo.js';
import type { BirthLevel, IdLevel, NameLevel, SexLevel } from '../match/levels.js';
import type { MatchOptions } from '../match/options.js';
import { comparisonsText, sexLevel } from '../match/score-candidate.js';
import type { Comparison, MatchResult } from '../match/types.js';
import { totalText } from '../match/weight-text.js';
import type { Person } from '../types.js';
import { sharedScope, type NameFrequencies } from './name-frequencies.js';
import type { DedupeOptions } from './options.js';

export interface PairLevels {
  readonly name: NameLevel;
  readonly birth: BirthLevel;
  readonly sex: SexLevel;
  readonly id: IdLevel;
}

export interface PairScore {
  readonly score: number;
  readonly levels: PairLevels;
  readonly comparisons: readonly Comparison[];
  /** How many namesakes the name's weight was taken against, for the explanation. */
  readonly nameNote: string;
}

/** "name=folded-exact -0.7 [0 other(s) with this name in all lists]; dob=exact +14.1; …; total 14.3" */
export function pairExplanation(pair: PairScore): string {
  return `${comparisonsText(pair.comparisons, pair.nameNote)}; total ${totalText(pair.score)}`;
}

function probWeight<L extends string>(level: L | 'missing', m: Readonly<Record<L, number>>, u: Readonly<Record<L, number>>): number {
  return level === 'missing' ? 0 : Math.log2(m[level] / u[level]);
}

/** The matcher's ID levels, asked of two written IDs (equal IDs are a same_id link, not scored here). */
function idLevel(a: string | null, b: string | null): IdLevel {
  if (a === null || b === null || a === b) return 'missing';
  return idTypo(a, b) !== null ? 'typo' : 'disagree';
}

/**
 * A typo keeps the matcher's weight. Two well-formed IDs that differ otherwise are not the matcher's situation
 * (there the row's ID is already known to be wrong): two listings of one person rarely carry two such IDs, two
 * people always do, so the weight is log2 of that rarity.
 */
function idWeight(level: IdLevel, match: MatchOptions, options: DedupeOptions): number {
  if (level === 'typo') return Math.log2(match.m.id.typo / match.u.id.typo);
  return level === 'missing' ? 0 : Math.log2(options.idDiffersShare);
}

const MIN_PLACE_SHARE = 0.02;

const isPlaceholder = (d: Person['birth']): boolean => d !== null && d.day === 1 && d.month === 1;

/**
 * Two rows born "01/01/1946" agree on the year and on a placeholder that many strangers of that year also carry:
 * for a share s of dated rows written 01/01, strangers agree with chance u(year) · s², one person's two listings
 * with m(exact) · s, so the weight is log2(m(exact) / (u(year) · s)), never above a real date's.
 */
function birthWeight(a: Person, b: Person, level: BirthLevel, freq: NameFrequencies, match: MatchOptions): number {
  const weight = probWeight(level, match.m.birth, match.u.birth);
  if (level !== 'exact' || !isPlaceholder(a.birth) || !isPlaceholder(b.birth)) return weight;
  return Math.min(weight, Math.log2(match.m.birth.exact / (match.u.birth['year-only'] * freq.placeholderShare)));
}

function nameWeight(a: Person, b: Person, level: NameLevel, freq: NameFrequencies, match: MatchOptions): { weight: number; note: string } {
  if (level === 'missing' || a.name === null || b.name === null) return { weight: 0, note: '' };
  if (level === 'given-only' || level === 'disagree') {
    const population = Math.max(freq.rows, match.minPopulation);
    return { weight: Math.log2(match.m.name[level] / match.u.name[level]) - Math.log2(population), note: '' };
  }
  const byFamilyGiven = level === 'middle-dropped' || level === 'middle-differs';
  const scope = sharedScope(a, b);
  const count = byFamilyGiven
    ? freq.familyGivenCount(a.name.family, a.name.given, scope)
    : Math.max(freq.nameCount(a.name.folded, scope), freq.nameCount(b.name.folded, scope));
  const spread = level === 'typo' ? match.typoSpread : 1;
  // The matcher's smoothing stands for namesakes the counts do not show; in a village there are fewer of them than
  // in all the lists, in proportion to its rows, but never below a floor, so the name alone stays under ~6 bits.
  const unseen = match.tfSmoothing * Math.max(freq.share(scope), MIN_PLACE_SHARE);
  const namesakes = (Math.max(count - 1, 0) + unseen) * spread;
  const others = Math.max(count - 1, 0);
  const what = byFamilyGiven ? 'with this family and given name' : 'with this name';
  const where = scope === null ? 'in all lists' : scope.includes('|v:') ? 'in the village' : 'in the commune';
  return { weight: Math.log2(match.m.name[level] / namesakes), note: `${others} other(s) ${what} ${where}` };
}

/**
 * The ID a row stands for: the registry's correction when the matcher made one, else the row's own, except when
 * the matcher found that ID belongs to someone else (id_conflict): then the row has no ID of its own.
 */
export function rowId(r: MatchResult): string | null {
  if (r.flags.includes('id_conflict')) return null;
  return r.correctedId ?? r.person.personalId;
}

export function scorePair(
  a: Person,
  b: Person,
  ids: { readonly a: string | null; readonly b: string | null },
  freq: NameFrequencies,
  match: MatchOptions,
  options: DedupeOptions,
): PairScore {
  const nameLevel = compareNames(a.name, b.name);
  const name = nameWeight(a, b, nameLevel, freq, match);
  const birth = compareBirth(a.birth, b.birth);
  const sex = sexLevel(a.sex, b.sex);
  const id = idLevel(ids.a, ids.b);
  const comparisons: Comparison[] = [
    { field: 'name', level: nameLevel, weight: name.weight },
    { field: 'dob', level: birth, weight: birthWeight(a, b, birth, freq, match) },
    { field: 'sex', level: sex, weight: probWeight(sex, match.m.sex, match.u.sex) },
    { field: 'id', level: id, weight: idWeight(id, match, options) },
  ];
  const score = comparisons.reduce((sum, c) => sum + c.weight, 0);
  return {
    score,
    levels: { name: nameLevel, birth, sex, id },
    comparisons,
    nameNote: name.note,
  };
}
