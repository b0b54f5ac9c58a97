// Whatever the run looks like, nobody who must not be paid is in a bank file or on the cash list, and every
// row lands in exactly one place: a bank line, a cash line, or the exceptions.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/match/types.js';
import { buildPayments } from '../../src/pay/build-payments.js';
import type { PayOptions } from '../../src/pay/options.js';
import type { BankRef } from '../../src/types.js';
import type { SheetSpec } from '../../src/write/output-spec.js';
import { AGRIBANK, matched, OPTIONS, person, personName, RUN_DATE, VBSP, VCB } from './fixtures.js';

/** A printed list's rows of people: without the "Cộng trang" rows closing its pages. */
function people(sheet: SheetSpec): (readonly unknown[])[] {
  const totals = new Set(sheet.paging?.totals ?? []);
  return sheet.rows.filter((_, i) => !totals.has(i));
}

const NAMES = ['Nguyễn Thị Lụa', 'Trần Văn Đức', 'Lò Văn Pá', 'Đặng Thị Ðào', 'Hoàng Văn Nam', 'Phạm Thị Mơ', 'Lê Văn Tư'];

const resultArb = fc.record({
  status: fc.constantFrom('matched', 'matched', 'matched', 'review', 'unmatched', 'invalid'),
  flags: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 3 }, { arbitrary: fc.subarray(['deceased', 'duplicate', 'duplicate_review', 'name_differs']), weight: 1 }),
  dead: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  registry: fc.integer({ min: 1, max: 12 }), // a small pool, so the same person turns up twice
  programme: fc.constantFrom('BTXH', 'Bảo trợ xã hội', 'NCC', null),
  amount: fc.oneof(fc.constant(null), fc.constantFrom(0, -500_000, 1.5, 10_000_000, 10_000_001), { arbitrary: fc.integer({ min: 1, max: 3_000_000 }), weight: 4 }),
  account: fc.oneof({ arbitrary: fc.constant<string | null>(null), weight: 2 }, { arbitrary: fc.stringMatching(/^\d{6,19}$/), weight: 2 }, fc.constant('12345')),
  rawAccount: fc.constantFrom('', '', '', '3.80412E+10'),
  bank: fc.constantFrom<BankRef | null>(null, AGRIBANK, VCB, VBSP),
  cash: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  name: fc.option(fc.constantFrom(...NAMES), { nil: null }),
  rep: fc.option(fc.record({ name: fc.constantFrom(...NAMES), account: fc.option(fc.stringMatching(/^\d{8,14}$/), { nil: null }) }), { nil: null }),
  village: fc.option(fc.constantFrom('Thôn Đông', 'Bản Mường', 'Xóm 3'), { nil: null }),
});

type Spec = typeof resultArb extends fc.Arbitrary<infer T> ? T : never;

function toResults(specs: readonly Spec[]): MatchResult[] {
  return specs.map((s, i) => {
    const p = person({
      row: i + 8,
      name: s.name,
      programme: s.programme,
      amount: s.amount,
      account: s.account,
      raw: { account: s.account ?? s.rawAccount },
      bank: s.bank,
      cash: s.cash,
      village: s.village,
      rep: s.rep ? { name: personName(s.rep.name), personalId: null, account: s.rep.account } : null,
    });
    const registryId = s.status === 'matched' || s.status === 'review' ? `0381400${String(s.registry).padStart(5, '0')}` : null;
    return matched(p, registryId ?? '', {
      status: s.status as MatchResult['status'],
      registryId,
      flags: s.flags,
      deathDate: s.dead ? { year: 2026, month: null, day: null } : null,
    });
  });
}

function mustNotBePaid(r: MatchResult): boolean {
  return r.status !== 'matched' || r.flags.includes('deceased') || r.flags.includes('duplicate') || r.flags.includes('duplicate_review') || r.deathDate !== null;
}

const options: PayOptions = { ...OPTIONS, bankTemplates: { '970436': { ...OPTIONS.genericTemplate, delimiter: ';', descriptionMax: 19 } } };

describe('payments over generated runs', () => {
  it('never pays the dead, duplicates, rows under review, unmatched or invalid rows; every row lands in exactly one place', () => {
    let bankSeen = 0;
    let cashSeen = 0;
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 30 }), (specs) => {
        const results = toResults(specs);
        const built = buildPayments(results, options, { runDate: RUN_DATE });
        const byRow = new Map(results.map((r) => [r.person.prov.row, r]));

        // Bank files, read back as the bank would.
        const bankRows: { row: number; name: string; description: string; lineId: string }[] = [];
        for (const f of built.files) {
          if (!f.path.startsWith('payments/bank-')) continue;
          if (f.kind !== 'text') throw new Error('generic and configured templates here are CSV');
          const records = parse(f.content, { bom: true, columns: true, delimiter: f.path.includes('970436') ? ';' : ',' }) as Record<string, string>[];
          for (const rec of records) {
            const line = built.ledger.find((l) => l.lineId === rec['Ma tham chieu'])!;
            expect(line).toBeDefined();
            bankRows.push({ row: line.sourceRow, name: rec['Ten chu tai khoan']!, description: rec['Noi dung']!, lineId: line.lineId });
            const max = f.path.includes('970436') ? 19 : 50;
            expect(rec['Noi dung']!.length).toBeLessThanOrEqual(max);
          }
        }
        // The cash list's line-ID column.
        const cashIds: string[] = [];
        const cash = built.files.find((f) => f.path === 'payments/cash-list.xlsx');
        if (cash?.kind === 'xlsx') for (const s of cash.sheets) for (const r of people(s)) cashIds.push(String(r[s.columns.findIndex((c) => c.key === 'line_id')]));

        for (const b of bankRows) {
          expect(mustNotBePaid(byRow.get(b.row)!)).toBe(false);
          expect(b.name).toMatch(/^[A-Z]+( [A-Z]+)*$/);
          expect(b.description).toMatch(/^[A-Z0-9 ]+$/);
        }
        for (const id of cashIds) expect(mustNotBePaid(byRow.get(built.ledger.find((l) => l.lineId === id)!.sourceRow)!)).toBe(false);
        expect(bankRows.length + cashIds.length).toBe(built.ledger.length);
        bankSeen += bankRows.length;
        cashSeen += cashIds.length;

        // Exactly one place per row.
        const exceptions = built.files.find((f) => f.path === 'payments/exceptions.xlsx');
        const exceptionRows = exceptions?.kind === 'xlsx' ? people(exceptions.sheets[0]!).map((r) => Number(r[3])) : [];
        const placed = [...built.ledger.map((l) => l.sourceRow), ...exceptionRows].sort((a, b) => a - b);
        expect(placed).toEqual(results.map((r) => r.person.prov.row));

        // No line ID twice, and the ledger total is what the summary reports.
        expect(new Set(built.ledger.map((l) => l.lineId)).size).toBe(built.ledger.length);
        expect(built.ledger.reduce((s, l) => s + l.amount, 0)).toBe(built.summary.bankAmount + built.summary.cashAmount);
        expect(built.ledger.every((l) => Number.isSafeInteger(l.amount) && l.amount > 0 && l.amount <= options.amountCap)).toBe(true);
      }),
      { numRuns: 150 },
    );
    // The generator does make paid rows: the property is not vacuous.
    expect(bankSeen).toBeGreaterThan(20);
    expect(cashSeen).toBeGreaterThan(5);
  });

  it('a second run with the first ledger as issued pays nobody again', () => {
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 20 }), (specs) => {
        const results = toResults(specs);
        const first = buildPayments(results, options, { runDate: RUN_DATE });
        const second = buildPayments(results, options, { runDate: RUN_DATE, previousLedger: first.ledger });
        expect(second.ledger).toEqual([]);
        // Every row paid the first time is now 'already paid' (another listing of the same person may be too).
        const exceptions = second.files.find((f) => f.path === 'payments/exceptions.xlsx');
        const reasons = new Map(exceptions?.kind === 'xlsx' ? people(exceptions.sheets[0]!).map((r) => [Number(r[3]), r[8]]) : []);
        for (const l of first.ledger) expect(reasons.get(l.sourceRow)).toBe('already_paid');
      }),
      { numRuns: 100 },
    );
  });
});
