import { describe, expect, it } from 'vitest';
import { RowMarks } from '../../src/match/row-marks.js';

describe('RowMarks: the rows one candidate search has met', () => {
  it('says a row is new once, and again after the next search begins', () => {
    const marks = new RowMarks();
    marks.clear();
    expect([marks.add(7), marks.add(7), marks.add(0), marks.add(0)]).toEqual([true, false, true, false]);
    marks.clear();
    expect([marks.add(7), marks.add(0), marks.add(7)]).toEqual([true, true, false]);
  });

  it('keeps every row of a search of thousands, registry-scattered or side by side', () => {
    const marks = new RowMarks();
    marks.clear();
    // 5,000 rows 1,024 apart (the same low bits) and 5,000 neighbours: well past the first table's size.
    const rows = [...Array.from({ length: 5000 }, (_, i) => i * 1024), ...Array.from({ length: 5000 }, (_, i) => 20_000_000 + i)];
    expect(rows.every((r) => marks.add(r))).toBe(true);
    expect(rows.some((r) => marks.add(r))).toBe(false);
    expect(marks.add(1023)).toBe(true);
    marks.clear();
    expect(rows.every((r) => marks.add(r))).toBe(true);
  });
});
