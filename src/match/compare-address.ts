// Does the registry's permanent address mention the row's village, or at least its commune? Words like "thôn",
// "xóm", "xã" are dropped before the search unless what remains is a bare number ("Thôn 3" stays "thon 3",
// or it would match any "3" in a house number).
import { addressKey } from '../registry/address-key.js';
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

function mentions(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

type Place = Pick<Person, 'village' | 'commune' | 'address'>;

// A row is compared with up to 30 candidates: its own phrases are worked out once.
const phrases = new WeakMap<Place, { village: string; commune: string }>();

function placePhrases(person: Place): { village: string; commune: string } {
  let known = phrases.get(person);
  if (known === undefined) {
    known = {
      // With no village column, the first part of a written address ("Thôn Đông, xã …") stands for it.
      village: phrase(person.village ?? person.address?.split(',')[0] ?? null, VILLAGE_WORDS),
      commune: phrase(person.commune, COMMUNE_WORDS),
    };
    phrases.set(person, known);
  }
  return known;
}

export function compareAddress(person: Place, registryKey: string): AddressLevel {
  const { village, commune } = placePhrases(person);
  if ((village === '' && commune === '') || registryKey === '') return 'missing';
  if (mentions(registryKey, village)) return 'village';
  if (mentions(registryKey, commune)) return 'commune';
  return 'disagree';
}
