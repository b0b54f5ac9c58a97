import { describe, expect, it } from 'vitest';
import { formatViDate, formatViInteger, formatViPercent, formatViScore } from '../../src/report/html/vi-number.js';

describe('numbers the way Vietnamese reports write them', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [750_000, '750.000'],
    [1_500_000, '1.500.000'],
    [187_893, '187.893'],
    [-2_500, '-2.500'],
    [12_345_678_901, '12.345.678.901'],
  ])('%d đồng → %s', (n, text) => {
    expect(formatViInteger(n)).toBe(text);
  });

  it.each([
    // The field report's own figure: 63,005 of 64,316 NCC people matched, 97.96 %.
    [63_005, 64_316, '97,96%'],
    [187_893, 187_893, '100,00%'],
    [2, 3, '66,67%'],
    [1, 8, '12,50%'],
    [0, 5, '0,00%'],
    [0, 0, '–'],
  ])('%d of %d → %s', (part, whole, text) => {
    expect(formatViPercent(part, whole)).toBe(text);
  });

  it.each([
    [11.24, '11,2'],
    [-8, '-8,0'],
    [7.5, '7,5'],
    [-0.04, '0,0'],
  ])('score %d → %s (decimal comma)', (score, text) => {
    expect(formatViScore(score)).toBe(text);
  });

  it('writes the run date day first, as dd/mm/yyyy', () => {
    expect(formatViDate('2026-12-01')).toBe('01/12/2026');
  });
});
