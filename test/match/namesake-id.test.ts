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
  it('is not matched to the ID owner when the birth years are far apart; the row goes to review', async () => {
    const registry = await readRegistryCsv(Buffer.from(CSV), { runYear: 2026 });
    const mother = buildPerson({ name: 'Nguyễn Thị Hoa', birth: '05/09/1960', sex: 'Nữ', id: '040190588679', village: 'Thôn Bắc Sơn' });
    const [r] = matchPeople([mother], registry, MATCH_DEFAULTS);
    expect(r!.status).toBe('review');
    expect(r!.flags).toContain('id_conflict');
    expect(r!.registryId).not.toBe('040190588679');
  });

  it('is still matched when the same name differs only by a year off by one (lunar year)', async () => {
    const registry = await readRegistryCsv(Buffer.from(CSV), { runYear: 2026 });
    const row = buildPerson({ name: 'Nguyễn Thị Hoa', birth: '1961', sex: 'Nữ', id: '040160486556', village: 'Thôn Bắc Sơn' });
    const [r] = matchPeople([row], registry, MATCH_DEFAULTS);
    expect(r!.status).toBe('matched');
    expect(r!.method).toBe('id');
  });
});
