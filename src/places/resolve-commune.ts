// A row's commune in 2025 units, from what the list says (a commune, maybe a district and a province, old or new
// names) and what the run knows (its province). Lists still write the old commune and district; the registry
// mostly the new commune. Pure; the table is src/data/admin-units-2025.tsv.
import type { AdminUnits, NewCommune, OldCommune } from './admin-units.js';
import { markedKey, unitKey } from './unit-key.js';

export type WrittenPlace = Pick<import('../types.js').WrittenPlace, 'commune' | 'district' | 'province'>;

export type CommuneResolution =
  | { readonly kind: 'resolved'; readonly unit: NewCommune; readonly old: OldCommune | null }
  /** An old commune split between several new ones: the village or the registry address decides. */
  | { readonly kind: 'divided'; readonly old: OldCommune; readonly candidates: readonly NewCommune[] }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly NewCommune[] }
  | { readonly kind: 'unknown' };

function inProvince(units: AdminUnits, province: string | null): ((newProvince: string) => boolean) | null {
  if (province === null) return null;
  const targets = units.provinces.get(unitKey(province));
  return targets ? (p) => targets.includes(p) : null;
}

/**
 * province: the row's own, else the run's (its registry's or --province). Without any province a name is taken
 * only when the whole country has one commune of that name.
 */
export function resolveCommune(units: AdminUnits, place: WrittenPlace, runProvince: string | null): CommuneResolution {
  if (place.commune === null) return { kind: 'unknown' };
  const key = unitKey(place.commune);
  const within = inProvince(units, place.province) ?? inProvince(units, runProvince);
  const districtKey = place.district === null ? null : unitKey(place.district);

  let olds = (units.oldByName.get(key) ?? []).filter((o) => within === null || o.into.some((u) => within(u.province)));
  if (districtKey !== null) {
    const inDistrict = olds.filter((o) => unitKey(o.district) === districtKey);
    if (inDistrict.length > 0) olds = inDistrict;
  }
  let news = (units.newByName.get(key) ?? []).filter((u) => within === null || within(u.province));
  // Folded names join "Châu Bính" (merged into Châu Tiến) and "Châu Bình" (kept) of one district: the name as
  // written, marks and all, tells them apart whenever it is one of them.
  const marked = markedKey(place.commune);
  const exactOld = olds.filter((o) => markedKey(o.name) === marked);
  const exactNew = news.filter((u) => markedKey(u.name) === marked);
  if (exactOld.length + exactNew.length > 0) {
    olds = exactOld;
    news = exactNew;
  }

  // A district is written only in the old form: the old commune decides.
  const preferOld = districtKey !== null && olds.length > 0;
  if (!preferOld && news.length === 1) {
    const unit = news[0]!;
    const old = olds.find((o) => o.into.length === 1 && o.into[0] === unit) ?? null;
    return { kind: 'resolved', unit, old };
  }
  if (olds.length === 1) {
    const old = olds[0]!;
    if (old.into.length === 1) return { kind: 'resolved', unit: old.into[0]!, old };
    return { kind: 'divided', old, candidates: old.into };
  }
  const candidates = [...new Set([...news, ...olds.flatMap((o) => o.into)])];
  if (candidates.length === 1) return { kind: 'resolved', unit: candidates[0]!, old: null };
  return candidates.length === 0 ? { kind: 'unknown' } : { kind: 'ambiguous', candidates };
}
