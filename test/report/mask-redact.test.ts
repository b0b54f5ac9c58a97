import { describe, expect, it } from 'vitest';
import { maskAccount, maskId, maskName } from '../../src/report/mask.js';
import { redactOutputs } from '../../src/report/redact.js';
import type { OutputFile } from '../../src/write/output-spec.js';

describe('masking personal data for the terminal', () => {
  it.each([
    ['038190001234', '038*******34'],
    ['123456789', '123****89'],
    ['1234', '****'],
    ['', ''],
  ])('maskId(%s) = %s', (id, masked) => expect(maskId(id)).toBe(masked));

  it('keeps the last three digits of an account', () => {
    expect(maskAccount('0123456789012')).toBe('**********012');
    expect(maskAccount(null)).toBe('');
  });

  it('keeps initials and the given name', () => {
    expect(maskName('Nguyễn Văn Hùng')).toBe('N. V. Hùng');
    expect(maskName('Đặng Thị Thủy')).toBe('Đ. T. Thủy');
    expect(maskName('Hùng')).toBe('H.');
  });
});

describe('--redact', () => {
  const csv: OutputFile = {
    path: 'match-report.csv',
    kind: 'csv',
    columns: [
      { key: 'source_row' },
      { key: 'registry_id' },
      { key: 'personal_id_raw' },
      { key: 'account' },
      { key: 'rep_account' },
      { key: 'id_kind' },
      { key: 'line_id' },
      { key: 'name' },
    ].map((c) => ({ ...c, header: c.key })),
    rows: [[12, '038190001234', "'038 190 001 234", '0123456789012', '9704050001', 'cccd', 'L2612ABCDEFGHIJ', 'Lê Văn Tám']],
  };

  it('masks IDs and accounts by column key, and nothing else', () => {
    const [out] = redactOutputs([csv]);
    if (out!.kind !== 'csv') throw new Error('csv');
    expect(out!.rows[0]).toEqual([12, '038*******34', "'03***********34", '**********012', '*******001', 'cccd', 'L2612ABCDEFGHIJ', 'Lê Văn Tám']);
  });

  it('masks the same columns in every sheet of a workbook and leaves text files alone', () => {
    const xlsx: OutputFile = { path: 'a.xlsx', kind: 'xlsx', sheets: [{ name: 'A', columns: csv.kind === 'csv' ? csv.columns : [], rows: csv.kind === 'csv' ? csv.rows : [] }] };
    const text: OutputFile = { path: 'manifest.json', kind: 'text', content: '038190001234' };
    const [x, t] = redactOutputs([xlsx, text]);
    if (x!.kind !== 'xlsx' || t!.kind !== 'text') throw new Error('kinds');
    expect(x!.sheets[0]!.rows[0]![1]).toBe('038*******34');
    expect(t!.content).toBe('038190001234');
  });
});
