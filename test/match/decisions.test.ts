// Review round trip: the workbook asxh writes, filled in by a person as they would in Excel, read back and
// applied. Invented people and IDs.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDecisions, parseDecisions } from '../../src/match/decisions.js';
import type { Candidate, MatchResult } from '../../src/match/types.js';
import { readInput } from '../../src/read/read-input.js';
import type { RegistryPerson } from '../../src/registry/registry.js';
import { buildReviewWorkbook } from '../../src/report/review-workbook.js';
import { renderXlsx } from '../../src/write/xlsx-writer.js';
import { person, personName } from '../report/people.js';

const dir = mkdtempSync(join(tmpdir(), 'asxh-decisions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const registry: RegistryPerson[] = [
  { index: 0, row: 2, id: '038150001111', cmnd: null, name: personName('Lê Văn Tám'), birth: { year: 1950, month: 3, day: 4 }, sex: 'M', address: 'Thôn Đông, xã An Phú', addressKey: 'thon dong xa an phu', alive: true, deathDate: null },
  { index: 1, row: 3, id: '038150002222', cmnd: null, name: personName('Lê Văn Tám'), birth: { year: 1950, month: null, day: null }, sex: 'M', address: 'Thôn Tây, xã An Phú', addressKey: 'thon tay xa an phu', alive: false, deathDate: { year: 2026, month: 8, day: 1 } },
];

function candidate(i: number, score: number): Candidate {
  return { index: i, registryId: registry[i]!.id!, score, comparisons: [], explanation: `candidate ${i}` };
}

function reviewResult(row: number): MatchResult {
  return {
    person: person('xa-an-phu.xlsx', 'DS', row, { name: personName('Lê Văn Tám'), birth: { year: 1950, month: null, day: null }, sex: 'M', fingerprint: `fingerprint-${row}` }),
    status: 'review',
    method: '',
    registryId: registry[0]!.id,
    score: 3.2,
    flags: ['homonym'],
    explanation: 'two candidates agree equally',
    candidates: [candidate(0, 3.2), candidate(1, 3.1)],
    correctedId: null,
    deathDate: null,
  };
}

async function fillAndRead(results: MatchResult[], fill: Record<number, { decision: string; by?: string }>) {
  const spec = buildReviewWorkbook(results, (i) => registry[i]!, new Map());
  if (spec.kind !== 'xlsx') throw new Error('review workbook must be xlsx');
  const bytes = await renderXlsx(spec.sheets, { created: new Date('2026-12-01T00:00:00Z') });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  // Find the decision column by its header, as a person would.
  let headerRow = 0;
  let decisionCol = 0;
  let byCol = 0;
  sheet.eachRow((row, n) => {
    row.eachCell((cell, c) => {
      if (cell.value === 'Quyết định') { headerRow = n; decisionCol = c; }
      if (cell.value === 'Người quyết định') byCol = c;
    });
  });
  for (const [index, f] of Object.entries(fill)) {
    const r = sheet.getRow(headerRow + 1 + Number(index));
    r.getCell(decisionCol).value = f.decision;
    if (f.by) r.getCell(byCol).value = f.by;
  }
  const path = join(dir, `review-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  const read = await readInput(path, 'review.xlsx', { encoding: null });
  return read.sheets.flatMap((s) => parseDecisions(s, 'review.xlsx'));
}

const lookup = (id: string) => {
  const p = registry.find((r) => r.id === id);
  return p ? { known: true, dead: p.alive === false, deathDate: p.deathDate } : { known: false, dead: false, deathDate: null };
};

describe('review workbook and decisions', () => {
  it('lists only the rows to review, with their candidates, and no decision filled in', async () => {
    const matched: MatchResult = { ...reviewResult(9), status: 'matched', method: 'id' };
    const decisions = await fillAndRead([reviewResult(8), matched], {});
    expect(decisions).toEqual([]);
    const spec = buildReviewWorkbook([reviewResult(8), matched], (i) => registry[i]!, new Map());
    if (spec.kind !== 'xlsx') throw new Error('xlsx');
    expect(spec.sheets[0]!.rows).toHaveLength(1);
    expect(spec.sheets[0]!.rows[0]).toContain('038150002222');
  });

  it('accepting candidate 2 matches that registry person by hand, and carries the registry death', async () => {
    const results = [reviewResult(8)];
    const decisions = await fillAndRead(results, { 0: { decision: '2', by: 'Nguyễn Thị Lan' } });
    expect(decisions).toHaveLength(1);
    const applied = applyDecisions(results, decisions, lookup);
    const r = applied.results[0]!;
    expect(r.status).toBe('matched');
    expect(r.method).toBe('manual');
    expect(r.registryId).toBe('038150002222');
    expect(r.flags).toContain('deceased');
    expect(r.explanation).toContain('by Nguyễn Thị Lan');
  });

  it('"Không có" marks the person as not in the registry; "không phải" as none of the candidates', async () => {
    const results = [reviewResult(8), reviewResult(9)];
    const decisions = await fillAndRead(results, { 0: { decision: 'Không có' }, 1: { decision: 'không phải' } });
    const applied = applyDecisions(results, decisions, lookup);
    expect(applied.results.map((r) => [r.status, r.method])).toEqual([['unmatched', 'manual'], ['unmatched', 'manual']]);
    expect(applied.results[0]!.flags).toContain('not_in_registry');
    expect(applied.results[1]!.flags).not.toContain('not_in_registry');
  });

  it('does not apply a decision to a row that changed since: it is reviewed again', async () => {
    const decisions = await fillAndRead([reviewResult(8)], { 0: { decision: '1' } });
    const changed = { ...reviewResult(8), person: { ...reviewResult(8).person, fingerprint: 'another-content' } };
    const applied = applyDecisions([changed], decisions, lookup);
    expect(applied.results[0]!.status).toBe('review');
    expect(applied.results[0]!.flags).toContain('decision_stale');
    expect(applied.stale).toBe(1);
  });

  it('refuses a decision it cannot read, naming the row and the value', async () => {
    await expect(fillAndRead([reviewResult(8)], { 0: { decision: 'maybe' } })).rejects.toThrow(/"maybe" is not a decision/);
  });

  it('shows hand decisions again in the next review workbook so they can be changed', async () => {
    const results = [reviewResult(8)];
    const decisions = await fillAndRead(results, { 0: { decision: '1', by: 'Lan' } });
    const applied = applyDecisions(results, decisions, lookup);
    const spec = buildReviewWorkbook(applied.results, (i) => registry[i]!, applied.shown);
    if (spec.kind !== 'xlsx') throw new Error('xlsx');
    const row = spec.sheets[0]!.rows[0]!;
    expect(row).toContain('1');
    expect(row).toContain('Lan');
  });
});
