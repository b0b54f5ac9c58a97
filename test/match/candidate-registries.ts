// Registries made to stress the candidate search, and list rows that look for people in them: few family and
// given names (homonyms everywhere), narrow birth years, many dates given as the year alone or as 01/01, some
// people without a date, a sex or an ID, repeated IDs; and list rows with mistyped names, years a year off,
// swapped days, written IDs one typo from a registry ID, ID prefixes. All names and IDs are invented.
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import type { Registry } from '../../src/registry/registry.js';
import type { Person } from '../../src/types.js';
import { buildPerson } from './build-person.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Shape {
  readonly rows: number;
  readonly families: readonly string[];
  readonly givens: readonly string[];
  readonly firstYear: number;
  readonly years: number;
  /** Share of people known to the year only. */
  readonly yearOnly: number;
}

export const HOMONYMS: Shape = {
  rows: 4000,
  families: ['NGUYỄN', 'NGUYỄN', 'NGUYỄN', 'TRẦN', 'LÊ', 'PHẠM'],
  givens: ['HÙNG', 'HÙNG', 'HÙNG', 'DŨNG', 'HƯNG', 'LAN', 'HOA', 'HÒA'],
  firstYear: 1940,
  years: 8,
  yearOnly: 0.4,
};

export const WIDER: Shape = {
  rows: 5000,
  families: ['NGUYỄN', 'NGUYỄN', 'TRẦN', 'LÊ', 'PHẠM', 'HOÀNG', 'VŨ', 'ĐẶNG', 'BÙI'],
  givens: ['HÙNG', 'DŨNG', 'TUẤN', 'MINH', 'NAM', 'HẢI', 'LAN', 'HOA', 'HƯƠNG', 'MAI', 'NGA', 'THU', 'TƯ', 'BA'],
  firstYear: 1930,
  years: 30,
  yearOnly: 0.25,
};

export interface Generated {
  readonly registry: Registry;
  /** The registry's people as written, for making list rows. */
  readonly people: readonly { id: string; family: string; middle: string; given: string; year: number; month: number; day: number; sex: 'Nam' | 'Nữ' | '' }[];
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const two = (n: number): string => String(n).padStart(2, '0');

export async function candidateRegistry(seed: number, shape: Shape): Promise<Generated> {
  const rnd = prng(seed);
  const lines = ['so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh'];
  const people: Generated['people'][number][] = [];
  for (let i = 0; i < shape.rows; i += 1) {
    const female = rnd() < 0.5;
    const family = pick(rnd, shape.families);
    const middle = female ? 'THỊ' : pick(rnd, ['VĂN', 'VĂN', 'ĐỨC', '']);
    const given = pick(rnd, shape.givens);
    const year = shape.firstYear + Math.floor(rnd() * shape.years);
    const u = rnd();
    const [month, day] = u < shape.yearOnly ? [0, 0] : u < shape.yearOnly + 0.05 ? [1, 1] : [1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)];
    const noDate = rnd() < 0.03;
    const date = noDate ? '' : month === 0 ? String(year) : `${two(day)}/${two(month)}/${year}`;
    const sex = rnd() < 0.04 ? '' : female ? 'Nữ' : 'Nam';
    const g = year < 2000 ? (female ? 1 : 0) : female ? 3 : 2;
    // One province and a few thousand numbers: ID prefixes shared by many, IDs a typo apart common.
    const repeat = people.length > 0 && rnd() < 0.01;
    const id = rnd() < 0.05 ? '' : repeat ? (people[Math.floor(rnd() * people.length)]?.id ?? '') : `040${g}${two(year % 100)}${String(Math.floor(rnd() * 3000)).padStart(6, '0')}`;
    lines.push(`${id},${[family, middle, given].filter((x) => x !== '').join(' ')},${date},${sex}`);
    people.push({ id, family, middle, given, year: noDate ? 0 : year, month, day, sex });
  }
  const registry = await readRegistryCsv(new TextEncoder().encode(lines.join('\n')), { runYear: 2026 });
  return { registry, people };
}

export interface ListRow {
  readonly person: Person;
  readonly writtenId: string | null;
  readonly idPrefix: string | null;
}

function typo(rnd: () => number, s: string): string {
  const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
  const at = Math.floor(rnd() * s.length);
  const u = rnd();
  if (u < 0.4) return s.slice(0, at) + pick(rnd, [...letters]) + s.slice(at + 1);
  if (u < 0.7) return s.slice(0, at) + s.slice(at + 1);
  return s.slice(0, at) + pick(rnd, [...letters]) + s.slice(at);
}

function idTypo(rnd: () => number, id: string): string {
  const at = Math.floor(rnd() * 11);
  if (rnd() < 0.5) return id.slice(0, at) + id[at + 1] + id[at] + id.slice(at + 2);
  return id.slice(0, at) + String((Number(id[at]) + 1 + Math.floor(rnd() * 9)) % 10) + id.slice(at + 1);
}

/** List rows, most describing a registry person in some messy way, some nobody in it. */
export function listRows(seed: number, g: Generated, count: number): ListRow[] {
  const rnd = prng(seed);
  const out: ListRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const p = pick(rnd, g.people);
    let given = p.given.toLowerCase();
    let family = p.family.toLowerCase();
    if (rnd() < 0.12) given = typo(rnd, given);
    if (rnd() < 0.05) family = typo(rnd, family);
    if (rnd() < 0.03) given = pick(rnd, ['xuyến', 'khải', 'nguyệt', 'thắng']);
    const middle = rnd() < 0.15 ? '' : p.middle.toLowerCase();
    const noName = rnd() < 0.01;
    const name = [family, middle, given].filter((x) => x !== '').join(' ');
    let year = p.year === 0 ? 1900 + Math.floor(rnd() * 100) : p.year;
    const u = rnd();
    if (u < 0.1) year += rnd() < 0.5 ? -1 : 1;
    else if (u < 0.13) year = 1930 + Math.floor(rnd() * 90);
    let { month, day } = p;
    if (month === 0 && rnd() < 0.3) [month, day] = [1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)];
    const form = rnd();
    const birth = form < 0.08 ? undefined : form < 0.35 || month === 0 ? String(year) : day <= 12 && rnd() < 0.2 ? `${two(month)}/${two(day)}/${year}` : `${two(day)}/${two(month)}/${year}`;
    const sex = rnd() < 0.1 ? undefined : rnd() < 0.03 ? (p.sex === 'Nam' ? 'Nữ' : 'Nam') : p.sex || undefined;
    const person = buildPerson({ ...(noName ? {} : { name }), ...(birth === undefined ? {} : { birth }), ...(sex === undefined ? {} : { sex }) });
    const w = rnd();
    const writtenId = p.id === '' ? null : w < 0.25 ? idTypo(rnd, p.id) : w < 0.3 ? p.id : w < 0.35 ? `040${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}` : null;
    const idPrefix = p.id !== '' && rnd() < 0.2 ? p.id.slice(0, 6) : rnd() < 0.03 ? '040199' : null;
    out.push({ person, writtenId, idPrefix });
  }
  return out;
}
