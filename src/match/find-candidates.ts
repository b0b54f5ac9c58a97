// Which registry people are worth comparing with a row: the union of a few blocking keys, plus every registry ID
// one typo from the written one. Blocks of very common keys are skipped (and said so); the rest are ranked by a
// quick look at typed-array columns as they are met, and only the best few are fully compared. A block's rows
// come in registry order, the order ties are broken by, so a block is left once none of the rest can enter.
import { distance } from 'fastest-levenshtein';
import { monthDay, type BlockKey, type BlockKind, type RankColumns, type Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { idTypoNeighbourNumbers } from './id-typo.js';
import { RowMarks } from './row-marks.js';
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
  /** Distinct rows met and ranked (the rest of a block left once it could not enter the places is not among them). */
  readonly found: number;
}

const KIND_TEXT: Readonly<Record<BlockKind, string>> = {
  year_given: 'year+given',
  given_date: 'given+birth date',
  family_given_year: 'family+given+year',
  family_given_date: 'family+given+day+month',
  family_given: 'family+given',
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
  const typoRows = new Set<number>();
  if (writtenId !== null && /^\d{12}$/.test(writtenId)) {
    for (const id of idTypoNeighbourNumbers(writtenId)) for (const r of registry.findByIdNumber(id)) typoRows.add(r);
  }
  const ranker = new QuickRanker(person, registry, typoRows, options.maxCandidates + 1);
  const capped: string[] = [];
  const waiting: BlockKey[] = [];
  const nearYears: BlockKey[] = [];
  // Whether every row a waiting block could add is known to rank at most SKIPPABLE_MAX.
  let boundHolds = true;
  // A block within the cap, ranked as it is scanned, and left as soon as its other rows cannot enter the places.
  const offerBlock = (kind: BlockKind, key: BlockKey, most: number): void => {
    registry.scanBlock(kind, key, (rows) => ranker.offerAll(rows, most));
  };
  const name = person.name;
  if (name !== null) {
    const known = registry.givenCode(name.given);
    const givens = known >= 0 ? [known] : nearGivens(name.given, registry);
    const birth = person.birth;
    const base = {
      year: birth?.year ?? 0,
      family: registry.familyCode(name.family),
      monthDay: monthDay(birth?.month ?? 0, birth?.day ?? 0),
      idPrefix: idPrefix === null ? -1 : Number(idPrefix),
    };
    for (const given of givens) {
      // Once the given name's block of the row's very birth date is ranked (it comes first), no other block of
      // that given name holds anyone born that day: their bounds drop from 14 for the date to 3 for the year.
      let dateRanked = false;
      for (const [kind, key] of blockPlan({ ...base, given })) {
        // A year's block can wait, as can the family's blocks of the years either side (whose people rank 10 at
        // most: 8 for the name, 1 for the year, 1 for the sex): they may not need visiting at all once the row's
        // own year has filled the places (see SKIPPABLE_MAX and mostIn).
        const near = kind === 'family_given_year' && key.year !== base.year;
        const deferrable = kind === 'year_given' || near;
        if (registry.blockBound(kind, key) > options.maxBlockRows) {
          // Its bucket is over the cap: the block itself is counted now, since a skipped block is said in plan
          // order. The rows are lent by the registry until its next block.
          const block = registry.blockRows(kind, key, options.maxBlockRows);
          if (block.capped) {
            capped.push(`${KIND_TEXT[kind]} (${block.size.toLocaleString('en-US')} rows)`);
            if (kind === 'given_date' || (kind === 'family_given_year' && key.year === base.year)) boundHolds = false;
            continue;
          }
          if (!deferrable) {
            ranker.offerAll(block.rows, ranker.mostIn(kind, key, dateRanked));
            if (kind === 'given_date') dateRanked = true;
            continue;
          }
        }
        if (deferrable) {
          (near ? nearYears : waiting).push(key);
          continue;
        }
        offerBlock(kind, key, ranker.mostIn(kind, key, dateRanked));
        if (kind === 'given_date') dateRanked = true;
      }
    }
  }
  ranker.offerAll(Int32Array.from(typoRows), Number.POSITIVE_INFINITY);
  for (const key of nearYears) {
    const most = ranker.mostIn('family_given_year', key);
    if (ranker.lowestKept() > most) continue;
    offerBlock('family_given_year', key, most);
  }
  for (const key of waiting) {
    const most = boundHolds ? Math.min(SKIPPABLE_MAX, ranker.mostIn('year_given', key)) : ranker.mostIn('year_given', key);
    if (ranker.lowestKept() > most) continue;
    offerBlock('year_given', key, most);
  }
  const { rows, scores } = ranker;
  const best = rows.length > 0 ? (scores[0] ?? 0) : 0;
  const crowded = rows.length > options.maxCandidates && scores[options.maxCandidates] === best;
  return { rows: rows.slice(0, options.maxCandidates), typoRows, capped, crowded, found: ranker.found };
}

/**
 * The blocks asked for, chosen so that none grows with the registry beyond people born the same year: the same
 * given name and birth year; the same family and given name born a year either side (lunar-calendar years) or on
 * the same day and month of another year (a mistyped year); the first ID digits a mangled ID still shows. Only a
 * row without a birth year falls back on its family and given name alone. The same given name born on the same
 * date and the same family and given name born the same year are parts of the year's block, asked for apart so
 * that the rest of it can often be left unvisited.
 */
function blockPlan(key: BlockKey): [BlockKind, BlockKey][] {
  const plan: [BlockKind, BlockKey][] = [];
  if (key.year > 0) {
    plan.push(['year_given', key], ['given_date', key], ['family_given_year', key]);
    plan.push(['family_given_year', { ...key, year: key.year - 1 }], ['family_given_year', { ...key, year: key.year + 1 }]);
  } else {
    plan.push(['family_given', key]);
  }
  plan.push(['family_given_date', key], ['idprefix_given', key]);
  return plan;
}

/**
 * What a row of a year's block (same given name and birth year) can rank when it is none of: the same family
 * (those come with family+given+year), born on the same date (given+birth date), an ID typo: a given name alone 2,
 * the year 3, the sex 1. Once the places are filled above this, the rest of the block cannot enter or reorder them.
 */
const SKIPPABLE_MAX = 2 + 3 + 1;


// Kinds whose key fixes the birth year.
const YEAR_KINDS: ReadonlySet<BlockKind> = new Set(['year_given', 'given_date', 'family_given_year']);

// Scratch for every search: a search runs to its end before the next begins.
const MARKS = new RowMarks();

/**
 * Keeps the best `keep` rows by a rough score read from typed-array columns only, best first, ties in registry
 * order whatever order the rows are offered in. One row past maxCandidates is kept to tell whether the last
 * places were a tie with the best. Each row is ranked once however many blocks it sits in.
 */
class QuickRanker {
  readonly rows: number[] = [];
  readonly scores: number[] = [];
  /** Distinct rows offered. */
  found = 0;
  private readonly cols: RankColumns;
  private readonly marks: RowMarks;
  private readonly hasName: boolean;
  // Looked up once per list row, not per candidate: each is a string-keyed Map lookup.
  private readonly given: number;
  private readonly family: number;
  private readonly year: number;
  private readonly month: number;
  private readonly day: number;
  /** 1 male, 2 female, 0 unknown: the registry's sex codes. */
  private readonly sex: number;

  constructor(
    person: Person,
    registry: Registry,
    private readonly typoRows: ReadonlySet<number>,
    private readonly keep: number,
  ) {
    this.cols = registry.rankColumns;
    this.marks = MARKS;
    this.marks.clear();
    const name = person.name;
    this.hasName = name !== null;
    this.given = name === null ? -1 : registry.givenCode(name.given);
    this.family = name === null ? -1 : registry.familyCode(name.family);
    const b = person.birth;
    this.year = b?.year ?? 0;
    this.month = b?.month ?? 0;
    this.day = b?.day ?? 0;
    this.sex = person.sex === 'M' ? 1 : person.sex === 'F' ? 2 : 0;
  }

  /** The score of the last place kept, once every place (and the one past them) is filled; else -Infinity. */
  lowestKept(): number {
    return this.rows.length === this.keep ? (this.scores[this.keep - 1] as number) : Number.NEGATIVE_INFINITY;
  }

  /**
   * The most a row of this block can rank unless it is an ID typo (those are ranked apart): what the kind's key
   * fixes counted at what it gives, the rest at its best; born on the row's very date only while the block of
   * that date has not been ranked (`dateRanked`: every such row of the given name was met there).
   */
  mostIn(kind: BlockKind, key: BlockKey, dateRanked = false): number {
    const name = !this.hasName ? 0 : this.given >= 0 && this.family >= 0 ? 8 : this.given >= 0 ? 2 : this.family >= 0 ? 1 : 0;
    const sameDay = this.day !== 0 && !dateRanked ? 14 : 3;
    let year = 0;
    if (this.year !== 0) {
      if (!YEAR_KINDS.has(kind) || key.year === this.year) year = sameDay;
      else year = Math.abs(key.year - this.year) === 1 ? 1 : -4;
    }
    return name + year + (this.sex !== 0 ? 1 : 0);
  }

  /**
   * Ranks the rows not met before. The score is worked out here, in one loop over locals, because a large
   * registry's search ranks a few hundred rows per list row. The rows are a block's, in registry order, none of
   * which (but ID typos) ranks above `most`: false once none of the rest of the block can enter the places.
   */
  offerAll(rows: Int32Array, most: number): boolean {
    const { given, family, birthYear, birthMonth, birthDay, sex } = this.cols;
    const { marks, typoRows, hasName, keep } = this;
    const anyTypo = typoRows.size > 0;
    const wantGiven = this.given;
    const wantFamily = this.family;
    const wantYear = this.year;
    const wantMonth = this.month;
    const wantDay = this.day;
    const wantSex = this.sex;
    for (let i = 0; i < rows.length; i += 1) {
      const r = rows[i] as number;
      if (this.rows.length === keep && this.closedTo(most, r)) return false;
      if (!marks.add(r)) continue;
      this.found += 1;
      let s = anyTypo && typoRows.has(r) ? 20 : 0;
      if (hasName) {
        const sameGiven = wantGiven >= 0 && given[r] === wantGiven;
        const sameFamily = wantFamily >= 0 && family[r] === wantFamily;
        s += sameGiven && sameFamily ? 8 : sameGiven ? 2 : sameFamily ? 1 : 0;
      }
      const y = birthYear[r] as number;
      if (wantYear !== 0 && y !== 0) {
        if (wantYear === y) {
          s += wantDay !== 0 && wantMonth === birthMonth[r] && wantDay === birthDay[r] ? 14 : 3;
        } else {
          s += Math.abs(wantYear - y) === 1 ? 1 : -4;
        }
      }
      const rs = sex[r] as number;
      if (wantSex !== 0 && rs !== 0) s += wantSex === rs ? 1 : -4;
      if (this.rows.length === keep && !outranks(s, r, this.scores[keep - 1] as number, this.rows[keep - 1] as number)) continue;
      this.insert(s, r);
    }
    return true;
  }

  /** Whether no row from `r` on ranking at most `most` can outrank the last place (the places being full). */
  private closedTo(most: number, r: number): boolean {
    const lowest = this.scores[this.keep - 1] as number;
    return lowest > most || (lowest === most && (this.rows[this.keep - 1] as number) < r);
  }

  private insert(s: number, r: number): void {
    const { rows, scores, keep } = this;
    let at = rows.length === keep ? keep - 1 : rows.length;
    while (at > 0 && outranks(s, r, scores[at - 1] as number, rows[at - 1] as number)) {
      scores[at] = scores[at - 1] as number;
      rows[at] = rows[at - 1] as number;
      at -= 1;
    }
    scores[at] = s;
    rows[at] = r;
  }
}

function outranks(score: number, row: number, otherScore: number, otherRow: number): boolean {
  return score > otherScore || (score === otherScore && row < otherRow);
}
