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
  const blockRows: (readonly number[])[] = [];
  let blockTotal = 0;
  // Rows sharing the birth year (and a given name), and whether that block was whole: see rankedTop.
  const yearRows: (readonly number[])[] = [];
  let yearWhole = true;
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
        blockRows.push(block.rows);
        blockTotal += block.rows.length;
        if (kind === 'year_given') {
          yearRows.push(block.rows);
          if (block.capped) yearWhole = false;
        }
      }
    }
  }
  const typoRows = new Set<number>();
  if (writtenId !== null) {
    for (const id of idTypoNeighbours(writtenId)) for (const r of registry.findById(id)) typoRows.add(r);
  }
  let union = new Int32Array(blockTotal + typoRows.size);
  let n = 0;
  for (const rows of blockRows) for (let i = 0; i < rows.length; i += 1) union[n++] = rows[i] ?? 0;
  for (const r of typoRows) union[n++] = r;
  // Sorted and deduplicated in place: a typed array, not a Set, since blocks of a large registry hold thousands.
  union = union.subarray(0, n).sort();
  let found = 0;
  for (let i = 0; i < n; i += 1) if (i === 0 || union[i] !== union[i - 1]) union[found++] = union[i] ?? 0;

  const score = quickScorer(person, registry, typoRows);
  const birthYear = person.birth?.year ?? 0;
  const sameYear = name !== null && birthYear > 0 && yearWhole ? sortedUnique(yearRows, typoRows) : null;
  const top =
    (sameYear !== null ? topIfAboveRest(sameYear, score, options.maxCandidates) : null) ??
    topRows(union.subarray(0, found), score, options.maxCandidates);
  const best = top.rows.length > 0 ? (top.scores[0] ?? 0) : 0;
  const crowded = top.rows.length > options.maxCandidates && top.scores[options.maxCandidates] === best;
  return {
    rows: top.rows.slice(0, options.maxCandidates),
    typoRows,
    capped,
    crowded,
    found,
  };
}

/**
 * Every row of the union outside `sameYear` (the same-birth-year blocks, whole, plus the ID typo rows) carries one
 * of the row's given names and another birth year (or none), and is no ID typo: quickScorer gives it at most
 * 8 (given and family) + 1 (a year off by one) + 1 (sex). When the last place kept from `sameYear` alone beats
 * that, no other row can enter or reorder the top, so the large blocks need not be scored.
 */
const OTHER_YEAR_MAX_SCORE = 10;

function topIfAboveRest(
  sameYear: Int32Array,
  score: (r: number) => number,
  keep: number,
): { rows: number[]; scores: number[] } | null {
  const top = topRows(sameYear, score, keep);
  return top.rows.length === keep + 1 && (top.scores[keep] ?? 0) > OTHER_YEAR_MAX_SCORE ? top : null;
}

function sortedUnique(lists: readonly (readonly number[])[], extra: ReadonlySet<number>): Int32Array {
  let total = extra.size;
  for (const rows of lists) total += rows.length;
  const all = new Int32Array(total);
  let n = 0;
  for (const rows of lists) for (let i = 0; i < rows.length; i += 1) all[n++] = rows[i] ?? 0;
  for (const r of extra) all[n++] = r;
  all.sort();
  let m = 0;
  for (let i = 0; i < n; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[m++] = all[i] ?? 0;
  return all.subarray(0, m);
}

/**
 * The best `keep` rows by quick score (ties in registry order), plus the next one, which tells whether the
 * last places were a tie. Rows come in ascending order, so a later row never displaces an equal score.
 */
function topRows(rows: Int32Array, score: (r: number) => number, keep: number): { rows: number[]; scores: number[] } {
  const limit = keep + 1;
  const outRows: number[] = [];
  const outScores: number[] = [];
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i] ?? 0;
    const s = score(r);
    if (outRows.length === limit && s <= (outScores[limit - 1] ?? 0)) continue;
    let at = outRows.length === limit ? limit - 1 : outRows.length;
    while (at > 0 && (outScores[at - 1] ?? 0) < s) {
      outScores[at] = outScores[at - 1] ?? 0;
      outRows[at] = outRows[at - 1] ?? 0;
      at -= 1;
    }
    outScores[at] = s;
    outRows[at] = r;
  }
  return { rows: outRows, scores: outScores };
}

/** A rough score from typed arrays only, to pick which candidates are worth building (keep OTHER_YEAR_MAX_SCORE true). */
function quickScorer(person: Person, registry: Registry, typoRows: ReadonlySet<number>): (r: number) => number {
  const name = person.name;
  // Looked up once per row, not per candidate: each is a string-keyed Map lookup.
  const given = name === null ? -1 : registry.givenCode(name.given);
  const family = name === null ? -1 : registry.familyCode(name.family);
  const b = person.birth;
  const sex = person.sex;
  return (r) => {
    let s = typoRows.size > 0 && typoRows.has(r) ? 20 : 0;
    if (name !== null) {
      const sameGiven = given >= 0 && registry.givenCodeOf(r) === given;
      const sameFamily = family >= 0 && registry.familyCodeOf(r) === family;
      s += sameGiven && sameFamily ? 8 : sameGiven ? 2 : sameFamily ? 1 : 0;
    }
    const y = registry.birthYearOf(r);
    if (b !== null && y !== 0) {
      if (b.year === y) {
        s += b.month !== null && b.month === registry.birthMonthOf(r) && b.day === registry.birthDayOf(r) ? 14 : 3;
      } else {
        s += Math.abs(b.year - y) === 1 ? 1 : -4;
      }
    }
    const rs = registry.sexCodeOf(r);
    if (sex !== null && rs !== 0) s += (sex === 'M') === (rs === 1) ? 1 : -4;
    return s;
  };
}
