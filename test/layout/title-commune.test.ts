import { describe, expect, it } from 'vitest';
import { titleCommune } from '../../src/layout/title-commune.js';
import type { RawRow } from '../../src/types.js';

const rows = (...lines: string[]): RawRow[] => lines.map((text, i) => ({ row: i + 1, cells: [{ value: text }, { value: null }] }));

describe('titleCommune', () => {
  it.each([
    [['UBND XÃ XUÂN LÂM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], 'Xuân Lâm'],
    [['ỦY BAN NHÂN DÂN PHƯỜNG ĐÔNG HƯƠNG'], 'Đông Hương'],
    [['UBND  thị trấn  Nông Cống.'], 'Nông Cống'],
    [['UBND xã Quảng Phú'], 'Quảng Phú'],
  ])('reads %j as %s', (lines, commune) => {
    expect(titleCommune(rows(...lines))).toBe(commune);
  });

  it('does not take the national motto or the list title for a commune', () => {
    expect(titleCommune(rows('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI'))).toBeNull();
  });
});
