// Loads a registry snapshot (layout in snapshot-format.ts): each section is read straight into its own typed
// array, and only checked, not rebuilt. One readFileSync of the whole file would do for a province, but Node
// refuses files over 2 GiB that way and a national snapshot is larger, so sections are read one by one. The
// registry worker hands its registry over as these same sections, put back together by assemble() too.
import { createHash } from 'node:crypto';
import { sectionChecksum } from './section-checksum.js';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { AsxhError, quote, type Said } from '../errors.js';
import { BlockingIndex } from './blocking-index.js';
import { RowIndex } from './id-index.js';
import { NumberHash } from './number-hash.js';
import { BLOCK_KINDS, Registry, type BlockKind, type RegistryData } from './registry.js';
import {
  ALIGN,
  allocate,
  BYTES_PER,
  HASHES,
  HEADER_BYTES,
  ROW_COLUMNS,
  sectionTypes,
  SNAPSHOT_FORMAT,
  SNAPSHOT_MAGIC,
  SNAPSHOT_PREFIX,
  type LookupName,
  type RegistryFields,
  type RowColumn,
  type SnapshotMeta,
  type TypedColumn,
} from './snapshot-format.js';
import { TextStore } from './text-store.js';

export interface ReadSnapshotOptions {
  /** The running tool's version: a snapshot made by any other is refused. */
  readonly toolVersion: string;
  /** Name shown in messages; defaults to the path's base name. */
  readonly file?: string;
}

export interface Snapshot {
  readonly registry: Registry;
  readonly meta: SnapshotMeta;
}

const PIECE = 1 << 28;

/** Whether the file starts with a snapshot's magic bytes (its content, whatever its name). */
export function hasSnapshotMagic(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SNAPSHOT_PREFIX.length);
    const got = readSync(fd, head, 0, head.length, 0);
    return got === head.length && head.toString('latin1') === SNAPSHOT_PREFIX;
  } finally {
    closeSync(fd);
  }
}

export function readSnapshot(path: string, options: ReadSnapshotOptions): Snapshot {
  const name = options.file ?? basename(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new AsxhError(
      'input_missing',
      { vi: `Không đọc được CSDL dân cư ${quote(path)}: không có tệp này.`, en: `Cannot read the registry ${quote(path)}: no such file.` },
      { vi: 'Kiểm tra lại đường dẫn của --registry.', en: 'Check the --registry path.' },
    );
  }
  try {
    return readOpen(fd, path, name, options);
  } finally {
    closeSync(fd);
  }
}

function readOpen(fd: number, path: string, name: string, options: ReadSnapshotOptions): Snapshot {
  const rebuild: Said = {
    vi: `Lập lại bản chỉ mục từ tệp xuất bằng: asxh registry index EXPORT --out ${path}`,
    en: `Rebuild it from the export with: asxh registry index EXPORT --out ${path}`,
  };
  const damaged = (why: string): AsxhError =>
    new AsxhError(
      'registry_invalid',
      { vi: `Không dùng được bản chỉ mục ${quote(name)}: tệp bị hỏng (${why}).`, en: `Cannot use the registry snapshot ${quote(name)}: the file is damaged (${why}).` },
      rebuild,
    );
  const size = fstatSync(fd).size;
  const header = Buffer.alloc(HEADER_BYTES);
  const got = readSync(fd, header, 0, HEADER_BYTES, 0);
  const file = new InOrder(fd);
  file.take(header.subarray(0, got));
  const magic = header.toString('latin1', 0, SNAPSHOT_MAGIC.length);
  if (got < SNAPSHOT_PREFIX.length || !magic.startsWith(SNAPSHOT_PREFIX)) {
    throw new AsxhError(
      'registry_invalid',
      {
        vi: `Không dùng được ${quote(name)} làm bản chỉ mục: tệp không bắt đầu bằng ${quote(SNAPSHOT_MAGIC)}.`,
        en: `Cannot use ${quote(name)} as a registry snapshot: it does not start with ${quote(SNAPSHOT_MAGIC)}.`,
      },
      { vi: 'Cho --registry tệp xuất (CSV) hoặc một tệp do "asxh registry index" lập.', en: 'Give --registry the export (CSV) or a file made by "asxh registry index".' },
    );
  }
  if (got < HEADER_BYTES) throw truncated(name, size, HEADER_BYTES, rebuild);
  const format = header.readUInt32LE(8);
  if (magic !== SNAPSHOT_MAGIC || format !== SNAPSHOT_FORMAT) {
    throw new AsxhError(
      'registry_invalid',
      {
        vi:
          `Không dùng được bản chỉ mục ${quote(name)}: tệp theo định dạng ${quote(`${magic.slice(-1)}.${format}`)}, ` +
          `còn asxh này đọc định dạng ${quote(`${SNAPSHOT_MAGIC.slice(-1)}.${SNAPSHOT_FORMAT}`)}.`,
        en:
          `Cannot use the registry snapshot ${quote(name)}: it is in snapshot format ${quote(`${magic.slice(-1)}.${format}`)}, ` +
          `and this asxh reads format ${quote(`${SNAPSHOT_MAGIC.slice(-1)}.${SNAPSHOT_FORMAT}`)}.`,
      },
      rebuild,
    );
  }
  const metaLength = header.readUInt32LE(12);
  const total = header.readDoubleLE(16);
  if (!Number.isSafeInteger(total) || total < HEADER_BYTES + metaLength) throw damaged('its header gives an impossible length');
  if (size < total) throw truncated(name, size, total, rebuild);
  if (size > total) throw damaged(`${size - total} bytes more than its header says`);

  const metaBytes = Buffer.alloc(metaLength);
  file.read(metaBytes, HEADER_BYTES);
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(metaBytes.toString('utf8')) as SnapshotMeta;
  } catch {
    throw damaged('its metadata is not readable');
  }
  if (meta.toolVersion !== options.toolVersion) {
    throw new AsxhError(
      'registry_invalid',
      {
        vi: `Không dùng được bản chỉ mục ${quote(name)}: tệp do asxh ${quote(meta.toolVersion)} lập, còn đây là asxh ${quote(options.toolVersion)}.`,
        en: `Cannot use the registry snapshot ${quote(name)}: it was made by asxh ${quote(meta.toolVersion)}, and this is asxh ${quote(options.toolVersion)}.`,
      },
      rebuild,
    );
  }
  if (!Number.isSafeInteger(meta.size) || meta.size < 0 || !Array.isArray(meta.sections)) throw damaged('its metadata is incomplete');

  const expected = sectionTypes(BLOCK_KINDS);
  const columns = new Map<string, TypedColumn>();
  // In file order, so that the file is hashed as it is read.
  for (const s of [...meta.sections].sort((a, b) => a.offset - b.offset)) {
    const type = expected.get(s.name);
    if (type === undefined || type !== s.type || columns.has(s.name)) throw damaged(`unexpected section ${quote(s.name)}`);
    const bytes = s.length * BYTES_PER[type];
    if (!Number.isSafeInteger(s.length) || s.length < 0 || s.offset % ALIGN !== 0 || s.offset < HEADER_BYTES + metaLength || s.offset + bytes > total) {
      throw damaged(`section ${quote(s.name)} lies outside the file`);
    }
    if (s.offset < file.position) throw damaged(`section ${quote(s.name)} overlaps another`);
    const column = allocate(type, s.length);
    file.read(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), s.offset);
    if (typeof s.checksum !== 'string' || sectionChecksum(column) !== s.checksum) {
      throw damaged(`section ${quote(s.name)} does not match its checksum: a byte of it was changed`);
    }
    columns.set(s.name, column);
  }
  for (const key of expected.keys()) if (!columns.has(key)) throw damaged(`section ${quote(key)} is missing`);
  const registry = new Registry(assemble(meta, columns, { file: name, damaged, checkCodes: true }));
  registry.fileHash = { sha256: file.digest(total), bytes: total };
  return { registry, meta };
}

/**
 * Reads a file front to back, hashing every byte once, the gaps between the parts kept included: the run's
 * manifest gets the snapshot's SHA-256 without a second pass over a file of gigabytes.
 */
class InOrder {
  private readonly hash = createHash('sha256');
  position = 0;

  constructor(private readonly fd: number) {}

  /** Bytes already read from the current position. */
  take(bytes: Uint8Array): void {
    this.hash.update(bytes);
    this.position += bytes.length;
  }

  /** Fills `into` from `at` (not before the current position), hashing what lies between. */
  read(into: Uint8Array, at: number): void {
    this.skipTo(at);
    readFully(this.fd, into, at);
    this.take(into);
  }

  digest(total: number): string {
    this.skipTo(total);
    return this.hash.digest('hex');
  }

  private skipTo(at: number): void {
    while (this.position < at) {
      const gap = Buffer.alloc(Math.min(at - this.position, 1 << 20));
      readFully(this.fd, gap, this.position);
      this.take(gap);
    }
  }
}

export interface AssembleOptions {
  /** Name shown in messages. */
  readonly file: string;
  /** The error for sections that do not fit together. */
  readonly damaged: (why: string) => Error;
  /**
   * Whether to check every row's text codes and lookup links (a pass over the rows): needed for a file, which
   * may be damaged anywhere; not for sections our own registry worker has just made from a Registry.
   */
  readonly checkCodes: boolean;
}

/**
 * Puts the sections back together as RegistryData, checking that their lengths agree with each other. The ID and
 * CMND lookups are not among the sections: they are left for the caller (or the Registry) to supply.
 */
export function assemble(meta: RegistryFields, columns: ReadonlyMap<string, TypedColumn>, options: AssembleOptions): RegistryData {
  const { damaged } = options;
  const col = <T extends TypedColumn>(key: string): T => columns.get(key) as T;
  const n = meta.size;
  for (const key of Object.keys(ROW_COLUMNS)) if (col(key).length !== n) throw damaged(`column ${quote(key)} has the wrong length`);

  const store = (key: 'names' | 'addresses', codes: Int32Array): TextStore => {
    const bytes = col<Uint8Array>(`${key}.bytes`);
    const ends = col<Uint32Array>(`${key}.ends`);
    const count = ends.length;
    if (count < 1 || ends[0] !== 0 || ends[count - 1] !== bytes.length) throw damaged(`text ${quote(key)} has the wrong length`);
    if (options.checkCodes) {
      for (let i = 0; i < n; i += 1) {
        const code = codes[i] as number;
        if (code < 0 || code >= count) throw damaged(`text ${quote(key)} has the wrong length`);
      }
    }
    return TextStore.fromParts({ bytes, ends });
  };
  const words = (key: 'families' | 'givens'): string[] => {
    const list = meta[key] === 0 ? [] : new TextDecoder().decode(col<Uint8Array>(key)).split('\n');
    if (list.length !== meta[key]) throw damaged(`the ${key} list has the wrong length`);
    return list;
  };
  const hash = (key: string): NumberHash => {
    const keys = col<Float64Array>(`${key}.keys`);
    const values = col<Int32Array>(`${key}.values`);
    const used = meta.hashes?.[key];
    const pow2 = keys.length >= 16 && (keys.length & (keys.length - 1)) === 0;
    if (!pow2 || values.length !== keys.length || typeof used !== 'number' || used > keys.length / 2) throw damaged(`index ${quote(key)} is malformed`);
    return NumberHash.fromParts({ keys, values, used });
  };
  const blocks = {} as Record<BlockKind, BlockingIndex>;
  for (const kind of BLOCK_KINDS) {
    const offsets = col<Uint32Array>(`block.${kind}.offsets`);
    const postings = col<Int32Array>(`block.${kind}.postings`);
    const buckets = offsets.length - 1;
    if (buckets < 1 || (buckets & (buckets - 1)) !== 0 || offsets[buckets] !== postings.length) throw damaged(`block index ${quote(kind)} is malformed`);
    blocks[kind] = BlockingIndex.fromParts({ offsets, postings });
  }
  const families = words('families');
  const givens = words('givens');
  const givenCount = col<Int32Array>('givenCount');
  if (givenCount.length !== givens.length) throw damaged('the given-name counts have the wrong length');
  const [nameCount, familyGivenCount, nameYearCount] = HASHES.map(hash) as [NumberHash, NumberHash, NumberHash];
  const rows = {} as Record<RowColumn, TypedColumn>;
  for (const key of Object.keys(ROW_COLUMNS) as RowColumn[]) rows[key] = col(key);
  const data = rows as Pick<RegistryData, RowColumn>;
  const lookup = (key: LookupName, values: Float64Array, lengths: Uint8Array | null): RowIndex => {
    const slots = col<Int32Array>(`${key}.slots`);
    const prev = col<Int32Array>(`${key}.prev`);
    const repeats = meta.lookups?.[key];
    const pow2 = slots.length >= 16 && (slots.length & (slots.length - 1)) === 0;
    if (!pow2 || prev.length !== n || typeof repeats !== 'number' || (options.checkCodes && !soundLookup(slots, prev, n))) {
      throw damaged(`lookup ${quote(key)} is malformed`);
    }
    return RowIndex.fromParts(values, lengths, { slots, prev, repeats });
  };
  return {
    file: options.file,
    columns: meta.columns,
    headers: meta.headers,
    size: n,
    skipped: meta.skipped,
    warnings: meta.warnings,
    ...data,
    names: store('names', data.nameText),
    addresses: store('addresses', data.addressText),
    families,
    givens,
    givenCount,
    nameCount,
    familyGivenCount,
    nameYearCount,
    blocks,
    idRows: lookup('idRows', data.id, null),
    cmndRows: lookup('cmndRows', data.cmnd, data.cmndLength),
  };
}

/**
 * A lookup read from a file is followed blindly (id-index.ts): a slot past the rows, a table without an empty
 * slot or a chain of earlier rows that loops would make a lookup run forever. Every link must point to a row
 * before its own.
 */
function soundLookup(slots: Int32Array, prev: Int32Array, rows: number): boolean {
  let empty = false;
  for (let i = 0; i < slots.length; i += 1) {
    const r = slots[i] as number;
    if (r < -1 || r >= rows) return false;
    if (r === -1) empty = true;
  }
  for (let i = 0; i < prev.length; i += 1) {
    const r = prev[i] as number;
    if (r < -1 || r >= i) return false;
  }
  return empty;
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let at = 0; at < into.length; ) {
    const got = readSync(fd, into, at, Math.min(PIECE, into.length - at), position + at);
    if (got === 0) throw new Error('unexpected end of file');
    at += got;
  }
}

function truncated(name: string, size: number, total: number, hint: Said): AsxhError {
  return new AsxhError(
    'registry_invalid',
    {
      vi: `Không dùng được bản chỉ mục ${quote(name)}: tệp bị cụt (${size} trên ${total} byte; sao chép bị ngắt giữa chừng?).`,
      en: `Cannot use the registry snapshot ${quote(name)}: the file is cut short (${size} of ${total} bytes; an interrupted copy?).`,
    },
    hint,
  );
}
