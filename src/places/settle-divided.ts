// An old commune divided between several new ones is settled, row by row, by the registry address of the person
// the row matched: the new commune it names. Rows it cannot settle keep the old name and a warning to check.
import type { MatchResult } from '../match/types.js';
import { finding } from '../normalize/finding.js';
import type { AdminUnits } from './admin-units.js';
import { mentionsPhrase } from '../registry/address-key.js';
import { unitKey } from './unit-key.js';

export function settleDivided(results: readonly MatchResult[], units: AdminUnits, addressKeyOf: (registryId: string) => string | null): MatchResult[] {
  return results.map((r) => {
    const unit = r.person.commune2025;
    if (!unit?.divided) return r;
    const key = r.status === 'matched' && r.registryId !== null ? addressKeyOf(r.registryId) : null;
    const hits = key === null ? [] : unit.divided.map((c) => units.newByCode.get(c)!).filter((u) => mentionsPhrase(key, unitKey(u.name)));
    if (hits.length === 1) {
      const settled = hits[0]!;
      const merged = (units.oldsOf.get(settled.code) ?? []).map((o) => o.name);
      const person = { ...r.person, commune: settled.name, commune2025: { name: settled.name, code: settled.code, province: settled.province, written: unit.written, merged } };
      return { ...r, person };
    }
    const names = unit.divided.map((c) => units.newByCode.get(c)?.name ?? c).join(', ');
    const problem = {
      ...finding('commune_divided', `${unit.written ?? unit.name} was divided in 2025 between ${names}; the registry address does not say which.`),
      file: r.person.prov.file,
      sheet: r.person.prov.sheet,
      row: r.person.prov.row,
      column: 'commune',
      raw: unit.written ?? '',
    };
    return { ...r, person: { ...r.person, problems: [...r.person.problems, problem] } };
  });
}
