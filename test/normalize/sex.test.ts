import { describe, expect, it } from 'vitest';
import { normalizeSex } from '../../src/normalize/sex.js';
import type { CellValue } from '../../src/types.js';

const sex = (value: CellValue) => {
  const r = normalizeSex({ value });
  return { value: r.value, codes: r.findings.map((f) => f.code) };
};

describe('normalizeSex', () => {
  it.each([
    ['Nam', 'M'],
    ['NAM', 'M'],
    ['nam', 'M'],
    [' Nam\u00a0', 'M'],
    ['Nam giới', 'M'],
    ['Nữ', 'F'],
    ['NỮ', 'F'],
    ['nữ', 'F'],
    ['Nu', 'F'],
    ['nu', 'F'],
    ['Nu\u0303', 'F'], // NFD
    ['Nữ giới', 'F'],
    ['M', 'M'],
    ['F', 'F'],
    ['Male', 'M'],
    ['female', 'F'],
    // 1 = Nam, 0 = Nữ, the coding of the lists (see sex.ts)
    [1, 'M'],
    [0, 'F'],
    ['1', 'M'],
    ['0', 'F'],
  ] as const)('%j → %s', (raw, expected) => {
    expect(sex(raw)).toEqual({ value: expected, codes: [] });
  });

  it.each([['x'], ['Không rõ'], [2], [true]])('%j is unreadable', (raw) => {
    expect(sex(raw)).toEqual({ value: null, codes: ['sex_unreadable'] });
  });

  it.each([[null], [''], ['  ']])('empty %j: nothing, no finding', (raw) => {
    expect(sex(raw)).toEqual({ value: null, codes: [] });
  });
});
