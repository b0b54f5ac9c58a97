import { describe, expect, it } from 'vitest';
import { batchId, lineId } from '../../src/pay/ids.js';

const LINE = /^L2612[0-9A-HJKMNP-TV-Z]{10}$/;

describe('payment IDs', () => {
  it('gives a line the same ID on every run, with a readable prefix for the month', () => {
    const a = lineId('2026-12', 'BTXH', '038190001234');
    expect(a).toMatch(LINE);
    expect(lineId('2026-12', 'BTXH', '038190001234')).toBe(a);
  });

  it('gives another month, programme or person another line ID', () => {
    const a = lineId('2026-12', 'BTXH', '038190001234');
    expect(lineId('2027-01', 'BTXH', '038190001234')).not.toBe(a);
    expect(lineId('2027-01', 'BTXH', '038190001234')).toMatch(/^L2701/);
    expect(lineId('2026-12', 'NCC', '038190001234')).not.toBe(a);
    expect(lineId('2026-12', 'BTXH', '038190001235')).not.toBe(a);
  });

  it('names a batch by its exact set of lines, whatever their order', () => {
    const lines = ['L2612AAAAAAAAAA', 'L2612BBBBBBBBBB'];
    const b = batchId('2026-12', '970405', 'btxh', lines);
    expect(b).toMatch(/^B2612[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(batchId('2026-12', '970405', 'btxh', [...lines].reverse())).toBe(b);
    expect(batchId('2026-12', '970405', 'btxh', lines.slice(0, 1))).not.toBe(b);
    expect(batchId('2026-12', 'cash', '', lines)).toMatch(/^C2612/);
  });
});
