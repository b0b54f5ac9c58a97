import { describe, expect, it } from 'vitest';
import { internCells, internStrings, StringPool } from '../../src/threads/intern-strings.js';

// Interning must never change what a list says (the outputs are compared byte for byte run to run): only how
// many copies of each text are held.
describe('internStrings', () => {
  const list = () => ({
    name: 'btxh-anh-son.xls',
    sheets: [
      {
        people: [
          { name: 'Nguyễn Thị Hoa', programme: 'Người cao tuổi từ đủ 80 tuổi trở lên', problems: [{ code: 'amount_below_rate', severity: 'warning' }] },
          { name: 'Lê Văn Nam', programme: 'Người cao tuổi từ đủ 80 tuổi trở lên', problems: [{ code: 'amount_below_rate', severity: 'warning' }] },
        ],
        // Holes in a grid stay holes; dates and bytes are kept as they are.
        grid: [['a', , 'c']],
        read: new Date(Date.UTC(2026, 11, 2)),
        bytes: Uint8Array.from([1, 2, 3]),
      },
    ],
  });

  it('leaves every value as it was, in the same objects, and holds each text once in the pool', () => {
    const value = list();
    const pool = new StringPool();
    expect(internStrings(value, pool)).toBe(value);
    expect(value).toEqual(list());
    expect(1 in value.sheets[0]!.grid[0]!).toBe(false);
    expect(value.sheets[0]!.read).toBeInstanceOf(Date);
    // btxh-anh-son.xls, two names, the programme, the code, the severity, 'a', 'c'.
    expect(new Set(pool.texts())).toEqual(new Set(['Lê Văn Nam', 'Người cao tuổi từ đủ 80 tuổi trở lên', 'Nguyễn Thị Hoa', 'a', 'amount_below_rate', 'btxh-anh-son.xls', 'c', 'warning']));
  });

  it('shares one pool across lists, and walks frozen objects without failing on them', () => {
    const pool = new StringPool();
    internStrings(list(), pool);
    const frozen = Object.freeze({ rows: Object.freeze(['Thôn 1', 'Thôn 2']), code: 'warning' });
    expect(() => internStrings(frozen, pool)).not.toThrow();
    // The first list's 8 texts, then the two villages and 'warning' again: a text is held once per field, and
    // here it is a code, not a severity.
    expect(pool.texts()).toHaveLength(11);
    expect(pool.texts().filter((t) => t === 'warning')).toHaveLength(2);
  });

  it('puts the pool\'s copy in place of every string it already holds', () => {
    // Two copies of a string are === in JavaScript: what shows the copy was replaced is that it was written back.
    const pool = new StringPool();
    internStrings({ problems: [{ code: 'amount_below_rate', severity: 'warning', row: 3 }] }, pool);
    const written: string[] = [];
    const problem = new Proxy({ code: 'amount_below_rate', severity: 'warning', row: 7 } as Record<string, unknown>, {
      set(target, key, value) {
        written.push(String(key));
        target[String(key)] = value;
        return true;
      },
    });
    internStrings({ problems: [problem] }, pool);
    expect(written).toEqual(['code', 'severity']);
    expect(pool.has('warning')).toBe(true);
  });

  it('follows a cycle without looping', () => {
    const a: { self?: unknown; text: string } = { text: 'x' };
    a.self = a;
    expect(internStrings(a, new StringPool())).toBe(a);
  });
  it('stops pooling a field whose texts do not repeat, and keeps pooling the ones that do', () => {
    const pool = new StringPool();
    const people = Array.from({ length: 5_000 }, (_, i) => ({ id: `0381900${String(i).padStart(5, '0')}`, code: i % 2 === 0 ? 'amount_below_rate' : 'no_id' }));
    internStrings({ people }, pool);
    // The first 2,000 IDs were looked at and found new; the rest were left alone. Both codes are pooled.
    expect(pool.texts().filter((k) => k.startsWith('0381900'))).toHaveLength(2_000);
    expect(pool.has('amount_below_rate') && pool.has('no_id')).toBe(true);
    // What was left alone is unchanged.
    expect(people[4_999]).toEqual({ id: '038190004999', code: 'no_id' });
  });

  it('does the same for the columns of files to write, a column known by its key across files', () => {
    const pool = new StringPool();
    const file = (n: number) => ({
      path: `f${n}.csv`,
      kind: 'csv' as const,
      columns: [{ key: 'name', header: 'Họ tên' }, { key: 'status', header: 'Trạng thái' }],
      rows: Array.from({ length: 1_500 }, (_, i) => [`Người ${n}-${i}`, i % 3 === 0 ? 'matched' : 'review']),
    });
    const files = [file(1), file(2)];
    expect(internCells(files, pool)).toBe(files);
    expect(pool.texts().filter((k) => k.startsWith('Người'))).toHaveLength(2_000);
    expect(pool.has('matched') && pool.has('review')).toBe(true);
    expect(files[1]!.rows[1_499]).toEqual(['Người 2-1499', 'review']);
  });
});
