// The export reader works on the file's bytes and takes shortcuts (digits read as numbers, cells recognised by
// their bytes, names' hash prefixes worked out once). Each shortcut must give exactly what the normalisers give
// the lists, or a person would be found from one side and missed from the other: checked here against the slow
// path itself, on messy made-up registries.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../src/normalize/birth-date.js';
import { normalizeName } from '../../src/normalize/name.js';
import { idCentury, normalizeOldId, normalizePersonalId } from '../../src/normalize/personal-id.js';
import { normalizeSex } from '../../src/normalize/sex.js';
import { cleanText } from '../../src/normalize/text.js';
import { sha256File } from '../../src/read/file-hash.js';
import { ByteCache } from '../../src/registry/byte-cache.js';
import { isCleanUtf8 } from '../../src/registry/clean-utf8.js';
import { CsvByteScanner } from '../../src/registry/csv-byte-scanner.js';
import { CsvLineScanner } from '../../src/registry/csv-line-scanner.js';
import { RowIndex } from '../../src/registry/id-index.js';
import { nameYearKeyFrom, nameYearPrefix } from '../../src/registry/name-year-key.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import { nameYearKey } from '../../src/registry/registry.js';
import { parseRegistryStatus } from '../../src/registry/registry-status.js';
import { TextDictionary } from '../../src/registry/text-dictionary.js';

const bytesOf = (text: string): Buffer => Buffer.from(text, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'asxh-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isCleanUtf8: the bytes of text cleanText leaves alone', () => {
  it.each([
    ['NGUYỄN VĂN HÙNG', true],
    ['Xóm 3, xã Yên Phú, tỉnh Nghệ An', true],
    ['', true],
    ['Nguye\u0302\u0303n Va\u0306n A', false], // NFD: cleanText composes it
    ['Trần  Thị Lan', false], // double space
    [' Trần Thị Lan', false],
    ['Trần\u00a0Thị', false], // NBSP
    ['ÐỖ VĂN NAM', false], // eth, cleanText makes it Đ
    ['Lê\u200bThị', false], // zero-width space
    ['Thôn 1\tXã 2', false],
  ])('%j → %s', (text, clean) => {
    expect(isCleanUtf8(bytesOf(text), 0, bytesOf(text).length)).toBe(clean);
    if (clean) expect(cleanText(text)).toBe(text);
  });

  it('never calls text clean that cleanText would change, for any single character', () => {
    for (let c = 0x20; c <= 0x2fff; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `a${String.fromCharCode(c)}b`;
      const b = bytesOf(s);
      if (isCleanUtf8(b, 0, b.length)) expect(cleanText(s), `U+${c.toString(16)}`).toBe(s);
    }
  });

  it('calls every Vietnamese letter clean, upper and lower case', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    for (const l of [...letters, ...letters.toUpperCase()]) expect(isCleanUtf8(bytesOf(l), 0, bytesOf(l).length), l).toBe(true);
  });

  it('never calls invalid UTF-8 clean', () => {
    for (const bad of [[0xc3], [0xe1, 0xbb], [0xc3, 0x41], [0xe1, 0x80, 0x80], [0xff], [0xc0, 0xaf]]) {
      expect(isCleanUtf8(Uint8Array.from(bad), 0, bad.length)).toBe(false);
    }
  });

  it('agrees with cleanText on random mixes of letters, marks, spaces and invisibles', () => {
    const alphabet = [...'aăâeêioôơuưyđĐÐðAĂÂ hòaHÒA ữỮ1,./-"'].concat(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u00a0', '\u00ad', '\u200b', '\t', '\n']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const s = chars.join('');
        const b = bytesOf(s);
        if (isCleanUtf8(b, 0, b.length)) expect(cleanText(s)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('nameYearKeyFrom: the name-and-year count key with the name part worked out once', () => {
  it('equals nameYearKey for any name and year', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 20000 }), (folded, year) => {
        expect(nameYearKeyFrom(nameYearPrefix(folded), year)).toBe(nameYearKey(folded, year));
      }),
      { numRuns: 3000 },
    );
    expect(nameYearKeyFrom(nameYearPrefix('nguyen van hung'), 1950)).toBe(nameYearKey('nguyen van hung', 1950));
  });
});

describe('ByteCache and TextDictionary', () => {
  it('recognises the same bytes, and only them', () => {
    const cache = new ByteCache<string>(10);
    const hung = bytesOf('x,Nguyễn Văn Hùng,y');
    cache.add(hung, 2, hung.length - 2, 'Hùng');
    expect(cache.value(cache.find(bytesOf('Nguyễn Văn Hùng'), 0, bytesOf('Nguyễn Văn Hùng').length))).toBe('Hùng');
    expect(cache.find(bytesOf('Nguyễn Văn Hưng'), 0, bytesOf('Nguyễn Văn Hưng').length)).toBe(-1);
  });

  it('stores each distinct address once, cleaned, and gives repeated ones the same code', () => {
    const dict = new TextDictionary();
    const code = (text: string): number => dict.code(bytesOf(text), 0, bytesOf(text).length);
    const a = code('Xóm Mới, xã An Hòa');
    expect(code('Xóm Mới, xã An Hòa')).toBe(a);
    expect(code('Xóm  Mới,\u00a0xã An Hòa')).toBe(a); // cleans to the same text
    expect(code('Xo\u0301m Mơ\u0301i, xã An Hòa')).toBe(a); // NFD
    expect(code('Xóm Mới, xã An Phú')).not.toBe(a);
    expect(code('')).toBe(0);
    expect(dict.store.get(a)).toBe('Xóm Mới, xã An Hòa');
    expect(dict.store.length).toBe(3); // '', and the two villages
  });
});

describe('RowIndex: rows by ID or CMND', () => {
  it('gives every row holding a number, in registry order, and tells CMNDs apart by their leading zeros', () => {
    const values = Float64Array.from([12345678, Number.NaN, 40050012345, 12345678, 12345678]);
    const lengths = Uint8Array.from([9, 0, 12, 8, 9]);
    const cmnd = new RowIndex(values, lengths, 5);
    expect(cmnd.rows(12345678, 9)).toEqual([0, 4]); // 012345678
    expect(cmnd.rows(12345678, 8)).toEqual([3]); // 12345678 (a number cell that lost its zero)
    expect(cmnd.rows(40050012345, 12)).toEqual([2]);
    expect(cmnd.rows(99, 9)).toEqual([]);
    const ids = new RowIndex(values, null, 5);
    expect(ids.rows(12345678)).toEqual([0, 3, 4]);
    expect(ids.repeats).toBe(2);
  });
});

describe('CsvByteScanner reads records exactly as CsvLineScanner does', () => {
  const field = fc.oneof(
    fc.stringMatching(/^[a-zA-Zàáạảãđư0-9 ]{0,6}$/),
    fc.stringMatching(/^[a-zàđ,;"\n ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    fc.constantFrom('"Xóm 1, xã A"', '"a"b', 'a"b', '""', '"', '"x\r\ny"'),
  );
  const line = fc.array(field, { minLength: 1, maxLength: 5 }).map((fs) => fs.join(','));
  const text = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, last]) => ls.join(eol) + (last ? eol : ''));

  it('for any text cut into any chunks', () => {
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 10 }), (csv, cuts) => {
        const expected: [string[], number][] = [];
        const lines = new CsvLineScanner(',', (fields, record) => expected.push([fields, record]));
        lines.push(csv);
        lines.end();

        const got: [string[], number][] = [];
        const scanner = new CsvByteScanner(',', (bytes, starts, ends, count, record) => {
          const fields: string[] = [];
          for (let k = 0; k < count; k += 1) fields.push(Buffer.from(bytes.subarray(starts[k], ends[k])).toString('utf8'));
          got.push([fields, record]);
        });
        const all = bytesOf(csv);
        let at = 0;
        for (const cut of cuts) {
          scanner.push(all.subarray(at, Math.min(all.length, at + cut)));
          at = Math.min(all.length, at + cut);
        }
        scanner.push(all.subarray(at));
        scanner.end();
        expect(got).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

// Cells as registry exports write them, and as they go wrong: lost zeros, spaces, CMNDs in the ID column, NFD
// names, lower case, junk dates, odd sex and status words, quoted addresses with commas, quotes and line breaks.
const ID = fc.oneof(
  fc.constantFrom('040', '001', '079', '999').chain((p) => fc.stringMatching(/^[0-3]\d{8}$/).map((rest) => p + rest)),
  fc.stringMatching(/^\d{9}$/),
  fc.stringMatching(/^40\d{9}$/), // 11 digits: lost its leading zero
  fc.constantFrom('', ' ', '040 050 012 347', '4.00500E+10', 'chưa có', '040050012345 '),
);
const CMND = fc.oneof(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^0\d{11}$/), fc.constantFrom('', '18234567', '182-345-678', ' '));
const NAME = fc.oneof(
  fc.constantFrom('NGUYỄN VĂN HÙNG', 'Nguyễn Văn Hùng', 'nguyễn văn hùng', 'Lê Thị Hoa', 'TRẦN THỊ BÌNH', 'Phan Văn Một'),
  fc.constantFrom('Nguye\u0302\u0303n Va\u0306n Hu\u0300ng', '  Đỗ  Văn Nam ', 'ÐỖ VĂN NAM', 'Hồ Thị Thủy', 'Hồ Thị Thuỷ', 'Lê', '', '123', 'Nguyễn "Tí" Văn'),
);
const DATE = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1900, max: 2030 })).map(
    ([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`,
  ),
  fc.integer({ min: 1900, max: 2030 }).map(String),
  fc.constantFrom('', '05/03/25', '1950-07-01', '31/02/1950', '00/00/1950', 'không rõ', '5/3/1950', '１９５０'),
);
const SEX = fc.constantFrom('Nam', 'Nữ', 'nam', 'NỮ', 'Nu', '1', '0', 'M', 'F', '', 'Khác', ' Nam ');
const STATUS = fc.constantFrom('Còn sống', 'Đã mất', 'Đã chết', 'còn  sống', 'Co\u0300n so\u0302\u0301ng', '', 'Chuyển đi', 'Đã khai tử');
const ADDRESS = fc.constantFrom('Xóm Mới, xã An Hòa, tỉnh Nghệ An', 'Thôn 3', '', 'Xóm  1,\u00a0xã Tân Lộc', 'Số 5; ngõ "Hòa Bình"', 'Thôn Đông\nxã An Phú');
const ROW = fc.tuple(ID, CMND, NAME, DATE, SEX, ADDRESS, STATUS, fc.oneof(fc.constant(''), DATE));

const quoteCell = (cell: string): string => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** What the reader must give for one row, from the normalisers alone, as the lists are read. */
function expected(cells: readonly string[], record: number): Record<string, unknown> | null {
  const [idText = '', cmndText = '', nameText = '', birthText = '', sexText = '', addressText = '', statusText = '', deathText = ''] = cells;
  const idResult = idText.trim() === '' ? null : normalizePersonalId({ value: idText });
  const id = idResult?.value ?? null;
  let cmnd = cmndText === '' ? null : normalizeOldId({ value: cmndText }).value;
  if (cmnd === null && idResult?.kind === 'cmnd') cmnd = idResult.cmnd;
  const name = normalizeName(cleanText(nameText)).value;
  if (id === null && name === null) return null;
  const birth = birthText === '' ? null : parseBirthDate({ value: birthText }, { order: 'dmy', date1904: false, century: id === null ? null : idCentury(id), runYear: 2026 }).value;
  const death = deathText === '' ? null : parseBirthDate({ value: deathText }, { order: 'dmy', date1904: false, century: null, runYear: 2026 }).value;
  const status = cleanText(statusText);
  let alive = status === '' ? null : parseRegistryStatus(status);
  if (death !== null) alive = false;
  const sex = normalizeSex({ value: sexText }).value ?? (id === null ? null : Number(id[3]) % 2 === 0 ? 'M' : 'F');
  const address = cleanText(addressText);
  return { row: record, id, cmnd, name, birth, sex, address: address === '' ? null : address, alive, deathDate: death };
}

describe('readRegistryCsv: the byte path gives what the normalisers give', () => {
  it('on messy registries, whatever their line ends and however often their names and addresses repeat', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ROW, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), async (rows, eol) => {
        const header = 'so_dinh_danh,so_cmnd,ho_ten,ngay_sinh,gioi_tinh,dia_chi_thuong_tru,trang_thai,ngay_mat';
        const csv = [header, ...rows.map((r) => r.map(quoteCell).join(','))].join(eol) + eol;
        const reg = await readRegistryCsv(bytesOf(csv), { runYear: 2026 });
        const want = rows.map((r, i) => expected(r, i + 2)).filter((p) => p !== null);
        expect(reg.size).toBe(want.length);
        for (let i = 0; i < want.length; i += 1) expect(reg.get(i)).toMatchObject(want[i] as object);
        // The same export saved as UTF-16 goes through the text scanner: the same registry.
        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
        const again = await readRegistryCsv(utf16, { runYear: 2026 });
        for (let i = 0; i < want.length; i += 1) expect(again.get(i)).toEqual(reg.get(i));
        expect(again.warnings).toEqual(reg.warnings);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('hashes the export as it reads it: the manifest gets its SHA-256 without a second read', async () => {
    const csv = '\ufeffso_dinh_danh,ho_ten\r\n040050012345,Phan Văn Một\r\n040150012346,Phan Thị Hai\r\n';
    const path = join(dir, 'dan-cu.csv');
    writeFileSync(path, csv);
    const reg = await readRegistryCsv(path, { runYear: 2026 });
    const { sha256, bytes } = await sha256File(path);
    expect(reg.fileHash).toEqual({ sha256, bytes });
    expect(reg.fileHash?.bytes).toBe(Buffer.byteLength(csv));
    expect(reg.fileHash?.sha256).toBe(createHash('sha256').update(Buffer.from(csv)).digest('hex'));
  });
});
