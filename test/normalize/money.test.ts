import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/normalize/money.js';
import type { CellValue } from '../../src/types.js';

const amount = (value: CellValue) => {
  const r = parseAmount({ value });
  return { value: r.value, codes: r.findings.map((f) => f.code) };
};

describe('parseAmount', () => {
  it.each([
    ['dots for thousands', '1.500.000', 1_500_000],
    ['commas for thousands', '1,500,000', 1_500_000],
    ['spaces for thousands', '1 500 000', 1_500_000],
    ['NBSP for thousands', '1\u00a0500\u00a0000', 1_500_000],
    ['đ glued on', '1.500.000đ', 1_500_000],
    ['đ after a space', '1.500.000 đ', 1_500_000],
    ['đồng', '1.500.000 đồng', 1_500_000],
    ['VNĐ', '540.000 VNĐ', 540_000],
    ['VND', '540,000 VND', 540_000],
    ['per month', '2.160.000đ/tháng', 2_160_000],
    ['plain digits', '1500000', 1_500_000],
    ['360.000 is 360 thousand, not 360', '360.000', 360_000],
    ['1.500 is one thousand five hundred', '1.500', 1_500],
    ['zero decimals, Vietnamese style', '1.500.000,00', 1_500_000],
    ['zero decimals, English style', '1,500,000.00', 1_500_000],
    ['a number cell', 1_500_000, 1_500_000],
    ['float noise from =1000000*0.1*3', 1_000_000 * 0.1 * 3, 300_000],
    ['zero', 0, 0],
  ])('%s', (_why, raw, expected) => {
    expect(amount(raw)).toEqual({ value: expected, codes: [] });
  });

  it.each([
    ['half a đồng', 1_500_000.5, 'amount_not_integer'],
    ['1.5 (million?)', '1.5', 'amount_not_integer'],
    ['a decimal comma', '2,75', 'amount_not_integer'],
    ['negative number', -360_000, 'amount_negative'],
    ['negative text', '-360.000', 'amount_negative'],
    ['words', 'một triệu', 'amount_unreadable'],
    ['broken grouping', '1.50.000', 'amount_unreadable'],
    ['a date', new Date(Date.UTC(2026, 0, 1)), 'amount_unreadable'],
  ])('%s', (_why, raw, code) => {
    expect(amount(raw)).toEqual({ value: null, codes: [code] });
  });

  it.each([[null], [''], ['  '], ['-']])('empty %j: no amount and no finding (eligibility decides later)', (raw) => {
    expect(amount(raw)).toEqual({ value: null, codes: [] });
  });
});
