import { describe, expect, it } from 'vitest';
import { guardCell } from '../../src/write/formula-guard.js';

describe('guardCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Bấm vào")', `'=HYPERLINK("http://evil.example","Bấm vào")`],
    ['+84912345678', `'+84912345678`],
    ['-1500000', `'-1500000`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('puts an apostrophe before the dangerous text %j', (value, expected) => {
    expect(guardCell(value)).toBe(expected);
  });

  it.each([
    ['Nguyễn Văn An'],
    ['038190001234'],
    ['Thôn 3 - Xã Tân Lập'],
    ['a=b'],
    [''],
    ["'=already guarded"],
  ])('leaves ordinary text %j alone', (value) => {
    expect(guardCell(value)).toBe(value);
  });

  it('leaves numbers (negative ones included) and empty cells alone', () => {
    expect(guardCell(-1500000)).toBe(-1500000);
    expect(guardCell(1500000)).toBe(1500000);
    expect(guardCell(null)).toBeNull();
  });
});
