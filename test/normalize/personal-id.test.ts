import { describe, expect, it } from 'vitest';
import { checkIdAgainstPerson, idCentury, normalizeOldId, normalizePersonalId } from '../../src/normalize/personal-id.js';
import type { CellValue } from '../../src/types.js';

const cell = (value: CellValue) => ({ value });
const codes = (fs: readonly { code: string }[]) => fs.map((f) => f.code);

describe('normalizePersonalId', () => {
  it.each([
    // why, cell value, value, kind, finding codes
    ['12 digits as text (038 Thanh Hóa)', '038190001234', '038190001234', 'cccd', []],
    ['a number cell that lost its leading zero', 38190001234, '038190001234', 'cccd', ['id_leading_zero_restored']],
    ['Hà Nội (001) as a number: two zeros lost', 1190001234, '001190001234', 'cccd', ['id_leading_zero_restored']],
    ['11 digits as text (CSV saved from a number column)', '38190001234', '038190001234', 'cccd', ['id_leading_zero_restored']],
    ['apostrophe and spaces', "'038 190 001 234", '038190001234', 'cccd', []],
    ['dots', '038.190.001.234', '038190001234', 'cccd', []],
    ['dashes and NBSP', '038-190\u00a0001-234', '038190001234', 'cccd', []],
    ['born abroad (175 Hoa Kỳ), exact as a 12-digit number', 175301001234, '175301001234', 'cccd', []],
    ['scientific text', '3.80412E+10', null, 'unrecoverable', ['id_scientific_notation']],
    ['scientific text, comma decimal', '3,80412E+10', null, 'unrecoverable', ['id_scientific_notation']],
    ['a number with 16 digits', 3804121234567800, null, 'unrecoverable', ['id_precision_lost']],
    ['old 9-digit CMND', '186123456', null, 'cmnd', ['id_is_cmnd']],
    ['CMND stored as a number, 0 lost (01… Hà Nội)', 12345678, null, 'cmnd', ['id_leading_zero_restored', 'id_is_cmnd']],
    ['place code 003 does not exist', '003190001234', null, 'invalid', ['id_bad_province']],
    ['place code 097 does not exist', '097190001234', null, 'invalid', ['id_bad_province']],
    ['296 is past the abroad codes', '296190001234', null, 'invalid', ['id_bad_province']],
    ['a digit missing (11 digits, 0 already there)', '03819000123', null, 'invalid', ['id_wrong_length']],
    ['10 digits as text', '0381900012', null, 'invalid', ['id_wrong_length']],
    ['13 digits', '0381900012345', null, 'invalid', ['id_wrong_length']],
    ['a letter', '03819000123A', null, 'invalid', ['id_not_digits']],
    ['a date', new Date(Date.UTC(1990, 0, 1)), null, 'invalid', ['id_not_digits']],
    ['a fraction', 38190001234.5, null, 'invalid', ['id_not_digits']],
    ['empty text', '  ', null, 'missing', []],
    ['empty cell', null, null, 'missing', []],
  ])('%s', (_why, raw, value, kind, expected) => {
    const r = normalizePersonalId(cell(raw));
    expect(r.value).toBe(value);
    expect(r.kind).toBe(kind);
    expect(codes(r.findings)).toEqual(expected);
  });

  it('reports the 9 digits of a CMND found in the ID column, for oldId', () => {
    expect(normalizePersonalId(cell('186 123 456')).cmnd).toBe('186123456');
    expect(normalizePersonalId(cell(12345678)).cmnd).toBe('012345678');
    expect(normalizePersonalId(cell('038190001234')).cmnd).toBeNull();
  });

  it('restores the zero with severity info: the ID is fine', () => {
    expect(normalizePersonalId(cell(38190001234)).findings[0]?.severity).toBe('info');
  });

  it('a null cell is missing', () => {
    expect(normalizePersonalId(null).kind).toBe('missing');
  });
});

describe('idCentury', () => {
  it.each([
    ['038090001234', 1900], // G=0 man born 19xx
    ['038190001234', 1900], // G=1 woman born 19xx
    ['038205001234', 2000], // G=2 boy born 20xx
    ['038310001234', 2000], // G=3 girl born 20xx
    ['038401001234', 2100],
    ['03819000123', null],
    ['abc', null],
  ])('%s → %s', (id, century) => {
    expect(idCentury(id)).toBe(century);
  });
});

describe('checkIdAgainstPerson', () => {
  it.each([
    ['woman born 1990 (G=1, YY=90)', '038190001234', 'F', 1990, []],
    ['man born 1945 (G=0, YY=45)', '042045001234', 'M', 1945, []],
    ['girl born 2010 (G=3, YY=10)', '038310001234', 'F', 2010, []],
    ['nothing to compare', '038190001234', null, null, []],
    ['the row says male', '038190001234', 'M', 1990, ['id_sex_mismatch']],
    ['lunar year off by one', '038190001234', 'F', 1991, ['id_year_mismatch']],
    ['right YY, wrong century (G=3 but born 1910)', '038310001234', 'F', 1910, ['id_year_mismatch']],
    ["a relative's ID: both wrong", '042045001234', 'F', 1972, ['id_sex_mismatch', 'id_year_mismatch']],
    ['not a 12-digit ID: no check', '186123456', 'M', 1950, []],
  ] as const)('%s', (_why, id, sex, year, expected) => {
    const fs = checkIdAgainstPerson(id, sex, year);
    expect(codes(fs)).toEqual(expected);
    for (const f of fs) expect(f.severity).toBe('warning');
  });
});

describe('normalizeOldId', () => {
  it.each([
    ['9 digits', '186123456', '186123456', []],
    ['with spaces and apostrophe', "'186 123 456", '186123456', []],
    ['number, Hà Nội 0 lost', 12345678, '012345678', ['id_leading_zero_restored']],
    ['a 12-digit ID written in the CMND column', '038190001234', '038190001234', []],
    ['a 12-digit ID as a number', 38190001234, '038190001234', ['id_leading_zero_restored']],
    ['too short', '12345', null, ['old_id_invalid']],
    ['12 digits with no such place code', '003190001234', null, ['old_id_invalid']],
    ['scientific text', '1.86123E+08', null, ['old_id_invalid']],
    ['empty', '', null, []],
    ['no cell', null, null, []],
  ])('%s', (_why, raw, value, expected) => {
    const r = normalizeOldId(cell(raw));
    expect(r.value).toBe(value);
    expect(codes(r.findings)).toEqual(expected);
  });
});
