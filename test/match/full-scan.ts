// The candidate search done the plain way, to check src/match/find-candidates.ts against: every registry row is
// visited, its own fields decide which of the row's blocks it sits in (no blocking index, no bucket, no scratch
// buffer, no early exit), blocks with more people than the cap are left out as the search says, and what is left
// is ranked by the same quick score, best first, ties in registry order. Slow on purpose.
import type { MatchOptions } from '../../src/match/options.js';
import type { Registry } from '../../src/registry/registry.js';
import type { Person } from '../../src/types.js';

export interface FullScan {
  readonly rows: readonly number[];
  readonly typoRows: ReadonlySet<number>;
  readonly capped: readonly string[];
  readonly crowded: boolean;
  /** Every row in the union of the blocks within the cap, and the ID typos. */
  readonly union: number;
}

/** One digit changed, or two neighbouring digits swapped. */
function oneTypo(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  const [i, j] = diff as [number, number];
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Plain {
  readonly ids: readonly (string | null)[];
}
const PLAIN = new WeakMap<Registry, Plain>();

function plain(registry: Registry): Plain {
  let p = PLAIN.get(registry);
  if (p === undefined) {
    p = { ids: Array.from({ length: registry.size }, (_, r) => registry.idOf(r)) };
    PLAIN.set(registry, p);
  }
  return p;
}

type Test = (r: number) => boolean;

export function fullScan(person: Person, registry: Registry, options: MatchOptions, writtenId: string | null, idPrefix: string | null): FullScan {
  const { ids } = plain(registry);
  const n = registry.size;
  const typoRows = new Set<number>();
  if (writtenId !== null && /^\d{12}$/.test(writtenId)) {
    for (let r = 0; r < n; r += 1) {
      const id = ids[r];
      if (id !== null && id !== undefined && oneTypo(writtenId, id)) typoRows.add(r);
    }
  }
  const taken = new Uint8Array(n);
  const capped: string[] = [];
  const name = person.name;
  const year = person.birth?.year ?? 0;
  const month = person.birth?.month ?? 0;
  const day = person.birth?.day ?? 0;
  const hasDate = month > 0 && day > 0;
  if (name !== null) {
    const known = registry.givenCode(name.given);
    let givens: number[] = [];
    if (known >= 0) givens = [known];
    else if (name.given.length >= 2) {
      const near = registry.givenNames.flatMap((g, code) => (editDistanceAtMostOne(g, name.given) ? [code] : []));
      givens = near.length > 8 ? [] : near;
    }
    const family = registry.familyCode(name.family);
    const prefix = idPrefix === null ? -1 : Number(idPrefix);
    for (const given of givens) {
      const g: Test = (r) => registry.givenCodeOf(r) === given;
      const f: Test = (r) => family >= 0 && registry.familyCodeOf(r) === family;
      const bornIn = (y: number): Test => (r) => registry.birthYearOf(r) === y;
      const dayMonth: Test = (r) => hasDate && registry.birthMonthOf(r) === month && registry.birthDayOf(r) === day;
      const blocks: [string, Test][] = [];
      if (year > 0) {
        blocks.push(['year+given', (r) => g(r) && bornIn(year)(r)]);
        blocks.push(['given+birth date', (r) => g(r) && bornIn(year)(r) && dayMonth(r)]);
        for (const y of [year, year - 1, year + 1]) blocks.push(['family+given+year', (r) => g(r) && f(r) && bornIn(y)(r)]);
      } else {
        blocks.push(['family+given', (r) => g(r) && f(r)]);
      }
      blocks.push(['family+given+day+month', (r) => g(r) && f(r) && dayMonth(r)]);
      blocks.push(['id-prefix+given', (r) => g(r) && prefix >= 0 && ids[r] != null && Math.floor(Number(ids[r]) / 1e6) === prefix]);
      for (const [text, test] of blocks) {
        const members: number[] = [];
        for (let r = 0; r < n; r += 1) if (test(r)) members.push(r);
        if (members.length > options.maxBlockRows) capped.push(`${text} (${members.length.toLocaleString('en-US')} rows)`);
        else for (const r of members) taken[r] = 1;
      }
    }
  }
  for (const r of typoRows) taken[r] = 1;

  // The quick score, as the search's documentation states it.
  const wantGiven = name === null ? -1 : registry.givenCode(name.given);
  const wantFamily = name === null ? -1 : registry.familyCode(name.family);
  const wantSex = person.sex === 'M' ? 1 : person.sex === 'F' ? 2 : 0;
  const ranked: { r: number; s: number }[] = [];
  for (let r = 0; r < n; r += 1) {
    if (taken[r] !== 1) continue;
    let s = typoRows.has(r) ? 20 : 0;
    if (name !== null) {
      const sameGiven = wantGiven >= 0 && registry.givenCodeOf(r) === wantGiven;
      const sameFamily = wantFamily >= 0 && registry.familyCodeOf(r) === wantFamily;
      s += sameGiven && sameFamily ? 8 : sameGiven ? 2 : sameFamily ? 1 : 0;
    }
    const y = registry.birthYearOf(r);
    if (year !== 0 && y !== 0) {
      if (y === year) s += day !== 0 && registry.birthMonthOf(r) === month && registry.birthDayOf(r) === day ? 14 : 3;
      else s += Math.abs(y - year) === 1 ? 1 : -4;
    }
    const sex = registry.sexCodeOf(r);
    if (wantSex !== 0 && sex !== 0) s += sex === wantSex ? 1 : -4;
    ranked.push({ r, s });
  }
  ranked.sort((a, b) => b.s - a.s || a.r - b.r);
  const k = options.maxCandidates;
  const crowded = ranked.length > k && ranked[k]?.s === ranked[0]?.s;
  return { rows: ranked.slice(0, k).map((x) => x.r), typoRows, capped, crowded, union: ranked.length };
}
