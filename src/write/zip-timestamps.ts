// exceljs packs a workbook with jszip, which stamps every zip entry with the time of the render (the generator's
// fixtures are written by exceljs; asxh's own workbooks by zip-writer.ts, stamped as they are made): two renders of
// the same data a few seconds apart differ in those bytes only. Auditors re-run and compare checksums, so the
// stamps are overwritten with the run's own date. Patching the fixed-size header fields in place keeps the
// compressed data untouched and needs no zip library of our own.
import { AsxhError } from '../errors.js';
import { dosStamp } from './zip-writer.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** A copy of the zip with every entry's modification time set to `date` (MS-DOS format, UTC, 2-second steps). */
export function setZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosStamp(date);
  const eocd = findEndOfCentralDirectory(out);
  const entries = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > out.length || out.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt('central directory');
    out.writeUInt16LE(time, at + 12);
    out.writeUInt16LE(day, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (local + 30 > out.length || out.readUInt32LE(local) !== LOCAL_SIGNATURE) throw corrupt('local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(day, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= stop; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw corrupt('end of central directory');
}

function corrupt(part: string): AsxhError {
  return new AsxhError(
    'internal',
    {
      vi: `Không làm cho tệp XLSX kết quả lặp lại đúng được: không thấy ${part} của tệp zip ở chỗ cần có.`,
      en: `Could not make the XLSX output reproducible: its zip ${part} was not where expected.`,
    },
    {
      vi: 'Đây là lỗi của asxh; xin báo lỗi, kèm số phiên bản (asxh --version).',
      en: 'This is a bug in asxh; please report it with the version (asxh --version).',
    },
  );
}
