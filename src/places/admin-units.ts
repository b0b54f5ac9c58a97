// The 2025 map of old communes to new (src/data/admin-units-2025.tsv, written by scripts/build-admin-units.mjs from
// the reference table): 10,602 rows, one per old commune and new commune it went into. Loaded once, on first use.
import { existsSync, readFileSync } from 'node:fs';
import { unitKey } from './unit-key.js';

export interface NewCommune {
  /** Official name with its kind: "Xã Quảng Hòa", "Phường Hồng Hà". */
  readonly name: string;
  readonly code: string;
  readonly province: string;
}

export interface OldCommune {
  readonly name: string;
  readonly code: string;
  readonly district: string;
  readonly province: string;
  /** The new communes it went into: several when it was divided. */
  readonly into: readonly NewCommune[];
}

export interface AdminUnits {
  /** unitKey of the old commune's name → old communes of that name. */
  readonly oldByName: ReadonlyMap<string, readonly OldCommune[]>;
  readonly newByName: ReadonlyMap<string, readonly NewCommune[]>;
  readonly newByCode: ReadonlyMap<string, NewCommune>;
  /** New commune code → the old communes that went into it (wholly or in part). */
  readonly oldsOf: ReadonlyMap<string, readonly OldCommune[]>;
  /** unitKey of every province name, old and new → the new province it is (or went into). */
  readonly provinces: ReadonlyMap<string, readonly string[]>;
}

let loaded: AdminUnits | null = null;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function parseAdminUnits(tsv: string): AdminUnits {
  const lines = tsv.split('\n').filter((l) => l !== '');
  const head = lines[0]!.split('\t');
  const col = (name: string): number => head.indexOf(name);
  const [op, od, oc, ocode, np, nc, ncode] = ['old_province', 'old_district', 'old_commune', 'old_commune_code', 'new_province', 'new_commune', 'new_commune_code'].map(col);
  const newByCode = new Map<string, NewCommune>();
  const olds = new Map<string, { name: string; code: string; district: string; province: string; into: NewCommune[] }>();
  const provinces = new Map<string, Set<string>>();
  for (const line of lines.slice(1)) {
    const f = line.split('\t');
    const code = f[ncode!]!;
    let unit = newByCode.get(code);
    if (!unit) {
      unit = { name: f[nc!]!, code, province: f[np!]! };
      newByCode.set(code, unit);
    }
    const oldCode = f[ocode!]!;
    let old = olds.get(oldCode);
    if (!old) {
      old = { name: f[oc!]!, code: oldCode, district: f[od!]!, province: f[op!]!, into: [] };
      olds.set(oldCode, old);
    }
    if (!old.into.includes(unit)) old.into.push(unit);
    for (const p of [f[op!]!, f[np!]!]) {
      const set = provinces.get(unitKey(p)) ?? new Set<string>();
      set.add(f[np!]!);
      provinces.set(unitKey(p), set);
    }
  }
  const oldByName = new Map<string, OldCommune[]>();
  const oldsOf = new Map<string, OldCommune[]>();
  for (const old of olds.values()) {
    push(oldByName, unitKey(old.name), old);
    for (const unit of old.into) push(oldsOf, unit.code, old);
  }
  const newByName = new Map<string, NewCommune[]>();
  for (const unit of newByCode.values()) push(newByName, unitKey(unit.name), unit);
  return {
    oldByName, newByName, newByCode, oldsOf,
    provinces: new Map([...provinces].map(([k, v]) => [k, [...v].sort()])),
  };
}

// src/data beside this file when run from the sources; from dist/src/places, the package's own src/data.
const TABLE = [new URL('../data/admin-units-2025.tsv', import.meta.url), new URL('../../../src/data/admin-units-2025.tsv', import.meta.url)];

/** The project's table, read once. */
export function adminUnits(): AdminUnits {
  loaded ??= parseAdminUnits(readFileSync(TABLE.find((u) => existsSync(u)) ?? TABLE[0]!, 'utf8'));
  return loaded;
}
