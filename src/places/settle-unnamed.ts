// A list that names its commune nowhere (no column, address, title, or a file name several communes could fit,
// "btxh-chau-binh-2.xlsx") is placed by where its people live: when the registry addresses of the rows it matched
// name one commune of the province for at least 80 % of them, every row of that list without a commune gets it,
// with a note saying so. A list of one commune's beneficiaries is that commune's; a mixed one is left unknown.
import type { MatchResult } from '../match/types.js';
import { finding } from '../normalize/finding.js';
import type { AdminUnits, NewCommune } from './admin-units.js';
import { mentionsPhrase } from '../registry/address-key.js';
import { unitKey } from './unit-key.js';

const SHARE = 0.8;
const MIN_MATCHED = 5;

function unnamed(r: MatchResult): boolean {
  return !r.person.commune2025 && !(r.person.commune ?? '').trim();
}

export function settleUnnamed(results: readonly MatchResult[], units: AdminUnits, province: string | null, addressKeyOf: (registryId: string) => string | null): MatchResult[] {
  // The 2025 province(s) the run's province is now part of, and their communes.
  const targets = province ? (units.provinces.get(unitKey(province)) ?? []) : [];
  if (targets.length === 0 || !results.some(unnamed)) return [...results];
  const here: NewCommune[] = [...units.newByCode.values()].filter((u) => targets.includes(u.province));
  // The names an address may give each commune by: its own, and those of the old communes wholly merged into it.
  // Its own name first: folded, an old name can be a new one's ("Châu Bính", merged into Châu Tiến, is "chau binh").
  const olds = [...units.oldByName.values()].flat().filter((o) => o.into.length === 1);
  const names = here.map((u) => ({ unit: u, own: unitKey(u.name), old: olds.filter((o) => o.into[0]!.code === u.code).map((o) => unitKey(o.name)) }));
  const namedIn = (key: string): Set<string> => {
    const own = new Set(names.filter((n) => mentionsPhrase(key, n.own)).map((n) => n.unit.code));
    return own.size > 0 ? own : new Set(names.filter((n) => n.old.some((k) => mentionsPhrase(key, k))).map((n) => n.unit.code));
  };
  const groups = new Map<string, number[]>();
  results.forEach((r, i) => {
    if (!unnamed(r)) return;
    const k = `${r.person.prov.file}\u0000${r.person.prov.sheet}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const out = [...results];
  for (const rows of groups.values()) {
    const votes = new Map<string, number>();
    let matched = 0;
    for (const i of rows) {
      const r = results[i]!;
      const key = r.status === 'matched' && r.registryId !== null ? addressKeyOf(r.registryId) : null;
      if (key === null) continue;
      matched++;
      const named = namedIn(key);
      if (named.size === 1) {
        const code = [...named][0]!;
        votes.set(code, (votes.get(code) ?? 0) + 1);
      }
    }
    const [code, n] = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
    if (matched < MIN_MATCHED || n < SHARE * matched) continue;
    const unit = units.newByCode.get(code)!;
    const merged = (units.oldsOf.get(code) ?? []).map((o) => o.name);
    for (const i of rows) {
      const r = results[i]!;
      const note = {
        ...finding('commune_from_registry', `The list names no commune; ${n} of its ${matched} matched people live in ${unit.name} by the registry.`),
        file: r.person.prov.file,
        sheet: r.person.prov.sheet,
        row: r.person.prov.row,
        column: 'commune',
        raw: '',
      };
      out[i] = { ...r, person: { ...r.person, commune: unit.name, commune2025: { name: unit.name, code, province: unit.province, written: null, merged }, problems: [...r.person.problems, note] } };
    }
  }
  return out;
}
