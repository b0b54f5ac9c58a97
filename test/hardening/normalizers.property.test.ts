// Every normaliser against any cell a reader can hand over: it never throws, its value is null or of the shape
// later stages rely on, and what it noticed is a catalogued finding (problems.csv shows codes and severities).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cellText } from '../../src/layout/cell-text.js';
import { normalizeAccount } from '../../src/normalize/account.js';
import { resolveBank } from '../../src/normalize/bank.js';
import { ambiguousDayMonth, detectDateOrder, formatPartialDate, parseBirthDate } from '../../src/normalize/birth-date.js';
import { displayCell } from '../../src/normalize/cell-display.js';
import { parseAmount } from '../../src/normalize/money.js';
import { normalizeName } from '../../src/normalize/name.js';
import { checkIdAgainstPerson, normalizeOldId, normalizePersonalId } from '../../src/normalize/personal-id.js';
import { normalizePhone } from '../../src/normalize/phone.js';
import { PROBLEM_CODES } from '../../src/normalize/problem-codes.js';
import { normalizeSex } from '../../src/normalize/sex.js';
import type { Finding } from '../../src/types.js';
import { cellValueArb, rawCellArb } from './cell-values.js';

const RUNS = { numRuns: 1500 };

function expectCatalogued(findings: readonly Finding[]): void {
  for (const f of findings) {
    expect(Object.keys(PROBLEM_CODES)).toContain(f.code);
    expect(f.severity).toBe(PROBLEM_CODES[f.code as keyof typeof PROBLEM_CODES].severity);
    expect(f.message).not.toBe('');
  }
}

describe('normalisers never throw and return the right shape', () => {
  test('personal ID: null, or 12 digits with a real place code, kind cccd', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = normalizePersonalId(cell);
        expectCatalogued(r.findings);
        expect(['cccd', 'cmnd', 'missing', 'invalid', 'unrecoverable']).toContain(r.kind);
        expect(r.value === null).toBe(r.kind !== 'cccd');
        if (r.value !== null) {
          expect(r.value).toMatch(/^\d{12}$/);
          expect(['0', '1', '2']).toContain(r.value[0]);
        }
        expect(r.cmnd === null || /^\d{9}$/.test(r.cmnd)).toBe(true);
      }),
      RUNS,
    );
  });

  test('old ID (CMND column): null, or 9 or 12 digits', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = normalizeOldId(cell);
        expectCatalogued(r.findings);
        expect(r.value === null || /^(\d{9}|\d{12})$/.test(r.value)).toBe(true);
      }),
      RUNS,
    );
  });

  test('ID against sex and birth year: only catalogued findings, for any ID text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), fc.constantFrom('M' as const, 'F' as const, null), fc.option(fc.integer()), (id, sex, year) => {
        expectCatalogued(checkIdAgainstPerson(id, sex, year));
      }),
      RUNS,
    );
  });

  test('birth date: null, or a real calendar date (or year, or month and year) no one is too young or too old for', () => {
    const options = fc.record({
      order: fc.constantFrom('dmy' as const, 'mdy' as const),
      date1904: fc.boolean(),
      century: fc.constantFrom(null, 1900, 2000, 2100),
      runYear: fc.integer({ min: 1990, max: 2100 }),
    });
    fc.assert(
      fc.property(rawCellArb, options, (cell, opts) => {
        const r = parseBirthDate(cell, opts);
        expectCatalogued(r.findings);
        ambiguousDayMonth(cell);
        const d = r.value;
        if (d === null) return;
        expect(Number.isInteger(d.year)).toBe(true);
        expect(d.year).toBeLessThanOrEqual(opts.runYear);
        expect(d.year).toBeGreaterThanOrEqual(opts.runYear - 120);
        if (d.month === null) {
          expect(d.day).toBeNull();
        } else {
          expect(d.month).toBeGreaterThanOrEqual(1);
          expect(d.month).toBeLessThanOrEqual(12);
        }
        if (d.day !== null) {
          expect(d.day).toBeGreaterThanOrEqual(1);
          expect(d.day).toBeLessThanOrEqual(new Date(Date.UTC(d.year, d.month!, 0)).getUTCDate());
        }
        expect(formatPartialDate(d)).toMatch(/^((\d{2}\/)?\d{2}\/)?\d{4}$/);
      }),
      RUNS,
    );
  });

  test('day/month order of a whole file: a column written day first reads day first, month first month first', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const dateArb = fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }), year: fc.integer({ min: 1920, max: 2020 }) });
    fc.assert(
      fc.property(fc.array(dateArb, { minLength: 1, maxLength: 30 }), fc.array(fc.option(rawCellArb), { maxLength: 5 }), fc.boolean(), (dates, noise, monthFirst) => {
        // At least one date whose day is above 12 proves the order; the rest may be anything of that order.
        const proof = { ...dates[0]!, day: 13 + (dates[0]!.day % 16) };
        const written = [proof, ...dates.slice(1)].map((d) => ({
          value: monthFirst ? `${two(d.month)}/${two(d.day)}/${d.year}` : `${two(d.day)}/${two(d.month)}/${d.year}`,
        }));
        // Cells that are no dd/mm pair (years alone, text, numbers) do not change the answer.
        const noisy = noise.filter((c) => c === null || (typeof c.value === 'string' && !/\d/.test(c.value)));
        const r = detectDateOrder([...written, ...noisy]);
        expect(r).toMatchObject({ order: monthFirst ? 'mdy' : 'dmy', settled: true });
        // Read in that order, every date is the one written.
        for (const [i, cell] of written.entries()) {
          const d = i === 0 ? proof : dates[i]!;
          const read = parseBirthDate(cell, { order: r.order, date1904: false, runYear: 2026 }).value;
          expect(read).toEqual({ year: d.year, month: d.month, day: d.day });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('amount: null, or a whole number of đồng, not negative, exactly representable', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = parseAmount(cell);
        expectCatalogued(r.findings);
        if (r.value !== null) {
          expect(Number.isSafeInteger(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(Object.is(r.value, -0)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  test('account: null, or 6 to 19 digits as text', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = normalizeAccount(cell);
        expectCatalogued(r.findings);
        expect(r.value === null || /^\d{6,19}$/.test(r.value)).toBe(true);
      }),
      RUNS,
    );
  });

  test('bank: null, cash, or a bank with a 6-digit BIN', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = resolveBank(cell);
        expectCatalogued(r.findings);
        if (r.value?.kind === 'bank') expect(r.value.bank.bin).toMatch(/^\d{6}$/);
        else if (r.value !== null) expect(r.value).toEqual({ kind: 'cash' });
      }),
      RUNS,
    );
  });

  test('sex: null, M or F', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = normalizeSex(cell);
        expectCatalogued(r.findings);
        expect([null, 'M', 'F']).toContain(r.value);
      }),
      RUNS,
    );
  });

  test('phone: null, a 10-digit mobile or an 11-digit 02x landline', () => {
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const r = normalizePhone(cell);
        expectCatalogued(r.findings);
        expect(r.value === null || /^(0[35789]\d{8}|02\d{9})$/.test(r.value)).toBe(true);
      }),
      RUNS,
    );
  });

  test('name: null, or display, keys and parts that are trimmed, single-spaced, folded without marks', () => {
    fc.assert(
      fc.property(cellValueArb, (value) => {
        const r = normalizeName(value);
        expectCatalogued(r.findings);
        const n = r.value;
        if (n === null) return;
        for (const text of [n.display, n.key, n.folded]) {
          expect(text).not.toBe('');
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(/\s\s/);
        }
        expect(n.key).toBe(n.key.toLowerCase());
        expect(n.folded).not.toMatch(/[\u0300-\u036fđĐÐð]/);
        expect(n.given).toBe(n.folded.split(' ').at(-1));
        expect([n.family, n.middle, n.given].filter((p) => p !== '').join(' ')).toBe(n.folded);
      }),
      RUNS,
    );
  });

  test('a cell shown as text (problems.csv, skipped rows, fingerprints): what the officer sees in the cell', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(rawCellArb, (cell) => {
        const v = cell.value;
        const shown = displayCell(cell);
        // Text as typed; whole numbers in full, never 1e+21 or 3.8e10 (an ID shown so could not be checked by
        // hand), with the zeros a "000000000000" format shows; dates as dd/mm/yyyy.
        if (typeof v === 'string') expect(shown).toBe(v);
        // (A negative number under a zeros format shows as '0000000000-1': no ID or amount is negative.)
        else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e21) {
          expect(shown).toMatch(/^\d+$/);
          expect(BigInt(shown)).toBe(BigInt(v));
          if (/^0+$/.test(cell.numFmt ?? '')) expect(shown.length).toBeGreaterThanOrEqual(cell.numFmt!.length);
        } else if (v instanceof Date && !Number.isNaN(v.getTime())) {
          expect(shown).toBe(`${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`);
        }
        // The text the layout matches headers and skip rules on: the same words, spaces collapsed, trimmed.
        const text = cellText(cell);
        expect(text).not.toMatch(/^\s|\s$|[\s\u00a0]{2}/);
        if (typeof v === 'string') expect(text.split(' ').join('')).toBe(v.replace(/[\s\u00a0]+/g, ''));
      }),
      RUNS,
    );
  });
});
