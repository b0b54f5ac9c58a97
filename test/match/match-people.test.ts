import { beforeAll, describe, expect, it } from 'vitest';
import { MATCH_DEFAULTS } from '../../src/match/options.js';
import { matchPeople } from '../../src/match/match-people.js';
import type { MatchResult } from '../../src/match/types.js';
import type { Registry } from '../../src/registry/registry.js';
import { buildPerson, type RowSpec } from './build-person.js';
import { communeRegistry, idOf } from './commune-registry.js';

let registry: Registry;
beforeAll(async () => {
  registry = await communeRegistry();
});

function match(spec: RowSpec): MatchResult {
  const [r] = matchPeople([buildPerson(spec)], registry, MATCH_DEFAULTS);
  if (r === undefined) throw new Error('no result');
  return r;
}

const YEN_LAC = { commune: 'Xã Yên Lạc' } as const;

describe('matchPeople: by personal ID', () => {
  it.each([
    {
      what: 'exact ID, same name, date and sex',
      row: { name: 'Nguyễn Văn Hùng', birth: '05/03/1950', sex: 'Nam', id: '036050001234' },
      id: idOf('hung1950'),
      flags: [],
    },
    {
      what: 'name in capitals without marks',
      row: { name: 'NGUYEN VAN HUNG', birth: '05/03/1950', sex: 'Nam', id: '036050001234' },
      id: idOf('hung1950'),
      flags: ['name_unaccented'],
    },
    {
      what: 'an 11-digit number cell (lost leading zero, restored by the normaliser)',
      row: { name: 'Nguyễn Văn Hùng', birth: '05/03/1950', sex: 'Nam', id: 36050001234 },
      id: idOf('hung1950'),
      flags: [],
    },
    {
      what: 'a full date on the list, year only in the registry',
      row: { name: 'Trần Thị Lan', birth: '12/06/1945', sex: 'Nữ', id: '036145002222' },
      id: idOf('lan'),
      flags: [],
    },
    {
      what: 'the middle name Thị dropped',
      row: { name: 'Trần Lan', birth: '1945', sex: 'Nữ', id: '036145002222' },
      id: idOf('lan'),
      flags: ['name_differs'],
    },
    {
      what: 'one tone mark left off an otherwise accented name',
      row: { name: 'Vũ Văn Khai', birth: '10/10/1958', sex: 'Nam', id: '036058004040' },
      id: idOf('khai'),
      flags: ['name_differs'],
    },
    {
      what: 'one typo in the given name (o for i), the full birth date confirms',
      row: { name: 'Vũ Văn Khảo', birth: '10/10/1958', sex: 'Nam', id: '036058004040' },
      id: idOf('khai'),
      flags: ['name_differs'],
    },
    {
      what: 'day and month swapped by a foreign-locale machine',
      row: { name: 'Bùi Thị Nguyệt', birth: '11/23/1960', sex: 'Nữ', id: '036160005050' },
      id: idOf('nguyet'),
      flags: [],
    },
  ])('$what → matched by id', ({ row, id, flags }) => {
    const r = match(row);
    expect(r.status).toBe('matched');
    expect(r.method).toBe('id');
    expect(r.registryId).toBe(id);
    expect(r.flags).toEqual(flags);
    expect(r.explanation.startsWith('id=found; name=')).toBe(true);
  });

  it('a lunar birth year one off is matched but flagged dob_differs', () => {
    const r = match({ name: 'Mai Văn Thắng', birth: '1953', sex: 'Nam', id: '036052006060' });
    expect(r.status).toBe('matched');
    expect(r.flags).toContain('dob_differs');
    expect(r.explanation).toContain('dob=year-near');
  });

  it("a mother listed with her son's ID is never matched to the son (id_conflict), and her own record is proposed", () => {
    const r = match({ name: 'Trần Thị Lan', birth: '1945', sex: 'Nữ', id: '036072003333', village: 'Thôn Đông', ...YEN_LAC });
    expect(r.status).toBe('review');
    expect(r.flags).toContain('id_conflict');
    // The son's ID says male, born 1972: the row says female, 1945.
    expect(r.flags).toEqual(expect.arrayContaining(['id_sex_mismatch', 'id_year_mismatch']));
    expect(r.registryId).not.toBe(idOf('minh'));
    expect(r.registryId).toBe(idOf('lan'));
    expect(r.candidates.map((c) => c.registryId)).toEqual([idOf('minh'), idOf('lan')]);
    expect(r.explanation).toContain('belongs to another person');
  });

  it('a given-name typo with a birth year 20 years off is another person, not a typo', () => {
    const r = match({ name: 'Vũ Văn Khảo', birth: '1978', sex: 'Nam', id: '036058004040' });
    expect(r.status).toBe('review');
    expect(r.flags).toContain('id_conflict');
  });

  it("a son listed with his father's ID (same family, other given name) goes to review", () => {
    const r = match({ name: 'Nguyễn Văn Tuấn', birth: '1975', sex: 'Nam', id: '036050001234' });
    expect(r.status).toBe('review');
    expect(r.flags).toContain('id_conflict');
    expect(r.registryId).toBeNull();
  });

  it('an ID with no name on the row is only proposed, never matched', () => {
    const r = match({ birth: '05/03/1950', id: '036050001234' });
    expect(r.status).toBe('review');
    expect(r.flags).toContain('name_missing');
  });
});

describe('matchPeople: by old CMND', () => {
  it('finds the person by the 9-digit CMND when there is no 12-digit ID (tone style hoà/hòa ignored)', () => {
    const r = match({ name: 'Đặng Thị Thuỷ', birth: '01/06/1955', sex: 'Nữ', cmnd: '162111222' });
    expect(r).toMatchObject({ status: 'matched', method: 'cmnd', registryId: idOf('thuy'), flags: [] });
    expect(r.explanation).toContain('cmnd=found; name=exact');
  });

  it('a CMND written in the ID column is looked up as a CMND', () => {
    const r = match({ name: 'Nguyễn Văn Hùng', birth: '05/03/1950', sex: 'Nam', id: '162345678' });
    expect(r).toMatchObject({ status: 'matched', method: 'cmnd', registryId: idOf('hung1950') });
  });
});

describe('matchPeople: fuzzy', () => {
  it('a rare name with birth year and village is matched, and the explanation shows every level and weight', () => {
    const r = match({ name: 'Hoàng Thị Xuyến', birth: '1939', sex: 'Nữ', village: 'Thôn 3', ...YEN_LAC });
    expect(r).toMatchObject({ status: 'matched', method: 'fuzzy', registryId: idOf('xuyen') });
    // prior -log2(10^6); name u = 0.5/10^6 (one in registry); year-only log2(0.15·70); sex log2(0.97/0.5);
    // village log2(0.6/0.03).
    for (const part of ['prior -19.9', 'name=exact +20.1 [1 in registry with this name]', 'dob=year-only +3.4', 'sex=agree +1.0', 'address=village +4.3', 'id=missing +0.0', 'total 8.8']) {
      expect(r.explanation).toContain(part);
    }
    expect(r.score).toBeCloseTo(8.81, 1);
  });

  it('an ID Excel turned into 3.61394E+10 falls back to fuzzy, its surviving prefix agreeing', () => {
    const r = match({ name: 'Hoàng Thị Xuyến', birth: '1939', sex: 'Nữ', id: '3.61394E+10', village: 'Thôn 3', ...YEN_LAC });
    expect(r).toMatchObject({ status: 'matched', method: 'fuzzy', registryId: idOf('xuyen') });
    expect(r.explanation).toContain('id=prefix +0.3');
    expect(r.score).toBeCloseTo(9.07, 1);
  });

  it('a dropped middle name with the full birth date is matched by fuzzy', () => {
    const r = match({ name: 'Mai Thắng', birth: '08/08/1952', sex: 'Nam' });
    expect(r).toMatchObject({ status: 'matched', method: 'fuzzy', registryId: idOf('thang') });
    expect(r.flags).toContain('name_differs');
    expect(r.explanation).toContain('name=middle-dropped +16.9');
    expect(r.explanation).toContain('dob=exact +14.1');
  });

  it('two women named Lê Thị Hoa born 1948 in one commune: review with both, never an auto-match', () => {
    const r = match({ name: 'Lê Thị Hoa', birth: '1948', sex: 'Nữ', village: 'Thôn Tây', ...YEN_LAC });
    expect(r.status).toBe('review');
    expect(r.flags).toContain('homonyms');
    expect(r.candidates.map((c) => c.registryId).sort()).toEqual([idOf('hoaTay'), idOf('hoaDong')].sort());
    expect(r.explanation).toContain('2 registry people share this name and birth year');
  });

  it('a common name with only a birth year (five Nguyễn Văn Hùng) is not auto-matched', () => {
    const r = match({ name: 'Nguyễn Văn Hùng', birth: '1962', sex: 'Nam' });
    expect(r.status).not.toBe('matched');
  });

  it('a common name with the full birth date is matched to the right one of five', () => {
    const r = match({ name: 'Nguyễn Văn Hùng', birth: '20/01/1975', sex: 'Nam' });
    expect(r).toMatchObject({ status: 'matched', method: 'fuzzy', registryId: idOf('hung1975') });
    // Five people share the name: u = 4.5/10^6.
    expect(r.explanation).toContain('name=exact +16.9 [5 in registry with this name]');
  });

  it.each([
    { what: 'one digit mistyped', id: '036058004041', name: 'Vũ Văn Khải', birth: '10/10/1958', sex: 'Nam', right: 'khai' as const },
    { what: 'two neighbouring digits swapped', id: '036160000550', name: 'Bùi Thị Nguyệt', birth: '23/11/1960', sex: 'Nữ', right: 'nguyet' as const },
  ])('an ID with $what is corrected', ({ id, name, birth, sex, right }) => {
    const r = match({ name, birth, sex, id });
    expect(r).toMatchObject({ status: 'matched', method: 'id_corrected', registryId: idOf(right), correctedId: idOf(right) });
    expect(r.flags).toContain('id_corrected');
    expect(r.explanation).toContain('id=typo +18.9');
    expect(r.explanation.startsWith('id=not-found; fuzzy:')).toBe(true);
  });

  it('someone not in the registry is unmatched', () => {
    const r = match({ name: 'Lò Văn Pành', birth: '1944', sex: 'Nam', village: 'Thôn Đông', ...YEN_LAC });
    expect(r).toMatchObject({ status: 'unmatched', method: '', registryId: null, candidates: [] });
    expect(r.explanation).toContain('no registry person shares a blocking key');
  });

  it('a stranger who only shares a given name and birth year stays unmatched', () => {
    const r = match({ name: 'Đỗ Thị Hoa', birth: '1948', sex: 'Nữ' });
    expect(r.status).toBe('unmatched');
    expect(r.explanation).toContain('name=given-only');
  });
});

describe('matchPeople: fuzzy, the harder cases', () => {
  it('a given name with a typo unknown to the registry is still found, for review', () => {
    const r = match({ name: 'Hoàng Thị Xuyn', birth: '1939', sex: 'Nữ', village: 'Thôn 3', ...YEN_LAC });
    expect(r.status).toBe('review');
    expect(r.registryId).toBe(idOf('xuyen'));
    expect(r.explanation).toContain('name=typo');
  });

  it("a well-formed ID nobody holds, on a row that fits someone with a wholly different ID, goes to review", () => {
    const r = match({ name: 'Vũ Văn Khải', birth: '10/10/1958', sex: 'Nam', id: '036058777777' });
    expect(r.status).toBe('review');
    expect(r.registryId).toBe(idOf('khai'));
    expect(r.flags).toEqual(expect.arrayContaining(['id_differs', 'id_not_in_registry']));
    expect(r.correctedId).toBeNull();
  });

  it('an ID nobody holds on a row nobody fits is unmatched and flagged', () => {
    const r = match({ name: 'Lò Văn Pành', birth: '1944', sex: 'Nam', id: '036044123456' });
    expect(r.status).toBe('unmatched');
    expect(r.flags).toContain('id_not_in_registry');
    expect(r.explanation.startsWith('id=not-found; ')).toBe(true);
  });

  it('says so when a block is too common to search', () => {
    // No birth date: the only block left is every Nguyễn … Hùng of any age.
    const [r] = matchPeople([buildPerson({ name: 'Nguyễn Văn Hùng', sex: 'Nam' })], registry, { ...MATCH_DEFAULTS, maxBlockRows: 4 });
    expect(r?.explanation).toContain('skipped common blocks family+given (5 rows)');
  });

  it('hands on plain candidates: index, registry ID, score, comparisons, explanation', () => {
    const r = match({ name: 'Lê Thị Hoa', birth: '1948', sex: 'Nữ' });
    for (const c of r.candidates) expect(Object.keys(c).sort()).toEqual(['comparisons', 'explanation', 'index', 'registryId', 'score']);
    expect(r.candidates[0]?.comparisons.map((c) => c.field)).toEqual(['name', 'dob', 'sex', 'address', 'id']);
  });
});

describe('matchPeople: deceased and invalid rows', () => {
  it('a registry death is flagged with its date, even on an ID match', () => {
    const r = match({ name: 'Phạm Văn Tư', birth: '02/02/1940', sex: 'Nam', id: '036040002020' });
    expect(r.status).toBe('matched');
    expect(r.flags).toContain('deceased');
    expect(r.deathDate).toEqual({ year: 2025, month: 8, day: 14 });
    expect(r.explanation).toContain('registry: deceased');
  });

  it('the living have no death date', () => {
    expect(match({ name: 'Vũ Văn Khải', birth: '10/10/1958', id: '036058004040' }).deathDate).toBeNull();
  });

  it('a row with neither a name nor a usable ID is invalid', () => {
    const r = match({ birth: '1950', sex: 'Nam', id: '12345' });
    expect(r).toMatchObject({ status: 'invalid', method: '', registryId: null, score: null });
  });
});

describe('matchPeople: scoring properties', () => {
  it('agreeing on a common name counts for less than agreeing on a rare one', () => {
    // Same levels on both: name exact, full date exact, sex agree, no address, no ID.
    const common = match({ name: 'Nguyễn Văn Hùng', birth: '05/03/1950', sex: 'Nam' });
    const rare = match({ name: 'Vũ Văn Khải', birth: '10/10/1958', sex: 'Nam' });
    expect(common.status).toBe('matched');
    expect(rare.status).toBe('matched');
    // log2((1 - 1 + 0.5) / (5 - 1 + 0.5)) = -log2(9): the common name is 3.17 bits weaker.
    expect((rare.score ?? 0) - (common.score ?? 0)).toBeCloseTo(Math.log2(9), 6);
  });

  it('is deterministic: the same rows give the same results', () => {
    const rows = [
      { name: 'Lê Thị Hoa', birth: '1948', sex: 'Nữ' },
      { name: 'Nguyễn Văn Hùng', birth: '1962', sex: 'Nam' },
      { name: 'Hoàng Thị Xuyến', birth: '1939', sex: 'Nữ' },
    ].map(buildPerson);
    expect(matchPeople(rows, registry)).toEqual(matchPeople(rows, registry));
  });
});
