import { describe, expect, it } from 'vitest';
import { normalizePhone } from '../../src/normalize/phone.js';
import type { CellValue } from '../../src/types.js';

const phone = (value: CellValue) => {
  const r = normalizePhone({ value });
  return { value: r.value, codes: r.findings.map((f) => f.code) };
};

describe('normalizePhone', () => {
  it.each([
    ['10-digit mobile', '0912345678', '0912345678', []],
    ['spaces', '0912 345 678', '0912345678', []],
    ['dots', '0912.345.678', '0912345678', []],
    ['apostrophe', "'0387654321", '0387654321', []],
    ['+84', '+84912345678', '0912345678', []],
    ['+84 with spaces', '+84 91 234 5678', '0912345678', []],
    ['84 without plus', '84912345678', '0912345678', []],
    ['a number cell lost the 0', 912345678, '0912345678', ['phone_leading_zero_restored']],
    ['a number cell with 84', 84912345678, '0912345678', []],
    ['landline 0239 (Hà Tĩnh), 11 digits', '0239 3856 789', '02393856789', []],
    ['landline as a number', 2393856789, '02393856789', ['phone_leading_zero_restored']],
    ['old 11-digit Viettel 0166 → 036', '01662345678', '0362345678', ['phone_old_prefix']],
    ['old 11-digit VinaPhone 0123 → 083', '0123 456 7890', '0834567890', ['phone_old_prefix']],
    ['two numbers with a dash', '0912345678 - 0987654321', '0912345678', ['phone_several']],
    ['two numbers with a slash', '0912345678/0987654321', '0912345678', ['phone_several']],
  ])('%s', (_why, raw, value, codes) => {
    expect(phone(raw)).toEqual({ value, codes });
  });

  it.each([
    ['9 digits typed as text', '091234567'],
    ['too short', '12345'],
    ['not a Vietnamese prefix', '0112345678'],
    ['words', 'không có'],
  ])('%s is invalid', (_why, raw) => {
    expect(phone(raw)).toEqual({ value: null, codes: ['phone_invalid'] });
  });

  it.each([[null], ['']])('empty %j: nothing', (raw) => {
    expect(phone(raw)).toEqual({ value: null, codes: [] });
  });
});
