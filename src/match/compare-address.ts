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

export function compareAddress(person: Pick<Person, 'village' | 'commune' | 'address'>, registryKey: string): AddressLevel {
  // With no village column, the first part of a written address ("Thôn Đông, xã …") stands for it.
  const village = phrase(person.village ?? person.address?.split(',')[0] ?? null, VILLAGE_WORDS);
  const commune = phrase(person.commune, COMMUNE_WORDS);
  if ((village === '' && commune === '') || registryKey === '') return 'missing';
  if (mentions(registryKey, village)) return 'village';
  if (mentions(registryKey, commune)) return 'commune';
  return 'disagree';
}
