// Step 1 and 2 of matching: the registry holds the row's ID (or old CMND). Is its owner the row's person, with
// only harmless differences (case, marks, a typo, a dropped middle name, year-only vs full date), or someone
// else, most often a relative whose ID was copied by mistake? The second must never be matched automatically.
import { checkIdAgainstPerson } from '../normalize/personal-id.js';
import type { Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { compareBirth } from './compare-birth.js';
import type { MatchFlag } from './flags.js';
import type { BirthLevel, NameLevel } from './levels.js';
import type { MatchOptions } from './options.js';
import { comparisonsText, nameComparison, nameNote, sexLevel } from './score-candidate.js';
import type { Candidate, Comparison } from './types.js';
import { totalText } from './weight-text.js';

export interface IdJudgement {
  /** Same person: the differences are harmless. */
  readonly agrees: boolean;
  /** Why not, in a few words ('' when it agrees). */
  readonly reason: string;
  readonly flags: readonly MatchFlag[];
  readonly candidate: Candidate;
}

// Levels that only ever differ in how a birth date was written down.
const CLOSE_BIRTH: readonly BirthLevel[] = ['exact', 'year-only', 'swapped', 'missing'];

function verdict(name: NameLevel, birth: BirthLevel, gap: number | null, sameGiven: boolean, options: MatchOptions): string {
  switch (name) {
    case 'missing':
      return 'the row has no name to confirm the ID by';
    case 'exact':
    case 'folded-exact':
      // A common name is shared within families (a mother and daughter both Nguyễn Thị Hoa): the same name with
      // birth years far apart is a namesake whose ID was copied, not a typo in the year.
      return birth === 'disagree' && gap !== null && gap >= options.idFarYears ? `same name but birth years ${gap} years apart: a namesake` : '';
    case 'middle-dropped':
    case 'middle-differs':
      return birth === 'disagree' ? 'middle name and birth year both differ' : '';
    case 'typo':
      if (!sameGiven) return CLOSE_BIRTH.includes(birth) ? '' : 'given name differs and the birth date does not confirm a typo';
      return birth === 'disagree' ? 'name has a typo and the birth year differs' : '';
    case 'given-only':
      return gap !== null && gap >= options.idFarYears ? `family name differs and birth years are ${gap} years apart` : '';
    case 'disagree':
      return 'given name differs: another person';
  }
}

export function judgeIdOwner(
  person: Person,
  registry: Registry,
  index: number,
  method: 'id' | 'cmnd',
  options: MatchOptions,
): IdJudgement {
  const reg = registry.get(index);
  const name = nameComparison(person, reg.name, registry, options);
  const birth = compareBirth(person.birth, reg.birth);
  const sex = sexLevel(person.sex, reg.sex);
  const gap = person.birth !== null && reg.birth !== null ? Math.abs(person.birth.year - reg.birth.year) : null;
  const sameGiven = person.name !== null && reg.name !== null && person.name.given === reg.name.given;
  const reason = verdict(name.level, birth, gap, sameGiven, options);

  const flags: MatchFlag[] = [];
  if (name.level === 'folded-exact') {
    const plain = (n: { key: string; folded: string } | null): boolean => n !== null && n.key === n.folded;
    flags.push(plain(person.name) || plain(reg.name) ? 'name_unaccented' : 'name_differs');
  } else if (name.level !== 'exact' && name.level !== 'missing') {
    flags.push('name_differs');
  }
  if (birth === 'swapped' || birth === 'year' || birth === 'year-near' || birth === 'disagree') flags.push('dob_differs');
  if (sex === 'disagree') flags.push('sex_differs');
  if (method === 'id' && reg.id !== null) {
    for (const f of checkIdAgainstPerson(reg.id, person.sex, person.birth?.year ?? null)) {
      if (f.code === 'id_sex_mismatch' || f.code === 'id_year_mismatch') flags.push(f.code);
    }
  }

  const m = options.m;
  const u = options.u;
  const comparisons: Comparison[] = [
    { field: 'name', level: name.level, weight: name.weight },
    { field: 'dob', level: birth, weight: birth === 'missing' ? 0 : Math.log2(m.birth[birth] / u.birth[birth]) },
    { field: 'sex', level: sex, weight: sex === 'missing' ? 0 : Math.log2(m.sex[sex] / u.sex[sex]) },
  ];
  const score = comparisons.reduce((s, c) => s + c.weight, 0);
  const years = reason !== '' && gap !== null && gap > 0 ? ` (birth years ${person.birth?.year} vs ${reg.birth?.year})` : '';
  return {
    agrees: reason === '',
    reason: reason + years,
    flags,
    candidate: {
      index,
      registryId: reg.id ?? '',
      score,
      comparisons,
      explanation: `${method}=found; ${comparisonsText(comparisons, nameNote(name))}; total ${totalText(score)}`,
    },
  };
}
