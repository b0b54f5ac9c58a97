import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from '../../src/data/province-codes.js';
import { foldText } from '../../src/normalize/fold.js';
import { SKIP_REASONS } from '../../src/types.js';
import { generateSet, type GeneratedSet } from '../../fixtures/generator/fixture-set.js';
import { setDefinition } from '../../fixtures/generator/sets.js';
import type { ListTruth, TruthRow } from '../../fixtures/generator/truth.js';

// A set with long lists, so the share of every mess can be measured.
const dir = mkdtempSync(join(tmpdir(), 'asxh-fixgen-truth-'));
let set: GeneratedSet;
let truths: ListTruth[];
let people: Array<TruthRow & { file: string }>;
const registry = new Map<string, Record<string, string>>();

beforeAll(() => {
  set = generateSet(setDefinition('small', { seed: 7, listRows: 400, registryRows: 20_000 }));
  truths = set.lists.map((l) => l.truth);
  people = truths.flatMap((t) => t.rows.filter((r) => r.kind === 'person').map((r) => ({ ...r, file: t.file })));
  const path = join(dir, 'registry.csv');
  set.writeRegistry(path);
  const rows = parse(readFileSync(path), { columns: true }) as Array<Record<string, string>>;
  for (const r of rows) registry.set(r.so_dinh_danh as string, r);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const has = (r: TruthRow, t: string): boolean => (r.traits ?? []).includes(t);
const share = (rows: TruthRow[], t: string): number => rows.filter((r) => has(r, t)).length / rows.length;
const reg = (id: string): Record<string, string> => registry.get(id) as Record<string, string>;

describe('registry', () => {
  it('has the requested number of rows and every ID once', () => {
    expect(registry.size).toBe(20_000);
  });

  it('uses the police export columns, upper-case names, Nam/Nữ and Còn sống/Đã mất', () => {
    for (const r of registry.values()) {
      expect(r.ho_ten).toBe((r.ho_ten as string).toUpperCase());
      expect(['Nam', 'Nữ']).toContain(r.gioi_tinh);
      expect(['Còn sống', 'Đã mất']).toContain(r.trang_thai);
      expect(r.ngay_sinh).toMatch(/^(\d{2}\/\d{2}\/)?\d{4}$/);
      expect(r.ngay_mat === '').toBe(r.trang_thai === 'Còn sống');
    }
  });

  it('gives many elderly people a birth year only', () => {
    const old = [...registry.values()].filter((r) => Number((r.ngay_sinh as string).slice(-4)) < 1950);
    const yearOnly = old.filter((r) => /^\d{4}$/.test(r.ngay_sinh as string)).length / old.length;
    expect(yearOnly).toBeGreaterThan(0.3);
    expect(yearOnly).toBeLessThan(0.6);
  });

  it('holds crowds: Nguyễn Văn Hùng born 1950 several times', () => {
    const hung = [...registry.values()].filter((r) => r.ho_ten === 'NGUYỄN VĂN HÙNG' && (r.ngay_sinh as string).endsWith('1950'));
    expect(hung.length).toBeGreaterThanOrEqual(6);
  });
});

describe('every ID follows PPP G YY with its own sex and birth year', () => {
  const codes = new Set(PROVINCE_CODES.map((p) => p[0]));
  const check = (id: string, sex: string, year: number): void => {
    expect(id).toMatch(/^\d{12}$/);
    expect(codes.has(id.slice(0, 3))).toBe(true);
    // 1900s: men 0, women 1; 2000s: men 2, women 3
    const g = (Math.floor(year / 100) - 19) * 2 + (sex === 'Nữ' || sex === 'F' ? 1 : 0);
    expect(id[3]).toBe(String(g));
    expect(id.slice(4, 6)).toBe(String(year % 100).padStart(2, '0'));
  };

  it('in the registry', () => {
    for (const [id, r] of registry) check(id, r.gioi_tinh as string, Number((r.ngay_sinh as string).slice(-4)));
  });

  it('in the lists, where the row gives the ID, sex and the true birth year', () => {
    let checked = 0;
    for (const r of people) {
      const e = r.expected;
      if (!e || e.idKind !== 'cccd' || !e.personalId || !e.birth || !e.sex || has(r, 'relative_id') || has(r, 'birth_year_off')) continue;
      check(e.personalId, e.sex, e.birth.year);
      checked++;
    }
    expect(checked).toBeGreaterThan(people.length * 0.6);
  });
});

describe('truth rows agree with the registry', () => {
  it('every registryId is in the registry', () => {
    for (const r of people) if (r.registryId) expect(registry.has(r.registryId), r.registryId).toBe(true);
  });

  it('the folded name matches the registry unless the list dropped the middle name', () => {
    for (const r of people) {
      if (!r.registryId || has(r, 'dropped_middle')) continue;
      expect(r.expected?.nameFolded).toBe(foldText(reg(r.registryId).ho_ten as string));
    }
  });

  it('birth year and sex match the registry (a lunar year may be off by one)', () => {
    for (const r of people) {
      const e = r.expected;
      if (!r.registryId || !e) continue;
      const rr = reg(r.registryId);
      const year = Number((rr.ngay_sinh as string).slice(-4));
      if (e.birth) expect(Math.abs(e.birth.year - year)).toBe(has(r, 'birth_year_off') ? 1 : 0);
      if (e.sex) expect(e.sex === 'M' ? 'Nam' : 'Nữ').toBe(rr.gioi_tinh);
    }
  });

  it('rows whose registry birth is a year only never claim a day, except the 01/01 placeholder', () => {
    for (const r of people) {
      const b = r.expected?.birth;
      if (!r.registryId || !b || !/^\d{4}$/.test(reg(r.registryId).ngay_sinh as string)) continue;
      if (has(r, 'birth_placeholder')) expect([b.month, b.day]).toEqual([1, 1]);
      else expect([b.month, b.day]).toEqual([null, null]);
    }
  });

  it('a well-written ID is the person\'s own', () => {
    const messy = ['relative_id', 'id_typo', 'id_swap', 'not_in_registry'];
    for (const r of people) {
      if (r.expected?.idKind === 'cccd' && !messy.some((t) => has(r, t))) expect(r.expected.personalId).toBe(r.registryId);
    }
  });

  it('a relative\'s ID belongs to someone else registered at the same address', () => {
    const rows = people.filter((r) => has(r, 'relative_id'));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const other = r.expected?.personalId as string;
      expect(other).not.toBe(r.registryId);
      expect(reg(other).dia_chi_thuong_tru).toBe(reg(r.registryId as string).dia_chi_thuong_tru);
    }
  });

  it('a typo changes one digit and a swap exchanges two neighbours; neither hits another person', () => {
    for (const r of people.filter((x) => x.registryId && (has(x, 'id_typo') || has(x, 'id_swap')))) {
      const wrong = r.expected?.personalId as string;
      const right = r.registryId as string;
      const diff = [...wrong].map((c, i) => (c === right[i] ? -1 : i)).filter((i) => i >= 0);
      if (has(r, 'id_typo')) expect(diff.length).toBe(1);
      else expect(diff.length === 2 && diff[1] === (diff[0] as number) + 1 && wrong[diff[0] as number] === right[diff[1] as number]).toBe(true);
      expect(registry.has(wrong)).toBe(false);
    }
  });

  it('people absent from the registry have no registryId and an ID nobody in it has', () => {
    for (const r of people.filter((x) => has(x, 'not_in_registry'))) {
      expect(r.registryId).toBeNull();
      if (r.expected?.personalId) expect(registry.has(r.expected.personalId)).toBe(false);
    }
  });

  it('categories fit the age: the 80+ allowance goes to people born 1946 or before, orphans are children', () => {
    for (const r of people) {
      if (!r.registryId) continue;
      const year = Number((reg(r.registryId).ngay_sinh as string).slice(-4));
      if (r.expected?.category === 'Người cao tuổi từ đủ 80 tuổi trở lên') expect(year).toBeLessThanOrEqual(1946);
      if (r.expected?.category === 'Trẻ em mồ côi cả cha và mẹ') expect(year).toBeGreaterThanOrEqual(2010);
    }
  });

  it('deceased people are listed as Đã mất in the registry', () => {
    for (const r of people.filter((x) => has(x, 'deceased'))) expect(reg(r.registryId as string).trang_thai).toBe('Đã mất');
  });

  it('unrecoverable and missing IDs yield no personal ID; a CMND is nine digits', () => {
    for (const r of people) {
      const e = r.expected;
      if (has(r, 'id_scientific')) expect([e?.personalId, e?.idKind]).toEqual([null, 'unrecoverable']);
      if (has(r, 'id_missing')) expect([e?.personalId, e?.idKind]).toEqual([null, 'missing']);
      if (has(r, 'id_cmnd') && r.registryId) {
        expect(e?.oldId).toMatch(/^\d{9}$/);
        expect(reg(r.registryId as string).so_cmnd).toBe(e?.oldId);
      }
    }
  });
});

describe('duplicates', () => {
  it('point to an earlier person row of the same person, in the same list or another', () => {
    const byPlace = new Map(people.map((r) => [`${r.file}#${r.row}`, r]));
    const dups = people.filter((r) => (r.traits ?? []).some((t) => t.startsWith('duplicate_of:')));
    expect(dups.length).toBeGreaterThan(10);
    const refFile = (d: TruthRow): string => ((d.traits ?? []).find((t) => t.startsWith('duplicate_of:')) as string).slice(13).split('#')[0] as string;
    // both kinds: the same person twice in one list, and in two lists
    expect(new Set(dups.map((d) => refFile(d) === (d as { file: string }).file))).toEqual(new Set([true, false]));
    for (const d of dups) {
      const ref = (d.traits ?? []).find((t) => t.startsWith('duplicate_of:'))?.slice('duplicate_of:'.length) as string;
      const first = byPlace.get(ref);
      expect(first, ref).toBeDefined();
      expect(first?.registryId).toBe(d.registryId);
    }
  });

  it('include the same person on a BTXH list and an NCC list', () => {
    const ncc = people.filter((r) => r.file === 'ncc-yen-phu-vni.xlsx' && (r.traits ?? []).some((t) => t.startsWith('duplicate_of:btxh-')));
    expect(ncc.length).toBe(2);
  });
});

describe('shares of each mess are near their targets', () => {
  // target shares from the generator's rate tables; ranges allow for sampling over ~3,700 rows
  it.each([
    ['id_lost_zero', 0.07, 0.13],
    ['id_scientific', 0.01, 0.035],
    ['id_spaces', 0.015, 0.04],
    ['id_missing', 0.015, 0.045],
    ['id_cmnd', 0.012, 0.045],
    ['relative_id', 0.01, 0.035],
    ['id_typo', 0.01, 0.035],
    ['not_in_registry', 0.015, 0.045],
    ['deceased', 0.01, 0.035],
    ['dropped_middle', 0.025, 0.06],
    ['no_diacritics', 0.025, 0.06],
    ['representative', 0.2, 0.45],
    ['birth_placeholder', 0.02, 0.1],
    ['birth_year_only', 0.15, 0.35],
    ['two_digit_year', 0.005, 0.03],
  ])('%s in %f–%f of person rows', (trait, lo, hi) => {
    const s = share(people, trait);
    expect(s).toBeGreaterThanOrEqual(lo);
    expect(s).toBeLessThanOrEqual(hi);
  });

  it('upper-case names in about 8 % of rows of lists not written in capitals', () => {
    const rows = people.filter((r) => !['btxh-quynh-lam-vntimeh.xlsx', 'btxh-thanh-luong-cp1258.csv'].includes(r.file));
    expect(share(rows, 'upper_name')).toBeGreaterThan(0.055);
    expect(share(rows, 'upper_name')).toBeLessThan(0.11);
  });

  it('about 3 in 8 people are Nguyễn or Trần … Nguyễn alone near 38 %', () => {
    const nguyen = people.filter((r) => r.expected?.nameFolded?.startsWith('nguyen ')).length / people.length;
    expect(nguyen).toBeGreaterThan(0.32);
    expect(nguyen).toBeLessThan(0.44);
  });
});

describe('row structure', () => {
  it('skip reasons come from SKIP_REASONS and official lists have every kind of non-person row', () => {
    for (const t of truths) {
      for (const r of t.rows) if (r.kind === 'skip') expect(SKIP_REASONS).toContain(r.reason);
      if (t.variant.startsWith('official') || t.variant === 'csv-utf16-tab') {
        const reasons = new Set(t.rows.map((r) => r.reason));
        for (const k of ['subtotal', 'total', 'footer', 'column_numbers', 'repeated_header', 'blank']) expect(reasons, `${t.file} ${k}`).toContain(k);
      }
    }
  });

  it('row numbers start under the header and never repeat', () => {
    for (const t of truths) {
      const list = t.sheets.find((s) => s.role === 'list');
      const rows = t.rows.map((r) => r.row);
      expect(new Set(rows).size).toBe(rows.length);
      expect(Math.min(...rows)).toBe(Math.max(...(list?.headerRows ?? [0])) + 1);
    }
  });

  it('the m/d/y list is marked as such', () => {
    expect(truths.find((t) => t.variant === 'csv-mdy')?.dateOrder).toBe('mdy');
    expect(truths.filter((t) => t.dateOrder === 'mdy').length).toBe(1);
  });
});
