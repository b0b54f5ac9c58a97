// Turns registry records (the byte ranges of a record's cells) into a Registry, one row at a time, normalising
// every field with the same normalisers the lists go through, so both sides are compared alike. A registry is
// machine-made: IDs and dates are plain digits, read straight from the bytes, and names, addresses, sex and
// status words repeat, so each distinct one is decoded and normalised once and recognised by its bytes after.
import { parseBirthDate } from '../normalize/birth-date.js';
import { normalizeName } from '../normalize/name.js';
import { idCentury, normalizeOldId, normalizePersonalId } from '../normalize/personal-id.js';
import { normalizeSex } from '../normalize/sex.js';
import type { PartialDate, PersonName, Sex } from '../types.js';
import { ByteCache } from './byte-cache.js';
import { cleanCell } from './clean-cell.js';
import { RowIndex } from './id-index.js';
import { nameYearKeyFrom, nameYearPrefix, type NameYearPrefix } from './name-year-key.js';
import { NumberHash } from './number-hash.js';
import { familyGivenKey, Registry } from './registry.js';
import type { RegistryColumns } from './registry-columns.js';
import { parseRegistryStatus } from './registry-status.js';
import { stringKey } from './string-key.js';
import { TextDictionary } from './text-dictionary.js';

const NAME_CACHE = 200_000;
const DATE_CACHE = 100_000;
const SMALL_CACHE = 1_000;
const utf8 = new TextDecoder();

interface NameEntry {
  /** null when the cell is not a name. */
  readonly name: PersonName | null;
  readonly family: number;
  readonly given: number;
  /** Code of the cleaned name text in the names dictionary; 0 ('') without a name. */
  readonly text: number;
  readonly yearKey: NameYearPrefix | null;
  /** Rows with this name not yet added to the count tables. */
  rows: number;
}

const NO_NAME: NameEntry = { name: null, family: -1, given: -1, text: 0, yearKey: null, rows: 0 };

interface StatusEntry {
  readonly text: string;
  readonly alive: boolean | null;
}

type Typed = Int32Array | Float64Array | Uint8Array | Uint16Array;

function grown<T extends Typed>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

export class RegistryBuilder {
  private n = 0;
  private cap = 1024;
  private skipped = 0;
  private row = new Int32Array(this.cap);
  private id = new Float64Array(this.cap);
  private cmnd = new Float64Array(this.cap);
  private cmndLength = new Uint8Array(this.cap);
  private birthYear = new Uint16Array(this.cap);
  private birthMonth = new Uint8Array(this.cap);
  private birthDay = new Uint8Array(this.cap);
  private sex = new Uint8Array(this.cap);
  private status = new Uint8Array(this.cap);
  private deathYear = new Uint16Array(this.cap);
  private deathMonth = new Uint8Array(this.cap);
  private deathDay = new Uint8Array(this.cap);
  private family = new Int32Array(this.cap);
  private given = new Int32Array(this.cap);
  private nameText = new Int32Array(this.cap);
  private addressText = new Int32Array(this.cap);
  private givenCount = new Int32Array(1024);
  private readonly names = new TextDictionary();
  private readonly addresses = new TextDictionary();
  private readonly families: string[] = [];
  private readonly givens: string[] = [];
  private readonly familyCodes = new Map<string, number>();
  private readonly givenCodes = new Map<string, number>();
  private readonly nameCount = new NumberHash(1024);
  private readonly familyGivenCount = new NumberHash(1024);
  private readonly nameYearCount = new NumberHash(1024);
  private readonly unknownStatus = new Map<string, number>();
  private readonly nameCache = new ByteCache<NameEntry>(NAME_CACHE, (entry) => this.countName(entry));
  /** Per place-of-birth code (first three ID digits): 1 known, 0 not, -1 not asked yet. */
  private readonly places = new Int8Array(1000).fill(-1);
  private readonly dateByKey = new NumberHash(1024);
  private readonly dates: (PartialDate | null)[] = [];
  private sexBytes = new ByteCache<number>(SMALL_CACHE);
  private statusBytes = new ByteCache<StatusEntry>(SMALL_CACHE);
  private readonly sexCache = new Map<string, Sex | null>();
  private readonly statusCache = new Map<string, boolean | null>();
  private badIds = 0;
  private duplicateIds = 0;
  /** The length of the digits the last oldId() read. */
  private oldIdLength = 0;
  private textStarts = new Int32Array(16);
  private textEnds = new Int32Array(16);

  constructor(
    private readonly file: string,
    private readonly headers: readonly string[],
    private readonly columns: RegistryColumns,
    private readonly runYear: number,
  ) {}

  /**
   * One record of the export: cell k is bytes[starts[k] … ends[k]) for k < count (UTF-8), cells past count
   * are empty. `record` is its number in the file (the header is 1).
   */
  add(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, record: number): void {
    const c = this.columns;
    const from = (k: number): number => (k >= 0 && k < count ? (starts[k] as number) : 0);
    const to = (k: number): number => (k >= 0 && k < count ? (ends[k] as number) : 0);

    // The ID: 12 plain digits with a known place code, nearly every row; 9 digits are an old CMND.
    let id = Number.NaN;
    let idText: string | null = null; // only when the general normaliser read it
    let cmndFromId: string | null = null;
    const is = from(c.id);
    const ie = to(c.id);
    const idDigits = ie - is === 12 || ie - is === 9 ? digitsOf(bytes, is, ie) : -1;
    if (ie - is === 12 && idDigits >= 0 && this.placeKnown(Math.floor(idDigits / 1e9))) id = idDigits;
    else if (ie - is === 9 && idDigits >= 0) cmndFromId = String(idDigits).padStart(9, '0');
    else if (ie > is) {
      const text = utf8.decode(bytes.subarray(is, ie));
      if (text.trim() !== '') {
        const r = normalizePersonalId({ value: text });
        if (r.value !== null) {
          idText = r.value;
          id = Number(r.value);
        } else if (r.kind === 'cmnd') cmndFromId = r.cmnd;
        else this.badIds += 1;
      }
    }
    let cmnd = c.cmnd >= 0 ? this.oldId(bytes, from(c.cmnd), to(c.cmnd)) : Number.NaN;
    let cmndLength = this.oldIdLength;
    // A 9-digit number in the ID column is an old CMND: keep it where CMNDs are looked up.
    if (Number.isNaN(cmnd) && cmndFromId !== null) {
      cmnd = Number(cmndFromId);
      cmndLength = cmndFromId.length;
    }
    const entry = this.name(bytes, from(c.name), to(c.name));
    const name = entry.name;
    const hasId = !Number.isNaN(id);
    if (!hasId && name === null) {
      this.skipped += 1;
      return;
    }

    if (this.n === this.cap) this.grow();
    const i = this.n;
    this.n += 1;
    this.row[i] = record;
    this.id[i] = id;
    this.cmnd[i] = cmnd;
    this.cmndLength[i] = Number.isNaN(cmnd) ? 0 : cmndLength;

    // The G digit (the 4th) gives the century of two-digit years, and is the registry's own record of sex.
    const g = !hasId ? -1 : idText !== null ? Number(idText[3]) : Math.floor(id / 1e8) % 10;
    const century = !hasId ? null : idText !== null ? idCentury(idText) : 1900 + Math.floor(g / 2) * 100;
    const birth = c.birth >= 0 ? this.date(bytes, from(c.birth), to(c.birth), century) : null;
    setDate(birth, i, this.birthYear, this.birthMonth, this.birthDay);
    let sex = c.sex >= 0 ? this.sexAt(bytes, from(c.sex), to(c.sex)) : 0;
    // Used only when the sex column is empty or absent.
    if (sex === 0 && hasId) sex = g % 2 === 0 ? 1 : 2;
    this.sex[i] = sex;

    const death = c.death >= 0 ? this.date(bytes, from(c.death), to(c.death), null) : null;
    setDate(death, i, this.deathYear, this.deathMonth, this.deathDay);
    const status = this.statusAt(bytes, from(c.status), to(c.status));
    let alive = status.alive;
    if (alive === null && status.text !== '') this.unknownStatus.set(status.text, (this.unknownStatus.get(status.text) ?? 0) + 1);
    if (death !== null) alive = false;
    this.status[i] = alive === true ? 1 : alive === false ? 2 : 0;

    this.nameText[i] = entry.text;
    this.addressText[i] = c.address >= 0 ? this.addresses.code(bytes, from(c.address), to(c.address)) : 0;

    if (name === null) {
      this.family[i] = -1;
      this.given[i] = -1;
      return;
    }
    this.family[i] = entry.family;
    this.given[i] = entry.given;
    entry.rows += 1;
    if (birth !== null && entry.yearKey !== null) this.nameYearCount.increment(nameYearKeyFrom(entry.yearKey, birth.year));
  }

  /** One record given as cell texts (a workbook's rows, a UTF-16 export): encoded, then read as bytes are. */
  addTexts(fields: readonly string[], record: number): void {
    const bytes = Buffer.from(fields.join(''), 'utf8');
    if (fields.length > this.textStarts.length) {
      this.textStarts = new Int32Array(fields.length);
      this.textEnds = new Int32Array(fields.length);
    }
    let at = 0;
    for (let k = 0; k < fields.length; k += 1) {
      this.textStarts[k] = at;
      at += Buffer.byteLength(fields[k] ?? '', 'utf8');
      this.textEnds[k] = at;
    }
    this.add(bytes, this.textStarts, this.textEnds, fields.length, record);
  }

  /**
   * Names repeat a lot (five Nguyễn Văn Hùng in a village): each distinct name is normalised and given its codes
   * once, and its name counts are added up in its cache entry, then into the count tables when it leaves.
   */
  private name(bytes: Uint8Array, start: number, end: number): NameEntry {
    const at = this.nameCache.find(bytes, start, end);
    if (at >= 0) return this.nameCache.value(at);
    const name = normalizeName(cleanCell(utf8.decode(bytes.subarray(start, end)))).value;
    const entry: NameEntry =
      name === null
        ? NO_NAME
        : {
            name,
            family: intern(name.family, this.familyCodes, this.families),
            given: intern(name.given, this.givenCodes, this.givens),
            text: this.names.code(bytes, start, end),
            yearKey: nameYearPrefix(name.folded),
            rows: 0,
          };
    this.nameCache.add(bytes, start, end, entry);
    return entry;
  }

  private countName(entry: NameEntry): void {
    if (entry.name === null || entry.rows === 0) return;
    const { name, family, given, rows } = entry;
    if (given >= this.givenCount.length) this.givenCount = grown(this.givenCount, Math.max(given + 1, this.givenCount.length * 2));
    this.givenCount[given] = (this.givenCount[given] ?? 0) + rows;
    this.nameCount.add(stringKey(name.folded), rows);
    this.familyGivenCount.add(familyGivenKey(family, given), rows);
    entry.rows = 0;
  }

  // The rest of a registry's columns repeat (a few dozen thousand dates, a handful of sex and status words) or
  // are plain digits, so each normaliser runs once per distinct value.

  /** normalizeOldId(...).value of a cell, as a number (NaN when none); its length goes to oldIdLength. */
  private oldId(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    this.oldIdLength = length;
    if (length === 0) return Number.NaN;
    if (length === 9 || length === 12) {
      const v = digitsOf(bytes, start, end);
      if (v >= 0 && (length === 9 || this.placeKnown(Math.floor(v / 1e9)))) return v;
    }
    const digits = normalizeOldId({ value: utf8.decode(bytes.subarray(start, end)) }).value;
    this.oldIdLength = digits === null ? 0 : digits.length;
    return digits === null ? Number.NaN : Number(digits);
  }

  /** Whether a place-of-birth code (an ID's first three digits) is known, asked of the normaliser once per code. */
  private placeKnown(code: number): boolean {
    let known = this.places[code] as number;
    if (known < 0) {
      known = normalizePersonalId({ value: `${String(code).padStart(3, '0')}000000000` }).kind === 'cccd' ? 1 : 0;
      this.places[code] = known;
    }
    return known === 1;
  }

  /** parseBirthDate(...).value; the century (from the ID) reads two-digit years, so it is part of the key. */
  private date(bytes: Uint8Array, start: number, end: number, century: number | null): PartialDate | null {
    if (end === start) return null;
    // dd/mm/yyyy and yyyy, nearly every registry date, are keyed by their digits.
    const key = dateKey(bytes, start, end);
    const full = key < 0 ? -1 : key * 64 + (century === null ? 0 : century / 100 - 18);
    const at = full >= 0 ? this.dateByKey.get(full) : -1;
    if (at >= 0) return this.dates[at] ?? null;
    const text = utf8.decode(bytes.subarray(start, end));
    const date = parseBirthDate({ value: text }, { order: 'dmy', date1904: false, century, runYear: this.runYear }).value;
    if (full >= 0 && this.dates.length < DATE_CACHE) {
      this.dateByKey.set(full, this.dates.length);
      this.dates.push(date);
    }
    return date;
  }

  /** 1 male, 2 female, 0 not stated. */
  private sexAt(bytes: Uint8Array, start: number, end: number): number {
    const at = this.sexBytes.find(bytes, start, end);
    if (at >= 0) return this.sexBytes.value(at);
    const sex = this.sexOf(utf8.decode(bytes.subarray(start, end)));
    const code = sex === 'M' ? 1 : sex === 'F' ? 2 : 0;
    this.sexBytes.add(bytes, start, end, code);
    return code;
  }

  private sexOf(text: string): Sex | null {
    const hit = this.sexCache.get(text);
    if (hit !== undefined) return hit;
    const sex = normalizeSex({ value: text }).value;
    if (this.sexCache.size >= SMALL_CACHE) this.sexCache.clear();
    this.sexCache.set(text, sex);
    return sex;
  }

  /** The cleaned status text and what it says (null: empty, or not understood). */
  private statusAt(bytes: Uint8Array, start: number, end: number): StatusEntry {
    const at = this.statusBytes.find(bytes, start, end);
    if (at >= 0) return this.statusBytes.value(at);
    const text = cleanCell(utf8.decode(bytes.subarray(start, end)));
    const entry = { text, alive: text === '' ? null : this.statusOf(text) };
    this.statusBytes.add(bytes, start, end, entry);
    return entry;
  }

  private statusOf(text: string): boolean | null {
    const hit = this.statusCache.get(text);
    if (hit !== undefined) return hit;
    const alive = parseRegistryStatus(text);
    if (this.statusCache.size >= SMALL_CACHE) this.statusCache.clear();
    this.statusCache.set(text, alive);
    return alive;
  }

  finish(): Registry {
    const n = this.n;
    this.nameCache.drain();
    const names = this.names.store;
    const addresses = this.addresses.store;
    names.trim();
    addresses.trim();
    const id = this.id.slice(0, n);
    const idRows = new RowIndex(id, null, n);
    this.duplicateIds = idRows.repeats;
    const warnings: string[] = [];
    if (this.skipped > 0) warnings.push(`${this.skipped} registry row(s) have neither a usable ID nor a name and were left out.`);
    if (this.badIds > 0) warnings.push(`${this.badIds} registry row(s) have an ID that is not a well-formed 12-digit number; they can only be found by name.`);
    if (this.duplicateIds > 0) warnings.push(`${this.duplicateIds} registry row(s) repeat an ID held by an earlier row.`);
    if (this.unknownStatus.size > 0) {
      const seen = [...this.unknownStatus.entries()].slice(0, 5).map(([v, k]) => `"${v}" (${k})`).join(', ');
      warnings.push(`Status values not understood, read as "not stated": ${seen}. Deaths are still taken from the death-date column.`);
    }
    return new Registry({
      file: this.file,
      columns: this.columns,
      headers: this.headers,
      size: n,
      skipped: this.skipped,
      warnings,
      row: this.row.slice(0, n),
      id,
      cmnd: this.cmnd.slice(0, n),
      cmndLength: this.cmndLength.slice(0, n),
      names,
      addresses,
      nameText: this.nameText.slice(0, n),
      addressText: this.addressText.slice(0, n),
      birthYear: this.birthYear.slice(0, n),
      birthMonth: this.birthMonth.slice(0, n),
      birthDay: this.birthDay.slice(0, n),
      sex: this.sex.slice(0, n),
      status: this.status.slice(0, n),
      deathYear: this.deathYear.slice(0, n),
      deathMonth: this.deathMonth.slice(0, n),
      deathDay: this.deathDay.slice(0, n),
      family: this.family.slice(0, n),
      given: this.given.slice(0, n),
      families: this.families,
      givens: this.givens,
      givenCount: this.givenCount.slice(0, this.givens.length),
      nameCount: this.nameCount,
      familyGivenCount: this.familyGivenCount,
      nameYearCount: this.nameYearCount,
      idRows,
    });
  }

  private grow(): void {
    this.cap *= 2;
    const c = this.cap;
    this.row = grown(this.row, c);
    this.id = grown(this.id, c);
    this.cmnd = grown(this.cmnd, c);
    this.cmndLength = grown(this.cmndLength, c);
    this.birthYear = grown(this.birthYear, c);
    this.birthMonth = grown(this.birthMonth, c);
    this.birthDay = grown(this.birthDay, c);
    this.sex = grown(this.sex, c);
    this.status = grown(this.status, c);
    this.deathYear = grown(this.deathYear, c);
    this.deathMonth = grown(this.deathMonth, c);
    this.deathDay = grown(this.deathDay, c);
    this.family = grown(this.family, c);
    this.given = grown(this.given, c);
    this.nameText = grown(this.nameText, c);
    this.addressText = grown(this.addressText, c);
  }
}

function intern(text: string, codes: Map<string, number>, list: string[]): number {
  let code = codes.get(text);
  if (code === undefined) {
    code = list.length;
    codes.set(text, code);
    list.push(text);
  }
  return code;
}

/** The digits of a dd/mm/yyyy or yyyy date as one number (distinct forms never share one), else -1. */
function dateKey(bytes: Uint8Array, start: number, end: number): number {
  if (end - start === 4) return digitsOf(bytes, start, end);
  if (end - start !== 10 || bytes[start + 2] !== 47 || bytes[start + 5] !== 47) return -1;
  const d = digitsOf(bytes, start, start + 2);
  const m = digitsOf(bytes, start + 3, start + 5);
  const y = digitsOf(bytes, start + 6, end);
  return d < 0 || m < 0 || y < 0 ? -1 : 10_000 + ((d * 100 + m) * 10_000 + y);
}

/** The ASCII digits bytes[start … end) as a number (exact up to 15 digits), or -1 when any is not a digit. */
function digitsOf(bytes: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i += 1) {
    const c = (bytes[i] as number) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function setDate(date: PartialDate | null, i: number, year: Uint16Array, month: Uint8Array, day: Uint8Array): void {
  year[i] = date?.year ?? 0;
  month[i] = date?.month ?? 0;
  day[i] = date?.day ?? 0;
}
