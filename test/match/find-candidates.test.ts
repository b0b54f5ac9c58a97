import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/match/find-candidates.js';
import { MATCH_DEFAULTS } from '../../src/match/options.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import { buildPerson } from './build-person.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A village of namesakes: `older` men named Nguyễn Văn Hùng born 1961 first, then `sameYear` born 1960. */
async function namesakes(older: number, sameYear: number) {
  const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh'];
  let n = 0;
  for (let i = 0; i < older; i += 1) lines.push(`036061${String(n++).padStart(6, '0')},NGUYỄN VĂN HÙNG,02/02/1961,Nam`);
  for (let i = 0; i < sameYear; i += 1) lines.push(`036060${String(n++).padStart(6, '0')},NGUYỄN VĂN HÙNG,15/03/1960,Nam`);
  return readRegistryCsv(utf8(lines.join('\n')), { runYear: 2026 });
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, i) => from + i);

describe('findCandidates: which namesakes are compared', () => {
  const hung = buildPerson({ name: 'Nguyễn Văn Hùng', birth: '20/07/1960', sex: 'Nam' });

  it('with more same-year namesakes than places, compares the first 30 of them and none born a year off', async () => {
    const reg = await namesakes(5, 40);
    const search = findCandidates(hung, reg, MATCH_DEFAULTS, null, null);
    // Rows 0-4 (born 1961) come first in the registry but rank below every 1960 namesake.
    expect(search.rows).toEqual(range(5, 30));
    expect(search.crowded).toBe(true);
    // 31 namesakes of the same year rank 12 each, above any a year off can (10): the 1961 block is not visited.
    // Nobody was born on the row's very date (20/07), so no later namesake of 1960 can rank above 12 either:
    // the 1960 block is left after its 31st.
    expect(search.found).toBe(31);
    expect(search.capped).toEqual([]);
  });

  it('still compares a namesake born a year off whose ID is one typo from the written one', async () => {
    const reg = await namesakes(5, 40);
    // Row 3 (born 1961) holds 036061000003; the list wrote 036061000093.
    const search = findCandidates(hung, reg, MATCH_DEFAULTS, '036061000093', null);
    expect(search.typoRows).toEqual(new Set([3]));
    expect(search.rows[0]).toBe(3);
    expect(search.rows.slice(1)).toEqual(range(5, 29));
  });

  it('with few same-year namesakes, fills the rest with those born a year off, in registry order', async () => {
    const reg = await namesakes(40, 3);
    const search = findCandidates(hung, reg, MATCH_DEFAULTS, null, null);
    expect(search.rows).toEqual([40, 41, 42, ...range(0, 27)]);
    // The places past 30 are taken by 1961 namesakes, below the best: the best can still be told apart.
    expect(search.crowded).toBe(false);
    // Once 31 places rank 10 or more, no later 1961 namesake (10 at most, later in the registry) can enter.
    expect(search.found).toBe(31);
  });

  it('a row without a birth date compares the first namesakes in registry order and stops there', async () => {
    const reg = await namesakes(60, 0);
    const search = findCandidates(buildPerson({ name: 'Nguyễn Văn Hùng', sex: 'Nam' }), reg, MATCH_DEFAULTS, null, null);
    expect(search.rows).toEqual(range(0, 30));
    expect(search.crowded).toBe(true);
    expect(search.found).toBe(31);
  });

  it('says how big a skipped common block is, the same for every row that hits it', async () => {
    const reg = await namesakes(0, 12);
    const options = { ...MATCH_DEFAULTS, maxBlockRows: 10 };
    for (let i = 0; i < 3; i += 1) {
      const search = findCandidates(hung, reg, options, null, null);
      expect(search.capped).toEqual(['year+given (12 rows)', 'family+given+year (12 rows)']);
      expect(search.rows).toEqual([]);
    }
  });
});

describe('findCandidates: blocks that stay small as the registry grows', () => {
  // Four men named Nguyễn Văn Hùng, and a Lê Văn Hùng born the same day as the first.
  const registry = readRegistryCsv(
    utf8(
      [
        'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh',
        '036056000001,NGUYỄN VĂN HÙNG,12/08/1956,Nam',
        '036057000002,NGUYỄN VĂN HÙNG,03/02/1957,Nam',
        '036070000003,NGUYỄN VĂN HÙNG,1970,Nam',
        '036040000004,NGUYỄN VĂN HÙNG,25/12/1940,Nam',
        '036056000005,LÊ VĂN HÙNG,12/08/1956,Nam',
      ].join('\n'),
    ),
    { runYear: 2026 },
  );
  const search = async (birth?: string) =>
    findCandidates(buildPerson({ name: 'Nguyễn Văn Hùng', sex: 'Nam', ...(birth ? { birth } : {}) }), await registry, MATCH_DEFAULTS, null, null);

  it('a mistyped year (1965 for 1956) still finds the man born on that day and month', async () => {
    const found = await search('12/08/1965');
    expect(found.rows).toContain(0);
    // Lê Văn Hùng shares the day but not the family name; 1957 and 1940 are neither a year off nor the same day.
    expect(found.rows).not.toContain(4);
    expect(found.rows).not.toContain(1);
    expect(found.rows).not.toContain(3);
  });

  it('a birth year one off (a lunar-calendar year) finds the namesakes born a year either side', async () => {
    expect((await search('1958')).rows).toEqual([1]);
    expect([...(await search('1969')).rows, ...(await search('1971')).rows]).toEqual([2, 2]);
  });

  it('the same year finds every Hùng born then, whatever the family name, the namesake first', async () => {
    // Row 1 (born 1957) comes in a year off and ranks above Lê Văn Hùng, who shares only the given name.
    expect((await search('01/01/1956')).rows).toEqual([0, 1, 4]);
  });

  it('a row without a birth date is compared with every Nguyễn … Hùng', async () => {
    expect([...(await search()).rows].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('findCandidates: the rest of a year block is left unvisited only when it cannot change the places', () => {
  /** `nguyen` namesakes of the row's family first, then `tran` of another family, all Hùng born 15/03/1960. */
  async function village(nguyen: number, tran: number, tranOnTheRowsDate = false) {
    const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh'];
    let n = 0;
    for (let i = 0; i < nguyen; i += 1) lines.push(`036060${String(n++).padStart(6, '0')},NGUYỄN VĂN HÙNG,15/03/1960,Nam`);
    for (let i = 0; i < tran; i += 1) {
      const date = tranOnTheRowsDate && i === tran - 1 ? '20/07/1960' : '15/03/1960';
      lines.push(`036060${String(n++).padStart(6, '0')},TRẦN VĂN HÙNG,${date},Nam`);
    }
    return readRegistryCsv(utf8(lines.join('\n')), { runYear: 2026 });
  }
  const hung = buildPerson({ name: 'Nguyễn Văn Hùng', birth: '20/07/1960', sex: 'Nam' });

  it('with 31 places filled by the row\'s own family, the other families of the year are not visited', async () => {
    const search = findCandidates(hung, await village(40, 30), MATCH_DEFAULTS, null, null);
    expect(search.rows).toEqual(range(0, 30));
    // The family's own block is left after its 31st too: none born on 20/07, so none ranks above 12.
    expect(search.found).toBe(31);
  });

  it('a namesake born on the row\'s very date, last in the registry, ranks first; the rest stop at the 31st', async () => {
    const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh'];
    for (let i = 0; i < 40; i += 1) lines.push(`036060${String(i).padStart(6, '0')},NGUYỄN VĂN HÙNG,15/03/1960,Nam`);
    lines.push('036060000040,NGUYỄN VĂN HÙNG,20/07/1960,Nam');
    const search = findCandidates(hung, await readRegistryCsv(utf8(lines.join('\n')), { runYear: 2026 }), MATCH_DEFAULTS, null, null);
    expect(search.rows).toEqual([40, ...range(0, 29)]);
    // Row 40 came with the block of that very date; the family's 1960 block is then left once 30 of it rank 12.
    expect(search.found).toBe(31);
  });

  it('another family born on the row\'s very date is still found, and ranks first', async () => {
    const search = findCandidates(hung, await village(40, 30, true), MATCH_DEFAULTS, null, null);
    expect(search.rows).toEqual([69, ...range(0, 29)]);
  });

  it('with too few of its own family, the rest of the year fills the places in registry order', async () => {
    const search = findCandidates(hung, await village(5, 30), MATCH_DEFAULTS, null, null);
    expect(search.rows).toEqual(range(0, 30));
    // The other families rank 6 at most; the block is left once 31 places rank 6 and the rest come later.
    expect(search.found).toBe(31);
  });
});
