// A list that names its commune nowhere (on the province night, "btxh-chau-binh-2.xlsx": Châu Bình and Châu Bính
// fold alike, so the file name fits two communes) went to "Không rõ xã" whole. Its people's registry addresses
// place it, when they agree.
import { describe, expect, it } from 'vitest';
import { adminUnits } from '../../src/places/admin-units.js';
import { settleUnnamed } from '../../src/places/settle-unnamed.js';
import { addressKey } from '../../src/registry/address-key.js';
import { person, result } from '../dedupe/rows.js';

const units = adminUnits();
const homes: Record<string, string> = {};
function rows(file: string, where: readonly (string | null)[]) {
  return where.map((home, i) => {
    const id = `${file}-${i}`;
    if (home !== null) homes[id] = addressKey(home);
    return result(person(file, 'DS', i + 5, { name: `Người ${i}` }), home === null ? 'unmatched' : 'matched', home === null ? null : id);
  });
}
const addressOf = (id: string) => homes[id] ?? null;

describe('settleUnnamed', () => {
  it('puts a list whose matched people live in one commune (5 of 6) there, unmatched rows too, with a note', () => {
    const list = rows('btxh-chau-binh-2.xlsx', [
      ...Array.from({ length: 5 }, () => 'Bản Na Pục, Xã Châu Bình, Tỉnh Nghệ An'),
      'Xóm 3, Xã Châu Tiến, Tỉnh Nghệ An',
      null,
    ]);
    const out = settleUnnamed(list, units, 'Nghệ An', addressOf);
    expect(out.map((r) => r.person.commune2025?.code)).toEqual(Array(7).fill('16804'));
    expect(out[6]!.person.commune).toBe('Xã Châu Bình');
    expect(out[0]!.person.problems.map((p) => p.code)).toContain('commune_from_registry');
  });

  it('leaves a list whose people live in two communes half and half unknown, and never moves a row that names its commune', () => {
    const mixed = rows('ds-chung.xlsx', [...Array(3).fill('Xã Châu Bình, Tỉnh Nghệ An'), ...Array(3).fill('Xã Châu Tiến, Tỉnh Nghệ An')]);
    expect(settleUnnamed(mixed, units, 'Nghệ An', addressOf).every((r) => r.person.commune2025 == null)).toBe(true);
    const named = rows('ds-chau-tien.xlsx', Array(6).fill('Xã Châu Bình, Tỉnh Nghệ An')).map((r) => ({ ...r, person: { ...r.person, commune: 'Châu Tiến' } }));
    expect(settleUnnamed(named, units, 'Nghệ An', addressOf).map((r) => r.person.commune)).toEqual(Array(6).fill('Châu Tiến'));
  });

  it('needs at least 5 matched rows to say anything', () => {
    const few = rows('ds.xlsx', Array(4).fill('Xã Châu Bình, Tỉnh Nghệ An'));
    expect(settleUnnamed(few, units, 'Nghệ An', addressOf).every((r) => r.person.commune2025 == null)).toBe(true);
  });
});
