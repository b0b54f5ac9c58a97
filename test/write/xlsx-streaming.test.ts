// A match report of 100k+ rows is written with exceljs's streaming writer: the officer must get the same
// workbook as from the in-memory writer (IDs as text, amounts with separators, formulas defused, doubtful cells
// yellow), and an auditor the same bytes on every run.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../src/write/output-spec.js';
import { renderXlsx, STREAM_ROWS } from '../../src/write/xlsx-writer.js';

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
    const ws = await load(await renderXlsx([sheet], { created, streaming: true }));
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
    const ws = await load(await renderXlsx([sheet], { created, streaming: true }));
    expect(ws.getCell('E5').value).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(ws.getCell('C5').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
    expect((ws.getCell('C4').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    expect(ws.getCell('B7').value).toBe('Tổng cộng');
    expect(ws.getCell('D7').value).toBe(2250000);
    expect(ws.getCell('D7').font?.bold).toBe(true);
  });

  it('gives the same bytes for the same rows, every entry stamped with the run date', async () => {
    const a = await renderXlsx([sheet], { created, streaming: true });
    await new Promise((r) => setTimeout(r, 2100)); // past the 2-second step of zip times
    const b = await renderXlsx([sheet], { created, streaming: true });
    expect(a.equals(b)).toBe(true);
    const dos = `${((2026 - 1980) << 9) | (12 << 5) | 1}:${(8 << 11) | (30 << 5)}`;
    expect(new Set(zipStamps(a))).toEqual(new Set([dos]));
  }, 10_000);

  it(`is chosen for every workbook but one printed with its header on each page, and for that too above ${STREAM_ROWS} rows`, async () => {
    const n = STREAM_ROWS + 1;
    const big: SheetSpec = {
      name: 'Lớn',
      columns: [{ key: 'stt', header: 'STT' }, { key: 'personal_id', header: 'Số CCCD', text: true }],
      rows: Array.from({ length: n }, (_, i) => [i + 1, `0381900${String(i).padStart(5, '0')}`]),
    };
    const buf = await renderXlsx([big], { created });
    // The in-memory writer keeps a shared-string table; the streaming one writes strings inline.
    expect(buf.includes('xl/sharedStrings.xml')).toBe(false);
    const ws = await load(buf);
    expect(ws.rowCount).toBe(n + 1);
    expect(ws.getCell(n + 1, 2).value).toBe(`0381900${String(n - 1).padStart(5, '0')}`);
    expect((await renderXlsx([sheet], { created })).includes('xl/sharedStrings.xml')).toBe(false);
    // A list to sign keeps its header on every printed page, which only the in-memory writer can write.
    const toSign: SheetSpec = { ...sheet, print: { orientation: 'landscape', fitToWidth: true, repeatHeader: true } };
    const printed = await renderXlsx([toSign], { created });
    expect(printed.includes('xl/sharedStrings.xml')).toBe(true);
    expect(printed.includes('_xlnm.Print_Titles')).toBe(false); // compressed: checked through exceljs below
    expect((await load(printed)).pageSetup.printTitlesRow).toBe('1:3');
    const bigToSign = await renderXlsx([{ ...big, print: toSign.print }], { created });
    expect(bigToSign.includes('xl/sharedStrings.xml')).toBe(false);
  }, 60_000);
});
