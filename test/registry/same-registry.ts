// Two registries that must be the same (an export and its snapshot; a registry loaded here and on the worker):
// everything the matcher can ask of one, asked of both.
import { expect } from 'vitest';
import { BLOCK_KINDS, monthDay, type BlockKey, type Registry } from '../../src/registry/registry.js';

export function expectSameRegistry(a: Registry, b: Registry): void {
  expect(b.size).toBe(a.size);
  expect(b.skipped).toBe(a.skipped);
  expect(b.headers).toEqual(a.headers);
  expect(b.columns).toEqual(a.columns);
  expect(b.warnings).toEqual(a.warnings);
  expect(b.givenNames).toEqual(a.givenNames);
  expect(b.findById('000000000000')).toEqual([]);
  for (let i = 0; i < a.size; i += 1) {
    const p = a.get(i);
    expect(b.get(i)).toEqual(p);
    if (p.id !== null) expect(b.findById(p.id)).toEqual(a.findById(p.id));
    if (p.cmnd !== null) expect(b.findByCmnd(p.cmnd)).toEqual(a.findByCmnd(p.cmnd));
    if (p.name !== null) {
      const { folded, family, given } = p.name;
      expect(b.nameCount(folded)).toBe(a.nameCount(folded));
      expect(b.familyGivenCount(family, given)).toBe(a.familyGivenCount(family, given));
      expect(b.givenCount(given)).toBe(a.givenCount(given));
      if (p.birth !== null) expect(b.nameYearCount(folded, p.birth.year)).toBe(a.nameYearCount(folded, p.birth.year));
      const key: BlockKey = {
        year: a.birthYearOf(i),
        family: a.familyCodeOf(i),
        given: a.givenCodeOf(i),
        monthDay: monthDay(a.birthMonthOf(i), a.birthDayOf(i)),
        idPrefix: a.idPrefixOf(i),
      };
      for (const kind of BLOCK_KINDS) expect(b.block(kind, key, 50)).toEqual(a.block(kind, key, 50));
    }
  }
}
