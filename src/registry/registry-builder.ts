// Turns registry records (arrays of cell texts) into a Registry, one row at a time, normalising every field with
// the same normalisers the lists go through, so both sides are compared alike.
import { parseBirthDate } from '../normalize/birth-date.js';
import { normalizeName } from '../normalize/name.js';
import { idCentury, normalizeOldId, normalizePersonalId, type IdResult } from '../normalize/personal-id.js';
import { normalizeSex } from '../normalize/sex.js';
import type { PartialDate, PersonName, Sex } from '../types.js';
import { cleanCell } from './clean-cell.js';
import { NumberHash } from './number-hash.js';
import { cmndKey, familyGivenKey, nameYearKey, Registry } from './registry.js';
import type { RegistryColumns } from './registry-columns.js';
import { parseRegistryStatus } from './registry-status.js';
import { stringKey } from './string-key.js';
import { TextCache } from './text-cache.js';
import { TextStore } from './text-store.js';

const NAME_CACHE = 100_000;
const DATE_CACHE = 100_000;
const SMALL_CACHE = 1_000;
const DIGITS_9 = /^\d{9}$/;
const DIGITS_12 = /^\d{12}$/;

interface NameEntry {
  readonly name: PersonName;
  readonly family: number;
  readonly given: number;
  /** Rows with this name not yet added to the count tables. */
  rows: number;
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
  private idNext = new Int32Array(this.cap);
  private cmndNext = new Int32Array(this.cap);
  private givenCount = new Int32Array(1024);
  private readonly names = new TextStore();
  private readonly addresses = new TextStore();
  private readonly families: string[] = [];
  private readonly givens: string[] = [];
  private readonly familyCodes = new Map<string, number>();
  private readonly givenCodes = new Map<string, number>();
  private readonly nameCount = new NumberHash(1024);
  private readonly familyGivenCount = new NumberHash(1024);
  private readonly nameYearCount = new NumberHash(1024);
  private readonly idIndex = new NumberHash(1024);
  private readonly cmndIndex = new NumberHash(1024);
  private readonly unknownStatus = new Map<string, number>();
  private readonly nameCache = new TextCache<NameEntry | null>(NAME_CACHE, (entry) => this.countName(entry));
  private readonly places = new Map<string, boolean>();
  private readonly dateByKey = new NumberHash(1024);
  private readonly dates: (PartialDate | null)[] = [];
  private readonly sexCache = new Map<string, Sex | null>();
  private readonly statusCache = new Map<string, boolean | null>();
  private badIds = 0;
  private duplicateIds = 0;

  constructor(
    private readonly file: string,
    private readonly headers: readonly string[],
    private readonly columns: RegistryColumns,
    private readonly runYear: number,
  ) {}

  /** One record of the export; `record` is its number in the file (the header is 1). */
  add(fields: readonly string[], record: number): void {
    const c = this.columns;
    // The normalisers clean their own input; only text stored as-is is cleaned here.
    const cell = (i: number): string => (i < 0 ? '' : (fields[i] ?? ''));

    const idText = cell(c.id);
    const idResult = idText.trim() === '' ? null : this.personalId(idText);
    const id = idResult?.value ?? null;
    if (idResult !== null && id === null && idResult.kind !== 'cmnd') this.badIds += 1;
    let cmnd = c.cmnd >= 0 ? this.oldId(cell(c.cmnd)) : null;
    // A 9-digit number in the ID column is an old CMND: keep it where CMNDs are looked up.
    if (cmnd === null && idResult?.kind === 'cmnd') cmnd = idResult.cmnd;
    const nameText = cleanCell(cell(c.name));
    const entry = this.name(nameText);
    const name = entry?.name ?? null;
    if (id === null && name === null) {
      this.skipped += 1;
      return;
    }

    if (this.n === this.cap) this.grow();
    const i = this.n;
    this.n += 1;
    this.row[i] = record;
    this.id[i] = id === null ? Number.NaN : Number(id);
    this.cmnd[i] = cmnd === null ? Number.NaN : Number(cmnd);
    this.cmndLength[i] = cmnd === null ? 0 : cmnd.length;
    this.idNext[i] = -1;
    this.cmndNext[i] = -1;
    if (id !== null) this.link(this.idIndex, this.idNext, Number(id), i, true);
    if (cmnd !== null) this.link(this.cmndIndex, this.cmndNext, cmndKey(cmnd), i, false);

    const century = id === null ? null : idCentury(id);
    const birth = c.birth >= 0 ? this.date(cell(c.birth), century) : null;
    setDate(birth, i, this.birthYear, this.birthMonth, this.birthDay);
    let sex = c.sex >= 0 ? this.sexOf(cell(c.sex)) : null;
    // The G digit is the registry's own record of sex; used only when the sex column is empty or absent.
    if (sex === null && id !== null) sex = Number(id[3]) % 2 === 0 ? 'M' : 'F';
    this.sex[i] = sex === 'M' ? 1 : sex === 'F' ? 2 : 0;

    const death = c.death >= 0 ? this.date(cell(c.death), null) : null;
    setDate(death, i, this.deathYear, this.deathMonth, this.deathDay);
    const statusText = cleanCell(cell(c.status));
    let alive = statusText === '' ? null : this.statusOf(statusText);
    if (alive === null && statusText !== '') this.unknownStatus.set(statusText, (this.unknownStatus.get(statusText) ?? 0) + 1);
    if (death !== null) alive = false;
    this.status[i] = alive === true ? 1 : alive === false ? 2 : 0;

    this.names.add(name === null ? '' : nameText);
    this.addresses.add(cleanCell(cell(c.address)));

    if (entry === null || name === null) {
      this.family[i] = -1;
      this.given[i] = -1;
      return;
    }
    this.family[i] = entry.family;
    this.given[i] = entry.given;
    entry.rows += 1;
    if (birth !== null) this.nameYearCount.increment(nameYearKey(name.folded, birth.year));
  }

  /**
   * Names repeat a lot (five Nguyễn Văn Hùng in a village): each distinct name is normalised and given its codes
   * once, and its name counts are added up in its cache entry, then into the count tables when it leaves.
   */
  private name(text: string): NameEntry | null {
    const at = this.nameCache.find(text);
    if (at >= 0) return this.nameCache.value(at);
    const name = normalizeName(text).value;
    const entry =
      name === null
        ? null
        : { name, family: intern(name.family, this.familyCodes, this.families), given: intern(name.given, this.givenCodes, this.givens), rows: 0 };
    this.nameCache.add(text, entry);
    return entry;
  }

  private countName(entry: NameEntry | null): void {
    if (entry === null || entry.rows === 0) return;
    const { name, family, given, rows } = entry;
    if (given >= this.givenCount.length) this.givenCount = grown(this.givenCount, Math.max(given + 1, this.givenCount.length * 2));
    this.givenCount[given] = (this.givenCount[given] ?? 0) + rows;
    this.nameCount.add(stringKey(name.folded), rows);
    this.familyGivenCount.add(familyGivenKey(family, given), rows);
    entry.rows = 0;
  }

  // The rest of a registry's columns repeat (a few dozen thousand dates, a handful of sex and status words) or
  // are plain digits, so each normaliser runs once per distinct value and the per-row cost is a Map lookup.

  /** normalizePersonalId of a cell: 9 or 12 plain digits, nearly every row, skip the general path. */
  private personalId(text: string): IdResult {
    if (text.length === 12 && DIGITS_12.test(text) && this.placeKnown(text)) return { value: text, kind: 'cccd', findings: [], cmnd: null };
    if (text.length === 9 && DIGITS_9.test(text)) return { value: null, kind: 'cmnd', findings: [], cmnd: text };
    return normalizePersonalId({ value: text });
  }

  /** normalizeOldId(...).value of a cell. */
  private oldId(text: string): string | null {
    if (text === '') return null;
    if (text.length === 9 && DIGITS_9.test(text)) return text;
    if (text.length === 12 && DIGITS_12.test(text) && this.placeKnown(text)) return text;
    return normalizeOldId({ value: text }).value;
  }

  /** Whether the ID's first three digits are a place-of-birth code, asked of the normaliser once per code. */
  private placeKnown(id: string): boolean {
    const code = id.slice(0, 3);
    let known = this.places.get(code);
    if (known === undefined) {
      known = normalizePersonalId({ value: `${code}000000000` }).kind === 'cccd';
      this.places.set(code, known);
    }
    return known;
  }

  /** parseBirthDate(...).value; the century (from the ID) reads two-digit years, so it is part of the key. */
  private date(text: string, century: number | null): PartialDate | null {
    if (text === '') return null;
    // dd/mm/yyyy and yyyy, nearly every registry date, are keyed by their digits: no string hashing.
    const key = dateKey(text);
    const full = key < 0 ? -1 : key * 64 + (century === null ? 0 : century / 100 - 18);
    const at = full >= 0 ? this.dateByKey.get(full) : -1;
    if (at >= 0) return this.dates[at] ?? null;
    const date = parseBirthDate({ value: text }, { order: 'dmy', date1904: false, century, runYear: this.runYear }).value;
    if (full >= 0 && this.dates.length < DATE_CACHE) {
      this.dateByKey.set(full, this.dates.length);
      this.dates.push(date);
    }
    return date;
  }

  private sexOf(text: string): Sex | null {
    const hit = this.sexCache.get(text);
    if (hit !== undefined) return hit;
    const sex = normalizeSex({ value: text }).value;
    if (this.sexCache.size >= SMALL_CACHE) this.sexCache.clear();
    this.sexCache.set(text, sex);
    return sex;
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
    this.names.trim();
    this.addresses.trim();
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
      id: this.id.slice(0, n),
      cmnd: this.cmnd.slice(0, n),
      cmndLength: this.cmndLength.slice(0, n),
      names: this.names,
      addresses: this.addresses,
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
      idIndex: this.idIndex,
      idNext: this.idNext.slice(0, n),
      cmndIndex: this.cmndIndex,
      cmndNext: this.cmndNext.slice(0, n),
    });
  }

  /** Appends row i to the chain of rows holding key, keeping registry order. */
  private link(index: NumberHash, next: Int32Array, key: number, i: number, countDuplicate: boolean): void {
    let r = index.setIfAbsent(key, i);
    if (r < 0) return;
    if (countDuplicate) this.duplicateIds += 1;
    while ((next[r] ?? -1) >= 0) r = next[r] ?? -1;
    next[r] = i;
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
    this.idNext = grown(this.idNext, c);
    this.cmndNext = grown(this.cmndNext, c);
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
function dateKey(text: string): number {
  if (text.length === 4) {
    const y = digits(text, 0, 4);
    return y < 0 ? -1 : y;
  }
  if (text.length !== 10 || text.charCodeAt(2) !== 47 || text.charCodeAt(5) !== 47) return -1;
  const d = digits(text, 0, 2);
  const m = digits(text, 3, 5);
  const y = digits(text, 6, 10);
  return d < 0 || m < 0 || y < 0 ? -1 : 10_000 + ((d * 100 + m) * 10_000 + y);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i) - 48;
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
