// The bank column → a NAPAS BIN, or cash through the postal service. Names are compared as folded words with
// a leading "Ngân hàng"/"NH"/"TMCP"/"chi nhánh" dropped, and the longest known name that starts the cell wins,
// so whatever follows it (a branch, a district) does not matter.
import { BANK_ALIASES } from '../data/bank-aliases.js';
import { BANKS } from '../data/banks.js';
import type { BankRef, Normalized, RawCell } from '../types.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';
import { cleanText } from './text.js';

export type BankResolution = { readonly kind: 'bank'; readonly bank: BankRef } | { readonly kind: 'cash' };

// Words that may stand before the bank's name without telling which bank it is.
const LEADING: ReadonlyArray<readonly string[]> = [
  ['ngan', 'hang'], ['nh'], ['nhtm'], ['nhtmcp'], ['tmcp'], ['thuong', 'mai', 'co', 'phan'], ['tnhh'], ['mtv'],
  ['chi', 'nhanh'], ['cn'], ['pgd'], ['phong', 'giao', 'dich'], ['vi', 'dien', 'tu'], ['vi'], ['tai', 'khoan'], ['tk'],
];

function words(text: string): string[] {
  const all = foldText(cleanText(text)).split(/[^a-z0-9]+/).filter((w) => w !== '');
  let start = 0;
  for (let again = true; again; ) {
    again = false;
    for (const lead of LEADING) {
      if (lead.every((w, i) => all[start + i] === w)) {
        start += lead.length;
        again = true;
      }
    }
  }
  return all.slice(start);
}

/** Each BIN with the short name it is shown by: the hand-written alias's display name, else the first listed. */
function buildRefs(): ReadonlyMap<string, BankRef> {
  const refs = new Map<string, BankRef>();
  for (const bank of BANKS) {
    if (!refs.has(bank.bin)) refs.set(bank.bin, { bin: bank.bin, shortName: bank.shortName });
  }
  for (const alias of BANK_ALIASES) {
    if (alias.target !== 'cash' && alias.display !== undefined) refs.set(alias.target, { bin: alias.target, shortName: alias.display });
  }
  return refs;
}

const REFS = buildRefs();

/** The bank of a BIN as a list's bank column resolves to it (a ledger keeps the BIN only); null for an unknown BIN. */
export function bankOfBin(bin: string): BankRef | null {
  return REFS.get(bin) ?? null;
}

/** Folded names, words joined without spaces ("MB Bank" and "MBBank" alike) → what they resolve to. */
function buildDirectory(): ReadonlyMap<string, BankResolution> {
  const directory = new Map<string, BankResolution>();
  const add = (name: string, resolution: BankResolution): void => {
    const key = words(name).join('');
    if (key !== '' && !directory.has(key)) directory.set(key, resolution);
  };
  const refs = REFS;
  // The hand-written aliases go first, so they win over any clash among the official names.
  for (const alias of BANK_ALIASES) {
    const ref = refs.get(alias.target);
    const resolution: BankResolution | null = alias.target === 'cash' ? { kind: 'cash' } : ref ? { kind: 'bank', bank: ref } : null;
    if (resolution === null) continue;
    for (const name of alias.names) add(name, resolution);
  }
  for (const bank of BANKS) {
    const ref = refs.get(bank.bin);
    if (!ref) continue;
    for (const name of [bank.shortName, bank.code, bank.name]) add(name, { kind: 'bank', bank: ref });
  }
  return directory;
}

const DIRECTORY = buildDirectory();

export function resolveBank(cell: RawCell | null): Normalized<BankResolution> {
  const v = cell?.value ?? null;
  if (v === null || typeof v !== 'string') {
    return v === null ? { value: null, findings: [] } : { value: null, findings: [finding('bank_unknown', 'The bank cell holds no name.')] };
  }
  if (cleanText(v) === '') return { value: null, findings: [] };
  const w = words(v);
  for (let k = w.length; k > 0; k--) {
    const found = DIRECTORY.get(w.slice(0, k).join(''));
    if (found) return { value: found, findings: [] };
  }
  return { value: null, findings: [finding('bank_unknown', 'The bank name matches no known bank, wallet or cash keyword.')] };
}
