import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/match/types.js';
import { decideEligibility } from '../../src/pay/eligibility.js';
import { lineId } from '../../src/pay/ids.js';
import { AGRIBANK, matched, OPTIONS, person, personName } from './fixtures.js';

const noLedger = { previousLedger: [], override: false };

function decide(r: MatchResult) {
  return decideEligibility([r], OPTIONS, noLedger);
}

function reasonOf(r: MatchResult): string {
  const { payees, exclusions } = decide(r);
  return payees.length === 1 ? `paid:${payees[0]!.channel}` : exclusions[0]!.reason;
}

const banked = { account: '0011004123456', bank: AGRIBANK, raw: { account: '0011004123456', bank: 'Agribank' } };

describe('who is paid, and how', () => {
  it.each<[string, MatchResult, string]>([
    ['matched with an Agribank account → bank', matched(person(banked), '038140001001'), 'paid:bank'],
    ['matched, no account and no bank → cash through the post office', matched(person(), '038140001002'), 'paid:cash'],
    ['"Tiền mặt" in the bank column → cash even with an account', matched(person({ ...banked, cash: true }), '038140001003'), 'paid:cash'],
    ['manual review decision (matched, method manual) → paid', matched(person(banked), '038140001004', { method: 'manual' }), 'paid:bank'],
    ['waiting for review → not paid', matched(person(banked), '038140001005', { status: 'review' }), 'review_pending'],
    ['possible duplicate waiting for a decision → not paid', matched(person(banked), '038140001006', { flags: ['duplicate_review'] }), 'review_pending'],
    ['not in the registry', matched(person(banked), '038140001007', { status: 'unmatched', registryId: null }), 'unmatched'],
    ['ID missing or invalid', matched(person(banked), '038140001008', { status: 'invalid', registryId: null }), 'invalid'],
    ['non-kept duplicate (trùng lĩnh), even when also under review', matched(person(banked), '038140001009', { flags: ['duplicate'], status: 'review' }), 'duplicate'],
    ['registry says dead (flag)', matched(person(banked), '038140001010', { flags: ['deceased'] }), 'deceased'],
    ['registry gives a death date', matched(person(banked), '038140001011', { deathDate: { year: 2026, month: 10, day: null } }), 'deceased'],
    ['no amount', matched(person({ ...banked, amount: null }), '038140001012'), 'no_amount'],
    ['zero amount', matched(person({ ...banked, amount: 0 }), '038140001013'), 'amount_not_positive'],
    ['amount over the 10 000 000 cap', matched(person({ ...banked, amount: 10_000_001 }), '038140001014'), 'amount_over_cap'],
    ['amount exactly at the cap', matched(person({ ...banked, amount: 10_000_000 }), '038140001015'), 'paid:bank'],
    ['account but the bank is not recognised', matched(person({ account: '0011004123456', bank: null, raw: { account: '0011004123456', bank: 'NH Làng' } }), '038140001016'), 'unknown_bank'],
    ['account mangled by Excel (3.80412E+10): never sent to cash', matched(person({ account: null, bank: AGRIBANK, raw: { account: '3.80412E+10', bank: 'Agribank' } }), '038140001017'), 'bad_account'],
    ['bank named but no account number', matched(person({ bank: AGRIBANK, raw: { bank: 'Agribank' } }), '038140001018'), 'bad_account'],
    ['no name for the cash list', matched(person({ name: null }), '038140001019'), 'no_name'],
    ['the list notes "Đã chết", the registry has them alive', matched(person({ ...banked, listMarks: [{ flag: 'list_says_deceased', text: 'Đã chết' }] }), '038140001020'), 'list_removed'],
    ['the list notes "Cắt từ tháng 12/2026"', matched(person({ ...banked, listMarks: [{ flag: 'list_says_stopped', text: 'Cắt từ tháng 12/2026' }] }), '038140001021'), 'list_removed'],
    ['the name is struck through', matched(person({ ...banked, listMarks: [{ flag: 'row_struck', text: 'the name is struck through' }] }), '038140001022'), 'list_removed'],
    ['the row is hidden', matched(person({ ...banked, listMarks: [{ flag: 'row_hidden', text: 'hidden' }] }), '038140001023'), 'list_removed'],
  ])('%s', (_label, result, expected) => {
    expect(reasonOf(result)).toBe(expected);
  });

  it("pays the representative's account in the representative's name (người nhận thay)", () => {
    const p = person({
      name: 'Phạm Thị Mơ',
      bank: AGRIBANK,
      raw: { bank: 'Agribank', rep_account: '5100205123456' },
      rep: { name: personName('Phạm Văn Tuấn'), personalId: '038085001234', account: '5100205123456' },
    });
    const [payee] = decide(matched(p, '038135000111')).payees;
    expect(payee).toMatchObject({ channel: 'bank', account: '5100205123456', payeeName: 'Phạm Văn Tuấn', viaRep: true });
  });

  it('gives the cash to the representative when the representative has no account', () => {
    const p = person({ name: 'Hoàng Thị Hoa', rep: { name: personName('Hoàng Văn Nam'), personalId: null, account: null } });
    const [payee] = decide(matched(p, '038138000222')).payees;
    expect(payee).toMatchObject({ channel: 'cash', account: null, payeeName: 'Hoàng Văn Nam', viaRep: true });
  });

  it("does not send a representative's unreadable account to cash", () => {
    const p = person({ bank: AGRIBANK, raw: { rep_account: '5.10021E+12' }, rep: { name: personName('Phạm Văn Tuấn'), personalId: null, account: null } });
    expect(decide(matched(p, '038135000333')).exclusions[0]?.reason).toBe('bad_account');
  });

  it('pays a registry person once per period: a second row, same programme or another, is a duplicate', () => {
    const first = matched(person({ row: 10, programme: 'BTXH' }), '038140009999');
    const again = matched(person({ row: 55, programme: 'Bảo trợ xã hội' }), '038140009999');
    const other = matched(person({ row: 60, programme: 'NCC' }), '038140009999');
    const { payees, exclusions } = decideEligibility([first, again, other], OPTIONS, noLedger);
    expect(payees.map((p) => p.result.person.prov.row)).toEqual([10]);
    expect(exclusions.map((e) => [e.result.person.prov.row, e.reason])).toEqual([
      [55, 'duplicate'],
      [60, 'duplicate'],
    ]);
    expect(exclusions[0]!.detail.en).toContain('row 10');
    expect(exclusions[1]!.detail.en).toContain('allowedProgrammePairs');
  });

  it('pays a second programme in the same period only when the pair is allowed', () => {
    const first = matched(person({ row: 10, programme: 'Thương binh' }), '038140009999');
    const other = matched(person({ row: 60, programme: 'Người cao tuổi' }), '038140009999');
    const third = matched(person({ row: 61, programme: 'Khuyết tật' }), '038140009999');
    const pairs = [['Thương binh', 'Người cao tuổi']] as const;
    const { payees, exclusions } = decideEligibility([first, other, third], OPTIONS, { ...noLedger, allowedProgrammePairs: pairs });
    expect(payees.map((p) => p.result.person.prov.row)).toEqual([10, 60]);
    expect(exclusions.map((e) => [e.result.person.prov.row, e.reason])).toEqual([[61, 'duplicate']]);
  });

  it('does not pay a line already in an issued ledger, unless the operator overrides', () => {
    const r = matched(person(banked), '038140001020');
    const previousLedger = [{ lineId: lineId('2026-12', 'BTXH', '038140001020'), registryId: '038140001020' }];
    expect(decideEligibility([r], OPTIONS, { previousLedger, override: false }).exclusions[0]?.reason).toBe('already_paid');
    const again = decideEligibility([r], OPTIONS, { previousLedger, override: true });
    expect(again.payees[0]).toMatchObject({ overridden: true });
  });

  it('an issued ledger line under another programme of the same period blocks the person too, unless the pair is allowed', () => {
    const r = matched(person({ ...banked, programme: 'Người cao tuổi' }), '038140001020');
    // Written by a ledger with the programme column, and by one from before it (the programme only in the line ID).
    for (const previousLedger of [
      [{ lineId: lineId('2026-12', 'THUONGBINH', '038140001020'), registryId: '038140001020', programme: 'Thương binh' }],
      [{ lineId: lineId('2026-12', 'THUONGBINH', '038140001020'), registryId: '038140001020' }],
    ]) {
      const blocked = decideEligibility([r], OPTIONS, { previousLedger, override: false });
      expect(blocked.exclusions[0]).toMatchObject({ reason: 'already_paid' });
      expect(blocked.exclusions[0]!.detail.en).toContain('another programme');
      const allowed = decideEligibility([r], OPTIONS, { previousLedger, override: false, allowedProgrammePairs: [['Thương binh', 'Người cao tuổi']] });
      expect(allowed.payees).toHaveLength(1);
      expect(allowed.payees[0]).toMatchObject({ overridden: false });
    }
    // Another period's ledger does not block.
    const lastMonth = [{ lineId: lineId('2026-11', 'THUONGBINH', '038140001020'), registryId: '038140001020', programme: 'Thương binh' }];
    expect(decideEligibility([r], OPTIONS, { previousLedger: lastMonth, override: false }).payees).toHaveLength(1);
  });
});
