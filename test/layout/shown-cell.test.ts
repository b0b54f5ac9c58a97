import { describe, expect, it } from 'vitest';
import { shownCell } from '../../src/layout/shown-cell.js';

describe('shownCell: what a "no header" refusal may print of a row', () => {
  it.each([
    ['Họ và tên', 'Họ và tên'],
    ['Số CCCD', 'Số CCCD'],
    ['Ngày sinh', 'Ngày sinh'],
    ['Ký nhận', 'Ký nhận'],
    ['Ghi chú', 'Ghi chú'],
    ['STT', 'STT'],
    ['Số tiền (đồng)', 'Số tiền (đồng)'],
  ])('keeps the header %s as it is', (cell, shown) => {
    expect(shownCell(cell)).toBe(shown);
  });

  it.each([
    // "Thị" is a header word too (thị trấn) and the commonest middle name: no more than maskName shows.
    ['a name', 'Nguyễn Thị Lụa', 'N. Thị L.'],
    ['an ID', '036150001234', '03**********'],
    ['a birth date', '15/03/1950', '15/03/19**'],
    ['an amount', '1500000', '15*****'],
    ['an account with its bank', 'VBSP 4301205123456', 'V. 43***********'],
  ])('masks %s found where the header was looked for', (_what, cell, shown) => {
    expect(shownCell(cell)).toBe(shown);
  });
});
