// Every workbook is written with exceljs's streaming writer, so that a match report of 100k+ rows or a national
// cash list fits in memory: the officer must still get IDs as text, amounts with separators, formulas defused,
// doubtful cells yellow and, on a list to sign, the header on every printed page; an auditor the same bytes.
import ExcelJS from 'exceljs';
import { describe, expect, it, vi, onTestFinished } from 'vitest';
import type { SheetSpec } from '../../src/write/output-spec.js';
import { renderXlsx } from '../../src/write/xlsx-writer.js';

const created = new Date(Date.UTC(2026, 11, 1, 8, 30, 0));

const sheet: SheetSpec = {
  name: 'Kết quả đối soát',
  titleRows: ['UBND XÃ YÊN PHÚ', 'KẾT QUẢ ĐỐI SOÁT THÁNG 12/2026'],
  columns: [
    { key: 'stt', header: 'STT', width: 6 },
    { key: 'name', header: 'Họ và tên' },
    { key: 'personal_id', header: 'Số CCCD', text: true },
    { key: 'amount', header: 'Mức trợ cấp', kind: 'integer' },
    { key: 'note', header: 'Ghi chú' },
  ],
  rows: [
    [1, 'Nguyễn Thị Lụa', '038190001234', 1500000, null],
    [2, 'Trần Văn Hùng', null, 750000, '=HYPERLINK("http://x","bấm")'],
  ],
  highlight: [{ row: 1, col: 2 }, { row: 0, col: 5 }],
  footerRows: [{ cells: [null, 'Tổng cộng', null, 2250000, null], bold: true }],
};

async function load(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** DOS date and time of every local zip entry header. */
function zipStamps(zip: Buffer): string[] {
  const stamps: string[] = [];
  for (let at = zip.indexOf('PK\u0003\u0004', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\u0003\u0004', at + 4, 'latin1')) {
    stamps.push(`${zip.readUInt16LE(at + 12)}:${zip.readUInt16LE(at + 10)}`);
  }
  return stamps;
}

describe('renderXlsx, streaming writer', () => {
  it('keeps the title rows, the bold frozen header, IDs as text and amounts with separators', async () => {
    const ws = await load(await renderXlsx([sheet], { created }));
    expect(ws.getCell('A1').value).toBe('UBND XÃ YÊN PHÚ');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B3').value).toBe('Họ và tên');
    expect(ws.getCell('B3').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('C4').value).toBe('038190001234');
    expect(ws.getCell('C4').numFmt).toBe('@');
    expect(ws.getCell('C5').numFmt).toBe('@'); // empty ID cell: typed in later, it stays text
    expect(ws.getCell('D4').value).toBe(1500000);
    expect(ws.getCell('D4').numFmt).toBe('#,##0');
  });

  it('defuses a formula typed into a note, fills the doubtful cell yellow and writes the footer', async () => {
    const ws = await load(await renderXlsx([sheet], { created }));
    expect(ws.getCell('E5').value).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(ws.getCell('C5').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    expect((ws.getCell('C4').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(ws.getCell('B7').value).toBe('Tổng cộng');
    expect(ws.getCell('D7').value).toBe(2250000);
    expect(ws.getCell('D7').font?.bold).toBe(true);
  });

  it('gives the same bytes for the same rows, every entry stamped with the run date', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2031-05-17T03:04:05Z') });
    onTestFinished(() => vi.useRealTimers());
    const a = await renderXlsx([sheet], { created });
    vi.setSystemTime(Date.now() + 3_600_000); // an hour later on the clock, far past the 2-second step of zip times
    const b = await renderXlsx([sheet], { created });
    expect(a.equals(b)).toBe(true);
    const dos = `${((2026 - 1980) << 9) | (12 << 5) | 1}:${(8 << 11) | (30 << 5)}`;
    expect(new Set(zipStamps(a))).toEqual(new Set([dos]));
  }, 10_000);

  it('writes strings inline and keeps a list to sign printing its header on every page, however long', async () => {
    const n = 60_000;
    const toSign: SheetSpec = {
      name: 'Lớn',
      titleRows: ['DANH SÁCH CHI TRẢ'],
      columns: [{ key: 'stt', header: 'STT' }, { key: 'personal_id', header: 'Số CCCD', text: true }],
      rows: Array.from({ length: n }, (_, i) => [i + 1, `0381900${String(i).padStart(5, '0')}`]),
      print: { orientation: 'landscape', fitToWidth: true, repeatHeader: true },
    };
    const buf = await renderXlsx([toSign], { created });
    expect(buf.includes('xl/sharedStrings.xml')).toBe(false);
    const ws = await load(buf);
    expect(ws.rowCount).toBe(n + 2);
    expect(ws.getCell(n + 2, 2).value).toBe(`0381900${String(n - 1).padStart(5, '0')}`);
    // The title row and the header row, repeated on each printed page; on A4, landscape, one page wide.
    expect(ws.pageSetup).toMatchObject({ printTitlesRow: '1:2', paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    // Every sheet prints on A4, one page wide, its header repeated.
    expect((await load(await renderXlsx([sheet], { created }))).pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
  }, 60_000);
});
