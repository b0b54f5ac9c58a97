// The zip the workbooks are packed in, read back by hand from its central directory (what Excel and LibreOffice
// read first): every part whole and in order, its checksum right, every entry stamped with the run's date.
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dosStamp, ZipWriter } from '../../src/write/zip-writer.js';

interface Read {
  name: string;
  text: string;
  crcOk: boolean;
  stamps: string[];
}

function readZip(zip: Buffer): Read[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBe(zip.length - 22);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: Read[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('latin1', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    expect(zip.readUInt32LE(local + 18)).toBe(packed);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + packed));
    expect(data.length).toBe(size);
    const stamps = [`${zip.readUInt16LE(at + 14)}:${zip.readUInt16LE(at + 12)}`, `${zip.readUInt16LE(local + 12)}:${zip.readUInt16LE(local + 10)}`];
    out.push({ name, text: data.toString('utf8'), crcOk: crc32(data) === crc, stamps });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

const date = new Date(Date.UTC(2026, 11, 2, 7, 45, 31));

describe('ZipWriter', () => {
  it('packs parts given in many pieces, Vietnamese text included, and they read back whole', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c><v>Nguyễn Thị Lụa ${i}</v></c></row>`);
    const zip = new ZipWriter(date);
    await zip.part('xl/worksheets/sheet1.xml', rows);
    await zip.part('[Content_Types].xml', ['<Types/>']);
    await zip.part('empty.xml', []);
    const read = readZip(zip.finish());
    expect(read.map((r) => r.name)).toEqual(['xl/worksheets/sheet1.xml', '[Content_Types].xml', 'empty.xml']);
    expect(read[0]!.text).toBe(rows.join(''));
    expect(read[1]!.text).toBe('<Types/>');
    expect(read[2]!.text).toBe('');
    expect(read.every((r) => r.crcOk)).toBe(true);
  });

  it('stamps every entry, local and central, with the date given (2-second steps), not the clock', async () => {
    const zip = new ZipWriter(date);
    await zip.part('a.xml', ['a']);
    await zip.part('b.xml', ['b']);
    const { time, day } = dosStamp(date);
    expect(day).toBe(((2026 - 1980) << 9) | (12 << 5) | 2);
    expect(time).toBe((7 << 11) | (45 << 5) | 15);
    expect(new Set(readZip(zip.finish()).flatMap((r) => r.stamps))).toEqual(new Set([`${day}:${time}`]));
  });

  it('gives the same bytes for the same parts however the text is cut into pieces', async () => {
    const text = 'Trần Văn Hùng, thôn Đông '.repeat(5_000);
    const one = new ZipWriter(date);
    await one.part('x.xml', [text]);
    const many = new ZipWriter(date);
    await many.part('x.xml', text.match(/.{1,7}/gsu)!);
    expect(many.finish().equals(one.finish())).toBe(true);
  });
});
