import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBadInputs } from '../../fixtures/generator/bad-inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'asxh-fixgen-bad-'));
beforeAll(async () => {
  await writeBadInputs(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string): Buffer => readFileSync(join(dir, name));
/** exceljs's types predate generic Buffers: hand it the bytes as an ArrayBuffer. */
const bytes = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Directory entry names of a version-3 compound file (directory in the sector the header names). */
function cfbNames(b: Buffer): string[] {
  const dirSector = b.readUInt32LE(48);
  const at = 512 + dirSector * 512;
  const names: string[] = [];
  for (let i = 0; i < 4; i++) {
    const len = b.readUInt16LE(at + i * 128 + 64);
    if (len > 2) names.push(b.toString('utf16le', at + i * 128, at + i * 128 + len - 2));
  }
  return names;
}

describe('bad inputs', () => {
  it('protected.xls and damaged.xls are OLE compound files with a Workbook stream', () => {
    for (const name of ['protected.xls', 'damaged.xls']) {
      const b = file(name);
      expect([...b.subarray(0, 8)]).toEqual(OLE);
      expect(cfbNames(b)).toEqual(['Root Entry', 'Workbook']);
    }
    // BOF, then FILEPASS: the workbook is encrypted.
    const stream = file('protected.xls').subarray(512 * 3);
    expect(stream.readUInt16LE(0)).toBe(0x0809);
    expect(stream.readUInt16LE(20)).toBe(0x002f);
  });

  it('protected.xlsx is a compound file holding EncryptionInfo and EncryptedPackage, not a zip', () => {
    const b = file('protected.xlsx');
    expect([...b.subarray(0, 8)]).toEqual(OLE);
    expect(cfbNames(b)).toEqual(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
  });

  it('protected.ods is a zip whose first entry is the OpenDocument mimetype, its manifest saying encrypted', () => {
    const b = file('protected.ods');
    expect(b.toString('latin1', 0, 4)).toBe('PK\u0003\u0004');
    expect(b.toString('latin1', 30, 38)).toBe('mimetype');
    expect(b.toString('latin1', 38, 38 + 46)).toBe('application/vnd.oasis.opendocument.spreadsheet');
    expect(b.includes('manifest:encryption-data')).toBe(true);
  });

  it('empty.csv has no bytes; garbage.xlsx is neither a zip nor a compound file', () => {
    expect(file('empty.csv').length).toBe(0);
    const g = file('garbage.xlsx');
    expect(g.length).toBe(2048);
    expect(g.toString('latin1', 0, 2)).not.toBe('PK');
    expect(g[0]).not.toBe(0xd0);
  });

  it('truncated.xlsx starts like a workbook but cannot be opened', async () => {
    const b = file('truncated.xlsx');
    expect(b.toString('latin1', 0, 2)).toBe('PK');
    await expect(new ExcelJS.Workbook().xlsx.load(bytes(b))).rejects.toThrow();
  });

  it('no-header.xlsx opens and holds only a summary sheet; empty-sheet.xlsx one empty sheet', async () => {
    const a = new ExcelJS.Workbook();
    await a.xlsx.load(bytes(file('no-header.xlsx')));
    expect(a.worksheets.map((w) => w.name)).toEqual(['Tổng hợp']);
    const e = new ExcelJS.Workbook();
    await e.xlsx.load(bytes(file('empty-sheet.xlsx')));
    expect(e.worksheets.length).toBe(1);
    expect(e.worksheets[0]?.actualRowCount).toBe(0);
  });

  it('are the same bytes every time', async () => {
    const again = mkdtempSync(join(tmpdir(), 'asxh-fixgen-bad2-'));
    try {
      const names = await writeBadInputs(again);
      for (const n of names) expect(readFileSync(join(again, n)).equals(file(n)), n).toBe(true);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });
});
