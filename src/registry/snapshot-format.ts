// The registry snapshot file: the columns and indexes of a Registry as they sit in memory, so loading one is a
// few large reads and no work per row.
//
//   0   8 bytes   magic "ASXHREG1"
//   8   uint32    format version
//   12  uint32    byte length of the metadata
//   16  float64   total file length (a cut-short copy is caught before anything is read)
//   24  metadata  UTF-8 JSON (SnapshotMeta), zero-padded to a multiple of 8
//   …   sections  each typed array's bytes, little-endian, every one starting at a multiple of 8
//
// Little-endian on disk and in memory: every machine Node runs this on is little-endian.
import type { RegistryColumns } from './registry-columns.js';

export const SNAPSHOT_MAGIC = 'ASXHREG1';
/** What content recognition looks for: the magic without its last character, so other formats are told apart too. */
export const SNAPSHOT_PREFIX = 'ASXHREG';
/** Bumped whenever the layout or the meaning of a section changes. */
export const SNAPSHOT_FORMAT = 6;
export const HEADER_BYTES = 24;
export const ALIGN = 8;

export type SectionType = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';
export type TypedColumn = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

export const BYTES_PER: Readonly<Record<SectionType, number>> = { u8: 1, u16: 2, u32: 4, i32: 4, f64: 8 };

export interface SectionEntry {
  readonly name: string;
  readonly type: SectionType;
  /** Byte offset from the start of the file, a multiple of 8. */
  readonly offset: number;
  /** Number of elements. */
  readonly length: number;
  /** section-checksum.ts over the section's bytes; checked on load. */
  readonly checksum: string;
}

export interface SnapshotSource {
  /** Base name of the export the snapshot was built from. */
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
  /** Modification time of the export when it was read: a quick first check that it has not changed. */
  readonly mtimeMs: number;
}

export interface SnapshotMeta {
  readonly toolVersion: string;
  readonly source: SnapshotSource;
  /** Birth dates after this year were rejected while reading the export. */
  readonly runYear: number;
  readonly file: string;
  readonly size: number;
  readonly skipped: number;
  readonly columns: RegistryColumns;
  readonly headers: readonly string[];
  readonly warnings: readonly string[];
  readonly families: number;
  readonly givens: number;
  /** Entries used in each NumberHash, by name. */
  readonly hashes: Readonly<Record<string, number>>;
  /** Rows of each ID / CMND lookup whose key an earlier row holds (RowIndex.repeats), by lookup. */
  readonly lookups: Readonly<Record<string, number>>;
  readonly sections: readonly SectionEntry[];
}

/** The metadata that describes the registry itself (not the file or its export): what a snapshot's sections need to become RegistryData again. */
export type RegistryFields = Pick<
  SnapshotMeta,
  'file' | 'size' | 'skipped' | 'columns' | 'headers' | 'warnings' | 'families' | 'givens' | 'hashes' | 'lookups'
>;

/** Per-row columns of RegistryData, with their element type. */
export const ROW_COLUMNS = {
  row: 'i32',
  id: 'f64',
  cmnd: 'f64',
  cmndLength: 'u8',
  birthYear: 'u16',
  birthMonth: 'u8',
  birthDay: 'u8',
  sex: 'u8',
  status: 'u8',
  deathYear: 'u16',
  deathMonth: 'u8',
  deathDay: 'u8',
  family: 'i32',
  given: 'i32',
  nameText: 'i32',
  addressText: 'i32',
} as const satisfies Record<string, SectionType>;
export type RowColumn = keyof typeof ROW_COLUMNS;

// The ID and CMND lookups (id-index.ts) are stored too: rebuilding them was most of what loading a snapshot cost
// (1.4 s of 2.5 s at 10 M rows), reading their 12 bytes a row from the page cache is a small part of that.
export const LOOKUPS = ['idRows', 'cmndRows'] as const;
export type LookupName = (typeof LOOKUPS)[number];
export const HASHES = ['nameCount', 'familyGivenCount', 'nameYearCount'] as const;
export type HashName = (typeof HASHES)[number];

export const TEXT_STORES = ['names', 'addresses'] as const;

export function alignUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

export function typeOf(column: TypedColumn): SectionType {
  if (column instanceof Uint8Array) return 'u8';
  if (column instanceof Uint16Array) return 'u16';
  if (column instanceof Uint32Array) return 'u32';
  if (column instanceof Int32Array) return 'i32';
  return 'f64';
}

export function allocate(type: SectionType, length: number): TypedColumn {
  switch (type) {
    case 'u8':
      return new Uint8Array(length);
    case 'u16':
      return new Uint16Array(length);
    case 'u32':
      return new Uint32Array(length);
    case 'i32':
      return new Int32Array(length);
    case 'f64':
      return new Float64Array(length);
  }
}

/** Every section a snapshot of this format holds, in file order, with its element type. */
export function sectionTypes(blockKinds: readonly string[]): ReadonlyMap<string, SectionType> {
  const types = new Map<string, SectionType>(Object.entries(ROW_COLUMNS));
  types.set('givenCount', 'i32');
  for (const store of TEXT_STORES) types.set(`${store}.bytes`, 'u8').set(`${store}.ends`, 'u32');
  types.set('families', 'u8').set('givens', 'u8');
  for (const hash of HASHES) types.set(`${hash}.keys`, 'f64').set(`${hash}.values`, 'i32');
  for (const kind of blockKinds) types.set(`block.${kind}.offsets`, 'u32').set(`block.${kind}.postings`, 'i32');
  for (const lookup of LOOKUPS) types.set(`${lookup}.slots`, 'i32').set(`${lookup}.prev`, 'i32');
  return types;
}
