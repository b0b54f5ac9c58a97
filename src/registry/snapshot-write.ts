// Writes a Registry as a snapshot file (layout in snapshot-format.ts). The file is written beside its target
// and renamed into place only when complete and flushed, so a reader never finds half a snapshot; it holds
// every ID and name of the registry, so only its owner may read it.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { sectionChecksum } from './section-checksum.js';
import { diskError } from '../write/disk-errors.js';
import { AsxhError, quote } from '../errors.js';
import { BLOCK_KINDS, type Registry } from './registry.js';
import {
  alignUp,
  HASHES,
  HEADER_BYTES,
  LOOKUPS,
  ROW_COLUMNS,
  SNAPSHOT_FORMAT,
  SNAPSHOT_MAGIC,
  typeOf,
  type RegistryFields,
  type RowColumn,
  type SectionEntry,
  type SnapshotMeta,
  type SnapshotSource,
  type TypedColumn,
} from './snapshot-format.js';

export interface WriteSnapshotOptions {
  readonly toolVersion: string;
  /** The export the registry was read from. */
  readonly source: SnapshotSource;
  /** The run year the export was read with. */
  readonly runYear: number;
}

// One write call moves at most this much: large sections are written in pieces.
const PIECE = 1 << 28;

/** The sections of a registry, in file order. */
export function snapshotSections(registry: Registry): { name: string; data: TypedColumn }[] {
  const d = registry.data;
  const sections: { name: string; data: TypedColumn }[] = [];
  for (const name of Object.keys(ROW_COLUMNS) as RowColumn[]) sections.push({ name, data: d[name] });
  sections.push({ name: 'givenCount', data: d.givenCount });
  for (const store of ['names', 'addresses'] as const) {
    const parts = d[store].parts();
    sections.push({ name: `${store}.bytes`, data: parts.bytes }, { name: `${store}.ends`, data: parts.ends });
  }
  const utf8 = new TextEncoder();
  sections.push({ name: 'families', data: utf8.encode(d.families.join('\n')) });
  sections.push({ name: 'givens', data: utf8.encode(d.givens.join('\n')) });
  for (const hash of HASHES) {
    const parts = d[hash].parts();
    sections.push({ name: `${hash}.keys`, data: parts.keys }, { name: `${hash}.values`, data: parts.values });
  }
  for (const kind of BLOCK_KINDS) {
    const parts = d.blocks?.[kind]?.parts();
    if (parts === undefined) throw new Error(`registry has no ${kind} block index`);
    sections.push({ name: `block.${kind}.offsets`, data: parts.offsets }, { name: `block.${kind}.postings`, data: parts.postings });
  }
  for (const lookup of LOOKUPS) {
    const parts = d[lookup]?.parts();
    if (parts === undefined) throw new Error(`registry has no ${lookup} lookup`);
    sections.push({ name: `${lookup}.slots`, data: parts.slots }, { name: `${lookup}.prev`, data: parts.prev });
  }
  return sections;
}

/** What the metadata says of the registry, beside its sections. */
export function registryFields(registry: Registry): RegistryFields {
  const d = registry.data;
  const hashes: Record<string, number> = {};
  for (const hash of HASHES) hashes[hash] = d[hash].parts().used;
  const lookups: Record<string, number> = {};
  for (const lookup of LOOKUPS) lookups[lookup] = d[lookup]?.repeats ?? 0;
  return {
    file: d.file,
    size: d.size,
    skipped: d.skipped,
    columns: d.columns,
    headers: d.headers,
    warnings: d.warnings,
    families: d.families.length,
    givens: d.givens.length,
    hashes,
    lookups,
  };
}

/** Writes the snapshot to `path` (replacing any file there); returns the number of bytes written. */
export async function writeSnapshot(registry: Registry, path: string, options: WriteSnapshotOptions): Promise<number> {
  const sections = snapshotSections(registry);
  const fields = registryFields(registry);

  // The metadata holds the section offsets, which depend on the metadata's own length: lay the sections out
  // after a first guess, and again if the guess was short (offsets only grow, so this settles at once).
  const checksums = sections.map(({ data }) => sectionChecksum(data));
  let metaBytes = 0;
  let meta: Uint8Array = new Uint8Array(0);
  let entries: SectionEntry[] = [];
  let total = 0;
  for (let attempt = 0; attempt < 8; attempt += 1) {
    let at = alignUp(HEADER_BYTES + metaBytes);
    entries = sections.map(({ name, data }, i) => {
      const entry = { name, type: typeOf(data), offset: at, length: data.length, checksum: checksums[i]! };
      at = alignUp(at + data.byteLength);
      return entry;
    });
    total = at;
    const body: SnapshotMeta = {
      toolVersion: options.toolVersion,
      source: options.source,
      runYear: options.runYear,
      ...fields,
      sections: entries,
    };
    meta = new TextEncoder().encode(JSON.stringify(body));
    if (alignUp(HEADER_BYTES + meta.length) === alignUp(HEADER_BYTES + metaBytes)) break;
    metaBytes = meta.length;
  }

  const header = Buffer.alloc(alignUp(HEADER_BYTES + meta.length));
  header.write(SNAPSHOT_MAGIC, 0, 'latin1');
  header.writeUInt32LE(SNAPSHOT_FORMAT, 8);
  header.writeUInt32LE(meta.length, 12);
  header.writeDoubleLE(total, 16);
  header.set(meta, HEADER_BYTES);

  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.chmod(0o600);
      await writeAll(handle, header);
      let at = header.length;
      for (const [i, { data }] of sections.entries()) {
        if (entries[i]?.offset !== at) throw new Error(`section ${i} is not where the metadata says`);
        await writeAll(handle, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        const pad = alignUp(data.byteLength) - data.byteLength;
        if (pad > 0) await writeAll(handle, Buffer.alloc(pad));
        at += data.byteLength + pad;
      }
      if (at !== total) throw new Error('file length differs from the metadata');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    const disk = diskError(err, path, { vi: 'bản chỉ mục', en: 'the registry snapshot' });
    if (disk) throw disk;
    const full = (err as NodeJS.ErrnoException).code === 'ENOSPC';
    const why = err instanceof Error ? err.message : String(err);
    throw new AsxhError(
      'write_failed',
      {
        vi: `Không ghi được bản chỉ mục ${quote(path)}: ${full ? 'ổ đĩa đã đầy' : why}.`,
        en: `Could not write the registry snapshot ${quote(path)}: ${full ? 'the disk is full' : why}.`,
      },
      {
        vi: 'Kiểm tra thư mục có tồn tại, ghi được và còn chỗ (bản chỉ mục lớn cỡ tệp xuất), rồi chạy lại.',
        en: 'Check that the folder exists, is writable and has room (a snapshot is about the size of the export), then run again.',
      },
    );
  }
  return total;
}

async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length; ) {
    const piece = bytes.subarray(at, Math.min(bytes.length, at + PIECE));
    const { bytesWritten } = await handle.write(piece, 0, piece.length);
    at += bytesWritten;
  }
}
