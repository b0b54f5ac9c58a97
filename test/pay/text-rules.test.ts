import { describe, expect, it } from 'vitest';
import { accountHolderName, descriptionText } from '../../src/pay/text-rules.js';

describe('accountHolderName: capitals without diacritics, as banks match the account holder', () => {
  it.each([
    ['Nguyễn Thị Đào', 'NGUYEN THI DAO'],
    ['Ðặng Văn Hòa', 'DANG VAN HOA'], // Icelandic Ð typed for Đ
    ['Trần  Thị\u00a0Thuỷ', 'TRAN THI THUY'],
    ['Nguyễn Văn Ánh'.normalize('NFD'), 'NGUYEN VAN ANH'],
    ['Lê Thị Mỹ-Lệ', 'LE THI MY LE'],
    ['  Hồ Văn Ất 2 ', 'HO VAN AT'],
  ])('%s → %s', (name, expected) => {
    expect(accountHolderName(name, 70)).toBe(expected);
  });

  it('cuts a long name at a word boundary within the limit', () => {
    expect(accountHolderName('Nguyễn Thị Lụa', 10)).toBe('NGUYEN THI');
    expect(accountHolderName('Nguyễn Thị Lụa', 12)).toBe('NGUYEN THI');
  });
});

describe('descriptionText', () => {
  const values = { programme: 'BTXH', period: '2026-12', ref: 'L2612ABCDEFGHJK' };

  it('fills the default template in plain upper-case ASCII', () => {
    expect(descriptionText('TRO CAP {programme} T{mm} {yyyy} {ref}', values, 50)).toBe('TRO CAP BTXH T12 2026 L2612ABCDEFGHJK');
  });

  it('drops marks and special characters from a Vietnamese template', () => {
    expect(descriptionText('Trợ cấp {programme} tháng {mm}/{yyyy} - Mã: {ref}', { ...values, programme: 'NCC' }, 60)).toBe(
      'TRO CAP NCC THANG 12 2026 MA L2612ABCDEFGHJK',
    );
  });

  it('keeps the reference whole on a 19-character channel and cuts the words before it', () => {
    const d = descriptionText('TRO CAP {programme} T{mm} {yyyy} {ref}', values, 19);
    expect(d).toBe('TRO L2612ABCDEFGHJK');
    expect(d.length).toBeLessThanOrEqual(19);
    expect(descriptionText('TRO CAP {programme} T{mm} {yyyy} {ref}', values, 25)).toBe('TRO CAP L2612ABCDEFGHJK');
  });

  it('shortens a long programme name before it drops the month paid', () => {
    const long = { ...values, programme: 'NGUOICAOTUOITHUOCHONGHEO' };
    expect(descriptionText('TRO CAP {programme} T{mm} {yyyy} {ref}', long, 50)).toBe('TRO CAP NGUOICAOTUOITHUOC T12 2026 L2612ABCDEFGHJK');
  });

  it('cuts plainly when the template has no reference', () => {
    expect(descriptionText('Chi trả trợ cấp xã hội tháng {mm} năm {yyyy}', values, 19)).toBe('CHI TRA TRO CAP XA');
  });
});
