// Everyone listed more than once, across all files of a run. Rows are linked when they are matched to the same
// registry person (strongest), share a personal ID, or, when at least one of them has no registry match, agree
// fuzzily on name, birth date and sex (the matcher's levels and weights, see pair-score.ts). Groups are the
// connected components of the links. A group that joins two different registry people (A~B, B~C, A and C
// matched to different people) is a chain, not a person: it goes to review and nobody in it is excluded; so does
// a group two of whose rows plainly describe different people. Inside such a group, rows joined by the registry
// or by one ID that agree with each other are settled as a group of their own as well, so a row can be in two
// groups: a duplicate group and the review group around it.
import type { Said } from '../errors.js';
import { compareBirth } from '../match/compare-birth.js';
import { compareNames } from '../match/compare-names.js';
import { MATCH_DEFAULTS, type MatchOptions } from '../match/options.js';
import type { MatchResult } from '../match/types.js';
import type { Person } from '../types.js';
import { chooseKept } from './choose-kept.js';
import { fileOrder } from './file-order.js';
import { findSharedAccounts } from './find-shared-accounts.js';
import { findFuzzyLinks, isRegistryMatched } from './fuzzy-links.js';
import { groupId, memberKey } from './group-id.js';
import { NameFrequencies } from './name-frequencies.js';
import { DEDUPE_DEFAULTS, type DedupeOptions } from './options.js';
import { rowId } from './pair-score.js';
import {
  REASON_STRENGTH,
  type DedupeResult,
  type DuplicateGroup,
  type DuplicateMember,
  type DuplicateReason,
  type MemberDecision,
  type RegistryAddressLookup,
} from './types.js';
import { UnionFind } from './union-find.js';

export interface DedupeContext {
  /** The registry address of a registry person, for the 'registry_commune' keep rule. Without it: file order. */
  readonly registryAddress?: RegistryAddressLookup;
  /** The matcher's probabilities (settings.match); MATCH_DEFAULTS when absent. */
  readonly match?: MatchOptions;
  /**
   * Two rows of one person that the law pays only one of (the old-age social allowance and the social pension,
   * src/rules/exclusive-benefits.ts): never kept together, the higher monthly rate kept. Absent: no such pairs.
   */
  readonly exclusive?: (a: Person, b: Person) => boolean;
}

function bucketBy(results: readonly MatchResult[], key: (r: MatchResult) => string | null): Map<string, number[]> {
  const buckets = new Map<string, number[]>();
  results.forEach((r, i) => {
    const k = key(r);
    if (k === null) return;
    const rows = buckets.get(k);
    if (rows === undefined) buckets.set(k, [i]);
    else rows.push(i);
  });
  return buckets;
}

/**
 * One ID on two rows is the same person unless the rows plainly describe two people (another family name or
 * given name, birth years two or more apart): then the ID is a relative's, copied by mistake, and the rows are
 * not grouped. Rows the matcher
 * found holding someone else's ID (id_conflict) never link by it.
 */
function sameIdFits(a: MatchResult, b: MatchResult): boolean {
  const name = compareNames(a.person.name, b.person.name);
  if (name === 'disagree' || name === 'given-only') return false;
  return compareBirth(a.person.birth, b.person.birth) !== 'disagree';
}

// Beyond this size a group is a chain whatever its members say.
const MAX_GROUP = 30;

/**
 * Why a group cannot be settled by rule, or null. Different registry people joined through other rows is a
 * chain; two rows that plainly describe different people (a name or birth years that disagree) means a link is
 * wrong, e.g. one row matched to the wrong registry person: excluding either could leave someone unpaid.
 */
function conflict(members: readonly number[], results: readonly MatchResult[], registryIds: readonly string[]): Said | null {
  if (registryIds.length >= 2) {
    return {
      vi: `Các dòng nối với nhau nhưng khớp với ${registryIds.length} người khác nhau trong CSDL dân cư: cần xác định ai là ai`,
      en: `the rows are linked to each other but matched to ${registryIds.length} different registry people: decide who is who`,
    };
  }
  if (members.length > MAX_GROUP) {
    return { vi: `Có ${members.length} dòng nối với nhau: quá nhiều để là một người`, en: `${members.length} rows linked together: too many to be one person` };
  }
  for (let x = 0; x < members.length; x += 1) {
    for (let y = x + 1; y < members.length; y += 1) {
      if (!sameIdFits(results[members[x]!]!, results[members[y]!]!)) {
        return {
          vi: 'Hai trong các dòng là hai người khác nhau (họ tên hoặc năm sinh không khớp): cần xác định ai là ai',
          en: 'two of the rows describe different people (their names or birth years disagree): decide who is who',
        };
      }
    }
  }
  return null;
}

export function findDuplicates(
  results: readonly MatchResult[],
  options: DedupeOptions = DEDUPE_DEFAULTS,
  context: DedupeContext = {},
): DedupeResult {
  const match = context.match ?? MATCH_DEFAULTS;
  const n = results.length;
  const uf = new UnionFind(n);
  // Links by registry person and by ID only, to settle what they join inside a group that goes to review.
  const strong = new UnionFind(n);
  const reason: (DuplicateReason | null)[] = new Array<DuplicateReason | null>(n).fill(null);
  const score: (number | null)[] = new Array<number | null>(n).fill(null);
  const mark = (i: number, why: DuplicateReason): void => {
    const had = reason[i];
    if (had === null || had === undefined || REASON_STRENGTH.indexOf(why) < REASON_STRENGTH.indexOf(had)) reason[i] = why;
  };

  // Review rows' registry IDs are only proposals: only matched rows link by registry person.
  for (const rows of bucketBy(results, (r) => (isRegistryMatched(r) ? r.registryId : null)).values()) {
    if (rows.length < 2) continue;
    for (const i of rows) {
      uf.union(rows[0]!, i);
      strong.union(rows[0]!, i);
      mark(i, 'same_registry_person');
    }
  }

  const idKey = (r: MatchResult): string | null => rowId(r);
  for (const rows of bucketBy(results, idKey).values()) {
    // A placeholder ID shared by hundreds of rows says nothing about who they are.
    if (rows.length < 2 || rows.length > options.maxBlockRows) continue;
    for (let x = 0; x < rows.length; x += 1) {
      for (let y = x + 1; y < rows.length; y += 1) {
        const i = rows[x]!;
        const j = rows[y]!;
        if (!sameIdFits(results[i]!, results[j]!)) continue;
        uf.union(i, j);
        strong.union(i, j);
        mark(i, 'same_id');
        mark(j, 'same_id');
      }
    }
  }

  const freq = new NameFrequencies(results.map((r) => r.person));
  const fuzzy = findFuzzyLinks(results, options, match, freq);
  for (const link of fuzzy.links) {
    uf.union(link.a, link.b);
    for (const i of [link.a, link.b]) {
      mark(i, 'fuzzy');
      score[i] = Math.max(score[i] ?? -Infinity, link.pair.score);
    }
  }

  const order = fileOrder(results);
  const components = new Map<number, number[]>();
  for (let i = 0; i < n; i += 1) {
    if (reason[i] === null) continue;
    const root = uf.find(i);
    const rows = components.get(root);
    if (rows === undefined) components.set(root, [i]);
    else rows.push(i);
  }

  const groups: DuplicateGroup[] = [];
  const memberOf = (i: number, decision: MemberDecision): DuplicateMember => ({
    index: i,
    reason: reason[i]!,
    decision,
    score: reason[i] === 'fuzzy' ? score[i]! : null,
  });
  const registryIdsOf = (members: readonly number[]): string[] =>
    [...new Set(members.filter((i) => isRegistryMatched(results[i]!)).map((i) => results[i]!.registryId!))].sort();
  /** A duplicate group with its paid row chosen, or the reason it cannot be settled by rule. */
  const settle = (members: readonly number[]): DuplicateGroup | Said => {
    const registryIds = registryIdsOf(members);
    const why = conflict(members, results, registryIds);
    if (why !== null) return why;
    const kept = chooseKept(members, results, registryIds[0] ?? null, options, context.registryAddress, context.exclusive);
    return {
      id: groupId(members.map((i) => memberKey(results[i]!))),
      kind: 'duplicate',
      members: members.map((i) => memberOf(i, kept.decisions.get(i)!)),
      registryIds,
      explanation: kept.explanation.en,
      explanationSaid: kept.explanation,
    };
  };

  for (const rows of components.values()) {
    if (rows.length < 2) continue;
    const members = [...rows].sort((a, b) => order[a]! - order[b]!);
    const settled = settle(members);
    if ('id' in settled) {
      groups.push(settled);
      continue;
    }
    // The component goes to review whole, but rows the registry or one ID joins, and that agree with each other,
    // are still one person whatever the weaker links around them say: they are settled as their own group too.
    const strongParts = new Map<number, number[]>();
    for (const i of members) strongParts.set(strong.find(i), [...(strongParts.get(strong.find(i)) ?? []), i]);
    const settledParts: string[] = [];
    for (const part of strongParts.values()) {
      if (part.length < 2 || part.length === members.length) continue;
      const group = settle(part);
      if (!('id' in group)) continue;
      groups.push(group);
      settledParts.push(group.id);
    }
    const parts = settledParts.join(', ');
    const explanationSaid: Said =
      settledParts.length > 0
        ? { vi: `${settled.vi}; các dòng nối bởi CSDL dân cư hoặc cùng một số định danh cũng được xử lý ở ${parts}`, en: `${settled.en}; rows joined by the registry or one ID are also settled in ${parts}` }
        : settled;
    groups.push({
      id: groupId(members.map((i) => memberKey(results[i]!))),
      kind: 'review',
      members: members.map((i) => memberOf(i, 'review')),
      registryIds: registryIdsOf(members),
      explanation: explanationSaid.en,
      explanationSaid,
    });
  }
  groups.sort((a, b) => order[a.members[0]!.index]! - order[b.members[0]!.index]!);
  disambiguate(groups, results);

  return {
    groups,
    sharedAccounts: findSharedAccounts(results, order),
    skippedBlocks: fuzzy.skipped,
    comparisons: fuzzy.comparisons,
  };
}

/**
 * Two groups can only share an ID when their members stand for the same keys yet were kept apart (names that
 * share an ID but disagree). The later one, by its rows' places, gets a suffix, so IDs stay unique and stable.
 */
function disambiguate(groups: DuplicateGroup[], results: readonly MatchResult[]): void {
  const byId = new Map<string, number[]>();
  groups.forEach((g, at) => byId.set(g.id, [...(byId.get(g.id) ?? []), at]));
  for (const ats of byId.values()) {
    if (ats.length < 2) continue;
    const place = (at: number): string =>
      groups[at]!.members
        .map((m) => results[m.index]!.person.prov)
        .map((p) => `${p.file}\u0000${p.sheet}\u0000${String(p.row).padStart(9, '0')}`)
        .sort()[0]!;
    const sorted = [...ats].sort((a, b) => (place(a) < place(b) ? -1 : place(a) > place(b) ? 1 : 0));
    sorted.slice(1).forEach((at, k) => {
      groups[at] = { ...groups[at]!, id: `${groups[at]!.id}-${k + 2}` };
    });
  }
}
