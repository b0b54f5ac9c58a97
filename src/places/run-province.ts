// The province a run is about, when --province does not say: the one most of the registry's addresses name (a
// registry export is one province's), else the one most rows name. Taken only with a clear majority.
import type { AdminUnits } from './admin-units.js';
import { addressParts } from './address-parts.js';
import { unitKey } from './unit-key.js';

const SAMPLE = 4000;

/** The new province most of `addresses` name, if at least half of those that name one agree. */
export function majorityProvince(units: AdminUnits, addresses: Iterable<string | null>): string | null {
  const votes = new Map<string, number>();
  let named = 0;
  const isProvince = (name: string): boolean => units.provinces.has(unitKey(name));
  for (const address of addresses) {
    const province = addressParts(address, isProvince).province;
    const targets = province === null ? undefined : units.provinces.get(unitKey(province));
    if (!targets) continue;
    named++;
    // An old province merged with others counts for the province it went into.
    for (const t of targets) votes.set(t, (votes.get(t) ?? 0) + 1 / targets.length);
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best && best[1] * 2 >= named ? best[0] : null;
}

/** Evenly spaced registry addresses, so that a registry of millions costs a few milliseconds. */
export function* sampleAddresses(size: number, addressAt: (index: number) => string | null): Generator<string | null> {
  const step = Math.max(1, Math.floor(size / SAMPLE));
  for (let i = 0; i < size; i += step) yield addressAt(i);
}
