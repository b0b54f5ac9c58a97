// The pruned candidate search (blocks left early, over-cap buckets, the registry's lent scratch rows, the reused
// row marks) against a plain full scan with the same ranking (full-scan.ts), on registries made to be hard for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/match/find-candidates.js';
import { MATCH_DEFAULTS, type MatchOptions } from '../../src/match/options.js';
import { BLOCK_KINDS, monthDay, type BlockKey, type BlockKind, type Registry } from '../../src/registry/registry.js';
import { candidateRegistry, HOMONYMS, listRows, WIDER, type Generated, type ListRow } from './candidate-registries.js';
import { fullScan } from './full-scan.js';

const OPTIONS: readonly MatchOptions[] = [
  MATCH_DEFAULTS,
  // Year blocks over the cap, the family's within it; a cap hit by the family's own year too.
  { ...MATCH_DEFAULTS, maxBlockRows: 60 },
  { ...MATCH_DEFAULTS, maxBlockRows: 15, maxCandidates: 5 },
  { ...MATCH_DEFAULTS, maxCandidates: 1 },
  { ...MATCH_DEFAULTS, maxCandidates: 100, maxBlockRows: 200 },
];

function compare(g: Generated, rows: readonly ListRow[], options: MatchOptions): { union: number; full: number; crowded: number; capped: number } {
  const seen = { union: 0, full: 0, crowded: 0, capped: 0 };
  for (const [i, row] of rows.entries()) {
    const pruned = findCandidates(row.person, g.registry, options, row.writtenId, row.idPrefix);
    const plain = fullScan(row.person, g.registry, options, row.writtenId, row.idPrefix);
    const got = { rows: [...pruned.rows], typoRows: [...pruned.typoRows].sort((a, b) => a - b), capped: pruned.capped, crowded: pruned.crowded };
    const want = { rows: [...plain.rows], typoRows: [...plain.typoRows].sort((a, b) => a - b), capped: plain.capped, crowded: plain.crowded };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      expect({ row: i, ...got }, `list row ${i} (maxCandidates ${options.maxCandidates}, maxBlockRows ${options.maxBlockRows})`).toEqual({ row: i, ...want });
    }
    expect(pruned.found).toBeLessThanOrEqual(plain.union);
    seen.union += plain.union;
    if (plain.union > options.maxCandidates) seen.full += 1;
    if (plain.crowded) seen.crowded += 1;
    if (plain.capped.length > 0) seen.capped += 1;
  }
  return seen;
}

describe('findCandidates against a plain full scan with the same ranking', () => {
  for (const [label, shape, seed] of [
    ['homonym-heavy registry, 40 % year-only dates', HOMONYMS, 7],
    ['wider registry, 30 years of births', WIDER, 8],
  ] as const) {
    it(`${label}: 2,000 list rows x 5 settings, the same candidates in the same order`, async () => {
      const g = await candidateRegistry(seed, shape);
      const rows = listRows(seed * 31, g, 2000);
      for (const options of OPTIONS) {
        const seen = compare(g, rows, options);
        // The cases that matter do occur: places filled with more to choose from, ties with the best, capped blocks.
        if (options.maxCandidates <= 30) expect(seen.full).toBeGreaterThan(100);
        if (options.maxBlockRows <= 60) expect(seen.capped).toBeGreaterThan(20);
        if (options.maxCandidates <= 30) expect(seen.crowded).toBeGreaterThan(10);
      }
    }, 120_000);
  }
});

/** What a block holds, by the rows' own fields. */
function plainBlock(registry: Registry, kind: BlockKind, k: BlockKey): number[] {
  const out: number[] = [];
  for (let r = 0; r < registry.size; r += 1) {
    if (registry.givenCodeOf(r) !== k.given || k.given < 0) continue;
    const md = monthDay(registry.birthMonthOf(r), registry.birthDayOf(r));
    const year = registry.birthYearOf(r);
    const family = registry.familyCodeOf(r);
    const ok =
      kind === 'year_given' ? k.year > 0 && year === k.year
      : kind === 'given_date' ? k.year > 0 && k.monthDay > 0 && year === k.year && md === k.monthDay
      : kind === 'family_given_year' ? k.family >= 0 && k.year > 0 && family === k.family && year === k.year
      : kind === 'family_given_date' ? k.family >= 0 && k.monthDay > 0 && family === k.family && md === k.monthDay
      : kind === 'family_given' ? k.family >= 0 && family === k.family
      : k.idPrefix >= 0 && registry.idPrefixOf(r) === k.idPrefix;
    if (ok) out.push(r);
  }
  return out;
}

type Op =
  | { readonly op: 'search'; readonly row: number; readonly options: number }
  | { readonly op: 'block' | 'lend'; readonly kind: BlockKind; readonly row: number; readonly cap: number }
  | { readonly op: 'scan'; readonly kind: BlockKind; readonly row: number; readonly inner: BlockKind; readonly innerRow: number };

describe('a block held across calls never shows another call\'s rows', () => {
  it('any sequence of searches, blocks, lent blocks and scans (with a call inside the scan) gives each its own rows', async () => {
    const g = await candidateRegistry(9, { ...HOMONYMS, rows: 1500 });
    const rows = listRows(99, g, 200);
    const keyOf = (i: number): BlockKey => {
      const p = g.people[i % g.people.length]!;
      const family = g.registry.familyCodeOf(i % g.registry.size);
      return {
        year: p.year,
        family,
        given: g.registry.givenCodeOf(i % g.registry.size),
        monthDay: monthDay(p.month, p.day),
        idPrefix: p.id === '' ? -1 : Number(p.id.slice(0, 6)),
      };
    };
    const kind = fc.constantFrom(...BLOCK_KINDS);
    const row = fc.nat({ max: 1499 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ op: fc.constant('search' as const), row: fc.nat({ max: rows.length - 1 }), options: fc.nat({ max: OPTIONS.length - 1 }) }),
      fc.record({ op: fc.constantFrom('block' as const, 'lend' as const), kind, row, cap: fc.constantFrom(3, 20, 5000) }),
      fc.record({ op: fc.constant('scan' as const), kind, row, inner: kind, innerRow: row }),
    );
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        // What each call handed out as its own, kept to be checked once every later call has run.
        const held: { value: unknown; copy: string }[] = [];
        for (const o of ops) {
          if (o.op === 'search') {
            const r = rows[o.row]!;
            const options = OPTIONS[o.options]!;
            const got = findCandidates(r.person, g.registry, options, r.writtenId, r.idPrefix);
            const want = fullScan(r.person, g.registry, options, r.writtenId, r.idPrefix);
            expect([...got.rows]).toEqual(want.rows);
            held.push({ value: got.rows, copy: JSON.stringify(got.rows) });
          } else if (o.op === 'block' || o.op === 'lend') {
            const key = keyOf(o.row);
            const want = plainBlock(g.registry, o.kind, key);
            const block = o.op === 'block' ? g.registry.block(o.kind, key, o.cap) : g.registry.blockRows(o.kind, key, o.cap);
            expect(block.size).toBe(want.length);
            expect(block.capped).toBe(want.length > o.cap);
            // Lent rows are right until the next call: exactly the block, no rows left from a larger one before.
            expect(Array.from(block.rows)).toEqual(want.length > o.cap ? [] : want);
            if (o.op === 'block') held.push({ value: block.rows, copy: JSON.stringify(block.rows) });
          } else {
            const key = keyOf(o.row);
            const seen: number[] = [];
            g.registry.scanBlock(o.kind, key, (chunk) => {
              seen.push(...chunk);
              // Another call while the scan lends its buffer: the scan's next rows must still be its own.
              const inner = g.registry.blockRows(o.inner, keyOf(o.innerRow), 5000);
              expect(Array.from(inner.rows)).toEqual(plainBlock(g.registry, o.inner, keyOf(o.innerRow)));
              return true;
            });
            expect(seen).toEqual(plainBlock(g.registry, o.kind, key));
          }
        }
        for (const h of held) expect(JSON.stringify(h.value)).toBe(h.copy);
      }),
      { seed: 16, numRuns: 300 },
    );
  }, 120_000);
});
