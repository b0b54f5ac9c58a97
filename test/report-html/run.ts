// A small in-memory run for the report.html tests: two communes, BTXH and NCC, every status, a deceased row, a
// duplicate, a duplicate under review, and two names typed by someone hostile. Every name, ID and account is invented.
import type { MatchMethod, MatchResult, MatchStatus } from '../../src/match/types.js';
import type { HtmlReportInput } from '../../src/report/html/build-html-report.js';
import type { Person } from '../../src/types.js';
import { person, personName } from '../report/people.js';

export const SCRIPT_NAME = '<script>alert(1)</script>';
export const IMG_NAME = '"><img src=x onerror=alert(2)>';
export const AN_PHU = 'Xã An Phú';
export const BINH_MINH_FILE = 'ds-binh-minh.csv';
export const FULL_ID = '038190001234';
export const FULL_ACCOUNT = '0123456789012';
export const REGISTRY_ID = '001085012345';

function result(p: Person, status: MatchStatus, method: MatchMethod, score: number | null, over: Partial<MatchResult> = {}): MatchResult {
  return {
    person: p,
    status,
    method,
    registryId: status === 'matched' || status === 'review' ? REGISTRY_ID : null,
    score,
    flags: [],
    explanation: '',
    candidates: [],
    correctedId: null,
    deathDate: null,
    ...over,
  };
}

const anPhu = (row: number, name: string, programme: string, amount: number | null, over: Partial<Person> = {}) =>
  person('ds-an-phu.xlsx', 'T12', row, { name: personName(name), commune: AN_PHU, programme, amount, ...over });
const binhMinh = (row: number, name: string, programme: string | null, amount: number | null, over: Partial<Person> = {}) =>
  person(BINH_MINH_FILE, '', row, { name: personName(name), programme, amount, ...over });

export const RESULTS: readonly MatchResult[] = [
  result(anPhu(8, 'Nguyễn Văn Hùng', 'BTXH', 500_000, { account: FULL_ACCOUNT, personalId: FULL_ID }), 'matched', 'id', 40),
  result(anPhu(9, 'Trần Thị Lụa', 'BTXH', 500_000, { cash: true }), 'matched', 'fuzzy', 12.3),
  result(anPhu(10, 'Lê Văn Tám', 'BTXH', 750_000, { account: '1234567890' }), 'matched', 'id', 40, {
    flags: ['deceased'],
    deathDate: { year: 2026, month: 10, day: null },
  }),
  result(anPhu(11, 'Phạm Thị Hoa', 'NCC', 1_500_000, { account: '9876543210', personalId: '001190004321' }), 'review', 'fuzzy', 2, {
    flags: ['weak_name'],
    explanation: `fuzzy: 2 candidate(s); manual note names ${REGISTRY_ID}`,
  }),
  result(anPhu(12, 'Nguyễn Văn Hùng', 'BTXH', 500_000, { account: FULL_ACCOUNT, personalId: FULL_ID }), 'matched', 'id', 40, {
    flags: ['duplicate'],
  }),
  result(anPhu(13, SCRIPT_NAME, 'NCC', 1_500_000), 'unmatched', 'fuzzy', -8),
  result(
    binhMinh(1, 'Đỗ Thị Mai', 'BTXH', 750_000, {
      rep: { name: personName('Đỗ Văn Hải'), personalId: null, account: '5550001112223' },
    }),
    'matched',
    'id_corrected',
    9.6,
  ),
  result(binhMinh(2, IMG_NAME, null, null), 'invalid', '', null),
  result(binhMinh(3, 'Hoàng Văn Nam', 'BTXH', 750_000, { account: '4440001112' }), 'matched', 'id', 40, { flags: ['duplicate_review'] }),
];

export function runInput(over: Partial<HtmlReportInput> = {}): HtmlReportInput {
  return {
    results: RESULTS,
    runDate: '2026-12-01',
    toolVersion: '0.1.0',
    lists: [
      { file: 'ds-an-phu.xlsx', rowsRead: 11, people: 6, skipped: 5 },
      { file: BINH_MINH_FILE, rowsRead: 3, people: 3, skipped: 0 },
    ],
    ...over,
  };
}
