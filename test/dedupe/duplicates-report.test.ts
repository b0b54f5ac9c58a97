import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../src/dedupe/find-duplicates.js';
import { buildDuplicateReports } from '../../src/report/duplicates-report.js';
import type { OutputFile, SheetSpec } from '../../src/write/output-spec.js';
import { person, result } from './rows.js';

const AP = 'DS BTXH xa An Phu.xlsx';
const BM = 'DS BTXH xa Binh Minh.xlsx';
const ELDERLY = 'Người cao tuổi từ đủ 80 tuổi trở lên';

const luaAP = result(
  person(AP, 'Thôn 3', 12, {
    name: 'Nguyễn Thị Lụa', birth: '1938', sex: 'F', id: '038138001234', commune: 'An Phú', village: 'Thôn 3',
    programme: ELDERLY, amount: 500_000, account: '0123456789012', bin: '970405',
  }),
  'matched',
  '038138001234',
);
const luaBM = result(
  person(BM, 'Sheet1', 9, {
    name: 'NGUYEN THI LUA', birth: '1938', sex: 'F', commune: 'Bình Minh', village: 'Xóm Chùa', programme: ELDERLY, amount: 500_000,
  }),
  'matched',
  '038138001234',
);
const tuAP = result(person(AP, 'Thôn 3', 14, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788', commune: 'An Phú', village: 'Thôn 3', amount: 2_789_000 }));
const tuBM = result(person(BM, 'Sheet1', 11, { name: 'Phạm Văn Tư', birth: '1940-03-07', sex: 'M', id: '036040007788', commune: 'Bình Minh', village: 'Thôn 1', amount: 2_789_000 }));
// Another woman paid into Lụa's account.
const binh = result(person(BM, 'Sheet1', 10, { name: 'Trần Thị Bình', birth: '1942', sex: 'F', account: '0123456789012', bin: '970405' }));

const results = [luaAP, tuAP, luaBM, binh, tuBM];
const registry = (id: string) => (id === '038138001234' ? { address: 'Xóm Chùa, xã Bình Minh' } : null);
const files = buildDuplicateReports(findDuplicates(results, undefined, { registryAddress: registry }), results);
const byPath = (path: string): OutputFile => files.find((f) => f.path === path)!;

function csvRecords(path: string): Record<string, unknown>[] {
  const f = byPath(path);
  if (f.kind !== 'csv') throw new Error(`${path} is not a CSV`);
  return f.rows.map((row) => Object.fromEntries(f.columns.map((c, i) => [c.key, row[i]])));
}

describe('duplicates.csv', () => {
  it('has one line per group member with the documented columns', () => {
    const f = byPath('duplicates.csv');
    expect(f.kind === 'csv' && f.columns.map((c) => c.key).slice(0, 14)).toEqual([
      'group_id', 'group_kind', 'source_file', 'source_sheet', 'source_row', 'registry_id', 'reason', 'kept', 'decision', 'score',
      'programme', 'commune', 'village', 'amount',
    ]);
    const lines = csvRecords('duplicates.csv').map((r) => [r.source_file, r.source_row, r.registry_id, r.reason, r.kept, r.commune, r.amount]);
    expect(lines).toEqual([
      [AP, 12, '038138001234', 'same_registry_person', 'no', 'An Phú', 500_000],
      [BM, 9, '038138001234', 'same_registry_person', 'yes', 'Bình Minh', 500_000],
      [AP, 14, '', 'same_id', 'yes', 'An Phú', 2_789_000],
      [BM, 11, '', 'same_id', 'no', 'Bình Minh', 2_789_000],
    ]);
    const ids = csvRecords('duplicates.csv').map((r) => r.group_id);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[0]).not.toBe(ids[2]);
  });
});

describe('duplicates.xlsx', () => {
  const f = byPath('duplicates.xlsx');
  const sheet = (f.kind === 'xlsx' ? f.sheets[0] : undefined) as SheetSpec;
  const col = (key: string) => sheet.columns.findIndex((c) => c.key === key);

  it('puts each group\'s rows together with a blank row between groups, in Vietnamese', () => {
    expect(sheet.rows.map((r) => r[col('source_row')])).toEqual([12, 9, null, 14, 11]);
    expect(sheet.rows.map((r) => r[col('kept')])).toEqual(['Không', 'Có', null, 'Có', 'Không']);
    expect(sheet.columns[col('name')]!.header).toBe('Họ và tên');
  });

  it('highlights the cells of a row that differ from the row paid', () => {
    const cells = (sheet.highlight ?? []).map((h) => `${h.row}:${sheet.columns[h.col]!.key}`).sort();
    expect(cells).toEqual(
      [
        // Lụa, An Phú row against the Bình Minh row kept: commune, village, name written with marks, ID, account, bank.
        '0:commune', '0:village', '0:name', '0:personal_id', '0:account', '0:bank',
        // Tư, Bình Minh row against the An Phú row kept.
        '4:commune', '4:village',
      ].sort(),
    );
  });

  it('lists the shared accounts on a second sheet', () => {
    expect(f.kind === 'xlsx' && f.sheets.map((s) => s.name)).toEqual(['Trùng lặp', 'Chung tài khoản']);
  });
});

describe('shared-accounts.csv', () => {
  it('lists every row paid into the shared account', () => {
    expect(csvRecords('shared-accounts.csv')).toEqual([
      { bank_bin: '970405', bank: 'Agribank', account: '0123456789012', source_file: AP, source_sheet: 'Thôn 3', source_row: 12, name: 'Nguyễn Thị Lụa', registry_id: '038138001234', rep_name: '' },
      { bank_bin: '970405', bank: 'Agribank', account: '0123456789012', source_file: BM, source_sheet: 'Sheet1', source_row: 10, name: 'Trần Thị Bình', registry_id: '', rep_name: '' },
    ]);
  });
});
