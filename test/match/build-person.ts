// A list row as the normalisers would hand it to the matcher, built from what an officer types in the cells.
import { parseBirthDate } from '../../src/normalize/birth-date.js';
import { normalizeName } from '../../src/normalize/name.js';
import { normalizeOldId, normalizePersonalId } from '../../src/normalize/personal-id.js';
import { normalizeSex } from '../../src/normalize/sex.js';
import type { Person } from '../../src/types.js';

export interface RowSpec {
  readonly row?: number;
  readonly name?: string;
  readonly birth?: string;
  readonly sex?: string;
  /** Text, or a number cell (which loses the leading zero). */
  readonly id?: string | number;
  readonly cmnd?: string;
  readonly village?: string;
  readonly commune?: string;
}

export function buildPerson(spec: RowSpec): Person {
  const id = spec.id === undefined ? null : normalizePersonalId({ value: spec.id });
  const old = spec.cmnd === undefined ? null : normalizeOldId({ value: spec.cmnd }).value;
  const raw: Record<string, string> = {};
  if (spec.name !== undefined) raw.name = spec.name;
  if (spec.birth !== undefined) raw.birth_date = spec.birth;
  if (spec.id !== undefined) raw.personal_id = String(spec.id);
  return {
    prov: { file: 'danh-sach.xlsx', sheet: 'Sheet1', row: spec.row ?? 5 },
    fingerprint: '0000000000000000',
    raw,
    name: spec.name === undefined ? null : normalizeName(spec.name).value,
    birth: spec.birth === undefined ? null : parseBirthDate({ value: spec.birth }, { order: 'dmy', date1904: false, runYear: 2026 }).value,
    sex: spec.sex === undefined ? null : normalizeSex({ value: spec.sex }).value,
    personalId: id?.value ?? null,
    idKind: id?.kind ?? 'missing',
    oldId: old ?? id?.cmnd ?? null,
    village: spec.village ?? null,
    address: null,
    commune: spec.commune ?? null,
    programme: 'BTXH',
    amount: 500000,
    account: null,
    bank: null,
    cash: true,
    rep: null,
    phone: null,
    note: null,
    problems: [],
  };
}
