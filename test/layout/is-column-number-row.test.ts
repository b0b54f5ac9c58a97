import { describe, expect, it } from 'vitest';
import { isColumnNumberRow } from '../../src/layout/is-column-number-row.js';
import type { CellValue } from '../../src/types.js';

const row = (values: readonly CellValue[]) => ({ row: 8, cells: values.map((value) => ({ value })) });

describe('isColumnNumberRow', () => {
  it.each<readonly [string, readonly CellValue[], boolean]>([
    ['numbers stored as numbers', [1, 2, 3, 4, 5, 6], true],
    ['numbers typed as text', ['1', '2', '3', '4'], true],
    ['numbers in brackets', ['(1)', '(2)', '(3)', '(4)', '(5)'], true],
    ['letters', ['A', 'B', 'C', 'D'], true],
    ['letters for the first columns, then numbers', ['A', 'B', 1, 2, 3], true],
    ['a computed column written as a formula', ['(1)', '(2)', '(3)', '(4)', '(5)=(3)x(4)'], true],
    ['a number merged across two columns read once', [1, 2, 3, 3, 4], true],
    ['a person row', [1, 'Nguyễn Văn An', '12/03/1940', '034040001234'], false],
    ['a subtotal row of counts and money', [null, null, 12, 6_000_000, 6_000_000], false],
    ['only two cells', [1, 2], false],
    ['numbers out of order', [3, 1, 2, 4], false],
  ])('%s', (_label, values, expected) => {
    expect(isColumnNumberRow(row(values))).toBe(expected);
  });
});
