import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyDuplicateFlags } from '../../src/dedupe/apply-duplicate-flags.js';
import { findDuplicates } from '../../src/dedupe/find-duplicates.js';
import { DEDUPE_DEFAULTS } from '../../src/dedupe/options.js';
import type { MatchResult } from '../../src/match/types.js';
import { at, person, result } from './rows.js';

const AP = 'DS BTXH xa An Phu.xlsx';
const BM = 'DS BTXH xa Binh Minh.xlsx';
const NCC = 'DS NCC xa An Phu.xlsx';
const ELDERLY = 'Người cao tuổi từ đủ 80 tuổi trở lên';

/** Where the rows of each group are, and what happens to each: "file/sheet/row:decision". */
function summary(results: readonly MatchResult[], options = DEDUPE_DEFAULTS, lookup?: (id: string) => { address: string | null } | null) {
  const d = findDuplicates(results, options, { registryAddress: lookup });
  return d.groups.map((g) => ({ kind: g.kind, rows: g.members.map((m) => `${at(results[m.index]!)}:${m.reason}:${m.decision}`) }));
}

describe('same registry person listed in two communes', () => {
  const lua = 'Nguyễn Thị Lụa';
  const inAnPhu = result(
    person(AP, 'Thôn 3', 12, { name: lua, birth: '1938', sex: 'F', id: '038138001234', commune: 'An Phú', village: 'Thôn 3', programme: ELDERLY, amount: 500_000 }),
    'matched',
    '038138001234',
  );
  // Listed again by the commune she moved to, without her ID and in capitals without marks.
  const inBinhMinh = result(
    person(BM, 'Sheet1', 9, { name: 'NGUYEN THI LUA', birth: '1938', sex: 'F', commune: 'Bình Minh', village: 'Xóm Chùa', programme: ELDERLY, amount: 500_000 }),
    'matched',
    '038138001234',
  );
  const other = result(person(AP, 'Thôn 3', 13, { name: 'Trần Văn Hùng', birth: '1936-07-05', sex: 'M', id: '038036004321' }), 'matched', '038036004321');
  const results = [inAnPhu, other, inBinhMinh];
  const registry = (id: string) => (id === '038138001234' ? { address: 'Xóm Chùa, xã Bình Minh, huyện Yên Lạc, tỉnh Vĩnh Phúc' } : null);

  it('is one group, and the row of the commune where the registry says she lives is the one paid', () => {
    expect(summary(results, DEDUPE_DEFAULTS, registry)).toEqual([
      {
        kind: 'duplicate',
        rows: [`${AP}/Thôn 3/12:same_registry_person:exclude`, `${BM}/Sheet1/9:same_registry_person:keep`],
      },
    ]);
  });

  it('keeps the first by file order when the rule is "first", or when there is no registry address', () => {
    const first = [`${AP}/Thôn 3/12:same_registry_person:keep`, `${BM}/Sheet1/9:same_registry_person:exclude`];
    expect(summary(results, { ...DEDUPE_DEFAULTS, keep: 'first' }, registry)[0]!.rows).toEqual(first);
    expect(summary(results, DEDUPE_DEFAULTS)[0]!.rows).toEqual(first);
    expect(summary(results, DEDUPE_DEFAULTS, () => ({ address: null }))[0]!.rows).toEqual(first);
  });

  it('takes a village of the same name in another commune for no proof of residence', () => {
    const elsewhere = (id: string) => (id === '038138001234' ? { address: 'Thôn 3, xã Tân Lập, huyện Yên Lạc' } : null);
    // "Thôn 3" exists in every commune; An Phú row names its commune, which the address does not mention.
    expect(summary(results, DEDUPE_DEFAULTS, elsewhere)[0]!.rows[0]).toBe(`${AP}/Thôn 3/12:same_registry_person:keep`);
  });

  it('never keeps the row the list itself removes ("Chuyển đi") over the one that does not', () => {
    const moved = { ...inAnPhu, person: { ...inAnPhu.person, listMarks: [{ flag: 'list_says_moved' as const, text: 'Chuyển đi xã Bình Minh' }] } };
    const rows = summary([moved, other, inBinhMinh], { ...DEDUPE_DEFAULTS, keep: 'first' }, registry)[0]!.rows;
    expect(rows).toEqual([`${AP}/Thôn 3/12:same_registry_person:exclude`, `${BM}/Sheet1/9:same_registry_person:keep`]);
  });

  it('names the group after the registry person, not after the run', () => {
    const d = findDuplicates(results, DEDUPE_DEFAULTS, { registryAddress: registry });
    const expected = `D-${createHash('sha256').update('R:038138001234').digest('hex').slice(0, 10)}`;
    expect(d.groups.map((g) => g.id)).toEqual([expected]);
  });

  it('flags only the row not paid, and says which row is paid instead', () => {
    const d = findDuplicates(results, DEDUPE_DEFAULTS, { registryAddress: registry });
    const flagged = applyDuplicateFlags(results, d);
    expect(flagged.map((r) => r.flags)).toEqual([['duplicate'], [], []]);
    expect(flagged[0]!.explanation).toContain(`${BM} / Sheet1 row 9`);
    expect(flagged[1]).toBe(other);
  });

  it('does not link a review row by its proposed registry person alone', () => {
    const proposal = result(person(BM, 'Sheet1', 20, { name: 'Đỗ Văn Sáu', birth: '1950-01-02', sex: 'M' }), 'review', '038138001234');
    expect(summary([inAnPhu, proposal], DEDUPE_DEFAULTS, registry)).toEqual([]);
  });
});

describe('same personal ID in a BTXH and an NCC list', () => {
  const btxh = result(person(AP, 'Sheet1', 10, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788', programme: ELDERLY }));
  const ncc = result(person(NCC, 'Sheet1', 8, { name: 'PHẠM VĂN TƯ', birth: '1940-03-07', sex: 'M', id: '036040007788', programme: 'Thương binh hạng 3/4' }));
  const pairs = [['Thương binh', 'Người cao tuổi']] as const;

  it('keeps both rows when the programme pair may coexist, and still reports them', () => {
    const options = { ...DEDUPE_DEFAULTS, allowedProgrammePairs: pairs };
    expect(summary([btxh, ncc], options)).toEqual([
      { kind: 'duplicate', rows: [`${AP}/Sheet1/10:same_id:keep`, `${NCC}/Sheet1/8:same_id:keep_allowed`] },
    ]);
    expect(applyDuplicateFlags([btxh, ncc], findDuplicates([btxh, ncc], options)).map((r) => r.flags)).toEqual([[], []]);
  });

  it('excludes the second row when no pair allows it', () => {
    expect(summary([btxh, ncc])[0]!.rows).toEqual([`${AP}/Sheet1/10:same_id:keep`, `${NCC}/Sheet1/8:same_id:exclude`]);
  });

  it('never allows the same programme twice, even when it is in a pair', () => {
    const again = result(person(BM, 'Sheet1', 30, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788', programme: ELDERLY }));
    const options = { ...DEDUPE_DEFAULTS, allowedProgrammePairs: pairs };
    // File order is the order the lists were given: BTXH An Phú, NCC An Phú, then BTXH Bình Minh.
    expect(summary([btxh, ncc, again], options)[0]!.rows).toEqual([
      `${AP}/Sheet1/10:same_id:keep`,
      `${NCC}/Sheet1/8:same_id:keep_allowed`,
      `${BM}/Sheet1/30:same_id:exclude`,
    ]);
  });

  it("does not group a relative listed with the same ID by mistake", () => {
    const daughter = result(person(BM, 'Sheet1', 11, { name: 'Phạm Thị Hoa', birth: '1968-09-01', sex: 'F', id: '036040007788' }));
    expect(summary([btxh, daughter])).toEqual([]);
  });

  it('does not link rows by an ID the matcher found to be someone else\'s', () => {
    const conflict = result(
      person(BM, 'Sheet1', 12, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788' }),
      'review',
      null,
      ['id_conflict'],
    );
    const owner = result(person(AP, 'Sheet1', 10, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788' }), 'matched', '036040007788');
    // Still the same person by name and full birth date: a fuzzy link, not an ID link.
    expect(summary([owner, conflict])[0]!.rows).toEqual([`${AP}/Sheet1/10:fuzzy:keep`, `${BM}/Sheet1/12:fuzzy:exclude`]);
  });
});

describe('fuzzy duplicates without a registry', () => {
  const thuy = result(person(AP, 'Sheet1', 15, { name: 'Hoàng Thị Thuỷ', birth: '1941-05-12', sex: 'F', commune: 'An Phú', village: 'Thôn 3' }));
  const capitals = result(person(BM, 'Sheet1', 22, { name: 'HOANG THI THUY', birth: '1941-05-12', sex: 'F', commune: 'Bình Minh' }));
  const dropped = result(person(NCC, 'Sheet1', 7, { name: 'Hoàng Thủy', birth: '1941-05-12', sex: 'F', commune: 'An Phú', village: 'Thôn 3' }));
  const hung45 = result(person(AP, 'Sheet1', 16, { name: 'Nguyễn Văn Hùng', birth: '1945-02-10', sex: 'M', commune: 'An Phú' }));
  const hung62 = result(person(BM, 'Sheet1', 23, { name: 'Nguyễn Văn Hùng', birth: '1962-08-20', sex: 'M', commune: 'Bình Minh' }));
  const mai = result(person(BM, 'Sheet1', 24, { name: 'Lê Thị Mai', birth: '1950-11-30', sex: 'F', commune: 'Bình Minh' }));

  it('groups a name without marks and a name without its middle name when the birth date agrees', () => {
    expect(summary([thuy, hung45, capitals, hung62, mai, dropped])).toEqual([
      {
        kind: 'duplicate',
        rows: [`${AP}/Sheet1/15:fuzzy:keep`, `${BM}/Sheet1/22:fuzzy:exclude`, `${NCC}/Sheet1/7:fuzzy:exclude`],
      },
    ]);
  });

  it('scores the link with the matcher\'s levels, and says so', () => {
    const d = findDuplicates([thuy, capitals]);
    // folded-exact: log2(0.3 / 0.5 namesakes) = -0.74; exact date: log2(0.7 × 365 × 70) = +14.13;
    // sex: log2(0.97 / 0.5) = +0.96; no IDs. Total 14.35.
    expect(d.groups[0]!.members.map((m) => Math.round(m.score! * 10) / 10)).toEqual([14.3, 14.3]);
  });

  it('does not group namesakes born in different years', () => {
    expect(summary([hung45, hung62])).toEqual([]);
  });

  it('does not group a matched row with a namesake whose registry search found only other people', () => {
    // Thuỷ is matched to 038141000001; the row without marks went to review with the registry's other Hoàng Thị
    // Thuỷ born that day as its only candidate: two registry people, whatever the names and dates say.
    const matched = { ...thuy, status: 'matched' as const, registryId: '038141000001' };
    const candidate = { index: 7, registryId: '038141000002', score: 3, comparisons: [], explanation: '' };
    const review = { ...capitals, status: 'review' as const, registryId: '038141000002', candidates: [candidate] };
    expect(summary([matched, review])).toEqual([]);
    // Without candidates (no registry, or nobody found) the pair is still compared, and grouped.
    expect(summary([matched, capitals])).toHaveLength(1);
  });

  // 200 other people in other communes, so that one village is a small part of the lists.
  const FAMILIES = ['Trần', 'Lê', 'Phạm', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Đinh'];
  const GIVENS = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khánh', 'Long', 'Minh', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Xuân'];
  const others = FAMILIES.flatMap((f, i) =>
    GIVENS.map((g, j) => result(person(BM, 'Sheet3', 100 + i * 20 + j, { name: `${f} Văn ${g}`, birth: String(1930 + j), sex: 'M', commune: 'Bình Minh' }))),
  );
  const pao = (row: number, name: string, birth: string) =>
    result(person(AP, 'Sheet1', row, { name, birth, sex: 'M', commune: 'An Phú', village: 'Bản Mường' }));

  it('groups two rows of one village with a name nobody else there has, on the birth year alone', () => {
    // Namesakes in the village: none; unseen ones: 0.5 × max(2/202 rows, 0.02) = 0.01. Name exact: log2(0.55/0.01)
    // = +5.8; year only: log2(0.15 × 70) = +3.4; sex +1.0: 10.1 bits.
    const rows = [pao(40, 'Lò Văn Páo', '1930'), pao(41, 'LÒ VĂN PÁO', '1930'), ...others];
    expect(summary(rows)).toEqual([{ kind: 'duplicate', rows: [`${AP}/Sheet1/40:fuzzy:keep`, `${AP}/Sheet1/41:fuzzy:exclude`] }]);
  });

  it('does not, when the village has other people of that name', () => {
    // Three more Lò Văn Páo of other years: 3 namesakes, name exact log2(0.55/3.01) = -2.5; total 1.9 bits.
    const namesakes = [pao(42, 'Lò Văn Páo', '1948'), pao(43, 'Lò Văn Páo', '1961'), pao(44, 'Lò Văn Páo', '1975')];
    const rows = [pao(40, 'Lò Văn Páo', '1930'), pao(41, 'LÒ VĂN PÁO', '1930'), ...namesakes, ...others];
    expect(summary(rows)).toEqual([]);
  });
});

describe('chained groups', () => {
  // Two registry people share name and full birth date; B has no ID and fits both.
  const a = result(person(AP, 'Sheet1', 5, { name: 'Lê Thị Hoa', birth: '1935-06-15', sex: 'F', id: '001135000111' }), 'matched', '001135000111');
  const b = result(person(BM, 'Sheet1', 6, { name: 'LE THI HOA', birth: '1935-06-15', sex: 'F' }), 'unmatched');
  const c = result(person(NCC, 'Sheet1', 7, { name: 'Lê Thị Hoa', birth: '1935-06-15', sex: 'F', id: '001135000222' }), 'matched', '001135000222');

  it('sends a group joining two registry people through a third row to review, and excludes nobody', () => {
    const d = findDuplicates([a, b, c]);
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]!.kind).toBe('review');
    expect(d.groups[0]!.registryIds).toEqual(['001135000111', '001135000222']);
    expect(d.groups[0]!.members.map((m) => m.decision)).toEqual(['review', 'review', 'review']);
    expect(applyDuplicateFlags([a, b, c], d).map((r) => r.flags)).toEqual([['duplicate_review'], ['duplicate_review'], ['duplicate_review']]);
  });

  it('still settles the rows the registry itself joins inside a chain', () => {
    const aAgain = result(person(BM, 'Sheet1', 9, { name: 'Lê Thị Hoa', birth: '1935-06-15', sex: 'F', id: '001135000111' }), 'matched', '001135000111');
    const rows = [a, b, c, aAgain];
    const d = findDuplicates(rows);
    expect(d.groups.map((g) => ({ kind: g.kind, rows: g.members.map((m) => `${at(rows[m.index]!)}:${m.decision}`) }))).toEqual([
      { kind: 'duplicate', rows: [`${AP}/Sheet1/5:keep`, `${BM}/Sheet1/9:exclude`] },
      { kind: 'review', rows: [`${AP}/Sheet1/5:review`, `${BM}/Sheet1/6:review`, `${BM}/Sheet1/9:review`, `${NCC}/Sheet1/7:review`] },
    ]);
    expect(applyDuplicateFlags(rows, d).map((r) => r.flags)).toEqual([
      ['duplicate_review'],
      ['duplicate_review'],
      ['duplicate_review'],
      ['duplicate', 'duplicate_review'],
    ]);
  });

  it('sends to review two rows matched to one registry person that plainly describe two people', () => {
    const wrong = result(person(BM, 'Sheet1', 8, { name: 'Trần Văn Sơn', birth: '1962-08-06', sex: 'M' }), 'matched', '001135000111');
    const d = findDuplicates([a, wrong]);
    expect(d.groups.map((g) => [g.kind, g.members.map((m) => m.decision)])).toEqual([['review', ['review', 'review']]]);
  });
});

describe('group IDs', () => {
  const rows = [
    result(person(AP, 'Sheet1', 5, { name: 'Lê Thị Hoa', birth: '1935-06-15', sex: 'F', id: '001135000111' }), 'matched', '001135000111'),
    result(person(BM, 'Sheet1', 6, { name: 'LE THI HOA', birth: '1935', sex: 'F', id: '001135000111' })),
    result(person(AP, 'Sheet1', 9, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788' })),
    result(person(NCC, 'Sheet1', 8, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788' })),
    result(person(AP, 'Sheet1', 15, { name: 'Hoàng Thị Thuỷ', birth: '1941-05-12', sex: 'F' })),
    result(person(BM, 'Sheet1', 22, { name: 'HOANG THI THUY', birth: '1941-05-12', sex: 'F' })),
    result(person(BM, 'Sheet1', 30, { name: 'Đinh Văn Lâm', birth: '1955-01-20', sex: 'M' })),
  ];
  const membership = (results: readonly MatchResult[]) => {
    const d = findDuplicates(results);
    return Object.fromEntries(d.groups.map((g) => [g.id, g.members.map((m) => at(results[m.index]!)).sort()]));
  };

  it('are the same whatever the order of the files and rows', () => {
    const before = membership(rows);
    const shuffled = [rows[5]!, rows[3]!, rows[6]!, rows[0]!, rows[4]!, rows[2]!, rows[1]!];
    expect(Object.keys(before)).toHaveLength(3);
    expect(membership(shuffled)).toEqual(before);
    expect(membership([...rows].reverse())).toEqual(before);
    for (const id of Object.keys(before)) expect(id).toMatch(/^D-[0-9a-f]{10}$/);
  });
});

describe('a birth date written 01/01, the usual placeholder for a year only', () => {
  // Two communes' lists: "Lê Thị Hòa, 01/01/1946" in each, no IDs, and four namesakes of other years. One dated
  // row in twelve is written 01/01 here, so the date says little more than the year; with a real date the same two
  // rows are one person listed twice.
  const others = [
    ...Array.from({ length: 18 }, (_, i) =>
      result(person(AP, 'Sheet1', 20 + i, { name: `Phạm Văn Người${String.fromCharCode(65 + i)}`, birth: `19${40 + i}-0${1 + (i % 9)}-1${i % 9}`, sex: 'M', commune: 'An Phú' })),
    ),
    ...[1930, 1935, 1950, 1955].map((year, i) => result(person(BM, 'Sheet1', 30 + i, { name: 'Lê Thị Hòa', birth: `${year}-05-0${i + 1}`, sex: 'F', commune: 'Bình Minh' }))),
  ];
  const pair = (birth: string) => [
    result(person(AP, 'Sheet1', 12, { name: 'Lê Thị Hòa', birth, sex: 'F', commune: 'An Phú', village: 'Thôn 3' })),
    ...others,
    result(person(BM, 'Sheet1', 9, { name: 'Lê Thị Hòa', birth, sex: 'F', commune: 'Bình Minh', village: 'Xóm Chùa' })),
  ];

  it('is not taken for the same person: the placeholder weighs as the share of rows written 01/01 says', () => {
    expect(summary(pair('1946-01-01'))).toEqual([]);
  });

  it('a real date shared by the same two rows still makes them one person', () => {
    expect(summary(pair('1946-03-12')).map((g) => g.kind)).toEqual(['duplicate']);
  });
});
