// Does the registry's permanent address mention the row's village, or at least its commune? Words like "thôn",
// "xóm", "xã" are dropped before the search unless what remains is a bare number ("Thôn 3" stays "thon 3",
// or it would match any "3" in a house number).
import { addressKey, mentionsPhrase } from '../registry/address-key.js';
import type { Person } from '../types.js';
import type { AddressLevel } from './levels.js';

const VILLAGE_WORDS = /^(thon|xom|ap|ban|bon|buon|lang|khom|doi|to dan pho|tdp|khu pho|kp|khu|to|pho|sroc|phum)\s+/;
const COMMUNE_WORDS = /^(xa|phuong|thi tran|tt|dac khu)\s+/;

function phrase(text: string | null, generic: RegExp): string {
  if (text === null) return '';
  const key = addressKey(text);
  const bare = key.replace(generic, '');
  return /^\d+$/.test(bare) ? key : bare;
}


type Place = Pick<Person, 'village' | 'commune' | 'address'> & Partial<Pick<Person, 'commune2025'>>;

interface Phrases {
  readonly village: string;
  /** The row's commune, its 2025 name and the old communes merged into it: any of them agrees. */
  readonly communes: readonly string[];
  /** The old commune the row writes, when it is not the new one. */
  readonly ownOld: string;
  /** The other old communes of the same new commune: their villages are not the row's. */
  readonly otherOlds: readonly string[];
}

// A row is compared with up to 30 candidates: its own phrases are worked out once.
const phrases = new WeakMap<Place, Phrases>();

function placePhrases(person: Place): Phrases {
  let known = phrases.get(person);
  if (known === undefined) {
    const unit = person.commune2025 ?? null;
    const ownOld = unit?.written ? phrase(unit.written, COMMUNE_WORDS) : '';
    const merged = (unit?.merged ?? []).map((n) => phrase(n, COMMUNE_WORDS));
    const communes = [person.commune, unit?.name ?? null, unit?.written ?? null].map((c) => phrase(c, COMMUNE_WORDS));
    known = {
      // With no village column, the first part of a written address ("Thôn Đông, xã …") stands for it.
      village: phrase(person.village ?? person.address?.split(',')[0] ?? null, VILLAGE_WORDS),
      communes: [...new Set([...communes, ...merged].filter((c) => c !== ''))],
      ownOld,
      otherOlds: ownOld === '' ? [] : merged.filter((m) => m !== ownOld),
    };
    phrases.set(person, known);
  }
  return known;
}

export function compareAddress(person: Place, registryKey: string): AddressLevel {
  const { village, communes, ownOld, otherOlds } = placePhrases(person);
  if ((village === '' && communes.length === 0) || registryKey === '') return 'missing';
  if (mentionsPhrase(registryKey, village)) {
    // Two "Thôn 1" of two old communes now in one new commune are two villages.
    const elsewhere = ownOld !== '' && !mentionsPhrase(registryKey, ownOld) && otherOlds.some((o) => mentionsPhrase(registryKey, o));
    return elsewhere ? 'commune' : 'village';
  }
  if (communes.some((c) => mentionsPhrase(registryKey, c))) return 'commune';
  return 'disagree';
}
