// The population registry held column by column: typed arrays and byte-packed text, no object per person.
// A province of 14 million people costs about 100 bytes a person; get(i) builds one person when asked.
import { normalizeName } from '../normalize/name.js';
import type { PartialDate, PersonName, Sex } from '../types.js';
import { addressKey } from './address-key.js';
import { BlockingIndex, tupleHash } from './blocking-index.js';
import { RowIndex } from './id-index.js';
import type { NumberHash } from './number-hash.js';
import type { RegistryColumns } from './registry-columns.js';
import { stringKey } from './string-key.js';
import type { TextStore } from './text-store.js';

/** One registry person, built on demand. */
export interface RegistryPerson {
  /** 0-based position in the registry, the order ties are broken by. */
  readonly index: number;
  /** Record number in the export file (the header is record 1). */
  readonly row: number;
  readonly id: string | null;
  readonly cmnd: string | null;
  readonly name: PersonName | null;
  readonly birth: PartialDate | null;
  readonly sex: Sex | null;
  readonly address: string | null;
  /** Folded address, punctuation read as spaces, for token comparison. */
  readonly addressKey: string;
  /** true alive, false dead, null not stated. */
  readonly alive: boolean | null;
  readonly deathDate: PartialDate | null;
}

// Every kind keeps its blocks small as the registry grows (a province's "Nguyễn … Lan" of any age is thousands of
// people), except family_given, which the fuzzy step only asks for when the row has no birth year at all.
export type BlockKind = 'year_given' | 'given_date' | 'family_given_year' | 'family_given_date' | 'family_given' | 'idprefix_given';
export const BLOCK_KINDS: readonly BlockKind[] = ['year_given', 'given_date', 'family_given_year', 'family_given_date', 'family_given', 'idprefix_given'];

/** The parts of a BlockKey each kind holds besides the given name (blockHash hashes the same ones). */
const BLOCK_PARTS: Readonly<Record<BlockKind, { year: boolean; family: boolean; date: boolean; idPrefix: boolean }>> = {
  year_given: { year: true, family: false, date: false, idPrefix: false },
  given_date: { year: true, family: false, date: true, idPrefix: false },
  family_given_year: { year: true, family: true, date: false, idPrefix: false },
  family_given_date: { year: false, family: true, date: true, idPrefix: false },
  family_given: { year: false, family: true, date: false, idPrefix: false },
  idprefix_given: { year: false, family: false, date: false, idPrefix: true },
};

/** A blocking key's components, as codes from this registry's dictionaries (-1 / 0 when unknown). */
export interface BlockKey {
  readonly year: number;
  readonly family: number;
  readonly given: number;
  /** Birth month * 32 + day, 0 unless both are known. */
  readonly monthDay: number;
  /** First 6 ID digits (province, G, YY) as a number; -1 when unknown. */
  readonly idPrefix: number;
}

export type RankColumns = Pick<RegistryData, 'given' | 'family' | 'birthYear' | 'birthMonth' | 'birthDay' | 'sex'>;

export interface Block {
  /** Rows with exactly this key, in registry order; empty when the block was over the cap. */
  readonly rows: readonly number[];
  readonly size: number;
  readonly capped: boolean;
}

/** Everything the builder collected; handed over once, never changed after. */
export interface RegistryData {
  readonly file: string;
  readonly columns: RegistryColumns;
  readonly headers: readonly string[];
  readonly size: number;
  readonly skipped: number;
  readonly warnings: readonly string[];
  readonly row: Int32Array;
  /** 12-digit ID as a number; NaN when none. */
  readonly id: Float64Array;
  /** CMND digits as a number, NaN when none; cmndLength gives back the leading zeros. */
  readonly cmnd: Float64Array;
  readonly cmndLength: Uint8Array;
  /** Each distinct name and address once; nameText / addressText give a row's code in them (0 is ''). */
  readonly names: TextStore;
  readonly addresses: TextStore;
  readonly nameText: Int32Array;
  readonly addressText: Int32Array;
  /** 0 when unknown. */
  readonly birthYear: Uint16Array;
  readonly birthMonth: Uint8Array;
  readonly birthDay: Uint8Array;
  /** 1 male, 2 female, 0 unknown. */
  readonly sex: Uint8Array;
  /** 1 alive, 2 dead, 0 not stated. */
  readonly status: Uint8Array;
  readonly deathYear: Uint16Array;
  readonly deathMonth: Uint8Array;
  readonly deathDay: Uint8Array;
  /** Codes into families / givens; -1 when the row has no name. */
  readonly family: Int32Array;
  readonly given: Int32Array;
  readonly families: readonly string[];
  readonly givens: readonly string[];
  readonly givenCount: Int32Array;
  readonly nameCount: NumberHash;
  readonly familyGivenCount: NumberHash;
  readonly nameYearCount: NumberHash;
  /** ID and CMND lookups built before (by the builder, which counts repeated IDs); built from id / cmnd when absent. */
  readonly idRows?: RowIndex;
  readonly cmndRows?: RowIndex;
  /** Blocking indexes built before (a snapshot carries them); built from the columns when absent. */
  readonly blocks?: Readonly<Record<BlockKind, BlockingIndex>>;
}

const MILLION = 1_000_000;
const NO_ROWS = new Int32Array(0);
const TEXT_CACHE = 200_000;
// Bucket rows tested per scanBlock step: enough to keep the loop tight, few enough to stop soon after the point.
const SCAN_CHUNK = 64;

export function familyGivenKey(family: number, given: number): number {
  return family * 67108864 + given;
}

export function nameYearKey(folded: string, year: number): number {
  return stringKey(`${folded}|${year}`);
}

export class Registry {
  readonly file: string;
  readonly size: number;
  /** Rows left out: neither a usable ID nor a name. */
  readonly skipped: number;
  readonly columns: RegistryColumns;
  readonly headers: readonly string[];
  /** What the reader noticed (status values not understood, rows skipped …), in English, without personal data. */
  readonly warnings: readonly string[];
  /**
   * SHA-256 and length of the file the registry was read from, when reading it hashed it on the way (a CSV
   * export, a snapshot): the manifest's record of the registry, without reading the file again. null otherwise.
   */
  fileHash: { readonly sha256: string; readonly bytes: number } | null = null;
  private readonly d: RegistryData;
  private readonly givenCodes: ReadonlyMap<string, number>;
  private readonly familyCodes: ReadonlyMap<string, number>;
  private readonly blocks: Readonly<Record<BlockKind, BlockingIndex>>;
  private readonly idRows: RowIndex;
  private readonly cmndRows: RowIndex;
  // Sizes of blocks found over a cap, by kind and key: the same common names come back row after row, and
  // counting one means visiting thousands of rows only to print its size. The registry never changes.
  private readonly cappedSizes = new Map<string, number>();

  constructor(data: RegistryData) {
    this.d = data;
    this.file = data.file;
    this.size = data.size;
    this.skipped = data.skipped;
    this.columns = data.columns;
    this.headers = data.headers;
    this.warnings = data.warnings;
    this.givenCodes = new Map(data.givens.map((g, i) => [g, i]));
    this.familyCodes = new Map(data.families.map((f, i) => [f, i]));
    const { family, given, birthYear, birthMonth, birthDay } = data;
    const n = data.size;
    this.idRows = data.idRows ?? new RowIndex(data.id, null, n);
    this.cmndRows = data.cmndRows ?? new RowIndex(data.cmnd, data.cmndLength, n);
    this.blocks = data.blocks ?? {
      year_given: new BlockingIndex(n, (r) => ((given[r] ?? -1) < 0 || !birthYear[r] ? -1 : tupleHash(birthYear[r] ?? 0, given[r] ?? 0))),
      given_date: new BlockingIndex(n, (r) => {
        const md = monthDay(birthMonth[r] ?? 0, birthDay[r] ?? 0);
        return (given[r] ?? -1) < 0 || !birthYear[r] || md === 0 ? -1 : tupleHash(given[r] ?? 0, birthYear[r] ?? 0, md);
      }),
      family_given_year: new BlockingIndex(n, (r) =>
        (given[r] ?? -1) < 0 || (family[r] ?? -1) < 0 || !birthYear[r] ? -1 : tupleHash(family[r] ?? 0, given[r] ?? 0, birthYear[r] ?? 0),
      ),
      family_given_date: new BlockingIndex(n, (r) => {
        const md = monthDay(birthMonth[r] ?? 0, birthDay[r] ?? 0);
        return (given[r] ?? -1) < 0 || (family[r] ?? -1) < 0 || md === 0 ? -1 : tupleHash(family[r] ?? 0, given[r] ?? 0, md);
      }),
      family_given: new BlockingIndex(n, (r) =>
        (given[r] ?? -1) < 0 || (family[r] ?? -1) < 0 ? -1 : tupleHash(family[r] ?? 0, given[r] ?? 0),
      ),
      idprefix_given: new BlockingIndex(n, (r) => {
        const p = this.idPrefixOf(r);
        return (given[r] ?? -1) < 0 || p < 0 ? -1 : tupleHash(p, given[r] ?? 0);
      }),
    };
  }

  /** Every column and index, blocks included: what a snapshot saves. */
  get data(): RegistryData {
    return { ...this.d, blocks: this.blocks, idRows: this.idRows, cmndRows: this.cmndRows };
  }

  get(index: number): RegistryPerson {
    const d = this.d;
    if (!Number.isInteger(index) || index < 0 || index >= this.size) throw new RangeError(`no registry row ${index}`);
    const { address, key } = this.addressOf(d.addressText[index] ?? 0);
    const status = d.status[index] ?? 0;
    return {
      index,
      row: d.row[index] ?? 0,
      id: this.idOf(index),
      cmnd: this.cmndOf(index),
      name: this.nameAt(index),
      birth: this.birthAt(index),
      sex: this.sexAt(index),
      address,
      addressKey: key,
      alive: status === 1 ? true : status === 2 ? false : null,
      deathDate: partialDate(d.deathYear[index] ?? 0, d.deathMonth[index] ?? 0, d.deathDay[index] ?? 0),
    };
  }

  // Single fields of get(), for the fuzzy step's scoring of many candidates without building each person.
  nameAt(index: number): PersonName | null {
    return this.nameOf(this.d.nameText[index] ?? 0);
  }
  birthAt(index: number): PartialDate | null {
    const d = this.d;
    return partialDate(d.birthYear[index] ?? 0, d.birthMonth[index] ?? 0, d.birthDay[index] ?? 0);
  }
  sexAt(index: number): Sex | null {
    const code = this.d.sex[index];
    return code === 1 ? 'M' : code === 2 ? 'F' : null;
  }
  addressKeyAt(index: number): string {
    return this.addressOf(this.d.addressText[index] ?? 0).key;
  }

  // The fuzzy step builds the same common names and village addresses again and again; normalising and
  // folding them is most of what get() costs.
  private readonly names = new Map<number, PersonName | null>();
  private readonly addresses = new Map<number, { address: string | null; key: string }>();

  private nameOf(code: number): PersonName | null {
    return remember(this.names, code, () => {
      const text = this.d.names.get(code);
      return text === '' ? null : normalizeName(text).value;
    });
  }

  private addressOf(code: number): { address: string | null; key: string } {
    return remember(this.addresses, code, () => {
      const text = this.d.addresses.get(code);
      return { address: text === '' ? null : text, key: addressKey(text) };
    });
  }

  /** Rows holding this 12-digit ID, in registry order (normally one). */
  findById(id: string): number[] {
    if (!/^\d{12}$/.test(id)) return [];
    return this.idRows.rows(Number(id));
  }

  /** findById for a 12-digit ID already read as a number (the fuzzy step's one-typo neighbours). */
  findByIdNumber(id: number): number[] {
    return this.idRows.rows(id);
  }

  /** Rows holding this old CMND number (9 digits, or 12 when the export put an ID there). Not unique: re-issues. */
  findByCmnd(cmnd: string): number[] {
    if (!/^(\d{9}|\d{12})$/.test(cmnd)) return [];
    return this.cmndRows.rows(Number(cmnd), cmnd.length);
  }

  idOf(index: number): string | null {
    const v = this.d.id[index] ?? Number.NaN;
    return Number.isNaN(v) ? null : String(v).padStart(12, '0');
  }

  /** The 12-digit ID as a number, NaN when the row has none. */
  idNumberAt(index: number): number {
    return this.d.id[index] ?? Number.NaN;
  }

  cmndOf(index: number): string | null {
    const v = this.d.cmnd[index] ?? Number.NaN;
    return Number.isNaN(v) ? null : String(v).padStart(this.d.cmndLength[index] ?? 9, '0');
  }

  /** First six ID digits (province, G, YY) as a number, -1 without an ID. */
  idPrefixOf(index: number): number {
    const v = this.d.id[index] ?? Number.NaN;
    return Number.isNaN(v) ? -1 : Math.floor(v / MILLION);
  }

  /** The columns the fuzzy step ranks candidates by, read straight in its inner loop (never written). */
  get rankColumns(): RankColumns {
    const { given, family, birthYear, birthMonth, birthDay, sex } = this.d;
    return { given, family, birthYear, birthMonth, birthDay, sex };
  }

  // Cheap typed-array reads for ranking many candidates before building any of them.
  birthYearOf(index: number): number {
    return this.d.birthYear[index] ?? 0;
  }
  birthMonthOf(index: number): number {
    return this.d.birthMonth[index] ?? 0;
  }
  birthDayOf(index: number): number {
    return this.d.birthDay[index] ?? 0;
  }
  sexCodeOf(index: number): number {
    return this.d.sex[index] ?? 0;
  }
  familyCodeOf(index: number): number {
    return this.d.family[index] ?? -1;
  }
  givenCodeOf(index: number): number {
    return this.d.given[index] ?? -1;
  }

  /** Dictionary code of a folded given name, -1 when no registry person has it. */
  givenCode(given: string): number {
    return this.givenCodes.get(given) ?? -1;
  }
  familyCode(family: string): number {
    return this.familyCodes.get(family) ?? -1;
  }
  /** All folded given names of the registry, by code: for finding near spellings of an unknown one. */
  get givenNames(): readonly string[] {
    return this.d.givens;
  }

  // Term frequencies, counted over the registry itself.
  /** People whose folded full name is this. */
  nameCount(folded: string): number {
    return Math.max(0, this.d.nameCount.get(stringKey(folded)));
  }
  familyGivenCount(family: string, given: string): number {
    const f = this.familyCode(family);
    const g = this.givenCode(given);
    return f < 0 || g < 0 ? 0 : Math.max(0, this.d.familyGivenCount.get(familyGivenKey(f, g)));
  }
  givenCount(given: string): number {
    const g = this.givenCode(given);
    return g < 0 ? 0 : (this.d.givenCount[g] ?? 0);
  }
  /** People with this folded full name born in this year. */
  nameYearCount(folded: string, year: number): number {
    return Math.max(0, this.d.nameYearCount.get(nameYearKey(folded, year)));
  }

  /** The rows of one blocking key; a block larger than maxRows is reported with its size and no rows. */
  block(kind: BlockKind, key: BlockKey, maxRows: number): Block {
    const found = this.blockRows(kind, key, maxRows);
    return { rows: Array.from(found.rows), size: found.size, capped: found.capped };
  }

  /**
   * As block(), the rows in a typed array that is only lent: the next call reuses it. The fuzzy step asks for
   * thousands of blocks a run and reads each once, at once.
   */
  blockRows(kind: BlockKind, key: BlockKey, maxRows: number): { rows: Int32Array; size: number; capped: boolean } {
    const hash = this.blockHash(kind, key);
    if (hash < 0) return { rows: NO_ROWS, size: 0, capped: false };
    const bucket = this.blocks[kind].bucket(hash);
    // A bucket within the cap holds no capped block: the memo is only asked about the few large ones.
    const memo = bucket.length > maxRows ? this.blockMemoKey(kind, key) : null;
    const known = memo === null ? undefined : this.cappedSizes.get(memo);
    if (known !== undefined && known > maxRows) return { rows: NO_ROWS, size: known, capped: true };
    const n = this.keepMatching(kind, key, bucket, 0, bucket.length);
    if (n > maxRows) {
      if (memo !== null) this.cappedSizes.set(memo, n);
      return { rows: NO_ROWS, size: n, capped: true };
    }
    return { rows: this.scratch.subarray(0, n), size: n, capped: false };
  }

  /**
   * The rows of a block, in registry order, lent to `take` a few at a time until it returns false: the fuzzy step
   * stops once the rest of a block cannot rank. Only for a block whose bound is within the cap (nothing to skip).
   */
  scanBlock(kind: BlockKind, key: BlockKey, take: (rows: Int32Array) => boolean): void {
    const hash = this.blockHash(kind, key);
    if (hash < 0) return;
    const bucket = this.blocks[kind].bucket(hash);
    for (let from = 0; from < bucket.length; from += SCAN_CHUNK) {
      const n = this.keepMatching(kind, key, bucket, from, Math.min(from + SCAN_CHUNK, bucket.length));
      if (n > 0 && !take(this.scratch.subarray(0, n))) return;
    }
  }

  /** At least as many rows as the block holds (its bucket's): a block within the cap needs no scan to say so. */
  blockBound(kind: BlockKind, key: BlockKey): number {
    const hash = this.blockHash(kind, key);
    return hash < 0 ? 0 : this.blocks[kind].bucket(hash).length;
  }

  // Exactly the components blockHash and keepMatching read for this kind.
  private blockMemoKey(kind: BlockKind, k: BlockKey): string {
    const p = BLOCK_PARTS[kind];
    return `${kind}:${k.given},${p.year ? k.year : ''},${p.family ? k.family : ''},${p.date ? k.monthDay : ''},${p.idPrefix ? k.idPrefix : ''}`;
  }

  private scratch = new Int32Array(1024);

  /**
   * Puts the bucket's rows that hold exactly this key (a bucket is shared by every key hashing to it) in
   * `scratch` and says how many: the given name and the parts the kind adds, tested in one typed-array loop (a
   * large registry's blocks hold thousands of rows). The key's parts are read into locals once, not per row.
   */
  private keepMatching(kind: BlockKind, k: BlockKey, bucket: Int32Array, from: number, to: number): number {
    const { given, birthYear, birthMonth, birthDay, family, id } = this.d;
    const parts = BLOCK_PARTS[kind];
    const byYear = parts.year;
    const byFamily = parts.family;
    const byDate = parts.date;
    const byPrefix = parts.idPrefix;
    const wantGiven = k.given;
    const wantYear = k.year;
    const wantFamily = k.family;
    const wantMonthDay = k.monthDay;
    // Rows whose ID lies in [prefix, prefix + 1) millions: the same as floor(id / 1e6) === prefix.
    const lo = k.idPrefix * MILLION;
    const hi = lo + MILLION;
    if (this.scratch.length < to - from) this.scratch = new Int32Array(Math.max(to - from, this.scratch.length * 2));
    const out = this.scratch;
    let n = 0;
    for (let i = from; i < to; i += 1) {
      const r = bucket[i] as number;
      if (given[r] !== wantGiven) continue;
      if (byYear && birthYear[r] !== wantYear) continue;
      if (byFamily && family[r] !== wantFamily) continue;
      if (byDate && monthDay(birthMonth[r] as number, birthDay[r] as number) !== wantMonthDay) continue;
      if (byPrefix && !((id[r] as number) >= lo && (id[r] as number) < hi)) continue;
      out[n++] = r;
    }
    return n;
  }

  private blockHash(kind: BlockKind, k: BlockKey): number {
    if (k.given < 0) return -1;
    switch (kind) {
      case 'year_given':
        return k.year > 0 ? tupleHash(k.year, k.given) : -1;
      case 'given_date':
        return k.year > 0 && k.monthDay > 0 ? tupleHash(k.given, k.year, k.monthDay) : -1;
      case 'family_given_year':
        return k.family >= 0 && k.year > 0 ? tupleHash(k.family, k.given, k.year) : -1;
      case 'family_given_date':
        return k.family >= 0 && k.monthDay > 0 ? tupleHash(k.family, k.given, k.monthDay) : -1;
      case 'family_given':
        return k.family >= 0 ? tupleHash(k.family, k.given) : -1;
      case 'idprefix_given':
        return k.idPrefix >= 0 ? tupleHash(k.idPrefix, k.given) : -1;
    }
  }
}

/** A bounded memo: cleared when full, since a national registry has more distinct texts than are worth keeping. */
function remember<T>(memo: Map<number, T>, code: number, make: () => T): T {
  let value = memo.get(code);
  if (value === undefined) {
    value = make();
    if (memo.size >= TEXT_CACHE) memo.clear();
    memo.set(code, value);
  }
  return value;
}

/** A birth date's month and day as one key component; 0 unless both are known. */
export function monthDay(month: number, day: number): number {
  return month > 0 && day > 0 ? month * 32 + day : 0;
}

function partialDate(year: number, month: number, day: number): PartialDate | null {
  if (year === 0) return null;
  return { year, month: month === 0 ? null : month, day: month === 0 || day === 0 ? null : day };
}
