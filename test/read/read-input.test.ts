// The read stage from a path: files as they sit on an officer's disk, named whatever they were named.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { readInput } from '../../src/read/read-input.js';

const dir = mkdtempSync(join(tmpdir(), 'asxh-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function refusal(path: string, name: string): Promise<AsxhError> {
  const error = await readInput(path, name, {}).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AsxhError);
  return error as AsxhError;
}

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['STT', 'Họ và tên', 'Số tiền']);
  ws.addRow([1, 'Nguyễn Văn An', 1500000]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('read', () => {
  test('a CSV: one sheet, its hash and size', async () => {
    const read = await readInput(file('abc.csv', 'abc'), 'abc.csv', {});
    expect(read.format).toBe('csv');
    expect(read.bytes).toBe(3);
    // The published SHA-256 test vector for "abc".
    expect(read.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(read.sheets).toHaveLength(1);
    expect(read.sheets[0]!.rows[0]!.cells[0]!.value).toBe('abc');
  });

  test('a workbook saved with a .xls name is still read as the xlsx it is', async () => {
    const read = await readInput(file('ds-doi-ten.xls', await workbookBytes()), 'ds-doi-ten.xls', {});
    expect(read.format).toBe('xlsx');
    expect(read.sheets[0]!.rows[1]!.cells.map((c) => c.value)).toEqual([1, 'Nguyễn Văn An', 1500000]);
  });

  test('the encoding option reaches the CSV reader', async () => {
    const path = file('cu.csv', Buffer.from('Hä tªn\r\nNguyÔn V¨n An\r\n', 'latin1'));
    const read = await readInput(path, 'cu.csv', { encoding: 'tcvn3' });
    expect(read.sheets[0]!.rows[1]!.cells[0]!.value).toBe('Nguyễn Văn An');
  });
});

describe('refused', () => {
  test('a missing file', async () => {
    const error = await refusal(join(dir, 'khong-co.xlsx'), 'khong-co.xlsx');
    expect(error.code).toBe('input_missing');
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('"khong-co.xlsx"');
    expect(error.hint).toContain('path');
  });

  test('a folder', async () => {
    const error = await refusal(dir, 'lists');
    expect(error.code).toBe('input_unsupported');
    expect(error.message).toContain('"lists"');
  });

  test('an .xls workbook that is only a compound-file header is damaged', async () => {
    const path = file('ds 2019.xls', Buffer.concat([CFB, Buffer.alloc(504), Buffer.from('Workbook', 'utf16le')]));
    const error = await refusal(path, 'ds 2019.xls');
    expect(error.code).toBe('input_corrupt');
    expect(error.message).toContain('"ds 2019.xls"');
    expect(error.hint).toContain('ask for the file again');
  });

  test('a password-protected workbook', async () => {
    const bytes = Buffer.concat([CFB, Buffer.alloc(504), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]);
    const error = await refusal(file('mat-khau.xlsx', bytes), 'mat-khau.xlsx');
    expect(error.code).toBe('input_encrypted');
    expect(error.message).toContain('"mat-khau.xlsx"');
    expect(error.hint).toMatch(/remove the password/);
  });

  test('an OpenDocument spreadsheet cut short', async () => {
    const ods = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
    const error = await refusal(file('ds.ods', ods), 'ds.ods');
    expect(error.code).toBe('input_corrupt');
    expect(error.message).toContain('OpenDocument spreadsheet (.ods) is damaged');
  });

  test('an empty file', async () => {
    const error = await refusal(file('rong.csv', ''), 'rong.csv');
    expect(error.code).toBe('input_empty');
    expect(error.message).toContain('"rong.csv"');
  });

  test('binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256));
    const error = await refusal(file('rac.csv', garbage), 'rac.csv');
    expect(error.code).toBe('input_binary');
    expect(error.message).toContain('"rac.csv"');
  });

  test('a truncated xlsx', async () => {
    const full = await workbookBytes();
    const error = await refusal(file('do-dang.xlsx', full.slice(0, 200)), 'do-dang.xlsx');
    expect(error.code).toBe('input_corrupt');
    expect(error.message).toContain('"do-dang.xlsx"');
    expect(error.hint).toBeTruthy();
  });
});
