// How many different people among the rows carry a name: the dedupe counterpart of the registry's name counts
// (term frequencies). A person listed twice must not count as their own namesake, so people with a name are
// told apart by birth year: two rows "Nguyễn Văn Hùng, 1945" count once, "… 1945" and "… 1952" twice, and for
// the family + given name count "Nguyễn Thị Hoa, 1941" and "Nguyễn Hoa, 1941" are one person too.
// Names are also counted per commune (the row's commune, else its file: one list is one commune's) and per
// village of a commune: for two rows of one village, the namesakes that matter are the village's, and a name
// common in the province may be unique there. Two rows of different communes are weighed against all the rows.
import type { Person } from '../types.js';
import { foldText } from '../normalize/fold.js';

/** The commune a row belongs to, for counting namesakes: its commune column, else its file. */
function commune(p: Person): string {
  return p.commune !== null && p.commune.trim() !== '' ? `c:${foldText(p.commune)}` : `f:${p.prov.file}`;
}

const scopeCache = new WeakMap<Person, readonly string[]>();

/** The places a row belongs to, smallest first: its village of its commune (when known), its commune. */
export function placeScopes(p: Person): readonly string[] {
  const cached = scopeCache.get(p);
  if (cached !== undefined) return cached;
  const c = commune(p);
  const village = p.village === null ? '' : foldText(p.village);
  const scopes = village === '' ? [c] : [`${c}|v:${village}`, c];
  scopeCache.set(p, scopes);
  return scopes;
}

/** The smallest place two rows share, or null (count namesakes among all rows). */
export function sharedScope(a: Person, b: Person): string | null {
  const bs = placeScopes(b);
  return placeScopes(a).find((s) => bs.includes(s)) ?? null;
}

function distinctCounter(): { add(key: string, who: string): void; count(key: string): number } {
  // Most keys (a name in one village) have one person: a key holds its one `who` until a second one comes, and
  // only then a set. A set for every key was 1.2 s of a province's night, mostly in allocating them.
  const seen = new Map<string, string | Set<string>>();
  return {
    add(key, who) {
      const s = seen.get(key);
      if (s === undefined) seen.set(key, who);
      else if (typeof s === 'string') {
        if (s !== who) seen.set(key, new Set([s, who]));
      } else s.add(who);
    },
    count(key) {
      const s = seen.get(key);
      return s === undefined ? 0 : typeof s === 'string' ? 1 : s.size;
    },
  };
}

export class NameFrequencies {
  /** Rows counted; the prior for names that do not agree is taken against max(this, minPopulation). */
  readonly rows: number;
  private readonly full = distinctCounter();
  private readonly placeRows = new Map<string, number>();
  private readonly familyGiven = distinctCounter();
  /** Of the rows with a day and month of birth, the share written 01/01 (the usual placeholder for a year only). */
  readonly placeholderShare: number;

  constructor(people: Iterable<Person>) {
    let rows = 0;
    let dated = 0;
    let placeholders = 0;
    for (const p of people) {
      rows += 1;
      if (p.birth?.day != null && p.birth.month != null) {
        dated += 1;
        if (p.birth.day === 1 && p.birth.month === 1) placeholders += 1;
      }
      for (const scope of placeScopes(p)) this.placeRows.set(scope, (this.placeRows.get(scope) ?? 0) + 1);
      if (p.name === null || p.name.folded === '') continue;
      const who = String(p.birth?.year ?? '?');
      const fg = `${p.name.family}|${p.name.given}`;
      this.full.add(p.name.folded, who);
      this.familyGiven.add(fg, who);
      for (const scope of placeScopes(p)) {
        this.full.add(`${scope}\u0000${p.name.folded}`, who);
        this.familyGiven.add(`${scope}\u0000${fg}`, who);
      }
    }
    this.rows = rows;
    this.placeholderShare = dated === 0 ? 0 : placeholders / dated;
  }

  /** Share of the rows that are in a place (1 for all rows). */
  share(scope: string | null): number {
    if (scope === null || this.rows === 0) return 1;
    return (this.placeRows.get(scope) ?? 0) / this.rows;
  }

  /** Different people with this folded full name, among all rows or among one place's (scope). */
  nameCount(folded: string, scope: string | null = null): number {
    return this.full.count(scope === null ? folded : `${scope}\u0000${folded}`);
  }

  /** Different people with this folded family and given name, whatever their middle name. */
  familyGivenCount(family: string, given: string, scope: string | null = null): number {
    const fg = `${family}|${given}`;
    return this.familyGiven.count(scope === null ? fg : `${scope}\u0000${fg}`);
  }
}
