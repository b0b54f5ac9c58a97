import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../src/dedupe/find-duplicates.js';
import type { MatchResult } from '../../src/match/types.js';
import { at, person, result } from './rows.js';

const F = 'DS BTXH xa Tan Lap.xlsx';
const AGRIBANK = '970405';
const VCB = '970436';

function shared(results: readonly MatchResult[]): string[][] {
  return findDuplicates(results).sharedAccounts.map((s) => [`${s.bin}:${s.account}`, ...s.members.map((i) => at(results[i]!))]);
}

describe('accounts shared by different people', () => {
  it('reports one account at one bank paid for two different people', () => {
    const rows = [
      result(person(F, 'Sheet1', 8, { name: 'Nguyễn Văn An', birth: '1940', account: '0123456789012', bin: AGRIBANK })),
      result(person(F, 'Sheet1', 9, { name: 'Trần Thị Bình', birth: '1942', account: '0123456789012', bin: AGRIBANK })),
      // Same number at another bank: another account.
      result(person(F, 'Sheet1', 10, { name: 'Lê Văn Cường', birth: '1939', account: '0123456789012', bin: VCB })),
    ];
    expect(shared(rows)).toEqual([[`${AGRIBANK}:0123456789012`, `${F}/Sheet1/8`, `${F}/Sheet1/9`]]);
  });

  it('tells people apart by registry person when matched, so one person written two ways is not two people', () => {
    const rows = [
      result(person(F, 'Sheet1', 8, { name: 'Nguyễn Thị Lụa', account: '5100205123456', bin: AGRIBANK }), 'matched', '038138001234'),
      result(person(F, 'Sheet1', 9, { name: 'Nguyễn Lụa', account: '5100205123456', bin: AGRIBANK }), 'matched', '038138001234'),
    ];
    expect(shared(rows)).toEqual([]);
    const twoPeople = [rows[0]!, result(rows[1]!.person, 'matched', '038138009999')];
    expect(shared(twoPeople)).toHaveLength(1);
  });

  it('accepts one representative receiving for several people, by folded name or by ID', () => {
    const byName = [
      result(person(F, 'Sheet1', 8, { name: 'Lò Văn Páo', account: '1903666777888', bin: AGRIBANK, rep: { name: 'Lò Thị Mai' } })),
      result(person(F, 'Sheet1', 9, { name: 'Lò Thị Xuân', account: '1903666777888', bin: AGRIBANK, rep: { name: 'LO THI MAI' } })),
    ];
    expect(shared(byName)).toEqual([]);
    const byId = [
      result(person(F, 'Sheet1', 8, { name: 'Lò Văn Páo', account: '1903666777888', bin: AGRIBANK, rep: { name: 'Lò Thị Mai', id: '011185001122' } })),
      result(person(F, 'Sheet1', 9, { name: 'Lò Thị Xuân', account: '1903666777888', bin: AGRIBANK, rep: { name: 'Lò Mai', id: '011185001122' } })),
    ];
    expect(shared(byId)).toEqual([]);
  });

  it('accepts a beneficiary who is named as the representative of the other row', () => {
    const rows = [
      result(person(F, 'Sheet1', 8, { name: 'Hà Văn Dũng', account: '0451000222333', bin: VCB })),
      result(person(F, 'Sheet1', 9, { name: 'Hà Thị Nụ', account: '0451000222333', bin: VCB, rep: { name: 'Hà Văn Dũng' } })),
    ];
    expect(shared(rows)).toEqual([]);
  });

  it('reports rows that name two different representatives for one account', () => {
    const rows = [
      result(person(F, 'Sheet1', 8, { name: 'Lò Văn Páo', account: '1903666777888', bin: AGRIBANK, rep: { name: 'Lò Thị Mai' } })),
      result(person(F, 'Sheet1', 9, { name: 'Lò Thị Xuân', account: '1903666777888', bin: AGRIBANK, rep: { name: 'Quàng Văn Sinh' } })),
      result(person(F, 'Sheet1', 10, { name: 'Lò Văn Khánh', account: '1903666777888', bin: AGRIBANK })),
    ];
    expect(shared(rows)).toEqual([[`${AGRIBANK}:1903666777888`, `${F}/Sheet1/8`, `${F}/Sheet1/9`, `${F}/Sheet1/10`]]);
  });
});
