// In-memory Tables and Persons for the report tests. Every name, ID and account is invented.
import { foldText } from '../../src/normalize/fold.js';
import type { Field, Person, PersonName, Problem, Severity, SkippedRow, SkipReason, Table } from '../../src/types.js';

export function personName(display: string): PersonName {
  const folded = foldText(display);
  const words = folded.split(' ');
  return {
    display,
    key: display.toLowerCase(),
    folded,
    family: words[0] ?? '',
    middle: words.slice(1, -1).join(' '),
    given: words[words.length - 1] ?? '',
  };
}

export function problem(
  at: { file: string; sheet: string; row: number },
  column: Field,
  code: string,
  severity: Severity,
  raw: string,
  message: string,
): Problem {
  return { ...at, column, code, severity, raw, message };
}

export function person(file: string, sheet: string, row: number, over: Partial<Person> = {}): Person {
  return {
    prov: { file, sheet, row },
    fingerprint: `fp${row}`.padEnd(16, '0'),
    raw: {},
    name: null,
    birth: null,
    sex: null,
    personalId: null,
    idKind: 'missing',
    oldId: null,
    village: null,
    address: null,
    commune: null,
    programme: null,
    amount: null,
    account: null,
    bank: null,
    cash: false,
    rep: null,
    phone: null,
    note: null,
    problems: [],
    ...over,
  };
}

export function skippedRow(file: string, sheet: string, row: number, reason: SkipReason, text: string): SkippedRow {
  return { prov: { file, sheet, row }, reason, text };
}

/** A Table whose rows are the people's rows; only what the clean outputs read is filled in. */
export function table(file: string, sheet: string, people: readonly Person[], skipped: readonly SkippedRow[]): Table {
  return {
    file,
    sheet,
    headerRows: [5, 6],
    numberRow: 7,
    columns: [],
    rows: people.map((p) => ({ prov: p.prov, cells: {} })),
    skipped,
    rowsRead: people.length + skipped.length,
  };
}
