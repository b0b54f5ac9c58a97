// In-memory rows and match results for the dedupe tests. Every name, ID and account is invented.
import type { MatchResult, MatchStatus } from '../../src/match/types.js';
import { normalizeName } from '../../src/normalize/name.js';
import type { PartialDate, Person, Representative, Sex } from '../../src/types.js';

export interface RowSpec {
  readonly name?: string;
  /** '1941', '1941-05-12' */
  readonly birth?: string;
  readonly sex?: Sex;
  readonly id?: string;
  readonly village?: string;
  readonly commune?: string;
  readonly programme?: string;
  readonly amount?: number;
  readonly account?: string;
  readonly bin?: string;
  readonly rep?: { readonly name?: string; readonly id?: string };
}

function birthOf(text: string | undefined): PartialDate | null {
  if (text === undefined) return null;
  const [y, m, d] = text.split('-').map(Number);
  return { year: y!, month: m ?? null, day: d ?? null };
}

export function person(file: string, sheet: string, row: number, s: RowSpec): Person {
  const rep: Representative | null =
    s.rep === undefined ? null : { name: s.rep.name ? normalizeName(s.rep.name).value : null, personalId: s.rep.id ?? null, account: null };
  return {
    prov: { file, sheet, row },
    fingerprint: `${file}:${sheet}:${row}`.padEnd(16, '0').slice(0, 16),
    raw: { name: s.name },
    name: s.name === undefined ? null : normalizeName(s.name).value,
    birth: birthOf(s.birth),
    sex: s.sex ?? null,
    personalId: s.id ?? null,
    idKind: s.id ? 'cccd' : 'missing',
    oldId: null,
    village: s.village ?? null,
    address: null,
    commune: s.commune ?? null,
    programme: s.programme ?? null,
    amount: s.amount ?? null,
    account: s.account ?? null,
    bank: s.bin ? { bin: s.bin, shortName: s.bin === '970405' ? 'Agribank' : 'Bank' } : null,
    cash: false,
    rep,
    phone: null,
    note: null,
    problems: [],
  };
}

export function result(p: Person, status: MatchStatus = 'unmatched', registryId: string | null = null, flags: string[] = []): MatchResult {
  return {
    person: p,
    status,
    method: status === 'matched' ? 'id' : '',
    registryId,
    score: null,
    flags,
    explanation: '',
    candidates: [],
    correctedId: null,
    deathDate: null,
  };
}

/** Where each row of a result set is: "file/sheet/row". */
export function at(r: MatchResult): string {
  const p = r.person.prov;
  return `${p.file}/${p.sheet}/${p.row}`;
}
