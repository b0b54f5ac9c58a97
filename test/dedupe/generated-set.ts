// A generated set of commune list rows with known truth, for pair precision and recall. People get realistic
// Vietnamese names (Nguyễn for about a third, Văn/Thị middle names, a few dozen common given names, so namesakes
// abound), elderly birth years often written as the year alone, and IDs that are sometimes missing, broken,
// mistyped or a relative's. About one person in ten is listed twice (same list, another commune, or another
// programme), each listing written with its own messes. With `registry`, results imitate the matcher: most
// rows matched to the right registry person, some sent to review or unmatched, a very few matched wrongly.
import { foldText } from '../../src/normalize/fold.js';
import type { MatchResult } from '../../src/match/types.js';
import type { Sex } from '../../src/types.js';
import { person, result } from './rows.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted = readonly (readonly [string, number])[];

const FAMILY: Weighted = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 50], ['Huỳnh', 40], ['Phan', 45], ['Vũ', 39], ['Võ', 39],
  ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đinh', 8], ['Hà', 6], ['Lò', 3],
  ['Quàng', 2], ['Nông', 3], ['Triệu', 3], ['Mai', 4], ['Tạ', 3], ['Cao', 4], ['Lương', 4], ['Trịnh', 5], ['Đoàn', 5], ['Kiều', 2],
];
const MIDDLE: Readonly<Record<Sex, Weighted>> = {
  M: [['Văn', 500], ['Đức', 80], ['Hữu', 60], ['Minh', 60], ['Quang', 50], ['Công', 50], ['Xuân', 40], ['Đình', 50], ['Thanh', 40], ['Bá', 20], ['Văn Đức', 10]],
  F: [['Thị', 700], ['Ngọc', 50], ['Thanh', 40], ['Kim', 40], ['Thu', 40], ['Hồng', 30], ['Bích', 20], ['Thị Thu', 15], ['Thị Kim', 10]],
};
const zipf = (names: string[]): Weighted => names.map((n, i) => [n, Math.round(1000 / (i + 3))] as const);
const GIVEN: Readonly<Record<Sex, Weighted>> = {
  M: zipf(['Hùng', 'Dũng', 'Tuấn', 'Minh', 'Nam', 'Hải', 'Sơn', 'Long', 'Thắng', 'Bình', 'An', 'Tư', 'Ba', 'Năm', 'Sáu', 'Bảy', 'Tám',
    'Chín', 'Hoà', 'Thành', 'Trung', 'Cường', 'Quang', 'Toàn', 'Khoa', 'Phúc', 'Lộc', 'Thọ', 'Tài', 'Đức', 'Việt', 'Hiếu', 'Kiên', 'Lâm',
    'Nghĩa', 'Phong', 'Quý', 'Tân', 'Thịnh', 'Tiến', 'Vinh', 'Hậu', 'Khánh', 'Lợi', 'Mạnh', 'Phát', 'Thuận', 'Páo', 'Sểnh', 'Chiến']),
  F: zipf(['Lan', 'Hoa', 'Hương', 'Mai', 'Hồng', 'Nga', 'Hằng', 'Thuỷ', 'Thảo', 'Linh', 'Trang', 'Hạnh', 'Liên', 'Loan', 'Lụa', 'Nhung',
    'Oanh', 'Phượng', 'Quyên', 'Tâm', 'Thoa', 'Thu', 'Tuyết', 'Vân', 'Yến', 'Xuân', 'Bích', 'Cúc', 'Đào', 'Gấm', 'Huệ', 'Khuyên', 'Lệ',
    'Mận', 'Nụ', 'Sen', 'Tươi', 'Út', 'Vui', 'Hiền', 'Ngân', 'Nhàn', 'Sinh', 'Thắm', 'Thơm', 'Tình', 'Uyên', 'Chi', 'Dung', 'Lài']),
};
const COMMUNES = ['An Phú', 'Bình Minh', 'Tân Lập', 'Hoà Bình', 'Đông Sơn', 'Yên Lạc', 'Quảng Tiến', 'Thạch Bàn', 'Phú Cường', 'Kim Đức',
  'Tiên Phong', 'Đồng Tâm'];
const VILLAGES = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn Đông', 'Thôn Tây', 'Xóm Chùa', 'Xóm Mới'];
const PROGRAMMES = { BTXH: ['Người cao tuổi từ đủ 80 tuổi trở lên', 'Người khuyết tật nặng'], NCC: ['Thương binh', 'Thân nhân liệt sĩ'] };

interface GenPerson {
  readonly key: number;
  readonly sex: Sex;
  readonly family: string;
  readonly middle: string;
  readonly given: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Known to the year only, in the registry and in every list. */
  readonly yearOnly: boolean;
  readonly id: string;
  readonly inRegistry: boolean;
  readonly commune: number;
  readonly village: string;
  readonly programme: 'BTXH' | 'NCC';
}

export interface GeneratedSet {
  readonly results: MatchResult[];
  /** results[i] is a listing of person truth[i]. */
  readonly truth: number[];
  readonly people: number;
}

export function generateSet(options: { seed: number; people: number; registry: boolean }): GeneratedSet {
  const rnd = mulberry32(options.seed);
  const chance = (p: number): boolean => rnd() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = (xs: Weighted): string => {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = rnd() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  const ids = new Set<string>();
  const people: GenPerson[] = [];
  for (let key = 0; key < options.people; key += 1) {
    const sex: Sex = chance(0.55) ? 'F' : 'M';
    const elderly = chance(0.7);
    const year = elderly ? int(1925, 1946) : int(1950, 2020);
    const programme = elderly && chance(0.25) ? 'NCC' : 'BTXH';
    let id = '';
    do {
      const g = (year >= 2000 ? 2 : 0) + (sex === 'F' ? 1 : 0);
      id = `0${String(int(1, 96)).padStart(2, '0')}${g}${String(year % 100).padStart(2, '0')}${String(int(0, 999999)).padStart(6, '0')}`;
    } while (ids.has(id));
    ids.add(id);
    people.push({
      key, sex, family: weighted(FAMILY), middle: weighted(MIDDLE[sex]), given: weighted(GIVEN[sex]), year, month: int(1, 12), day: int(1, 28), id,
      yearOnly: chance(year < 1950 ? 0.45 : year < 1966 ? 0.15 : 0.02),
      inRegistry: chance(0.97), commune: int(0, COMMUNES.length - 1), village: pick(VILLAGES), programme,
    });
  }

  const results: MatchResult[] = [];
  const truth: number[] = [];
  const rowOf = new Map<string, number>();
  const list = (commune: number, programme: string) => `DS ${programme} xa ${foldText(COMMUNES[commune]!).replace(/ /g, '-')}.xlsx`;
  const listing = (p: GenPerson, commune: number, programme: 'BTXH' | 'NCC') => {
    const file = list(commune, programme);
    const row = (rowOf.get(file) ?? 8) + 1;
    rowOf.set(file, row);
    let name = `${p.family} ${p.middle} ${p.given}`;
    if (chance(0.06)) name = `${p.family} ${p.given}`;
    if (chance(0.2)) name = foldText(name).toUpperCase();
    const year = chance(0.01) ? p.year + pick([-1, 1]) : p.year;
    const birth = p.yearOnly || chance(0.04) ? `${year}` : chance(0.01) ? `${year}-${p.day}-${p.month}` : `${year}-${p.month}-${p.day}`;
    // ID messes at the rates of fixtures/generator/messes/personal-id.ts; lost zeros, spaces and dots are read back
    // by the normaliser, so they arrive here as the right ID.
    let id: string | undefined = p.id;
    let kind: 'ok' | 'gone' | 'cmnd' | 'typo' | 'relative' = 'ok';
    const roll = rnd();
    if (roll < 0.03) kind = 'gone'; // missing
    else if (roll < 0.05) kind = 'gone'; // "3.80412E+10": unrecoverable
    else if (roll < 0.09) kind = 'cmnd'; // the old 9-digit number instead
    else if (roll < 0.12) kind = 'typo';
    else if (roll < 0.14) kind = 'relative';
    if (kind === 'gone' || kind === 'cmnd') id = undefined;
    if (kind === 'typo') {
      const at = int(6, 11);
      id = id.slice(0, at) + String((Number(id[at]) + int(1, 9)) % 10) + id.slice(at + 1);
    }
    if (kind === 'relative') id = pick(people).id;
    const sex = chance(0.01) ? undefined : p.sex;
    const pr = person(file, 'Sheet1', row, {
      name, birth, sex, id, commune: COMMUNES[commune], village: commune === p.commune ? p.village : pick(VILLAGES),
      programme: pick(PROGRAMMES[programme]), amount: programme === 'NCC' ? 2_789_000 : 500_000,
    });
    let r = result(pr);
    if (options.registry && p.inRegistry) {
      const found = rnd();
      if (chance(0.0005)) r = result(pr, 'matched', pick(people).id); // the matcher's rare mistake
      else if (kind === 'ok' || kind === 'cmnd') r = result(pr, found < 0.995 ? 'matched' : 'review', p.id);
      else if (kind === 'typo') r = found < 0.9 ? { ...result(pr, 'matched', p.id), correctedId: p.id } : result(pr, 'review', p.id);
      else if (kind === 'relative') r = result(pr, 'review', found < 0.5 ? p.id : null, ['id_conflict']);
      else if (found < 0.85) r = result(pr, 'matched', p.id);
      else if (found < 0.95) r = result(pr, 'review', found < 0.92 ? p.id : pick(people).id);
    }
    results.push(r);
    truth.push(p.key);
  };
  for (const p of people) {
    listing(p, p.commune, p.programme);
    const dup = rnd();
    if (dup < 0.05) listing(p, p.commune, p.programme); // twice in the same list
    else if (dup < 0.08) listing(p, (p.commune + int(1, COMMUNES.length - 1)) % COMMUNES.length, p.programme); // moved, listed in both
    else if (dup < 0.1) listing(p, p.commune, p.programme === 'BTXH' ? 'NCC' : 'BTXH'); // in both programmes
    if (dup < 0.01) listing(p, p.commune, p.programme); // a third time
  }
  return { results, truth, people: people.length };
}

export interface PairQuality {
  /** Pairs in 'duplicate' groups (acted on by rule) that are one person. */
  readonly precision: number;
  /** True pairs put in one 'duplicate' group. */
  readonly recall: number;
  /** True pairs put in one group of either kind: in front of a person at least. */
  readonly reportedRecall: number;
  readonly truePairs: number;
  readonly foundPairs: number;
  readonly reviewGroups: number;
}

/** Pair precision and recall of the groups against the truth. */
export function pairQuality(
  groups: readonly { readonly kind: string; readonly members: readonly { readonly index: number }[] }[],
  truth: readonly number[],
): PairQuality {
  const byPerson = new Map<number, number>();
  for (const t of truth) byPerson.set(t, (byPerson.get(t) ?? 0) + 1);
  let truePairs = 0;
  for (const n of byPerson.values()) truePairs += (n * (n - 1)) / 2;
  // A row may be in a duplicate group and in the review group around it: count each pair once.
  const found = new Set<string>();
  const reported = new Set<string>();
  let correct = 0;
  for (const g of groups) {
    const m = g.members.map((x) => x.index);
    for (let a = 0; a < m.length; a += 1) {
      for (let b = a + 1; b < m.length; b += 1) {
        const key = `${Math.min(m[a]!, m[b]!)},${Math.max(m[a]!, m[b]!)}`;
        const same = truth[m[a]!] === truth[m[b]!];
        if (same) reported.add(key);
        if (g.kind !== 'duplicate' || found.has(key)) continue;
        found.add(key);
        if (same) correct += 1;
      }
    }
  }
  return {
    precision: found.size === 0 ? 1 : correct / found.size,
    recall: truePairs === 0 ? 1 : correct / truePairs,
    reportedRecall: truePairs === 0 ? 1 : reported.size / truePairs,
    truePairs,
    foundPairs: found.size,
    reviewGroups: groups.filter((g) => g.kind === 'review').length,
  };
}
