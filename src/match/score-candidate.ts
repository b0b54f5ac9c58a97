// Fellegi–Sunter scoring of one row against one registry person: a level per field, log2(m/u) per level, the
// name's u taken from how many registry people share the name. Every number in the total is in the explanation.
import type { RegistryPerson, Registry } from '../registry/registry.js';
import type { Person, PersonName } from '../types.js';
import { compareAddress } from './compare-address.js';
import { compareBirth } from './compare-birth.js';
import { compareNames } from './compare-names.js';
import { isIdTypoNumber } from './id-typo.js';
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

/** The name comparison, its weight, and the count behind it for the explanation ("2 in registry …"). */
export interface NameComparison {
  readonly level: NameLevel;
  readonly weight: number;
  /** Registry people sharing the name (or family and given name): -1 when no count was used. */
  readonly count: number;
  readonly byFamilyGiven: boolean;
}

export function nameComparison(
  person: Person,
  regName: PersonName | null,
  registry: Registry,
  options: MatchOptions,
): NameComparison {
  const level = compareNames(person.name, regName);
  if (level === 'missing' || regName === null) return { level, weight: 0, count: -1, byFamilyGiven: false };
  if (level === 'given-only' || level === 'disagree') {
    return { level, weight: Math.log2(options.m.name[level] / options.u.name[level]), count: -1, byFamilyGiven: false };
  }
  const byFamilyGiven = level === 'middle-dropped' || level === 'middle-differs';
  const count = byFamilyGiven ? registry.familyGivenCount(regName.family, regName.given) : registry.nameCount(regName.folded);
  const spread = level === 'typo' ? options.typoSpread : 1;
  const u = Math.min(1, (Math.max(count - 1, 0) + options.tfSmoothing) * spread / effectivePopulation(registry, options));
  return { level, weight: Math.log2(options.m.name[level] / u), count, byFamilyGiven };
}

/** "2 in registry with this name", or '' when the weight used no count. */
export function nameNote(name: NameComparison): string {
  if (name.count < 0) return '';
  return `${name.count} in registry ${name.byFamilyGiven ? 'with this family and given name' : 'with this name'}`;
}

function probWeight<L extends string>(level: L | 'missing', m: Readonly<Record<L, number>>, u: Readonly<Record<L, number>>): number {
  return level === 'missing' ? 0 : Math.log2(m[level] / u[level]);
}

export function sexLevel(a: Person['sex'], b: RegistryPerson['sex']): SexLevel {
  return a === null || b === null ? 'missing' : a === b ? 'agree' : 'disagree';
}

function idLevel(ctx: IdContext, registry: Registry, index: number): { level: IdLevel; typo: boolean } {
  const regId = registry.idNumberAt(index);
  if (Number.isNaN(regId)) return NO_ID;
  const regPrefix = Math.floor(regId / MILLION);
  if (ctx.writtenId !== null) {
    const written = Number(ctx.writtenId);
    if (isIdTypoNumber(written, regId)) return ID_TYPO;
    return { level: Math.floor(written / MILLION) === regPrefix ? 'prefix' : 'disagree', typo: false };
  }
  if (ctx.idPrefix !== null) return { level: Number(ctx.idPrefix) === regPrefix ? 'prefix' : 'disagree', typo: false };
  return NO_ID;
}

const MILLION = 1_000_000;
const NO_ID = { level: 'missing', typo: false } as const;
const ID_TYPO = { level: 'typo', typo: true } as const;

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
  const name = nameComparison(person, registry.nameAt(index), registry, options);
  const birth = compareBirth(person.birth, registry.birthAt(index));
  const sex = sexLevel(person.sex, registry.sexAt(index));
  const address = compareAddress(person, registry.addressKeyAt(index));
  const id = ctx.writtenId === null && ctx.idPrefix === null ? NO_ID : idLevel(ctx, registry, index);
  const weights = [
    name.weight,
    probWeight(birth, options.m.birth, options.u.birth),
    probWeight(sex, options.m.sex, options.u.sex),
    probWeight(address, options.m.address, options.u.address),
    probWeight(id.level, options.m.id, options.u.id),
  ] as const;
  const prior = priorWeight(registry, options);
  const score = prior + weights[0] + weights[1] + weights[2] + weights[3] + weights[4];
  return new FuzzyCandidate(registry, index, score, prior, weights, name, { name: name.level, birth, sex, address, id: id.level }, id.typo);
}

/**
 * A scored candidate whose texts and registry person are made only when read: a row's 30 candidates are all
 * scored, but only the best few are ever shown.
 */
class FuzzyCandidate implements ScoredCandidate {
  private explained: string | null = null;
  private shown: readonly Comparison[] | null = null;

  constructor(
    private readonly registry: Registry,
    readonly index: number,
    readonly score: number,
    private readonly prior: number,
    private readonly weights: readonly [number, number, number, number, number],
    private readonly name: NameComparison,
    readonly levels: Levels,
    readonly idTypo: boolean,
  ) {}

  get registryId(): string {
    return this.registry.idOf(this.index) ?? '';
  }

  get person(): RegistryPerson {
    return this.registry.get(this.index);
  }

  get comparisons(): readonly Comparison[] {
    const { levels: l, weights: w } = this;
    this.shown ??= [
      { field: 'name', level: l.name, weight: w[0] },
      { field: 'dob', level: l.birth, weight: w[1] },
      { field: 'sex', level: l.sex, weight: w[2] },
      { field: 'address', level: l.address, weight: w[3] },
      { field: 'id', level: l.id, weight: w[4] },
    ];
    return this.shown;
  }

  get explanation(): string {
    this.explained ??= `prior ${weightText(this.prior)}; ${comparisonsText(this.comparisons, nameNote(this.name))}; total ${totalText(this.score)}`;
    return this.explained;
  }
}
