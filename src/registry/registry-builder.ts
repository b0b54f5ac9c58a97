// Turns registry records (arrays of cell texts) into a Registry, one row at a time, normalising every field with
// the same normalisers the lists go through, so both sides are compared alike.
import { parseBirthDate } from '../normalize/birth-date.js';
import { normalizeName } from '../normalize/name.js';
import { idCentury, normalizeOldId, normalizePersonalId } from '../normalize/personal-id.js';
import { normalizeSex } from '../normalize/sex.js';
import { cleanText } from '../normalize/text.js';
import type { PartialDate, PersonName } from '../types.js';
import { NumberHash } from './number-hash.js';
import { cmndKey, familyGivenKey, nameYearKey, Registry } from './registry.js';
import type { RegistryColumns } from './registry-columns.js';
import { parseRegistryStatus } from './registry-status.js';
import { stringKey } from './string-key.js';
import { TextStore } from './text-store.js';

const NAME_CACHE = 100_000;

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
  private readonly nameCache = new Map<string, PersonName | null>();
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
    const idResult = idText.trim() === '' ? null : normalizePersonalId({ value: idText });
    const id = idResult?.value ?? null;
    if (idResult !== null && id === null && idResult.kind !== 'cmnd') this.badIds += 1;
    let cmnd = c.cmnd >= 0 ? normalizeOldId({ value: cell(c.cmnd) }).value : null;
    // A 9-digit number in the ID column is an old CMND: keep it where CMNDs are looked up.
    if (cmnd === null && idResult?.kind === 'cmnd') cmnd = idResult.cmnd;
    const nameText = cleanText(cell(c.name));
    const name = this.name(nameText);
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
    const dateOptions = { order: 'dmy', date1904: false, century, runYear: this.runYear } as const;
    const birth = c.birth >= 0 ? parseBirthDate({ value: cell(c.birth) }, dateOptions).value : null;
    setDate(birth, i, this.birthYear, this.birthMonth, this.birthDay);
    let sex = c.sex >= 0 ? normalizeSex({ value: cell(c.sex) }).value : null;
    // The G digit is the registry's own record of sex; used only when the sex column is empty or absent.
    if (sex === null && id !== null) sex = Number(id[3]) % 2 === 0 ? 'M' : 'F';
    this.sex[i] = sex === 'M' ? 1 : sex === 'F' ? 2 : 0;

    const death = c.death >= 0 ? parseBirthDate({ value: cell(c.death) }, { ...dateOptions, century: null }).value : null;
    setDate(death, i, this.deathYear, this.deathMonth, this.deathDay);
    const statusText = cleanText(cell(c.status));
    let alive = statusText === '' ? null : parseRegistryStatus(statusText);
    if (alive === null && statusText !== '') this.unknownStatus.set(statusText, (this.unknownStatus.get(statusText) ?? 0) + 1);
    if (death !== null) alive = false;
    this.status[i] = alive === true ? 1 : alive === false ? 2 : 0;

    this.names.add(name === null ? '' : nameText);
    this.addresses.add(cleanText(cell(c.address)));

    if (name === null) {
      this.family[i] = -1;
      this.given[i] = -1;
      return;
    }
    const f = intern(name.family, this.familyCodes, this.families);
    const g = intern(name.given, this.givenCodes, this.givens);
    this.family[i] = f;
    this.given[i] = g;
    if (g >= this.givenCount.length) this.givenCount = grown(this.givenCount, this.givenCount.length * 2);
    this.givenCount[g] = (this.givenCount[g] ?? 0) + 1;
    this.nameCount.increment(stringKey(name.folded));
    this.familyGivenCount.increment(familyGivenKey(f, g));
    if (birth !== null) this.nameYearCount.increment(nameYearKey(name.folded, birth.year));
  }

  /** Names repeat a lot (five Nguyễn Văn Hùng in a village): a bounded cache saves most of the normalising. */
  private name(text: string): PersonName | null {
    const hit = this.nameCache.get(text);
    if (hit !== undefined) return hit;
    const name = normalizeName(text).value;
    if (this.nameCache.size >= NAME_CACHE) this.nameCache.clear();
    this.nameCache.set(text, name);
    return name;
  }

  finish(): Registry {
    const n = this.n;
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
    let r = index.get(key);
    if (r < 0) {
      index.set(key, i);
      return;
    }
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

function setDate(date: PartialDate | null, i: number, year: Uint16Array, month: Uint8Array, day: Uint8Array): void {
  year[i] = date?.year ?? 0;
  month[i] = date?.month ?? 0;
  day[i] = date?.day ?? 0;
}
