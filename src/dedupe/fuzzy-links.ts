// Fuzzy links between rows without a registry match and any other row. Only rows sharing a blocking key are
// compared, so 100k rows cost a few million comparisons, not 5·10⁹:
//   given name + birth year              the usual case;
//   family + given name, years y and y+1 a birth year off by one (lunar calendar);
//   family name + full birth date        a typo in the given name;
//   family + given name, any year        only for rows without a birth date.
// Two rows both matched to the registry are never compared: the registry has already told them apart or joined them.
// A review row is also compared with the rows matched to the registry person proposed for it, with the lower
// proposalThreshold: the matcher's proposal and the rows' agreement together make the link.
import type { MatchOptions } from '../match/options.js';
import type { MatchResult } from '../match/types.js';
import type { Person } from '../types.js';
import type { NameFrequencies } from './name-frequencies.js';
import type { DedupeOptions } from './options.js';
import { rowId, scorePair, type PairScore } from './pair-score.js';
import type { SkippedBlock } from './types.js';

export interface FuzzyLink {
  readonly a: number;
  readonly b: number;
  readonly pair: PairScore;
}

function fullDate(p: Person): string | null {
  const d = p.birth;
  if (d === null || d.month === null || d.day === null || (d.month === 1 && d.day === 1)) return null;
  return `${d.year}-${d.month}-${d.day}`;
}

const BLOCK_KINDS = ['given+year', 'family+given+year', 'family+date'] as const;

/** The row's key in each kind of block (BLOCK_KINDS order), null where it has none. */
function blockKeys(p: Person): (string | null)[] {
  const n = p.name;
  if (n === null || n.given === '' || p.birth === null) return [null, null, null];
  const date = fullDate(p);
  return [`g|${n.given}|${p.birth.year}`, yearKey(n.family, n.given, p.birth.year), date === null ? null : `d|${n.family}|${date}`];
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const rows = map.get(key);
  if (rows === undefined) map.set(key, [i]);
  else rows.push(i);
}

function yearKey(family: string, given: string, year: number): string {
  return `f|${family}|${given}|${year}`;
}

export function isRegistryMatched(r: MatchResult): boolean {
  return r.status === 'matched' && r.registryId !== null;
}

/** The review row's proposed registry person is the one the other row is matched to. */
function proposed(review: MatchResult, other: MatchResult): boolean {
  return review.status === 'review' && review.registryId !== null && isRegistryMatched(other) && other.registryId === review.registryId;
}

/**
 * The matcher placed `matched` on a registry person and searched the registry for `other` too, finding only other
 * people: two registry people, not one person listed twice (a relative of the same name and village, most often).
 */
function otherCandidates(matched: MatchResult, other: MatchResult): boolean {
  if (!isRegistryMatched(matched) || isRegistryMatched(other) || other.candidates.length === 0) return false;
  return other.candidates.every((c) => c.registryId !== matched.registryId);
}

export function findFuzzyLinks(
  results: readonly MatchResult[],
  options: DedupeOptions,
  match: MatchOptions,
  freq: NameFrequencies,
): { links: FuzzyLink[]; skipped: SkippedBlock[]; comparisons: number } {
  const keys = results.map((r) => blockKeys(r.person));
  const blocks = new Map<string, { kind: number; rows: number[] }>();
  keys.forEach((rowKeys, i) => {
    rowKeys.forEach((key, kind) => {
      if (key === null) return;
      let b = blocks.get(key);
      if (b === undefined) blocks.set(key, (b = { kind, rows: [] }));
      b.rows.push(i);
    });
  });
  const links: FuzzyLink[] = [];
  const skipped: SkippedBlock[] = [];
  let comparisons = 0;
  const compare = (i: number, j: number): void => {
    const ri = results[i]!;
    const rj = results[j]!;
    comparisons += 1;
    const pair = scorePair(ri.person, rj.person, { a: rowId(ri), b: rowId(rj) }, freq, match, options);
    const threshold = proposed(ri, rj) || proposed(rj, ri) ? Math.min(options.proposalThreshold, options.fuzzyThreshold) : options.fuzzyThreshold;
    if (pair.levels.name !== 'missing' && pair.score >= threshold) links.push({ a: Math.min(i, j), b: Math.max(i, j), pair });
  };

  const matchedTo = new Map<string, number[]>();
  results.forEach((r, i) => {
    if (isRegistryMatched(r)) push(matchedTo, r.registryId!, i);
  });
  results.forEach((r, i) => {
    if (r.status !== 'review' || r.registryId === null) return;
    for (const j of matchedTo.get(r.registryId) ?? []) compare(i, j);
  });

  // A pair is compared in the first kind of block the two rows share, and not again in the others (a set of
  // pairs seen would not fit in memory at 100k rows); proposal pairs were compared above.
  const sharedEarlier = (i: number, j: number, kind: number): boolean => {
    for (let k = 0; k < kind; k += 1) if (keys[i]![k] !== null && keys[i]![k] === keys[j]![k]) return true;
    return false;
  };
  const worth = (i: number, j: number): boolean => {
    const ri = results[i]!;
    const rj = results[j]!;
    return (
      !(isRegistryMatched(ri) && isRegistryMatched(rj)) &&
      !proposed(ri, rj) &&
      !proposed(rj, ri) &&
      !otherCandidates(ri, rj) &&
      !otherCandidates(rj, ri)
    );
  };
  const tooLarge = (kind: string, size: number): boolean => {
    if (size <= options.maxBlockRows) return false;
    skipped.push({ kind, rows: size });
    return true;
  };
  for (const block of blocks.values()) {
    const rows = block.rows;
    if (rows.length < 2 || tooLarge(BLOCK_KINDS[block.kind]!, rows.length)) continue;
    for (let x = 0; x < rows.length; x += 1) {
      for (let y = x + 1; y < rows.length; y += 1) {
        const i = rows[x]!;
        const j = rows[y]!;
        if (worth(i, j) && !sharedEarlier(i, j, block.kind)) compare(i, j);
      }
    }
  }
  // Year y against year y + 1 of the same family and given name: these pairs share no other block.
  for (const block of blocks.values()) {
    if (block.kind !== 1) continue;
    const p = results[block.rows[0]!]!.person;
    const next = blocks.get(yearKey(p.name!.family, p.name!.given, p.birth!.year + 1));
    if (next === undefined || tooLarge('family+given+year±1', block.rows.length + next.rows.length)) continue;
    for (const i of block.rows) for (const j of next.rows) if (worth(i, j)) compare(i, j);
  }
  // Rows without a birth date against every row of their family and given name.
  const byName = new Map<string, number[]>();
  results.forEach((r, i) => {
    const n = r.person.name;
    if (n !== null && n.given !== '') push(byName, `${n.family}|${n.given}`, i);
  });
  results.forEach((r, i) => {
    const n = r.person.name;
    if (r.person.birth !== null || n === null || n.given === '') return;
    const rows = byName.get(`${n.family}|${n.given}`) ?? [];
    if (tooLarge('family+given', rows.length)) return;
    // Two rows without a birth date meet twice: compare them once, from the earlier.
    for (const j of rows) if (j !== i && (results[j]!.person.birth !== null || j > i) && worth(i, j)) compare(i, j);
  });
  // Blocks were visited in insertion order, which follows the input; sort so the links do not depend on it.
  skipped.sort((a, b) => a.kind.localeCompare(b.kind) || b.rows - a.rows);
  return { links, skipped, comparisons };
}
