// One bank account (same bank BIN, same number) paid for different people. Legitimate when one representative
// (người nhận thay) receives for several people, e.g. a mother for two disabled children: the rows then name
// the same representative, or one row's beneficiary is the representative named by the others.
import type { MatchResult } from '../match/types.js';
import type { Person } from '../types.js';
import { isRegistryMatched } from './fuzzy-links.js';
import type { SharedAccount } from './types.js';

/** Who the rows say the person is: the registry person, else the folded name, else the ID, else the row itself. */
function beneficiary(r: MatchResult, i: number): string {
  if (isRegistryMatched(r)) return `R:${r.registryId}`;
  if (r.person.name !== null && r.person.name.folded !== '') return `N:${r.person.name.folded}`;
  if (r.person.personalId !== null) return `I:${r.person.personalId}`;
  return `row:${i}`;
}

interface Holder {
  readonly name: string | null;
  readonly id: string | null;
}

/** Who holds the account: the representative when the row names one, else the beneficiary. */
function holder(p: Person): Holder {
  if (p.rep !== null) return { name: p.rep.name?.folded || null, id: p.rep.personalId };
  return { name: p.name?.folded || null, id: p.personalId };
}

function sameHolder(a: Holder, b: Holder): boolean {
  return (a.name !== null && a.name === b.name) || (a.id !== null && a.id === b.id);
}

/** order: file-order rank per result (see fileOrder). */
export function findSharedAccounts(results: readonly MatchResult[], order: Int32Array): SharedAccount[] {
  const buckets = new Map<string, number[]>();
  results.forEach((r, i) => {
    const p = r.person;
    const account = p.account ?? p.rep?.account ?? null;
    if (p.cash || p.bank === null || account === null || account === '') return;
    const key = `${p.bank.bin}|${account}`;
    const rows = buckets.get(key);
    if (rows === undefined) buckets.set(key, [i]);
    else rows.push(i);
  });
  const shared: SharedAccount[] = [];
  for (const [key, rows] of buckets) {
    if (rows.length < 2) continue;
    if (new Set(rows.map((i) => beneficiary(results[i]!, i))).size < 2) continue;
    const first = holder(results[rows[0]!]!.person);
    if (rows.every((i) => sameHolder(first, holder(results[i]!.person)))) continue;
    const bar = key.indexOf('|');
    const members = [...rows].sort((a, b) => order[a]! - order[b]!);
    shared.push({ bin: key.slice(0, bar), account: key.slice(bar + 1), members });
  }
  return shared.sort((a, b) => order[a.members[0]!]! - order[b.members[0]!]!);
}
