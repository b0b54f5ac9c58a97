// In-memory match results for the payment tests. Every name, ID and account is invented.
import { foldText } from '../../src/normalize/fold.js';
import type { MatchResult } from '../../src/match/types.js';
import { PAY_DEFAULTS, type PayOptions } from '../../src/pay/options.js';
import type { BankRef, Person, PersonName } from '../../src/types.js';

export const AGRIBANK: BankRef = { bin: '970405', shortName: 'Agribank' };
export const VCB: BankRef = { bin: '970436', shortName: 'Vietcombank' };
export const VBSP: BankRef = { bin: '999888', shortName: 'VBSP' };

export function personName(display: string): PersonName {
  const folded = foldText(display);
  const words = folded.split(' ');
  return { display, key: display.toLowerCase(), folded, family: words[0] ?? '', middle: words.slice(1, -1).join(' '), given: words[words.length - 1] ?? '' };
}

let counter = 0;

export interface RowSpec extends Partial<Omit<Person, 'name'>> {
  readonly name?: string | null;
  readonly row?: number;
  readonly file?: string;
}

export function person(spec: RowSpec = {}): Person {
  const row = spec.row ?? ++counter + 7;
  const { name, file, ...rest } = spec;
  return {
    prov: { file: file ?? 'ds-xa-tan-lap.xlsx', sheet: 'T12', row },
    fingerprint: `fp${row}`.padEnd(16, '0'),
    raw: {},
    name: name === undefined ? personName('Nguyễn Thị Lụa') : name === null ? null : personName(name),
    birth: { year: 1940, month: null, day: null },
    sex: 'F',
    personalId: null,
    idKind: 'cccd',
    oldId: null,
    village: 'Thôn Đông',
    address: null,
    commune: 'Tân Lập',
    programme: 'BTXH',
    amount: 750_000,
    account: null,
    bank: null,
    cash: false,
    rep: null,
    phone: null,
    note: null,
    problems: [],
    ...rest,
  };
}

export function matched(p: Person, registryId: string, over: Partial<MatchResult> = {}): MatchResult {
  return {
    person: p,
    status: 'matched',
    method: 'id',
    registryId,
    score: 40,
    flags: [],
    explanation: 'ID and name agree.',
    candidates: [],
    correctedId: null,
    deathDate: null,
    ...over,
  };
}

export const OPTIONS: PayOptions = {
  ...PAY_DEFAULTS,
  period: '2026-12',
  debitAccounts: [{ id: 'btxh', account: '3700201001234', bankBin: '970405', name: 'UBND xã Tân Lập', programmes: [] }],
};

export const RUN_DATE = '2026-12-01';
