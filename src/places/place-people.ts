// Every row's commune in 2025 units: what the row or its list says (column, address, title rows), else the file
// or sheet name, else --commune; mapped through the 2025 table within the row's province, else the run's. The
// commune shown becomes the new one; the old one stays as written. Pure but for the table, read once.
import type { Person, WrittenPlace } from '../types.js';
import { foldText } from '../normalize/fold.js';
import { adminUnits, type AdminUnits } from './admin-units.js';
import { resolveCommune, type CommuneResolution } from './resolve-commune.js';
import { unitKey } from './unit-key.js';

export interface PlaceOptions {
  /** The run's province: --province, else the one most of the registry's addresses name. */
  readonly province: string | null;
  /** --commune: for rows whose list names no commune anywhere. */
  readonly commune: string | null;
}

const KIND_WORD = /^(xa|phuong|thi tran|tt|x|p)$/;

/**
 * A commune named in a file or sheet name ("DS BTXH xa Quang Hoa.xlsx", "P. Hồng Hà"): the words after "xã" /
 * "phường" that are a commune's name in the table, longest first.
 */
export function communeInName(units: AdminUnits, text: string, province: string | null = null): string | null {
  const words = foldText(text.replace(/\.[a-z0-9]+$/i, '')).replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  for (let i = 0; i < words.length - 1; i++) {
    if (!KIND_WORD.test(words[i]!)) continue;
    for (let n = Math.min(4, words.length - i - 1); n >= 1; n--) {
      const name = words.slice(i + 1, i + 1 + n).join(' ');
      if (units.oldByName.has(name) || units.newByName.has(name)) return `${words[i]} ${name}`;
    }
  }
  // "btxh-nghia-thuan.xlsx": without "xã", only a name of two words or more that one commune of the province has.
  if (province === null) return null;
  const targets = units.provinces.get(unitKey(province));
  if (!targets) return null;
  for (let n = 4; n >= 2; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const name = words.slice(i, i + n).join(' ');
      const into = new Set([
        ...(units.oldByName.get(name) ?? []).flatMap((o) => o.into).filter((u) => targets.includes(u.province)).map((u) => u.code),
        ...(units.newByName.get(name) ?? []).filter((u) => targets.includes(u.province)).map((u) => u.code),
      ]);
      if (into.size === 1) return name;
    }
  }
  return null;
}

function writtenOf(p: Person, units: AdminUnits, options: PlaceOptions, named: Map<string, string | null>): WrittenPlace {
  const w = p.writtenPlace ?? { commune: p.commune, district: null, province: null, from: p.commune ? 'column' : null };
  if (w.commune !== null) return w;
  // Every row of a sheet asks the same question of its sheet and file name.
  const key = `${p.prov.sheet}\u0000${p.prov.file}`;
  let name = named.get(key);
  if (name === undefined) {
    name = communeInName(units, p.prov.sheet, options.province) ?? communeInName(units, p.prov.file.split('/').pop() ?? '', options.province);
    named.set(key, name);
  }
  if (name !== null) return { ...w, commune: name, from: 'name' };
  if (options.commune !== null) return { ...w, commune: options.commune, from: 'settings' };
  return w;
}

export interface Placed {
  readonly people: Person[];
  /** How many rows each outcome had: resolved, divided, ambiguous, unknown (no commune or not in the table). */
  readonly counts: Readonly<Record<CommuneResolution['kind'], number>>;
}

export function placePeople(people: readonly Person[], options: PlaceOptions, units: AdminUnits = adminUnits()): Placed {
  // Rows of one commune share its resolution and the commune2025 object built from it (never mutated).
  const memo = new Map<string, { r: CommuneResolution; resolved?: NonNullable<Person['commune2025']> }>();
  const named = new Map<string, string | null>();
  const counts = { resolved: 0, divided: 0, ambiguous: 0, unknown: 0 };
  const out = people.map((p) => {
    const w = writtenOf(p, units, options, named);
    const key = `${w.commune}\u0000${w.district}\u0000${w.province}`;
    let m = memo.get(key);
    if (m === undefined) {
      m = { r: resolveCommune(units, w, options.province) };
      memo.set(key, m);
    }
    const r = m.r;
    counts[r.kind]++;
    const written = w.commune;
    if (r.kind === 'resolved') {
      if (m.resolved === undefined) {
        const renamed = written !== null && unitKey(written) !== unitKey(r.unit.name) ? written : null;
        const merged = (units.oldsOf.get(r.unit.code) ?? []).map((o) => o.name).filter((n) => unitKey(n) !== unitKey(r.unit.name));
        m.resolved = { name: r.unit.name, code: r.unit.code, province: r.unit.province, written: renamed, merged: [...new Set(merged)] };
      }
      return { ...p, writtenPlace: w, commune: r.unit.name, commune2025: m.resolved };
    }
    if (r.kind === 'divided') {
      // Shown under the old name until the registry address settles it (settle-divided.ts).
      return {
        ...p,
        writtenPlace: w,
        commune: written,
        commune2025: { name: r.old.name, code: '', province: r.candidates[0]!.province, written, divided: r.candidates.map((c) => c.code) },
      };
    }
    return { ...p, writtenPlace: w, commune: written ?? p.commune, commune2025: null };
  });
  return { people: out, counts };
}
