// Which registry people are worth comparing with a row: the union of a few blocking keys, plus every registry ID
// one typo from the written one. Blocks of very common keys are skipped (and said so); the rest are ranked by a
// quick look at typed-array columns, and only the best few are built and fully compared.
import { distance } from 'fastest-levenshtein';
import type { BlockKey, BlockKind, Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { idTypoNeighbours } from './id-typo.js';
import type { MatchOptions } from './options.js';

export interface CandidateSearch {
  /** Registry rows to compare, best first by the quick ranking (ties in registry order). */
  readonly rows: readonly number[];
  /** Rows found as one-typo neighbours of the written ID. */
  readonly typoRows: ReadonlySet<number>;
  /** Blocks skipped for size, as "year+given (6,120 rows)". */
  readonly capped: readonly string[];
  /** More rows ranked as well as the best than could be compared: the winner cannot be told apart. */
  readonly crowded: boolean;
  /** Rows in the union before ranking. */
  readonly found: number;
}

const KIND_TEXT: Readonly<Record<BlockKind, string>> = {
  year_given: 'year+given',
  family_given: 'family+given',
  given_initial_sex: 'given+initial+sex',
  idprefix_given: 'id-prefix+given',
};

// Given names one edit from an unknown one are tried; more than this many means the name is too short to tell.
const MAX_NEAR_GIVENS = 8;

function nearGivens(given: string, registry: Registry): number[] {
  if (given.length < 2) return [];
  const codes: number[] = [];
  const names = registry.givenNames;
  for (let code = 0; code < names.length; code += 1) {
    const g = names[code] ?? '';
    if (Math.abs(g.length - given.length) <= 1 && distance(g, given) <= 1) {
      codes.push(code);
      if (codes.length > MAX_NEAR_GIVENS) return [];
    }
  }
  return codes;
}

export function findCandidates(
  person: Person,
  registry: Registry,
  options: MatchOptions,
  writtenId: string | null,
  idPrefix: string | null,
): CandidateSearch {
  const found = new Set<number>();
  const capped: string[] = [];
  const name = person.name;
  if (name !== null) {
    const known = registry.givenCode(name.given);
    const givens = known >= 0 ? [known] : nearGivens(name.given, registry);
    const base = {
      year: person.birth?.year ?? 0,
      family: registry.familyCode(name.family),
      initial: name.family.length > 0 ? name.family.charCodeAt(0) : 0,
      sex: person.sex === 'M' ? 1 : person.sex === 'F' ? 2 : 0,
      idPrefix: idPrefix === null ? -1 : Number(idPrefix),
    };
    for (const given of givens) {
      const key: BlockKey = { ...base, given };
      for (const kind of ['year_given', 'family_given', 'given_initial_sex', 'idprefix_given'] as const) {
        const block = registry.block(kind, key, options.maxBlockRows);
        if (block.capped) capped.push(`${KIND_TEXT[kind]} (${block.size.toLocaleString('en-US')} rows)`);
        for (const r of block.rows) found.add(r);
      }
    }
  }
  const typoRows = new Set<number>();
  if (writtenId !== null) {
    for (const id of idTypoNeighbours(writtenId)) for (const r of registry.findById(id)) typoRows.add(r);
  }
  for (const r of typoRows) found.add(r);

  const all = [...found].sort((a, b) => a - b);
  const quick = new Float64Array(all.length);
  all.forEach((r, i) => {
    quick[i] = quickScore(person, registry, r, typoRows.has(r));
  });
  const order = all.map((_, i) => i).sort((a, b) => (quick[b] ?? 0) - (quick[a] ?? 0) || (all[a] ?? 0) - (all[b] ?? 0));
  const keep = order.slice(0, options.maxCandidates);
  const best = keep.length > 0 ? (quick[keep[0] ?? 0] ?? 0) : 0;
  const next = order[options.maxCandidates];
  return {
    rows: keep.map((i) => all[i] ?? 0),
    typoRows,
    capped,
    crowded: next !== undefined && quick[next] === best,
    found: all.length,
  };
}

/** A rough score from typed arrays only, to pick which candidates are worth building. */
function quickScore(person: Person, registry: Registry, r: number, typo: boolean): number {
  let s = typo ? 20 : 0;
  const name = person.name;
  if (name !== null) {
    const given = registry.givenCode(name.given);
    const family = registry.familyCode(name.family);
    const sameGiven = given >= 0 && registry.givenCodeOf(r) === given;
    const sameFamily = family >= 0 && registry.familyCodeOf(r) === family;
    s += sameGiven && sameFamily ? 8 : sameGiven ? 2 : sameFamily ? 1 : 0;
  }
  const y = registry.birthYearOf(r);
  const b = person.birth;
  if (b !== null && y !== 0) {
    if (b.year === y) {
      s += b.month !== null && b.month === registry.birthMonthOf(r) && b.day === registry.birthDayOf(r) ? 14 : 3;
    } else {
      s += Math.abs(b.year - y) === 1 ? 1 : -4;
    }
  }
  const sex = registry.sexCodeOf(r);
  if (person.sex !== null && sex !== 0) s += (person.sex === 'M') === (sex === 1) ? 1 : -4;
  return s;
}
