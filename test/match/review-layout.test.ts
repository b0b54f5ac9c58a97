// review.xlsx as the officer opens it: the list's values, why the row is there in Vietnamese, the decision
// column early with a drop-down, whoever decides and a real date, then the candidates; the owner of a
// written ID that is someone else's shown apart, never offered as candidate 1. Invented people and IDs.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionDate, parseDecisions } from '../../src/match/decisions.js';
import type { MatchResult } from '../../src/match/types.js';
import { readInput } from '../../src/read/read-input.js';
import type { RegistryPerson } from '../../src/registry/registry.js';
import { buildReviewWorkbook, DECISION_CHOICES } from '../../src/report/review-workbook.js';
import { renderXlsx } from '../../src/write/xlsx-writer.js';
import { person, personName } from '../report/people.js';

const dir = mkdtempSync(join(tmpdir(), 'asxh-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const registry: RegistryPerson[] = [
  // The owner of the ID the list wrote: the husband.
  { index: 0, row: 2, id: '038078001111', cmnd: null, name: personName('Nguyễn Văn B'), birth: { year: 1978, month: null, day: null }, sex: 'M', address: 'Thôn Đông', addressKey: 'thon dong', alive: true, deathDate: null },
  // The likely person: the wife.
  { index: 1, row: 3, id: '038180002222', cmnd: null, name: personName('Trần Thị C'), birth: { year: 1980, month: 5, day: 6 }, sex: 'F', address: 'Thôn Đông', addressKey: 'thon dong', alive: true, deathDate: null },
];

function conflict(row: number): MatchResult {
  return {
    person: person('xa-an-phu.xlsx', 'DS', row, { name: personName('Trần Thị C'), birth: { year: 1980, month: 5, day: 6 }, sex: 'F', personalId: '038078001111', fingerprint: `fp-${row}` }),
    status: 'review',
    method: 'id',
    registryId: registry[1]!.id,
    score: -19.9,
    flags: ['id_conflict'],
    explanation: 'id=found; review: ID belongs to another person',
    candidates: [
      { index: 0, registryId: registry[0]!.id!, score: -19.9, comparisons: [], explanation: 'prior -19.9; name=different -8.0' },
      { index: 1, registryId: registry[1]!.id!, score: 12.5, comparisons: [], explanation: 'prior -19.9; name=exact +16.4' },
    ],
    correctedId: null,
    deathDate: null,
  };
}

async function written(results: MatchResult[]): Promise<ExcelJS.Worksheet> {
  const spec = buildReviewWorkbook(results, (i) => registry[i]!, new Map());
  if (spec.kind !== 'xlsx') throw new Error('xlsx expected');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderXlsx(spec.sheets, { created: new Date('2026-12-01T00:00:00Z') })) as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

function headerOf(ws: ExcelJS.Worksheet): { row: number; col: Map<string, number> } {
  for (let r = 1; r <= 10; r++) {
    const col = new Map<string, number>();
    ws.getRow(r).eachCell((cell, c) => col.set(String(cell.value), c));
    if (col.has('Quyết định')) return { row: r, col };
  }
  throw new Error('no header');
}

describe('review.xlsx layout', () => {
  it("puts the list's values first, then why and the decision within the first 12 columns, then the candidates", async () => {
    const ws = await written([conflict(8)]);
    const { col } = headerOf(ws);
    const at = (h: string) => col.get(h) ?? Number.NaN;
    expect(at('Tệp nguồn')).toBe(1);
    expect(at('Họ và tên (danh sách)')).toBeLessThan(at('Quyết định'));
    expect(at('Số CCCD (danh sách)')).toBeLessThan(at('Quyết định'));
    expect(at('Quyết định')).toBeLessThanOrEqual(12);
    expect(at('Lý do xem xét')).toBeLessThan(at('Quyết định'));
    expect(at('Người quyết định')).toBe(at('Quyết định') + 1);
    expect(at('Ngày quyết định')).toBe(at('Quyết định') + 2);
    expect(at('Ứng viên 1: Số ĐDCN')).toBeGreaterThan(at('Ngày quyết định'));
    // The model's weights come after every candidate and the owner.
    expect(at('Ứng viên 1: Trọng số của mô hình')).toBeGreaterThan(at('Ứng viên 3: Địa chỉ'));
    expect(at('Ứng viên 1: Trọng số của mô hình')).toBeGreaterThan(at('Chủ của số CCCD: Họ và tên'));
  });

  it('offers the decisions in a drop-down on every row', async () => {
    const ws = await written([conflict(8), conflict(9)]);
    const { row, col } = headerOf(ws);
    for (const r of [row + 1, row + 2]) {
      const dv = ws.getCell(r, col.get('Quyết định')!).dataValidation;
      expect(dv?.type).toBe('list');
      expect(dv?.formulae).toEqual([`"${DECISION_CHOICES.join(',')}"`]);
    }
    expect(DECISION_CHOICES).toEqual(['1', '2', '3', 'Không phải', 'Không có']);
    expect(ws.getCell(row + 1, col.get('Ngày quyết định')!).numFmt).toBe('dd/mm/yyyy');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });

  it("shows the owner of a written ID apart, never as candidate 1, and says why in Vietnamese", async () => {
    const ws = await written([conflict(8)]);
    const { row, col } = headerOf(ws);
    const cell = (h: string) => ws.getCell(row + 1, col.get(h)!).value;
    expect(cell('Ứng viên 1: Số ĐDCN')).toBe('038180002222');
    expect(cell('Ứng viên 1: Họ và tên')).toBe('Trần Thị C');
    expect(cell('Ứng viên 2: Số ĐDCN')).toBeNull();
    expect(cell('Chủ của số CCCD ghi trong danh sách: Số ĐDCN')).toBe('038078001111');
    expect(cell('Chủ của số CCCD: Họ và tên')).toBe('Nguyễn Văn B');
    expect(String(cell('Lý do xem xét'))).toContain('Số CCCD này thuộc về người khác: Nguyễn Văn B, sinh 1978');
    expect(String(cell('Lý do xem xét'))).not.toMatch(/prior|name=/);
  });

  it('gives every row a reason, however few flags it has', async () => {
    const plain: MatchResult = { ...conflict(10), flags: [], method: 'fuzzy', candidates: [conflict(10).candidates[1]!] };
    const ws = await written([plain]);
    const { row, col } = headerOf(ws);
    expect(String(ws.getCell(row + 1, col.get('Lý do xem xét')!).value ?? '').length).toBeGreaterThan(20);
  });

  it('reads "1" as the first offered candidate, and a real date typed into Ngày quyết định as that day', async () => {
    const ws = await written([conflict(8)]);
    const { row, col } = headerOf(ws);
    ws.getCell(row + 1, col.get('Quyết định')!).value = '1';
    ws.getCell(row + 1, col.get('Người quyết định')!).value = 'Nguyễn Thị Lan';
    ws.getCell(row + 1, col.get('Ngày quyết định')!).value = new Date(Date.UTC(2026, 11, 5));
    const path = join(dir, 'filled.xlsx');
    writeFileSync(path, Buffer.from(await ws.workbook.xlsx.writeBuffer()));
    const read = await readInput(path, 'review.xlsx', { encoding: null });
    const [d] = read.sheets.flatMap((s) => parseDecisions(s, 'review.xlsx'));
    expect(d).toMatchObject({ row: 8, choice: { kind: 'accept', registryId: '038180002222' }, by: 'Nguyễn Thị Lan', at: '2026-12-05' });
  });

  it('takes a date given as its Excel serial number for that day', () => {
    expect(decisionDate(46361)).toBe('2026-12-05');
    expect(decisionDate('46361')).toBe('2026-12-05');
    expect(decisionDate(new Date(Date.UTC(2026, 11, 5)))).toBe('2026-12-05');
    expect(decisionDate('5/12/2026')).toBe('5/12/2026');
    expect(decisionDate(null)).toBe('');
  });
});
