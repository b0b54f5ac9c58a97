import { describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/normalize/name.js';

const codes = (raw: Parameters<typeof normalizeName>[0]) => normalizeName(raw).findings.map((f) => f.code);

describe('normalizeName', () => {
  it.each([
    // raw, display, key, folded, family, middle, given
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An', 'nguyễn văn an', 'nguyen van an', 'nguyen', 'van', 'an'],
    ['trần thị hoà', 'Trần Thị Hòa', 'trần thị hòa', 'tran thi hoa', 'tran', 'thi', 'hoa'],
    ['\u00d0ẶNG VĂN \u00d0ỨC', 'Đặng Văn Đức', 'đặng văn đức', 'dang van duc', 'dang', 'van', 'duc'],
    ['Lê\u00a0Thị  Bé ', 'Lê Thị Bé', 'lê thị bé', 'le thi be', 'le', 'thi', 'be'],
    ['Nguye\u0302\u0303n Thi\u0323 Thu\u0309y', 'Nguyễn Thị Thủy', 'nguyễn thị thủy', 'nguyen thi thuy', 'nguyen', 'thi', 'thuy'],
    ['Nguy\u00adễn Văn Tư', 'Nguyễn Văn Tư', 'nguyễn văn tư', 'nguyen van tu', 'nguyen', 'van', 'tu'],
    ['Nguyễn Thị Minh Khai', 'Nguyễn Thị Minh Khai', 'nguyễn thị minh khai', 'nguyen thi minh khai', 'nguyen', 'thi minh', 'khai'],
    ['Hồ Sáu', 'Hồ Sáu', 'hồ sáu', 'ho sau', 'ho', '', 'sau'],
    ["KSOR H'BIA", "Ksor H'Bia", "ksor h'bia", "ksor h'bia", 'ksor', '', "h'bia"],
    ['ĐỖ THỊ KHOẺ', 'Đỗ Thị Khỏe', 'đỗ thị khỏe', 'do thi khoe', 'do', 'thi', 'khoe'],
  ])('%s', (raw, display, key, folded, family, middle, given) => {
    const { value, findings } = normalizeName(raw);
    expect(value).toEqual({ display, key, folded, family, middle, given });
    expect(findings).toEqual([]);
  });

  it('gives Hòa and Hoà (two tone styles) the same key', () => {
    expect(normalizeName('Trần Thị Hòa').value?.key).toBe(normalizeName('TRẦN THỊ HOÀ').value?.key);
    expect(normalizeName('Lê Thị Thủy').value?.key).toBe(normalizeName('Lê Thị Thuỷ').value?.key);
  });

  it('keeps Lý and Lí as written: different keys, different folded keys (the matcher decides if they are alike)', () => {
    const ly = normalizeName('LÝ VĂN HÙNG').value;
    const li = normalizeName('Lí Văn Hùng').value;
    expect(ly?.display).toBe('Lý Văn Hùng');
    expect(li?.display).toBe('Lí Văn Hùng');
    expect(ly?.key).not.toBe(li?.key);
    expect([ly?.family, li?.family]).toEqual(['ly', 'li']);
  });

  it.each([
    ['a birth year typed into the name', 'Nguyễn Văn An 1945', ['name_has_digits']],
    ['a note in brackets', 'Trần Văn Bảy (đã chết)', ['name_unusual_characters']],
    ['an abbreviation', 'Nguyễn T. Lan', ['name_unusual_characters']],
    ['a single word', 'Bé', ['name_one_word']],
  ])('flags %s and keeps the name', (_why, raw, expected) => {
    expect(normalizeName(raw).value).not.toBeNull();
    expect(codes(raw)).toEqual(expected);
  });

  it.each([
    ['a number', 123, ['name_no_letters']],
    ['only punctuation', '---', ['name_no_letters']],
    ['a date', new Date(Date.UTC(1945, 4, 12)), ['name_not_text']],
  ])('rejects %s', (_why, raw, expected) => {
    expect(normalizeName(raw).value).toBeNull();
    expect(codes(raw)).toEqual(expected);
  });

  it.each([null, '', ' \u00a0 '])('an empty cell %j is no name and no finding (person.ts reports it)', (raw) => {
    expect(normalizeName(raw)).toEqual({ value: null, findings: [] });
  });
});
