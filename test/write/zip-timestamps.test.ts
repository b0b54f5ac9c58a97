import { describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { renderXlsx } from '../../src/write/xlsx-writer.js';
import { setZipTimestamps } from '../../src/write/zip-timestamps.js';

const sheet = { name: 'Danh sách', columns: [{ key: 'name', header: 'Họ và tên' }], rows: [['Vũ Thị Thu']] };

describe('setZipTimestamps', () => {
  it('stamps the entries with the run date in MS-DOS form (UTC)', async () => {
    const zip = await renderXlsx([sheet], { created: new Date(Date.UTC(2026, 11, 1, 8, 30, 0)) });
    // First local header: time at offset 10, date at 12. 08:30:00 → 8<<11 | 30<<5 | 0 = 17344;
    // 2026-12-01 → (2026-1980)<<9 | 12<<5 | 1 = 23937.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(10)).toBe(17344);
    expect(zip.readUInt16LE(12)).toBe(23937);
  });

  it('changes only the time stamps: re-stamping with the first date gives the same bytes back', async () => {
    const created = new Date(Date.UTC(2026, 0, 15, 0, 0, 0));
    const zip = await renderXlsx([sheet], { created });
    const other = setZipTimestamps(zip, new Date(Date.UTC(2030, 5, 6, 7, 8, 10)));
    expect(other.equals(zip)).toBe(false);
    expect(other.length).toBe(zip.length);
    expect(setZipTimestamps(other, created).equals(zip)).toBe(true);
  });

  it('fails with an internal error on bytes that are not a zip', () => {
    expect(() => setZipTimestamps(Buffer.from('not a zip file at all, just some text'), new Date(0))).toThrow(AsxhError);
  });
});
