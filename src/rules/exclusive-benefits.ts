// One person, two benefits of which the law pays only the higher: the old-age social allowance (Decree 20/2021,
// the elderly categories) and the social pension (from 1 Jul 2025; Law on Social Insurance 2024, Art. 22 k2).
// Who is one person is the duplicate stage's call (same registry person, same ID, fuzzy agreement), and so is who
// is paid: such a pair is never kept side by side, whatever dedupe.allowedProgrammePairs says, and the row with
// the higher monthly rate is kept. This module says which pairs those are and puts `benefits_exclusive` on them.
import type { DedupeResult } from '../dedupe/types.js';
import type { MatchResult } from '../match/types.js';
import { PROBLEM_CODES } from '../normalize/problem-codes.js';
import type { Person, Problem, Provenance } from '../types.js';
import { programmeCategories } from './programme-category.js';
import { ruleInForce } from './rates.js';

const SOCIAL_PENSION: ReadonlySet<string> = new Set(['sp_75plus', 'sp_70_75_poor']);
const OLD_AGE_ALLOWANCE: ReadonlySet<string> = new Set([
  'elderly_80plus_no_pension',
  'elderly_75_80_poor_ethnic_area',
  'elderly_poor_nosupporter_60_80',
  'elderly_poor_nosupporter_80plus',
  'elderly_poor_community_foster',
]);

export type ExclusivePair = (a: Person, b: Person) => boolean;

function side(person: Person): 'pension' | 'allowance' | null {
  const codes = programmeCategories(person.programme)?.codes ?? [];
  if (codes.length === 0) return null;
  if (codes.every((c) => SOCIAL_PENSION.has(c))) return 'pension';
  if (codes.every((c) => OLD_AGE_ALLOWANCE.has(c))) return 'allowance';
  return null;
}

/** Whether two rows of one person hold the two exclusive benefits; null before the social pension existed. */
export function exclusiveBenefits(period: string): ExclusivePair | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return null;
  if (ruleInForce('sp_75plus', `${period}-01`) === null) return null;
  return (a, b) => {
    const [x, y] = [side(a), side(b)];
    return x !== null && y !== null && x !== y;
  };
}

const where = (p: Provenance): string => `${p.file}${p.sheet ? ` / ${p.sheet}` : ''} row ${p.row}`;
const whereVi = (p: Provenance): string => `dòng ${p.row} của ${p.file}${p.sheet ? ` / ${p.sheet}` : ''}`;
const keyOf = (p: Provenance): string => `${p.file}\u0000${p.sheet}\u0000${p.row}`;

/**
 * `benefits_exclusive` on every row of a duplicate group that holds one of the two benefits while another row of
 * the group holds the other; the lists' people and the results get the same new Person.
 */
export function markExclusiveBenefits<S extends { readonly people: readonly Person[] }, L extends { readonly sheets: readonly S[] }>(
  results: readonly MatchResult[],
  dedupe: DedupeResult,
  lists: readonly L[],
  exclusive: ExclusivePair,
): { results: MatchResult[]; lists: L[] } {
  const found = new Map<number, Problem>();
  for (const g of dedupe.groups) {
    const kept = g.members.find((m) => m.decision === 'keep');
    for (const m of g.members) {
      if (found.has(m.index)) continue;
      const p = results[m.index]!.person;
      const others = g.members.filter((o) => o.index !== m.index && exclusive(p, results[o.index]!.person));
      if (others.length === 0) continue;
      const paid =
        g.kind === 'review' ? 'nobody is excluded until the duplicate group is decided' : kept === undefined ? 'see the group' : `the duplicate rules pay ${kept.index === m.index ? 'this row' : where(results[kept.index]!.person.prov)}`;
      const paidVi =
        g.kind === 'review'
          ? 'chưa loại ai cho đến khi nhóm trùng được quyết định'
          : kept === undefined
            ? 'xem nhóm trùng'
            : `theo quy tắc trùng lĩnh, chi cho ${kept.index === m.index ? 'dòng này' : whereVi(results[kept.index]!.person.prov)}`;
      const programmeOf = (o: { index: number }) => JSON.stringify(results[o.index]!.person.programme);
      const listed = others.map((o) => `${programmeOf(o)} (${where(results[o.index]!.person.prov)})`).join(', ');
      const listedVi = others.map((o) => `${programmeOf(o)} (${whereVi(results[o.index]!.person.prov)})`).join(', ');
      found.set(m.index, {
        code: 'benefits_exclusive',
        severity: PROBLEM_CODES.benefits_exclusive.severity,
        file: p.prov.file,
        sheet: p.prov.sheet,
        row: p.prov.row,
        column: 'programme',
        raw: p.raw.programme ?? p.programme ?? '',
        message: `${JSON.stringify(p.programme)} and ${listed} are the old-age social allowance and the social pension of one person (${g.id}): only the higher is paid; ${paid}.`,
        messageSaid: {
          vi: `${JSON.stringify(p.programme)} và ${listedVi} là trợ cấp xã hội người cao tuổi và trợ cấp hưu trí xã hội của cùng một người (${g.id}): chỉ chi mức cao hơn; ${paidVi}.`,
          en: `${JSON.stringify(p.programme)} and ${listed} are the old-age social allowance and the social pension of one person (${g.id}): only the higher is paid; ${paid}.`,
        },
      });
    }
  }
  if (found.size === 0) return { results: [...results], lists: [...lists] };
  const replaced = new Map<string, Person>();
  const out = results.map((r, i) => {
    const problem = found.get(i);
    if (problem === undefined) return r;
    const person = { ...r.person, problems: [...r.person.problems, problem] };
    replaced.set(keyOf(r.person.prov), person);
    return { ...r, person };
  });
  const newLists = lists.map((l) => ({ ...l, sheets: l.sheets.map((s) => ({ ...s, people: s.people.map((p) => replaced.get(keyOf(p.prov)) ?? p) })) }) as L);
  return { results: out, lists: newLists };
}
