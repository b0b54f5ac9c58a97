// Communes in 2025 units. Expectations are read by hand from the reference table (src/data/admin-units-2025.tsv):
//   Cao Bằng, Huyện Quảng Hòa: Xã Quảng Hưng, Xã Cai Bộ, Xã Độc Lập → Xã Độc Lập (01594)
//   Quảng Bình, Huyện Quảng Trạch: Xã Quảng Hưng → Quảng Trị, Xã Quảng Trạch (19057)
//   Nghệ An, Huyện Quỳ Châu: Xã Châu Bính (16780) → Xã Châu Tiến (16792); Xã Châu Bình (16804) → Xã Châu Bình (16804)
//   Hà Nội, Quận Ba Đình: Phường Cống Vị, divided → Phường Giảng Võ (00025), Phường Ngọc Hà (00008)
import { describe, expect, it } from 'vitest';
import { compareAddress } from '../../src/match/compare-address.js';
import { addressKey } from '../../src/registry/address-key.js';
import { adminUnits } from '../../src/places/admin-units.js';
import { addressParts } from '../../src/places/address-parts.js';
import { communeInName, placePeople } from '../../src/places/place-people.js';
import { resolveCommune } from '../../src/places/resolve-commune.js';
import { majorityProvince } from '../../src/places/run-province.js';
import { unitKey } from '../../src/places/unit-key.js';
import { titlePlace } from '../../src/layout/title-commune.js';
import { person } from '../dedupe/rows.js';

const units = adminUnits();
const name = (r: ReturnType<typeof resolveCommune>): string =>
  r.kind === 'resolved' ? `${r.unit.name} (${r.unit.code})` : r.kind === 'divided' || r.kind === 'ambiguous' ? `${r.kind}: ${r.candidates.map((c) => c.name).sort().join(', ')}` : r.kind;

describe('the 2025 table', () => {
  it('holds every old commune of the reference table (10,036 codes) and the 3,321 new ones', () => {
    expect(units.newByCode.size).toBe(3321);
    expect([...units.oldByName.values()].reduce((n, l) => n + l.length, 0)).toBe(10036);
  });
  it('compares names without their kind, marks or abbreviations, but keeps the kind of a numbered ward', () => {
    expect(['Xã Quảng Hòa', 'X. Quảng Hoà', 'xa quang hoa', 'QUẢNG HÒA'].map(unitKey)).toEqual(Array(4).fill('quang hoa'));
    expect(unitKey('P. 3')).toBe('phuong 3');
  });
});

describe('resolveCommune', () => {
  it.each([
    ['the old commune with its district', { commune: 'Xã Quảng Hưng', district: 'huyện Quảng Hòa', province: null }, null, 'Xã Độc Lập (01594)'],
    ['the old commune with its district abbreviated', { commune: 'X. Cai Bộ', district: 'H. Quảng Hòa', province: null }, null, 'Xã Độc Lập (01594)'],
    ['the old name alone, in the run\'s province', { commune: 'Quảng Hưng', district: null, province: null }, 'Tỉnh Cao Bằng', 'Xã Độc Lập (01594)'],
    ['the old name alone, with the old province', { commune: 'Quảng Hưng', district: null, province: 'tỉnh Quảng Bình' }, null, 'Xã Quảng Trạch (19057)'],
    ['the new name', { commune: 'Xã Độc Lập', district: null, province: null }, 'Cao Bằng', 'Xã Độc Lập (01594)'],
  ])('%s', (_label, place, province, expected) => {
    expect(name(resolveCommune(units, place, province))).toBe(expected);
  });
  it('two communes of one district whose names differ only in a tone mark are told apart by the mark', () => {
    // Folded, both are "chau binh"; a list titled "UBND XÃ CHÂU BÍNH" was filed under Châu Bình.
    expect(name(resolveCommune(units, { commune: 'Châu Bính', district: null, province: null }, 'Tỉnh Nghệ An'))).toBe('Xã Châu Tiến (16792)');
    expect(name(resolveCommune(units, { commune: 'XÃ CHÂU BÍNH', district: 'Huyện Quỳ Châu', province: null }, 'Nghệ An'))).toBe('Xã Châu Tiến (16792)');
    expect(name(resolveCommune(units, { commune: 'Xã Châu Bình', district: null, province: null }, 'Tỉnh Nghệ An'))).toBe('Xã Châu Bình (16804)');
    // Written without marks it could be either: the new commune of that name is taken, as before.
    expect(name(resolveCommune(units, { commune: 'chau binh', district: null, province: null }, 'Tỉnh Nghệ An'))).toBe('Xã Châu Bình (16804)');
  });
  it('a divided old commune gives its new communes, for the village or the registry to settle', () => {
    expect(name(resolveCommune(units, { commune: 'Phường Cống Vị', district: 'Q. Ba Đình', province: null }, null))).toBe('divided: Phường Giảng Võ, Phường Ngọc Hà');
  });
  it('a name of many communes, with no province, is left unsettled', () => {
    expect(resolveCommune(units, { commune: 'Quảng Hưng', district: null, province: null }, null).kind).toBe('ambiguous');
    expect(resolveCommune(units, { commune: 'Xã Không Có', district: null, province: null }, 'Cao Bằng').kind).toBe('unknown');
  });
});

describe('where a row says its commune', () => {
  it('addresses of three levels and of two', () => {
    expect(addressParts('Thôn 3, xã Quảng Hưng, huyện Quảng Hòa, tỉnh Cao Bằng')).toEqual({ village: 'Thôn 3', commune: 'xã Quảng Hưng', district: 'huyện Quảng Hòa', province: 'tỉnh Cao Bằng' });
    expect(addressParts('Xóm Chùa - X. Độc Lập - T. Cao Bằng')).toEqual({ village: 'Xóm Chùa', commune: 'X. Độc Lập', district: null, province: 'T. Cao Bằng' });
    expect(addressParts('Tổ 5, P. Giảng Võ, TP. Hà Nội').province).toBe('TP. Hà Nội');
  });
  it('the title rows name the district and the province', () => {
    const rows = ['UBND HUYỆN QUẢNG HÒA', 'UBND XÃ QUẢNG HƯNG', 'TỈNH CAO BẰNG'].map((t, i) => ({ row: i + 1, cells: [{ value: t }] }));
    expect(titlePlace(rows)).toEqual({ district: 'Huyện Quảng Hòa', province: 'Tỉnh Cao Bằng' });
  });
  it('a file name "DS BTXH xa Cai Bo.xlsx"', () => {
    expect(communeInName(units, 'DS BTXH xa Cai Bo T12.xlsx')).toBe('xa cai bo');
    expect(communeInName(units, 'danh sach.xlsx')).toBeNull();
  });
  it('the province most registry addresses name', () => {
    const addresses = ['Thôn 1, xã Độc Lập, tỉnh Cao Bằng', 'Xóm 2, xã Quảng Uyên, tỉnh Cao Bằng', 'Thôn 3, xã Quảng Hưng, huyện Quảng Hòa, tỉnh Cao Bằng', null];
    expect(majorityProvince(units, addresses)).toBe('Tỉnh Cao Bằng');
  });
});

describe('placePeople', () => {
  const row = (commune: string | null, file = 'ds.xlsx') => ({ ...person(file, 'T12', 9, { name: 'Nông Văn Tài', commune: commune ?? undefined }), writtenPlace: { commune, district: null, province: null, from: commune ? ('column' as const) : null } });
  it('shows the new commune and keeps the old one as written', () => {
    const [p] = placePeople([row('Xã Cai Bộ')], { province: 'Cao Bằng', commune: null }, units).people;
    expect([p!.commune, p!.commune2025?.code, p!.commune2025?.written]).toEqual(['Xã Độc Lập', '01594', 'Xã Cai Bộ']);
    expect(p!.commune2025?.merged).toEqual(expect.arrayContaining(['Xã Cai Bộ', 'Xã Quảng Hưng']));
  });
  it('a list naming its commune nowhere but in its file name, or by --commune', () => {
    expect(placePeople([row(null, 'BTXH xa Cai Bo.xlsx')], { province: 'Cao Bằng', commune: null }, units).people[0]!.commune).toBe('Xã Độc Lập');
    expect(placePeople([row(null)], { province: 'Cao Bằng', commune: 'Quảng Hưng' }, units).people[0]!.commune).toBe('Xã Độc Lập');
  });
});

describe('matching across the merger', () => {
  const placed = (commune: string, village: string) =>
    placePeople([{ ...person('ds.xlsx', 'T12', 9, { name: 'Nông Văn Tài', commune, village }), writtenPlace: { commune, district: null, province: null, from: 'column' } }], { province: 'Cao Bằng', commune: null }, units).people[0]!;
  it("the list's old commune agrees with the registry's new one, and the reverse", () => {
    expect(compareAddress(placed('Xã Cai Bộ', 'Xóm Nà Ngần'), addressKey('Xóm Khác, xã Độc Lập, tỉnh Cao Bằng'))).toBe('commune');
    expect(compareAddress(placed('Xã Độc Lập', 'Xóm Nà Ngần'), addressKey('Xóm Khác, xã Cai Bộ, huyện Quảng Hòa, tỉnh Cao Bằng'))).toBe('commune');
  });
  it('two "Thôn 1" of two old communes now in one new commune are two villages', () => {
    expect(compareAddress(placed('Xã Cai Bộ', 'Thôn 1'), addressKey('Thôn 1, xã Quảng Hưng, huyện Quảng Hòa, tỉnh Cao Bằng'))).toBe('commune');
    expect(compareAddress(placed('Xã Cai Bộ', 'Thôn 1'), addressKey('Thôn 1, xã Cai Bộ, huyện Quảng Hòa, tỉnh Cao Bằng'))).toBe('village');
    expect(compareAddress(placed('Xã Cai Bộ', 'Thôn 1'), addressKey('Thôn 1, xã Độc Lập, tỉnh Cao Bằng'))).toBe('village');
  });
});
