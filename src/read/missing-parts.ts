// The parts an .xlsx lists but does not hold. exceljs passes over a worksheet whose part is missing (or named
// in a way it does not expect) and reads text cells as bare numbers when the shared-strings part is missing:
// the file "reads", with a sheet or every name silently gone. This looks at the ZIP itself to catch that.
import { inflateRawSync } from 'node:zlib';
import { quote } from '../errors.js';

export interface Part {
  readonly method: number;
  readonly offset: number;
  readonly size: number;
}

const EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
// Parts without which cells are lost or changed; a missing theme or docProps loses nothing.
const NEEDED = /\/(worksheet|sharedStrings|styles)$/;

export function directory(zip: Buffer): Map<string, Part> {
  const parts = new Map<string, Part>();
  const end = zip.lastIndexOf(EOCD);
  if (end < 0 || end + 22 > zip.length) return parts;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\//, '');
    parts.set(name, { method: zip.readUInt16LE(at + 10), size: zip.readUInt32LE(at + 20), offset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/**
 * A part's bytes, unpacked no further than `maxBytes` (inflateRawSync throws ERR_BUFFER_TOO_LARGE past it); null
 * for a part this cannot read (the reader then says what is wrong).
 */
export function partBytes(zip: Buffer, part: Part | undefined, maxBytes?: number): Buffer | null {
  if (part === undefined || part.offset + 30 > zip.length) return null;
  const start = part.offset + 30 + zip.readUInt16LE(part.offset + 26) + zip.readUInt16LE(part.offset + 28);
  const raw = zip.subarray(start, start + part.size);
  if (part.method === 0) return raw;
  if (part.method === 8) return inflateRawSync(raw, maxBytes === undefined ? {} : { maxOutputLength: maxBytes });
  return null;
}

function text(zip: Buffer, part: Part | undefined): string | null {
  return partBytes(zip, part)?.toString('utf8') ?? null;
}

const attribute = (tag: string, name: string): string | null =>
  new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag)?.slice(2).find((v) => v !== undefined) ?? null;

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * What the workbook lists but the reader did not get, ready for a message: 'sheet "DS T12"' for a worksheet
 * exceljs did not load, 'part "xl/sharedStrings.xml"' for a missing shared-strings or styles part. Empty when all is there, or when the ZIP is too
 * damaged to tell (exceljs reports that itself).
 */
export function missingParts(bytes: Uint8Array, loadedSheets: readonly string[]): string[] {
  try {
    const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const parts = directory(zip);
    const workbook = text(zip, parts.get('xl/workbook.xml'));
    const rels = text(zip, parts.get('xl/_rels/workbook.xml.rels'));
    if (workbook === null || rels === null) return [];
    const missing: string[] = [];
    const worksheetRels = new Set<string>();
    for (const tag of rels.match(/<([\w.-]+:)?Relationship\b[^>]*>/g) ?? []) {
      const type = attribute(tag, 'Type') ?? '';
      const id = attribute(tag, 'Id');
      const target = attribute(tag, 'Target');
      if (!NEEDED.test(type) || target === null || target.includes('..') || /^[a-z]+:/i.test(target)) continue;
      if (type.endsWith('/worksheet')) {
        if (id !== null) worksheetRels.add(id);
        continue;
      }
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (!parts.has(path)) missing.push(`part ${quote(path)}`);
    }
    const loaded = new Set(loadedSheets);
    for (const tag of workbook.match(/<([\w.-]+:)?sheet\b[^>]*>/g) ?? []) {
      const name = attribute(tag, 'name');
      const id = attribute(tag, '(?:[\\w.-]+:)?id');
      if (name !== null && id !== null && worksheetRels.has(id) && !loaded.has(unescapeXml(name))) {
        missing.push(`sheet ${quote(unescapeXml(name))}`);
      }
    }
    return missing;
  } catch {
    return [];
  }
}
