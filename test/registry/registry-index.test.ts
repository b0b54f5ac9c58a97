import { describe, expect, it } from 'vitest';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import { monthDay, type BlockKey, type Registry } from '../../src/registry/registry.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLES_M = ['Văn', 'Đức', 'Hữu', 'Minh', 'Quang'];
const MIDDLES_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim'];
const GIVENS_M = ['Hùng', 'Dũng', 'Nam', 'Tuấn', 'Minh', 'Hải', 'Long', 'Sơn', 'Thắng', 'Tư', 'Khải', 'Phúc', 'Toàn', 'Quý'];
const GIVENS_F = ['Lan', 'Hoa', 'Mai', 'Hương', 'Thủy', 'Hà', 'Nga', 'Xuyến', 'Nguyệt', 'Cúc', 'Đào', 'Yến', 'Hằng', 'Loan'];

/** Row i of a generated province export: the ID encodes sex and year as the real ones do. */
function generated(i: number): { id: string; name: string; year: number; sex: 'Nam' | 'Nữ' } {
  const female = i % 2 === 1;
  const year = 1920 + (i % 87);
  const g = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const id = `036${g}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`;
  const family = FAMILIES[i % FAMILIES.length];
  const middle = (female ? MIDDLES_F : MIDDLES_M)[Math.floor(i / 7) % 5];
  const given = (female ? GIVENS_F : GIVENS_M)[Math.floor(i / 3) % 14];
  return { id, name: `${family} ${middle} ${given}`.toUpperCase(), year, sex: female ? 'Nữ' : 'Nam' };
}

async function province(rows: number): Promise<Registry> {
  const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,dia_chi'];
  for (let i = 0; i < rows; i += 1) {
    const p = generated(i);
    lines.push(`${p.id},${p.name},${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${p.year},${p.sex},Thôn ${i % 40}`);
  }
  return readRegistryCsv(utf8(lines.join('\n')), { runYear: 2026 });
}

describe('Registry: a generated province export of 200,000 people', () => {
  it('indexes every ID and gives back each person exactly', async () => {
    const reg = await province(200_000);
    expect(reg.size).toBe(200_000);
    for (const i of [0, 1, 12_345, 99_999, 150_001, 199_999]) {
      const p = generated(i);
      expect(reg.findById(p.id)).toEqual([i]);
      const got = reg.get(i);
      expect(got.id).toBe(p.id);
      expect(got.row).toBe(i + 2);
      expect(got.birth?.year).toBe(p.year);
      expect(got.sex).toBe(p.sex === 'Nam' ? 'M' : 'F');
      expect(got.name?.display.toUpperCase()).toBe(p.name);
    }
    // One digit off the last ID: nobody (the generated IDs end in the row number).
    expect(reg.findById('036' + generated(199_999).id.slice(3, 6) + '299999')).toEqual([]);
    expect(reg.warnings).toEqual([]);
  }, 60_000);
});

describe('Registry: term frequencies and blocks', () => {
  const csv = [
    'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh',
    '036050001234,NGUYỄN VĂN HÙNG,05/03/1950,Nam',
    '036062004321,Nguyễn Văn Hùng,11/07/1962,Nam',
    '036050009876,NGUYEN VAN HUNG,1950,Nam', // no marks: counted with the others
    '036150002222,Nguyễn Thị Lan,1950,Nữ',
    '036139421111,Hoàng Thị Xuyến,1939,Nữ',
    '036050001111,Nguyễn Hùng,1950,Nam',
  ].join('\n');

  it('counts folded full names, family+given, given names, and name+birth year', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.nameCount('nguyen van hung')).toBe(3);
    expect(reg.nameCount('hoang thi xuyen')).toBe(1);
    expect(reg.nameCount('le van tam')).toBe(0);
    expect(reg.familyGivenCount('nguyen', 'hung')).toBe(4);
    expect(reg.givenCount('hung')).toBe(4);
    expect(reg.givenCount('lan')).toBe(1);
    expect(reg.nameYearCount('nguyen van hung', 1950)).toBe(2);
    expect(reg.nameYearCount('nguyen van hung', 1962)).toBe(1);
  });

  it('blocks by birth year + given name, family + given name (+ year, + day and month), and ID prefix + given name', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    const key = (over: Partial<BlockKey>): BlockKey => ({
      year: 0, family: -1, given: reg.givenCode('hung'), monthDay: 0, idPrefix: -1, ...over,
    });
    const nguyen = reg.familyCode('nguyen');
    expect(reg.block('year_given', key({ year: 1950 }), 100).rows).toEqual([0, 2, 5]);
    expect(reg.block('family_given', key({ family: nguyen }), 100).rows).toEqual([0, 1, 2, 5]);
    expect(reg.block('family_given_year', key({ family: nguyen, year: 1950 }), 100).rows).toEqual([0, 2, 5]);
    expect(reg.block('family_given_year', key({ family: nguyen, year: 1962 }), 100).rows).toEqual([1]);
    expect(reg.block('family_given_year', key({ family: nguyen, year: 1951 }), 100).rows).toEqual([]);
    // 11 July of any year: the 1962 Hùng only; a year-only date has no day and month to block on.
    expect(reg.block('family_given_date', key({ family: nguyen, monthDay: monthDay(7, 11) }), 100).rows).toEqual([1]);
    expect(reg.block('family_given_date', key({ family: nguyen, monthDay: monthDay(3, 5) }), 100).rows).toEqual([0]);
    expect(reg.block('family_given_date', key({ family: nguyen, monthDay: 0 }), 100).rows).toEqual([]);
    expect(reg.block('idprefix_given', key({ idPrefix: 36062 }), 100).rows).toEqual([1]);
  });

  it('reports a block over the cap by its size, without its rows', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    const block = reg.block('family_given', { year: 0, family: reg.familyCode('nguyen'), given: reg.givenCode('hung'), monthDay: 0, idPrefix: -1 }, 3);
    expect(block).toEqual({ rows: [], size: 4, capped: true });
  });

  it('a common block asked for again (the next Hùng on the list) gives the same size, and its rows under a larger cap', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    const nguyenHung = { year: 0, family: reg.familyCode('nguyen'), given: reg.givenCode('hung'), monthDay: 0, idPrefix: -1 };
    expect(reg.block('family_given', nguyenHung, 3)).toEqual({ rows: [], size: 4, capped: true });
    expect(reg.block('family_given', { ...nguyenHung, year: 1999 }, 3)).toEqual({ rows: [], size: 4, capped: true });
    expect(reg.block('family_given', nguyenHung, 2)).toEqual({ rows: [], size: 4, capped: true });
    expect(reg.block('family_given', nguyenHung, 4)).toEqual({ rows: [0, 1, 2, 5], size: 4, capped: false });
    // Another key is not answered from the first one's count.
    expect(reg.block('year_given', { ...nguyenHung, year: 1950 }, 3)).toEqual({ rows: [0, 2, 5], size: 3, capped: false });
  });

  it('an unknown given name has no code and no block', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.givenCode('pang')).toBe(-1);
    expect(reg.block('year_given', { year: 1950, family: -1, given: -1, monthDay: 0, idPrefix: -1 }, 100).size).toBe(0);
  });

  it('keeps every holder of a duplicated ID, in registry order, and says so', async () => {
    const dup = 'so_dinh_danh,ho_ten\n036050001234,Nguyễn Văn Hùng\n036062004321,Trần Văn Nam\n036050001234,Nguyễn Văn Hùng\n';
    const reg = await readRegistryCsv(utf8(dup), { runYear: 2026 });
    expect(reg.findById('036050001234')).toEqual([0, 2]);
    expect(reg.warnings.join(' ')).toContain('1 registry row(s) repeat an ID');
  });
});
