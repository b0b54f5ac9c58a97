// Lists to sign, read back as written: every printed page ends with a "Cộng trang" row holding that page's
// count and amount, a manual page break follows it, and the list ends with the total in figures and words.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exceptionsFile } from '../../src/pay/exceptions-sheet.js';
import type { Exclusion } from '../../src/pay/types.js';
import type { OutputFile } from '../../src/write/output-spec.js';
import { renderOutput } from '../../src/write/render-output.js';
import { matched, person } from '../pay/fixtures.js';
import { commune300 } from './commune-300.js';

const created = new Date('2026-12-01T00:00:00Z');

/** One entry of a zip (an .xlsx part), found through the central directory. */
function zipEntry(zip: Buffer, name: string): string {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name} in the zip`);
}

interface Sheet {
  readonly ws: ExcelJS.Worksheet;
  /** 1-based rows after which a manual page break is set. */
  readonly breaks: number[];
}

async function readSheet(file: OutputFile, index = 1): Promise<Sheet> {
  const bytes = await renderOutput(file, { created });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const xml = zipEntry(bytes, `xl/worksheets/sheet${index}.xml`);
  const breaks = [...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
  return { ws: wb.worksheets[index - 1]!, breaks };
}

function text(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const v = ws.getRow(row).getCell(col).value;
  return v === null || v === undefined ? '' : String(v);
}

/** Rows whose column `col` starts with `prefix`. */
function rowsStarting(ws: ExcelJS.Worksheet, col: number, prefix: string): number[] {
  const out: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) if (text(ws, r, col).startsWith(prefix)) out.push(r);
  return out;
}

describe('cash list of 300 people: a page total on every printed page', async () => {
  const built = commune300();
  const { ws, breaks } = await readSheet(built.files.find((f) => f.path === 'payments/cash-list.xlsx')!);
  // Title rows 1-4, the header on row 5, data from row 6. Columns: A STT, B name, F amount.
  const pageTotals = rowsStarting(ws, 2, 'Cộng trang');

  it('ends each page with a "Cộng trang" row, and a page break right after it (but the last)', () => {
    expect(breaks.length).toBeGreaterThan(10);
    expect(pageTotals.slice(0, -1)).toEqual(breaks);
    expect(pageTotals.length).toBe(breaks.length + 1);
  });

  it("sums each page's people and amounts, the amounts adding up to the list's total", () => {
    let first = 6;
    let people = 0;
    let amount = 0;
    for (const total of pageTotals) {
      const rows = Array.from({ length: total - first }, (_, i) => first + i);
      // Every row of the page is a person: a numbered row with an amount.
      expect(rows.every((r) => typeof ws.getRow(r).getCell(1).value === 'number')).toBe(true);
      const sum = rows.reduce((s, r) => s + (ws.getRow(r).getCell(6).value as number), 0);
      expect(text(ws, total, 2)).toBe(`Cộng trang: ${rows.length} người`);
      expect(ws.getRow(total).getCell(6).value).toBe(sum);
      expect(ws.getRow(total).getCell(2).font?.bold).toBe(true);
      // The label reads on one line, over the empty cells up to the amount (B to E).
      expect(ws.getRow(total).getCell(5).isMerged).toBe(true);
      expect(ws.getRow(total).getCell(6).isMerged).toBe(false);
      people += rows.length;
      amount += sum;
      first = total + 1;
    }
    expect(people).toBe(300);
    // 300 people at 500,000 + (i mod 5) × 90,000: 300 × 500,000 + 60 × (0+1+2+3+4) × 90,000 = 204,000,000.
    expect(amount).toBe(204_000_000);
    // Page 1 holds people 1-11: 11 × 500,000 + (0+1+2+3+4+0+1+2+3+4+0) × 90,000 = 7,300,000.
    expect(ws.getRow(pageTotals[0]!).getCell(6).value).toBe(7_300_000);
  });

  it('closes the list with the total in figures and in words under the last page total', () => {
    const last = pageTotals[pageTotals.length - 1]!;
    expect(text(ws, last + 1, 2)).toBe('Cộng: 300 người');
    expect(ws.getRow(last + 1).getCell(6).value).toBe(204_000_000);
    expect(text(ws, last + 2, 2)).toBe('Bằng chữ: Hai trăm linh bốn triệu đồng chẵn');
  });

  it('plans pages that fit A4 landscape at 100 % (the columns take 735 pt of the 743 pt between the margins)', () => {
    // 595.3 pt less 0.75 in top and bottom; the 4 title rows (15 pt each) and the header repeat on every page.
    const room = 595.3 - 2 * 0.75 * 72 - 4 * 15 - ws.getRow(5).height!;
    let start = 6;
    for (const end of [...breaks, pageTotals[pageTotals.length - 1]!]) {
      let used = 0;
      for (let r = start; r <= end; r++) used += ws.getRow(r).height!;
      expect(used).toBeLessThanOrEqual(room);
      start = end + 1;
    }
    // Signing rows stay 30 pt tall.
    expect(ws.getRow(6).height).toBe(30);
  });
});

describe('control sheet: one page, closed by its grand total', async () => {
  const built = commune300();
  const { ws, breaks } = await readSheet(built.files.find((f) => f.path === 'payments/control.xlsx')!);

  it('has no page break and no "Cộng trang" row: the "Tổng cộng" of 300 people and 204,000,000 đồng follows the 4 programme rows', () => {
    expect(breaks).toEqual([]);
    expect(rowsStarting(ws, 2, 'Cộng trang')).toEqual([]);
    // Title rows 1-3, header 4, the four programmes 5-8. Columns: G Số người, H Số tiền.
    expect(text(ws, 9, 2)).toBe('Tổng cộng');
    expect(ws.getRow(9).getCell(7).value).toBe(300);
    expect(ws.getRow(9).getCell(8).value).toBe(204_000_000);
  });
});

describe('exceptions as printed: page totals over rows of different heights', async () => {
  // 90 rows not paid, every third with a long explanation that wraps over several lines.
  const exclusions: Exclusion[] = Array.from({ length: 90 }, (_, i) => ({
    result: matched(person({ row: 8 + i, name: `Nguyễn Văn ${String.fromCharCode(65 + (i % 26))}`, amount: 500_000 + i * 1000 }), `0381400${String(i).padStart(5, '0')}`, { status: 'unmatched' }),
    reason: 'unmatched',
    detail: i % 3 === 0 ? 'Không tìm thấy người có số định danh, họ tên và ngày sinh này trong CSDL quốc gia về dân cư; kiểm tra lại số CCCD ghi trong danh sách và đối chiếu với thẻ của người hưởng.' : 'Không tìm thấy.',
  }));
  const file = exceptionsFile('exceptions.xlsx', exclusions, [], { issuer: 'UBND XÃ TÂN LẬP', period: '2026-12' });
  const { ws, breaks } = await readSheet(file);
  // Title rows 1-3, the header on row 4. Columns: A STT, B Tệp (the label), H Số tiền.
  const pageTotals = rowsStarting(ws, 2, 'Cộng trang');

  it('ends every page with its total and a break, the amounts summed from the rows above', () => {
    expect(breaks.length).toBeGreaterThan(1);
    expect(pageTotals.slice(0, -1)).toEqual(breaks);
    let first = 5;
    let all = 0;
    for (const total of pageTotals) {
      const rows = Array.from({ length: total - first }, (_, i) => first + i);
      const sum = rows.reduce((s, r) => s + (ws.getRow(r).getCell(8).value as number), 0);
      expect(text(ws, total, 2)).toBe(`Cộng trang: ${rows.length} trường hợp`);
      expect(ws.getRow(total).getCell(8).value).toBe(sum);
      all += rows.length;
      first = total + 1;
    }
    expect(all).toBe(90);
  });

  it('gives a row with a long explanation the lines it wraps to', () => {
    // Row 5 is the first exclusion (a long one), row 6 a short one.
    expect(ws.getRow(5).height!).toBeGreaterThan(ws.getRow(6).height! * 2);
  });

  it('ends with the number of rows and their amount in figures and words', () => {
    const last = pageTotals[pageTotals.length - 1]!;
    expect(text(ws, last + 1, 2)).toBe('Tổng cộng: 90 trường hợp');
    // 90 × 500,000 + (0 + 1 + … + 89) × 1,000 = 45,000,000 + 4,005,000.
    expect(ws.getRow(last + 1).getCell(8).value).toBe(49_005_000);
    expect(text(ws, last + 2, 2)).toBe('Bằng chữ: Bốn mươi chín triệu không trăm linh năm nghìn đồng chẵn');
  });
});
