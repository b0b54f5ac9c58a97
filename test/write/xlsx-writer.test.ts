import ExcelJS from 'exceljs';
import { describe, expect, it, vi, onTestFinished } from 'vitest';
import type { SheetSpec } from '../../src/write/output-spec.js';
import { renderXlsx } from '../../src/write/xlsx-writer.js';

const created = new Date(Date.UTC(2026, 11, 1, 8, 30, 0));

const sheet: SheetSpec = {
  name: 'Danh sách',
  columns: [
    { key: 'stt', header: 'STT', width: 6 },
    { key: 'name', header: 'Họ và tên' },
    { key: 'personal_id', header: 'Số CCCD', text: true },
    { key: 'amount', header: 'Mức trợ cấp', kind: 'integer' },
    { key: 'account', header: 'Số tài khoản', text: true },
    { key: 'note', header: 'Ghi chú' },
  ],
  rows: [
    [1, 'Nguyễn Thị Lụa', '038190001234', 1500000, '0011004123456789012', null],
    [2, 'Trần Văn Hùng', null, 750000, null, 'Chưa có CCCD'],
  ],
  highlight: [{ row: 1, col: 2 }],
};

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

describe('renderXlsx', () => {
  it('writes IDs and accounts as text: the leading zero and all 19 digits survive, numFmt is @', async () => {
    const ws = (await load(await renderXlsx([sheet], { created }))).getWorksheet('Danh sách')!;
    const id = ws.getCell('C2');
    expect(id.value).toBe('038190001234');
    expect(id.numFmt).toBe('@');
    expect(ws.getCell('E2').value).toBe('0011004123456789012');
    expect(ws.getCell('E2').numFmt).toBe('@');
    // An empty ID cell is text too, so an ID typed in later keeps its zero.
    expect(ws.getCell('C3').numFmt).toBe('@');
  });

  it('turns an ID given as a number into text in a text column', async () => {
    const spec: SheetSpec = { ...sheet, rows: [[1, 'Lò Văn Pá', 12085000123, 0, null, null]] };
    const ws = (await load(await renderXlsx([spec], { created }))).getWorksheet('Danh sách')!;
    expect(ws.getCell('C2').value).toBe('12085000123');
  });

  it('shows Vietnamese headers in bold with the header row frozen, amounts as numbers with separators', async () => {
    const ws = (await load(await renderXlsx([sheet], { created }))).getWorksheet('Danh sách')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Họ và tên', 'Số CCCD', 'Mức trợ cấp', 'Số tài khoản', 'Ghi chú']);
    expect(ws.getCell('B1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('D2').value).toBe(1500000);
    expect(ws.getCell('D2').numFmt).toBe('#,##0');
    expect(ws.getColumn(1).width).toBe(6);
    // Worked-out widths fit the longest value: "Nguyễn Thị Lụa" is 14 characters.
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(14);
  });

  it('fills the highlighted cells and only them', async () => {
    const ws = (await load(await renderXlsx([sheet], { created }))).getWorksheet('Danh sách')!;
    expect(ws.getCell('C3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } });
    const pattern = (ref: string): string | undefined => (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.pattern;
    expect(pattern('C2') ?? 'none').toBe('none');
    expect(pattern('B3') ?? 'none').toBe('none');
  });

  it('puts title rows above the header and freezes below the header', async () => {
    const spec: SheetSpec = { ...sheet, titleRows: ['UBND XÃ TÂN LẬP', 'DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI'] };
    const ws = (await load(await renderXlsx([spec], { created }))).getWorksheet('Danh sách')!;
    expect(ws.getCell('A1').value).toBe('UBND XÃ TÂN LẬP');
    expect(ws.getCell('A3').value).toBe('STT');
    expect(ws.getCell('C4').value).toBe('038190001234');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('stores dangerous text with a leading apostrophe in every kind of cell, never as a formula', async () => {
    const dangerous = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const spec: SheetSpec = {
      name: 'Danh sách',
      titleRows: ['=title'],
      columns: [
        { key: 'name', header: '=header' },
        { key: 'personal_id', header: 'Số CCCD', text: true },
      ],
      rows: dangerous.map((d) => [d, d]),
    };
    const ws = (await load(await renderXlsx([spec], { created }))).getWorksheet('Danh sách')!;
    expect(ws.getCell('A1').value).toBe("'=title");
    expect(ws.getCell('A2').value).toBe("'=header");
    dangerous.forEach((d, i) => {
      for (const col of ['A', 'B']) {
        const cell = ws.getCell(`${col}${i + 3}`);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        // XML reads a stored CR back as LF; what matters is the apostrophe in front.
        expect(cell.value).toBe(`'${d}`.replace('\r', '\n'));
      }
    });
  });

  it('writes one worksheet per sheet spec, in order', async () => {
    const wb = await load(await renderXlsx([sheet, { ...sheet, name: 'Thôn 2', rows: [] }], { created }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách', 'Thôn 2']);
  });

  it('stamps the given date as created and modified, not the clock', async () => {
    const wb = await load(await renderXlsx([sheet], { created }));
    expect(wb.created?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(wb.modified?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
  });

  it('gives byte-identical files for the same sheets rendered seconds apart (auditors re-run and compare)', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-05-17T03:04:05Z') });
    onTestFinished(() => vi.useRealTimers());
    const first = await renderXlsx([sheet], { created });
    vi.setSystemTime(Date.now() + 3_600_000); // an hour later on the clock
    const second = await renderXlsx([sheet], { created });
    expect(second.equals(first)).toBe(true);
  }, 10_000);

  it.each([
    ['a slash', 'Tổng/hợp'],
    ['32 characters', 'Danh sách đối tượng bảo trợ xã h'],
    ['a leading apostrophe', "'Thôn 1"],
    ['nothing', ''],
  ])('refuses a sheet name with %s, which Excel cannot open', async (_what, name) => {
    await expect(renderXlsx([{ ...sheet, name }], { created })).rejects.toThrow(/Cannot name a sheet/);
  });

  it('refuses two sheets of one name, whatever their case, and takes 31 characters', async () => {
    await expect(renderXlsx([sheet, { ...sheet, name: sheet.name.toUpperCase() }], { created })).rejects.toThrow(/Cannot name two sheets/);
    const name = 'Danh sách đối tượng bảo trợ xã ';
    expect(name).toHaveLength(31);
    await expect(renderXlsx([{ ...sheet, name }], { created })).resolves.toBeInstanceOf(Buffer);
  });
  it("repeats the header of a sheet whose name has an apostrophe, and drops what XML cannot hold from a cell", async () => {
    const spec: SheetSpec = {
      name: "Thôn Đ'ông",
      columns: [{ key: 'note', header: 'Ghi chú' }],
      rows: [['a\u0001b\u0008c'], ['x\ud800y'], ['Lụa 😀 <b>&amp;']],
    };
    const ws = (await load(await renderXlsx([spec], { created }))).getWorksheet("Thôn Đ'ông")!;
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.getCell('A2').value).toBe('abc');
    expect(ws.getCell('A3').value).toBe('xy');
    expect(ws.getCell('A4').value).toBe('Lụa 😀 <b>&amp;');
  });
});
