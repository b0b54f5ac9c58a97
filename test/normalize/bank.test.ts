import { describe, expect, it } from 'vitest';
import { resolveBank } from '../../src/normalize/bank.js';
import type { CellValue } from '../../src/types.js';

const bank = (value: CellValue) => resolveBank({ value });
const binOf = (value: CellValue) => {
  const r = bank(value).value;
  return r?.kind === 'bank' ? r.bank.bin : (r?.kind ?? null);
};

describe('resolveBank: banks as officers write them', () => {
  it.each([
    ['Agribank', '970405'],
    ['AGRIBANK', '970405'],
    ['NHNo', '970405'],
    ['NHNo&PTNT', '970405'],
    ['NH NN&PTNT', '970405'],
    ['NHNN & PTNT', '970405'],
    ['Ngân hàng Nông nghiệp và Phát triển Nông thôn', '970405'],
    ['Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam', '970405'],
    ['Ngân hàng Nông nghiệp và PTNT', '970405'],
    ['Agribank chi nhánh Hà Tĩnh', '970405'],
    ['Chi nhánh Agribank huyện Kỳ Anh', '970405'],
    ['VCB', '970436'],
    ['Vietcombank', '970436'],
    ['Ngân hàng Ngoại thương', '970436'],
    ['BIDV', '970418'],
    ['Ngân hàng Đầu tư và Phát triển', '970418'],
    ['Vietinbank', '970415'],
    ['Ngân hàng Công thương', '970415'],
    ['Ngân hàng TMCP Công thương Việt Nam', '970415'],
    ['CTG', '970415'],
    ['MB', '970422'],
    ['MBBank', '970422'],
    ['MB Bank', '970422'],
    ['Ngân hàng Quân đội', '970422'],
    ['Techcombank', '970407'],
    ['TCB', '970407'],
    ['VBSP', '999888'],
    ['NHCSXH', '999888'],
    ['NH CSXH', '999888'],
    ['Ngân hàng Chính sách xã hội', '999888'],
    ['LienVietPostBank', '970449'],
    ['LPBank', '970449'],
    ['Bưu điện Liên Việt', '970449'],
    ['Ngân hàng Bưu điện Liên Việt', '970449'],
    ['Sacombank', '970403'],
    ['ACB', '970416'],
    ['VPBank', '970432'],
    ['Viettel Money', '971005'],
    ['ViettelPay', '971005'],
    ['Ví Viettel Pay', '971005'],
    ['VNPT Money', '971011'],
    ['VNPT Pay', '971011'],
    ['MoMo', '971025'],
    ['Ngân hàng\u00a0Nông  nghiệp', '970405'],
    ['Ngân ha\u0300ng Co\u0302ng thu\u031bo\u031bng', '970415'], // NFD
  ])('%s → %s', (raw, bin) => {
    expect(binOf(raw)).toBe(bin);
    expect(bank(raw).findings).toEqual([]);
  });

  it('names the bank by its current short name', () => {
    expect(bank('Ngân hàng Bưu điện Liên Việt').value).toEqual({ kind: 'bank', bank: { bin: '970449', shortName: 'LPBank' } });
    expect(bank('Agribank').value).toEqual({ kind: 'bank', bank: { bin: '970405', shortName: 'Agribank' } });
  });
});

describe('resolveBank: cash through the post office', () => {
  it.each([
    'Tiền mặt',
    'tiền mặt',
    'TM',
    'Bưu điện',
    'Bưu điện xã Cẩm Xuyên',
    'Chi trả qua bưu điện',
    'VNPost',
    'VN Post',
  ])('%s → cash', (raw) => {
    expect(bank(raw)).toEqual({ value: { kind: 'cash' }, findings: [] });
  });
});

describe('resolveBank: unknown', () => {
  it.each([
    'Quỹ tín dụng nhân dân',
    'NHNN', // the State Bank pays no one
    'Ngân hàng',
    'chưa có',
  ])('%s → bank_unknown', (raw) => {
    const r = bank(raw);
    expect(r.value).toBeNull();
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['bank_unknown', 'warning']]);
  });

  it.each([[null], [''], ['  ']])('empty %j: nothing, no finding', (raw) => {
    expect(bank(raw)).toEqual({ value: null, findings: [] });
  });
});
