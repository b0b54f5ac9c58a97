// Test helper: take an .xlsx apart into its ZIP entries and put (a damaged set of) them back together, so a
// workbook can lose a part or carry broken XML while the ZIP around it stays valid.
import { inflateRawSync } from 'node:zlib';
import { storedZip } from '../../fixtures/generator/bad-inputs.js';

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** The entries of a well-formed ZIP (stored or deflated), read through its central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('test helper: not a ZIP');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.push({ name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) });
    at += 46 + skip;
  }
  return entries;
}

/** A stored (uncompressed) ZIP of these entries, in this order: the fixture generator's writer. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  return storedZip(entries.map((e) => [e.name, e.data] as const));
}
