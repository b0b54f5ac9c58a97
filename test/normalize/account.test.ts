import { describe, expect, it } from 'vitest';
import { normalizeAccount } from '../../src/normalize/account.js';
import type { CellValue } from '../../src/types.js';

const account = (value: CellValue) => {
  const r = normalizeAccount({ value });
  return { value: r.value, codes: r.findings.map((f) => f.code) };
};

describe('normalizeAccount', () => {
  it.each([
    ['13-digit Agribank number as text', '3700205123456', '3700205123456'],
    ['leading zero kept (text)', '0071000123456', '0071000123456'],
    ['leading apostrophe', "'0071000123456", '0071000123456'],
    ['spaces', '3700 205 123456', '3700205123456'],
    ['dashes', '3700-205-123456', '3700205123456'],
    ['dots', '19.035.123.456.789', '19035123456789'],
    ['NBSP', '1903\u00a05123\u00a04567', '190351234567'],
    ['a wallet (phone number)', '0912345678', '0912345678'],
    ['19 digits, the longest', '1234567890123456789', '1234567890123456789'],
    ['6 digits, the shortest', '123456', '123456'],
  ])('%s', (_why, raw, expected) => {
    expect(account(raw)).toEqual({ value: expected, codes: [] });
  });

  it('a number cell is kept, with a warning that leading zeros may be gone', () => {
    const r = normalizeAccount({ value: 3700205123456 });
    expect(r.value).toBe('3700205123456');
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([['account_from_number', 'warning']]);
  });

  it.each([
    ['a 16-digit number: digits past the 15th became zeros', 1903512345678900, 'account_mangled'],
    ['scientific text', '1.90351E+15', 'account_mangled'],
    ['scientific text, comma', '1,90351E+13', 'account_mangled'],
    ['too short', '12345', 'account_invalid'],
    ['20 digits', '12345678901234567890', 'account_invalid'],
    ['letters', 'AGR123456789', 'account_invalid'],
    ['a note instead', 'chưa có', 'account_invalid'],
  ])('%s', (_why, raw, code) => {
    const r = account(raw);
    expect(r).toEqual({ value: null, codes: [code] });
  });

  it('mangled accounts are errors', () => {
    expect(normalizeAccount({ value: '1.90351E+15' }).findings[0]?.severity).toBe('error');
  });

  it.each([[null], [''], ["'"]])('empty %j: nothing', (raw) => {
    expect(account(raw)).toEqual({ value: null, codes: [] });
  });
});
