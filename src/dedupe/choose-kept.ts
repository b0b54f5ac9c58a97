// Which member of a duplicate group is paid. Default: the row listed where the registry says the person lives
// (their village, else their commune), because that commune is the one responsible for them; else the first
// by file order. Members whose programme may coexist with every kept member's (allowedProgrammePairs) are kept
// too and reported; everyone else is excluded. A row the list itself removes (died, moved away, cut, struck out)
// is never kept over one it does not: the person who moved is paid where they now live. Of the old-age social
// allowance and the social pension (context.exclusive) only the higher monthly rate is kept, never both.
import type { Said } from '../errors.js';
import { compareAddress } from '../match/compare-address.js';
import type { MatchResult } from '../match/types.js';
import type { Person } from '../types.js';
import { addressKey } from '../registry/address-key.js';
import type { DedupeOptions } from './options.js';
import { allowedTogether } from './programme-pairs.js';
import type { MemberDecision, RegistryAddressLookup } from './types.js';

export interface KeptChoice {
  readonly decisions: ReadonlyMap<number, MemberDecision>;
  readonly explanation: Said;
}

const WHERE: readonly Said[] = [
  {
    vi: 'có tên ở xã và thôn nơi người này sống theo CSDL dân cư',
    en: 'listed in the commune and village where the registry says the person lives',
  },
  { vi: 'có tên ở xã nơi người này sống theo CSDL dân cư', en: 'listed in the commune where the registry says the person lives' },
  {
    vi: 'có tên ở thôn trùng tên với thôn trong CSDL dân cư (dòng không ghi xã)',
    en: 'listed in a village of the name the registry gives (the row names no commune)',
  },
];
const FIRST: Said = { vi: 'dòng đầu tiên theo thứ tự tệp', en: 'first by file order' };
const HIGHER: Said = {
  vi: 'mức hằng tháng cao hơn: mỗi người chỉ hưởng mức cao hơn giữa trợ cấp xã hội người cao tuổi và trợ cấp hưu trí xã hội',
  en: 'the higher monthly rate: one person gets only the higher of the old-age social allowance and the social pension',
};
const NOWHERE = WHERE.length;

/**
 * How well the row's place fits the registry address, 0 best. The commune decides first: every commune has a
 * "Thôn 1", so a village name alone counts only when the row names no commune.
 */
function placeRank(r: MatchResult, key: string): number {
  const p = r.person;
  const commune = p.commune === null ? null : compareAddress({ village: null, address: null, commune: p.commune, commune2025: p.commune2025 ?? null }, key) === 'commune';
  const village = compareAddress({ village: p.village, address: p.address, commune: null }, key) === 'village';
  if (commune === true) return village ? 0 : 1;
  if (commune === null && village) return 2;
  return NOWHERE;
}

/** members: indexes in file order; registryId: the one registry person of the group, if any. */
export function chooseKept(
  members: readonly number[],
  results: readonly MatchResult[],
  registryId: string | null,
  options: DedupeOptions,
  lookup: RegistryAddressLookup | undefined,
  exclusive?: (a: Person, b: Person) => boolean,
): KeptChoice {
  let rank = (_i: number): number => NOWHERE;
  if (options.keep === 'registry_commune' && registryId !== null && lookup !== undefined) {
    const address = lookup(registryId)?.address ?? null;
    const key = address === null ? '' : addressKey(address);
    if (key !== '') {
      rank = (i) => placeRank(results[i]!, key);
    }
  }
  // Stable sort: members arrive in file order, so ties stay in file order.
  const removed = (i: number): number => ((results[i]!.person.listMarks ?? []).length > 0 ? 1 : 0);
  const person = (i: number): Person => results[i]!.person;
  const together = (i: number, k: number): boolean =>
    allowedTogether(person(i).programme, person(k).programme, options.allowedProgrammePairs) && !(exclusive?.(person(i), person(k)) ?? false);
  const ranked = members.map((i) => ({ i, rank: rank(i), removed: removed(i) })).sort((a, b) => a.removed - b.removed || a.rank - b.rank);
  // Two benefits of which the law pays only the higher: among the rows holding one of them (and not removed by
  // the list), the places they rank in go to the higher monthly rates first; the other rows keep their places.
  const pairs = ranked.filter((m) => m.removed === 0 && exclusive !== undefined && members.some((j) => j !== m.i && exclusive(person(m.i), person(j))));
  const exclusiveGroup = pairs.length > 0;
  if (exclusiveGroup) {
    const monthly = (i: number): number => person(i).money?.rate ?? person(i).amount ?? 0;
    const places = pairs.map((m) => ranked.indexOf(m));
    const byRate = [...pairs].sort((a, b) => monthly(b.i) - monthly(a.i));
    places.forEach((place, k) => (ranked[place] = byRate[k]!));
  }
  const first = ranked[0]!;
  const decisions = new Map<number, MemberDecision>([[first.i, 'keep']]);
  const kept: number[] = [first.i];
  let allowed = 0;
  for (const { i } of ranked.slice(1)) {
    if (kept.every((k) => together(i, k))) {
      decisions.set(i, 'keep_allowed');
      kept.push(i);
      allowed += 1;
    } else {
      decisions.set(i, 'exclude');
    }
  }
  let why = { ...(first.rank < NOWHERE ? WHERE[first.rank]! : FIRST) };
  if (pairs.includes(first)) why = { ...HIGHER };
  else if (exclusiveGroup) {
    why.vi += '; giữa trợ cấp xã hội người cao tuổi và trợ cấp hưu trí xã hội chỉ giữ mức cao hơn';
    why.en += '; of the old-age social allowance and the social pension only the higher is kept';
  }
  if (first.removed === 0 && ranked.some((m) => m.removed === 1)) {
    why.vi += '; danh sách ghi cắt dòng kia';
    why.en += '; the list removes the other row';
  }
  const p = results[first.i]!.person.prov;
  const where = `${p.file}${p.sheet ? ` / ${p.sheet}` : ''}`;
  const also: Said =
    allowed > 0
      ? { vi: `; giữ thêm ${allowed} dòng: chế độ của họ được hưởng đồng thời với chế độ của dòng được giữ`, en: `; ${allowed} more kept: their programme may coexist with the kept one's` }
      : { vi: '', en: '' };
  return {
    decisions,
    explanation: { vi: `Giữ dòng ${p.row} của ${where}: ${why.vi}${also.vi}`, en: `kept ${where} row ${p.row}: ${why.en}${also.en}` },
  };
}
