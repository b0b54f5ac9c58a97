import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const dir = mkdtempSync(join(tmpdir(), 'asxh-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegistryCsv: a Vietnamese-locale export (BOM, semicolons, Vietnamese headers)', () => {
  const csv =
    '\ufeffSố định danh cá nhân;Số CMND;Họ và tên;Ngày sinh;Giới tính;Địa chỉ thường trú;Tình trạng;Ngày mất\r\n' +
    '001050012345;012345678;NGUYỄN VĂN AN;05/03/1950;Nam;"Số 5; ngõ 2, Thôn Đông";Còn sống;\r\n' +
    '\r\n' +
    '001145054321;;TRẦN THỊ BÌNH;1945;Nữ;"Thôn ""Mới""\nxã An Phú";Đã mất;12/12/2025\r\n' +
    '001150099999;;LÊ THỊ CÚC;1950-07-01;;Thôn Tây;;';

  it('reads every person with the fields a matcher needs', async () => {
    const reg = await readRegistryCsv(utf8(csv), { file: 'dan-cu.csv', runYear: 2026 });
    expect(reg.size).toBe(3);
    expect(reg.get(0)).toMatchObject({
      row: 2,
      id: '001050012345',
      cmnd: '012345678', // leading zero kept
      birth: { year: 1950, month: 3, day: 5 },
      sex: 'M',
      address: 'Số 5; ngõ 2, Thôn Đông', // a quoted delimiter stays in the field
      addressKey: 'so 5 ngo 2 thon dong',
      alive: true,
      deathDate: null,
    });
    expect(reg.get(0).name).toMatchObject({ display: 'Nguyễn Văn An', folded: 'nguyen van an', family: 'nguyen', given: 'an' });
  });

  it('keeps quotes and line breaks inside a quoted field, and counts records past the blank line', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    const binh = reg.get(1);
    expect(binh.row).toBe(3);
    expect(binh.address).toBe('Thôn "Mới" xã An Phú');
    expect(binh.birth).toEqual({ year: 1945, month: null, day: null });
    expect(binh.alive).toBe(false);
    expect(binh.deathDate).toEqual({ year: 2025, month: 12, day: 12 });
  });

  it('takes the sex from the ID digit G when the export leaves it empty, and reads ISO dates', async () => {
    const cuc = (await readRegistryCsv(utf8(csv), { runYear: 2026 })).get(2);
    expect(cuc.sex).toBe('F'); // G = 1: female, born in the 1900s
    expect(cuc.birth).toEqual({ year: 1950, month: 7, day: 1 });
    expect(cuc.alive).toBeNull();
  });

  it('finds people by ID and by old CMND, and nobody by an ID it does not hold', async () => {
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.findById('001145054321')).toEqual([1]);
    expect(reg.findByCmnd('012345678')).toEqual([0]);
    expect(reg.findById('001145054322')).toEqual([]);
    expect(reg.findById('1145054321')).toEqual([]);
  });
});

describe('readRegistryCsv: status values', () => {
  it.each([
    ['Còn sống', true],
    ['CON SONG', true],
    ['alive', true],
    ['Đã mất', false],
    ['Đã chết', false],
    ['dead', false],
    ['Đã khai tử', false],
    ['1', null], // exports disagree on which digit means dead: not guessed
    ['0', null],
    ['', null],
  ])('%s → %s', async (status, alive) => {
    const csv = `so_dinh_danh,ho_ten,trang_thai\n001050012345,Nguyễn Văn An,${status}\n`;
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.get(0).alive).toBe(alive);
  });

  it('a death date alone marks the person dead, and unknown status values are reported', async () => {
    const csv = 'so_dinh_danh,ho_ten,tinh_trang,ngay_chet\n001050012345,Nguyễn Văn An,1,03/04/2026\n';
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.get(0).alive).toBe(false);
    expect(reg.get(0).deathDate).toEqual({ year: 2026, month: 4, day: 3 });
    expect(reg.warnings.join(' ')).toContain('"1"');
  });
});

describe('readRegistryCsv: other shapes', () => {
  it('reads a UTF-16LE tab-separated export (Excel "Unicode text")', async () => {
    const text = '\ufeffCCCD\tHọ tên\tNăm sinh\tGiới tính\n036139421111\tHoàng Thị Xuyến\t1939\tNữ\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const reg = await readRegistryCsv(bytes, { runYear: 2026 });
    expect(reg.get(0)).toMatchObject({ id: '036139421111', birth: { year: 1939, month: null, day: null }, sex: 'F' });
    expect(reg.get(0).name?.display).toBe('Hoàng Thị Xuyến');
  });

  it('reads a file by path and names it in errors', async () => {
    const path = join(dir, 'dan-cu.csv');
    writeFileSync(path, 'so_dinh_danh,ho_ten\n001050012345,Nguyễn Văn An');
    const reg = await readRegistryCsv(path, { runYear: 2026 });
    expect(reg.file).toBe('dan-cu.csv');
    expect(reg.size).toBe(1); // the last record has no line break
  });

  it('skips rows with neither ID nor name, and keeps name-only rows (findable by fuzzy matching)', async () => {
    const csv = 'so_dinh_danh,ho_ten,ngay_sinh\n,,1950\n,Nguyễn Văn An,1950\n12345,,1950\n';
    const reg = await readRegistryCsv(utf8(csv), { runYear: 2026 });
    expect(reg.size).toBe(1);
    expect(reg.get(0).id).toBeNull();
    expect(reg.get(0).row).toBe(3);
    expect(reg.skipped).toBe(2);
  });

  it('a missing name column is a registry_invalid error naming the file and the columns seen', async () => {
    const csv = 'so_dinh_danh,ngay_sinh,gioi_tinh\n001050012345,1950,Nam\n';
    const err = await readRegistryCsv(utf8(csv), { file: 'dan-cu.csv' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AsxhError);
    expect(err).toMatchObject({ code: 'registry_invalid' });
    const message = (err as AsxhError).message;
    expect(message).toContain('"dan-cu.csv"');
    expect(message).toContain('full name');
    expect(message).toContain('so_dinh_danh, ngay_sinh, gioi_tinh');
    expect((err as AsxhError).hint).toContain('ho_ten');
  });

  it('a missing ID column is a registry_invalid error too', async () => {
    const err = await readRegistryCsv(utf8('ho_ten;ngay_sinh\nNguyễn Văn An;1950\n')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'registry_invalid' });
    expect((err as Error).message).toContain('personal ID');
  });

  it('a missing file is input_missing; an empty one is registry_invalid', async () => {
    await expect(readRegistryCsv(join(dir, 'khong-co.csv'))).rejects.toMatchObject({ code: 'input_missing' });
    await expect(readRegistryCsv(utf8(''))).rejects.toMatchObject({ code: 'registry_invalid' });
  });

  it('a Windows-1258 export is refused with a hint instead of giving garbled names', async () => {
    // "Họ tên" in a Windows code page: bytes that are not UTF-8.
    const bytes = new Uint8Array([0x48, 0xf5, 0x20, 0x74, 0xea, 0x6e, 0x2c, 0x43, 0x43, 0x43, 0x44, 0x0a]);
    await expect(readRegistryCsv(bytes)).rejects.toMatchObject({ code: 'registry_invalid', hint: expect.stringContaining('UTF-8') });
  });
});
