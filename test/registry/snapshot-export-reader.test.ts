// The faster export reader (fast paths and caches in the registry builder) must give exactly what the
// normalisers give the lists: otherwise a person would be found from one side and missed from the other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/normalize/text.js';
import { cleanCell } from '../../src/registry/clean-cell.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('cleanCell: cleanText with a shortcut for text that is clean already', () => {
  it.each([
    ['NGUYỄN VĂN HÙNG', 'NGUYỄN VĂN HÙNG'],
    ['Nguye\u0302\u0303n Va\u0306n A', 'Nguyễn Văn A'], // NFD from a Mac: composed
    ['  Trần\u00a0Thị  Lan ', 'Trần Thị Lan'], // NBSP and double spaces
    ['ÐỖ VĂN NAM', 'ĐỖ VĂN NAM'], // eth typed for Đ
    ['Lê\u200bThị Hoa', 'LêThị Hoa'], // zero-width space
    ['Xóm 3, xã Yên Phú\r\nhuyện Diễn Châu', 'Xóm 3, xã Yên Phú huyện Diễn Châu'],
    ['', ''],
  ])('%j → %j', (raw, clean) => {
    expect(cleanCell(raw)).toBe(clean);
    expect(cleanCell(raw)).toBe(cleanText(raw));
  });

  it('equals cleanText on every single character of the shortcut ranges', () => {
    for (let c = 0x20; c <= 0x1fff; c += 1) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(cleanCell(s), `U+${c.toString(16)}`).toBe(cleanText(s));
    }
  });

  it('equals cleanText on random mixes of Vietnamese letters, marks, spaces and invisibles', () => {
    const alphabet = [...'aăâeêioôơuưyđĐÐðAĂÂ hòaHÒA ữỮ1,./-'].concat(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u00a0', '\u00ad', '\u200b', '\t', '\n']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const s = chars.join('');
        expect(cleanCell(s)).toBe(cleanText(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readRegistryCsv: cached values are never shared by rows they do not belong to', () => {
  it('reads a two-digit year by each row\'s own ID century', async () => {
    // Same birth-date text, one person born in the 1900s (G = 0) and one in the 2000s (G = 2).
    const csv = ['so_dinh_danh,ho_ten,ngay_sinh', '040025000001,Lê Văn Tư,05/03/25', '040225000002,Lê Văn Tư,05/03/25', '040025000003,Lê Văn Tư,05/03/25'].join('\n');
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.get(0).birth).toEqual({ year: 1925, month: 3, day: 5 });
    expect(reg.get(1).birth).toEqual({ year: 2025, month: 3, day: 5 });
    expect(reg.get(2).birth).toEqual({ year: 1925, month: 3, day: 5 });
  });

  it('counts a name once per row across thousands of repeats and cache clearings', async () => {
    const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh'];
    // 150,000 distinct names push the name cache past its size more than once; Nguyễn Văn Hùng recurs throughout.
    for (let i = 0; i < 150_000; i += 1) {
      const id = `040050${String(i).padStart(6, '0')}`;
      lines.push(i % 1000 === 0 ? `${id},NGUYỄN VĂN HÙNG,1950,Nam` : `${id},Nguyễn Văn Khách${i},1950,Nam`);
    }
    const reg = await readRegistryCsv(utf8(lines.join('\n')), { runYear: 2026 });
    expect(reg.nameCount('nguyen van hung')).toBe(150);
    expect(reg.familyGivenCount('nguyen', 'hung')).toBe(150);
    expect(reg.givenCount('hung')).toBe(150);
    expect(reg.nameYearCount('nguyen van hung', 1950)).toBe(150);
  }, 60_000);

  it('takes plain and odd ID cells the way the ID normaliser does', async () => {
    const csv = [
      'so_dinh_danh,so_cmnd,ho_ten',
      '040050012345,182345678,Phan Văn Một', // 12 digits, valid province
      '999050012345,,Phan Văn Hai', // no such province: not an ID
      '40050012346,,Phan Văn Ba', // lost its leading zero (11 digits as text)
      '182345679,,Phan Văn Bốn', // a CMND in the ID column
      '040 050 012 347,018234568,Phan Văn Năm', // written with spaces
    ].join('\n');
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect([0, 1, 2, 3, 4].map((i) => reg.get(i).id)).toEqual(['040050012345', null, '040050012346', null, '040050012347']);
    expect(reg.findByCmnd('182345679')).toEqual([3]);
    expect(reg.findByCmnd('018234568')).toEqual([4]);
    expect(reg.warnings.join(' ')).toMatch(/^1 registry row\(s\) have an ID that is not a well-formed/);
  });
});
