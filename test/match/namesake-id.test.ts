// Found on a 200k-row generated registry: a mother listed with the ID of her daughter, who has the very same
// (common) name. The name agrees exactly, so only the birth years tell them apart.
import { describe, expect, it } from 'vitest';
import { matchPeople } from '../../src/match/match-people.js';
import { MATCH_DEFAULTS } from '../../src/match/options.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import { buildPerson } from './build-person.js';

const CSV = [
  'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,dia_chi_thuong_tru,trang_thai',
  '040160486556,NGUYỄN THỊ HOA,05/09/1960,Nữ,"Thôn Bắc Sơn, xã Diễn Hồng",Còn sống',
  '040190588679,NGUYỄN THỊ HOA,12/03/1990,Nữ,"Thôn Bắc Sơn, xã Diễn Hồng",Còn sống',
  '040155000111,NGUYỄN THỊ HOA,1955,Nữ,"Thôn Nam, xã Diễn Hồng",Còn sống',
].join('\n');

describe('an ID copied from a namesake relative', () => {
  it('is not matched to the ID owner when the birth years are far apart', async () => {
    const registry = await readRegistryCsv(Buffer.from(CSV), { runYear: 2026 });
    const mother = buildPerson({ name: 'Nguyễn Thị Hoa', birth: '05/09/1960', sex: 'Nữ', id: '040190588679', village: 'Thôn Bắc Sơn' });
    const [r] = matchPeople([mother], registry, MATCH_DEFAULTS);
    expect(r!.registryId).not.toBe('040190588679');
    // The daughter lives at the mother's registry address, and the row is the mother to the day: the mother's
    // own record, with her own ID replacing the daughter's.
    expect(r!.status).toBe('matched');
    expect(r!.flags).toContain('id_of_relative');
    expect(r!.registryId).toBe('040160486556');
    expect(r!.correctedId).toBe('040160486556');
    expect(r!.explanation).toContain('same registry address');
  });

  it('goes to review when the ID owner lives elsewhere, or the row gives only a birth year', async () => {
    const registry = await readRegistryCsv(Buffer.from(CSV), { runYear: 2026 });
    // 040155000111 (Thôn Nam) is not at the mother's address.
    const elsewhere = buildPerson({ name: 'Nguyễn Thị Hoa', birth: '05/09/1960', sex: 'Nữ', id: '040155000111', village: 'Thôn Bắc Sơn' });
    const yearOnly = buildPerson({ name: 'Nguyễn Thị Hoa', birth: '1960', sex: 'Nữ', id: '040190588679', village: 'Thôn Bắc Sơn' });
    for (const r of matchPeople([elsewhere, yearOnly], registry, MATCH_DEFAULTS)) {
      expect(r.status).toBe('review');
      expect(r.flags).toContain('id_conflict');
      expect(r.flags).not.toContain('id_of_relative');
      expect(r.correctedId).toBeNull();
    }
  });

  it('is still matched when the same name differs only by a year off by one (lunar year)', async () => {
    const registry = await readRegistryCsv(Buffer.from(CSV), { runYear: 2026 });
    const row = buildPerson({ name: 'Nguyễn Thị Hoa', birth: '1961', sex: 'Nữ', id: '040160486556', village: 'Thôn Bắc Sơn' });
    const [r] = matchPeople([row], registry, MATCH_DEFAULTS);
    expect(r!.status).toBe('matched');
    expect(r!.method).toBe('id');
  });
});
