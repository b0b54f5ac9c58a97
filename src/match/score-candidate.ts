// Fellegi–Sunter scoring of one row against one registry person: a level per field, log2(m/u) per level, the
// name's u taken from how many registry people share the name. Every number in the total is in the explanation.
import type { RegistryPerson, Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { compareAddress } from './compare-address.js';
import { compareBirth } from './compare-birth.js';
import { compareNames } from './compare-names.js';
import { idTypo } from './id-typo.js';
import type { AddressLevel, BirthLevel, IdLevel, NameLevel, SexLevel } from './levels.js';
import type { MatchOptions } from './options.js';
import type { Candidate, Comparison } from './types.js';
import { totalText, weightText } from './weight-text.js';

export interface IdContext {
  /** The row's well-formed ID when the registry does not hold it (the fuzzy step asks about typos), else null. */
  readonly writtenId: string | null;
  /** The first six digits still known of a broken ID ("3.80412E+10" keeps 038041), else null. */
  readonly idPrefix: string | null;
}

export interface Levels {
  readonly name: NameLevel;
  readonly birth: BirthLevel;
  readonly sex: SexLevel;
  readonly address: AddressLevel;
  readonly id: IdLevel;
}

export interface ScoredCandidate extends Candidate {
  readonly levels: Levels;
  readonly person: RegistryPerson;
  /** The winner's ID is one typo from the written one. */
  readonly idTypo: boolean;
}

/** Population the prior and the term frequencies are counted against. */
export function effectivePopulation(registry: Registry, options: MatchOptions): number {
  return Math.max(registry.size, options.minPopulation);
}

export function priorWeight(registry: Registry, options: MatchOptions): number {
  return -Math.log2(effectivePopulation(registry, options));
}

/** The name comparison, its weight and the count behind it ("2 in registry"). */
export function nameComparison(
  person: Person,
  reg: RegistryPerson,
  registry: Registry,
  options: MatchOptions,
): { level: NameLevel; weight: number; note: string } {
  const level = compareNames(person.name, reg.name);
  if (level === 'missing' || reg.name === null) return { level, weight: 0, note: '' };
  if (level === 'given-only' || level === 'disagree') {
    return { level, weight: Math.log2(options.m.name[level] / options.u.name[level]), note: '' };
  }
  const byFamilyGiven = level === 'middle-dropped' || level === 'middle-differs';
  const count = byFamilyGiven ? registry.familyGivenCount(reg.name.family, reg.name.given) : registry.nameCount(reg.name.folded);
  const spread = level === 'typo' ? options.typoSpread : 1;
  const u = Math.min(1, (Math.max(count - 1, 0) + options.tfSmoothing) * spread / effectivePopulation(registry, options));
  const what = byFamilyGiven ? 'with this family and given name' : 'with this name';
  return { level, weight: Math.log2(options.m.name[level] / u), note: `${count} in registry ${what}` };
}

function probWeight<L extends string>(level: L | 'missing', m: Readonly<Record<L, number>>, u: Readonly<Record<L, number>>): number {
  return level === 'missing' ? 0 : Math.log2(m[level] / u[level]);
}

export function sexLevel(a: Person['sex'], b: RegistryPerson['sex']): SexLevel {
  return a === null || b === null ? 'missing' : a === b ? 'agree' : 'disagree';
}

function idLevel(ctx: IdContext, regId: string | null): { level: IdLevel; typo: boolean } {
  if (regId === null) return { level: 'missing', typo: false };
  if (ctx.writtenId !== null) {
    if (idTypo(ctx.writtenId, regId) !== null) return { level: 'typo', typo: true };
    return { level: ctx.writtenId.slice(0, 6) === regId.slice(0, 6) ? 'prefix' : 'disagree', typo: false };
  }
  if (ctx.idPrefix !== null) return { level: ctx.idPrefix === regId.slice(0, 6) ? 'prefix' : 'disagree', typo: false };
  return { level: 'missing', typo: false };
}

/** "field=level +w" items joined with "; ", the name's count in brackets. */
export function comparisonsText(comparisons: readonly Comparison[], nameNote: string): string {
  return comparisons
    .map((c) => `${c.field}=${c.level} ${weightText(c.weight)}${c.field === 'name' && nameNote !== '' ? ` [${nameNote}]` : ''}`)
    .join('; ');
}

export function scoreCandidate(
  person: Person,
  registry: Registry,
  index: number,
  options: MatchOptions,
  ctx: IdContext,
): ScoredCandidate {
  const reg = registry.get(index);
  const name = nameComparison(person, reg, registry, options);
  const birth = compareBirth(person.birth, reg.birth);
  const sex = sexLevel(person.sex, reg.sex);
  const address = compareAddress(person, reg.addressKey);
  const id = idLevel(ctx, reg.id);
  const comparisons: Comparison[] = [
    { field: 'name', level: name.level, weight: name.weight },
    { field: 'dob', level: birth, weight: probWeight(birth, options.m.birth, options.u.birth) },
    { field: 'sex', level: sex, weight: probWeight(sex, options.m.sex, options.u.sex) },
    { field: 'address', level: address, weight: probWeight(address, options.m.address, options.u.address) },
    { field: 'id', level: id.level, weight: probWeight(id.level, options.m.id, options.u.id) },
  ];
  const prior = priorWeight(registry, options);
  const score = comparisons.reduce((sum, c) => sum + c.weight, prior);
  // Written out only when asked for: most of a row's 30 candidates are never shown.
  let explanation: string | null = null;
  return {
    index,
    registryId: reg.id ?? '',
    score,
    comparisons,
    get explanation(): string {
      explanation ??= `prior ${weightText(prior)}; ${comparisonsText(comparisons, name.note)}; total ${totalText(score)}`;
      return explanation;
    },
    levels: { name: name.level, birth, sex, address, id: id.level },
    person: reg,
    idTypo: id.typo,
  };
}
