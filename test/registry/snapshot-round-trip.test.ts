// A snapshot must be the registry it was built from, row for row and index for index: reconcile gives the same
// answers whether --registry names the export or its snapshot.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { matchPeople } from '../../src/match/match-people.js';
import { loadLists, nameInputs } from '../../src/pipeline.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import type { Registry } from '../../src/registry/registry.js';
import { hasSnapshotMagic, readSnapshot } from '../../src/registry/snapshot-read.js';
import { writeSnapshot } from '../../src/registry/snapshot-write.js';
import { expectSameRegistry } from './same-registry.js';

const VERSION = '9.9.9-test';
const SMALL = join(__dirname, '../../fixtures/small');
const dir = mkdtempSync(join(tmpdir(), 'asxh-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function snapshotOf(exportPath: string, out: string, runYear = 2026): Promise<Registry> {
  const registry = await readRegistryCsv(exportPath, { runYear });
  const info = statSync(exportPath);
  await writeSnapshot(registry, out, {
    toolVersion: VERSION,
    runYear,
    source: { name: 'registry.csv', sha256: 'not-checked-here', bytes: info.size, mtimeMs: info.mtimeMs },
  });
  return registry;
}

describe('registry snapshot of the small fixture set (3,000 people)', () => {
  const exportPath = join(dir, 'registry.csv');
  const snapPath = join(dir, 'registry.asxhreg');
  let fromCsv: Registry;
  let fromSnapshot: Registry;

  beforeAll(async () => {
    copyFileSync(join(SMALL, 'registry.csv'), exportPath);
    fromCsv = await snapshotOf(exportPath, snapPath);
    fromSnapshot = readSnapshot(snapPath, { toolVersion: VERSION }).registry;
  });

  it('gives back every person, ID and CMND lookup, name count and block of the export', () => {
    expect(fromCsv.size).toBe(3000);
    expectSameRegistry(fromCsv, fromSnapshot);
  });

  it('answers lookups of people it does not hold the same way: nobody', () => {
    expect(fromSnapshot.findById('040199999999')).toEqual([]);
    expect(fromSnapshot.findByCmnd('000000001')).toEqual([]);
    expect(fromSnapshot.nameCount('khong co ai ten nay')).toBe(0);
    expect(fromSnapshot.givenCode('xyzzy')).toBe(-1);
  });

  it('matches the commune lists exactly as the export does', async () => {
    const settings = { ...DEFAULT_SETTINGS, runDate: '2026-12-01' };
    const files = ['btxh-yen-phu.xlsx', 'btxh-dien-hong-tcvn3.xlsx', 'ncc-dien-hong.csv', 'btxh-thanh-luong-cp1258.csv'];
    const lists = await loadLists(nameInputs(files.map((f) => join(SMALL, f)), SMALL), settings);
    const people = lists.flatMap((l) => l.sheets.flatMap((s) => s.people));
    expect(people.length).toBeGreaterThan(150);
    const viaCsv = matchPeople(people, fromCsv, settings.match);
    const viaSnapshot = matchPeople(people, fromSnapshot, settings.match);
    expect(viaSnapshot).toEqual(viaCsv);
    // Not a vacuous comparison: most listed people are found, by ID and by fuzzy fallback.
    expect(viaCsv.filter((r) => r.status === 'matched').length).toBeGreaterThan(people.length / 2);
  });

  it('is recognised by its content, whatever the file is called', async () => {
    const disguised = join(dir, 'dan-cu.csv');
    copyFileSync(snapPath, disguised);
    expect(hasSnapshotMagic(disguised)).toBe(true);
    expect(hasSnapshotMagic(exportPath)).toBe(false);
    const loaded = await loadRegistry(disguised, { runYear: 2026, toolVersion: VERSION });
    expect(loaded.size).toBe(3000);
    expect(loaded.findById(fromCsv.get(17).id ?? '')).toEqual(fromCsv.findById(fromCsv.get(17).id ?? ''));
    // And an export renamed like a snapshot is still read as an export.
    const renamed = join(dir, 'registry-copy.asxhreg');
    copyFileSync(exportPath, renamed);
    expect((await loadRegistry(renamed, { runYear: 2026, toolVersion: VERSION })).size).toBe(3000);
  });

  it('is readable by its owner only: it holds every ID and name of the registry', () => {
    expect(statSync(snapPath).mode & 0o077).toBe(0);
  });
});

describe('registry snapshot of an export with the awkward rows real exports have', () => {
  const csv = [
    '\ufeffSố định danh cá nhân;Số CMND;Họ và tên;Ngày sinh;Giới tính;Địa chỉ thường trú;Tình trạng;Ngày mất',
    '001050012345;012345678;NGUYỄN VĂN AN;05/03/1950;Nam;"Số 5; ngõ 2, Thôn Đông";Còn sống;',
    '001145054321;;TRẦN THỊ BÌNH;1945;Nữ;"Thôn ""Mới""\nxã An Phú";Đã mất;12/12/2025',
    '001050012345;;Nguyễn Văn An;05/03/1950;Nam;Thôn Đông;Còn sống;', // the same ID again
    '012345679;;Lê Văn Cường;1938;Nam;Thôn Tây;Không rõ;', // a CMND in the ID column
    ';;;;;;;', // neither ID nor name: left out
    '001305000001;;Phạm Thị Dung;01/02/2005;;Thôn Bắc;;', // sex from the ID's G digit: 3 = female, 2000s
    ';;HOÀNG VĂN EM;1940;Nam;;Đã mất;', // no ID at all: found by name only
  ].join('\r\n');

  it('keeps duplicates, CMNDs, deaths, skipped rows and warnings exactly', async () => {
    const exportPath = join(dir, 'awkward.csv');
    writeFileSync(exportPath, csv);
    const snapPath = join(dir, 'awkward.asxhreg');
    const fromCsv = await snapshotOf(exportPath, snapPath);
    const fromSnapshot = readSnapshot(snapPath, { toolVersion: VERSION, file: 'awkward.csv' }).registry;
    expectSameRegistry(fromCsv, fromSnapshot);
    expect(fromSnapshot.size).toBe(6);
    expect(fromSnapshot.skipped).toBe(1);
    expect(fromSnapshot.findById('001050012345')).toEqual([0, 2]);
    expect(fromSnapshot.findByCmnd('012345679')).toEqual([3]);
    expect(fromSnapshot.get(1)).toMatchObject({ alive: false, deathDate: { year: 2025, month: 12, day: 12 }, address: 'Thôn "Mới" xã An Phú' });
    expect(fromSnapshot.get(4).sex).toBe('F');
    expect(fromSnapshot.get(5)).toMatchObject({ id: null, alive: false });
    expect(fromSnapshot.warnings.join(' ')).toMatch(/repeat an ID/);
    expect(fromSnapshot.warnings.join(' ')).toMatch(/Không rõ/);
  });

  it('round-trips an empty registry (header only)', async () => {
    const exportPath = join(dir, 'empty.csv');
    writeFileSync(exportPath, 'so_dinh_danh,ho_ten\n');
    const snapPath = join(dir, 'empty.asxhreg');
    const fromCsv = await snapshotOf(exportPath, snapPath);
    const fromSnapshot = readSnapshot(snapPath, { toolVersion: VERSION }).registry;
    expect(fromCsv.size).toBe(0);
    expectSameRegistry(fromCsv, fromSnapshot);
    expect(fromSnapshot.findById('001050012345')).toEqual([]);
  });

  it('writes the same bytes for the same export', async () => {
    const exportPath = join(dir, 'awkward.csv');
    const a = join(dir, 'a.asxhreg');
    const b = join(dir, 'b.asxhreg');
    await snapshotOf(exportPath, a);
    await snapshotOf(exportPath, b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});
