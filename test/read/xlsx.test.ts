// Workbooks built in memory the way communes make them: title rows, merged two-row headers, rich text, formulas,
// real dates in both date systems, legacy fonts, extra sheets.
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { readXlsx } from '../../src/read/xlsx.js';
import type { RawSheet } from '../../src/types.js';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const valueAt = (sheet: RawSheet, address: string) => {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return sheet.rows[Number(m[2]) - 1]!.cells[m[1]!.charCodeAt(0) - 65];
};

async function communeList(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS T12');
  ws.getCell('A1').value = 'UBND XÃ HÒA BÌNH';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG 12 NĂM 2026';
  ws.mergeCells('A2:F2');
  ws.getCell('A4').value = 'STT';
  ws.mergeCells('A4:A5');
  ws.getCell('B4').value = 'Họ và tên';
  ws.mergeCells('B4:B5');
  ws.getCell('C4').value = 'Ngày tháng năm sinh';
  ws.mergeCells('C4:D4');
  ws.getCell('C5').value = 'Nam';
  ws.getCell('D5').value = 'Nữ';
  ws.getCell('E4').value = 'Số CCCD';
  ws.mergeCells('E4:E5');
  ws.getCell('F4').value = 'Số tiền';
  ws.mergeCells('F4:F5');
  ws.getCell('A6').value = 1;
  ws.getCell('B6').value = { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An', font: { bold: true } }] };
  ws.getCell('C6').value = new Date(Date.UTC(1945, 8, 2));
  ws.getCell('C6').numFmt = 'dd/mm/yyyy';
  ws.getCell('E6').value = '001045000123';
  ws.getCell('E6').numFmt = '@';
  ws.getCell('F6').value = 1500000;
  ws.getCell('F6').numFmt = '#,##0';
  ws.getCell('A7').value = 2;
  ws.getCell('B7').value = 'Trần Thị Bích Ngọc';
  ws.getCell('D7').value = new Date(Date.UTC(1950, 0, 1));
  ws.getCell('D7').numFmt = 'dd/mm/yyyy';
  ws.getCell('E7').value = 1050000123; // an ID typed as a number: the leading zero is gone, later stages fix it
  ws.getCell('F7').value = { formula: 'F6', result: 1500000 };
  ws.getCell('B9').value = 'Tổng cộng';
  ws.getCell('F9').value = { formula: 'SUM(F6:F7)', result: 3000000 };
  ws.getCell('B10').value = { text: 'Xem hồ sơ', hyperlink: 'https://example.org/ho-so' };
  ws.getCell('E10').value = { error: '#N/A' } as unknown as ExcelJS.CellErrorValue;
  ws.getCell('F10').value = { formula: 'F9*2' } as ExcelJS.CellFormulaValue;
  wb.addWorksheet('Tong hop');
  const hidden = wb.addWorksheet('Nhap', { state: 'hidden' });
  hidden.getCell('A1').value = 'nháp';
  return bytesOf(wb);
}

describe('a commune list', async () => {
  const { sheets, skippedSheets } = await readXlsx(await communeList(), 'ds.xlsx');
  const sheet = sheets[0]!;

  test('every sheet with values is read; an empty one is skipped with its reason', () => {
    expect(sheets.map((s) => s.sheet)).toEqual(['DS T12', 'Nhap']);
    expect(skippedSheets).toEqual([{ file: 'ds.xlsx', sheet: 'Tong hop', reason: 'empty sheet' }]);
    expect(sheet).toMatchObject({ file: 'ds.xlsx', format: 'xlsx', date1904: false, legacy: [] });
  });

  test('a hidden sheet is kept, with a note', () => {
    expect(sheets[1]!.warnings.join(' ')).toContain('hidden');
    expect(sheet.warnings.join(' ')).not.toContain('hidden');
  });

  test('rows run from 1 to the last non-empty row, blank ones included, all as wide as the table', () => {
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const row of sheet.rows) expect(row.cells).toHaveLength(6);
    expect(sheet.rows[2]!.cells.every((c) => c.value === null)).toBe(true);
    expect(sheet.rows[7]!.cells.every((c) => c.value === null)).toBe(true);
  });

  test('merged ranges are recorded and every cell of a range carries the top-left value', () => {
    expect(sheet.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 2, left: 1, bottom: 2, right: 6 },
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 2 },
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 4, left: 5, bottom: 5, right: 5 },
      { top: 4, left: 6, bottom: 5, right: 6 },
    ]);
    expect(valueAt(sheet, 'F1')!.value).toBe('UBND XÃ HÒA BÌNH');
    expect(valueAt(sheet, 'A5')!.value).toBe('STT');
    expect(valueAt(sheet, 'D4')!.value).toBe('Ngày tháng năm sinh');
    expect(valueAt(sheet, 'D5')!.value).toBe('Nữ');
  });

  test('rich text is joined', () => {
    expect(valueAt(sheet, 'B6')!.value).toBe('Nguyễn Văn An');
  });

  test('real dates are the calendar day shown, at UTC midnight, with their format', () => {
    expect(valueAt(sheet, 'C6')).toEqual({ value: new Date(Date.UTC(1945, 8, 2)), numFmt: 'dd/mm/yyyy' });
    expect(valueAt(sheet, 'D7')!.value).toEqual(new Date(Date.UTC(1950, 0, 1)));
    expect(valueAt(sheet, 'C7')!.value).toBeNull();
  });

  test('numbers stay numbers; a non-General format is kept; text-formatted IDs keep their zero', () => {
    expect(valueAt(sheet, 'F6')).toEqual({ value: 1500000, numFmt: '#,##0' });
    expect(valueAt(sheet, 'E7')).toEqual({ value: 1050000123 });
    expect(valueAt(sheet, 'E6')).toEqual({ value: '001045000123', numFmt: '@' });
  });

  test('formulas give their cached result; one without a result is null with a warning naming the cell', () => {
    expect(valueAt(sheet, 'F7')!.value).toBe(1500000);
    expect(valueAt(sheet, 'F9')!.value).toBe(3000000);
    expect(valueAt(sheet, 'F10')!.value).toBeNull();
    expect(sheet.warnings.some((w) => w.startsWith('F10:') && w.includes('formula'))).toBe(true);
  });

  test('hyperlinks give their text, error values their error text', () => {
    expect(valueAt(sheet, 'B10')!.value).toBe('Xem hồ sơ');
    expect(valueAt(sheet, 'E10')!.value).toBe('#N/A');
  });
});

describe('date systems', () => {
  async function serials(date1904: boolean): Promise<RawSheet> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('S');
    // Raw serial numbers with a date format, as Excel stores them.
    const cells: [string, number][] = [['A1', 18264], ['A2', 16802], ['A3', 18264.75], ['A4', 59], ['A5', 61]];
    for (const [address, serial] of cells) {
      ws.getCell(address).value = serial;
      ws.getCell(address).numFmt = 'dd/mm/yyyy';
    }
    ws.getCell('A6').value = new Date(Date.UTC(1938, 4, 15));
    ws.getCell('A6').numFmt = 'dd/mm/yyyy';
    return (await readXlsx(await bytesOf(wb), 's.xlsx')).sheets[0]!;
  }
  const at = (sheet: RawSheet, row: number) => sheet.rows[row - 1]!.cells[0]!.value;

  test('1900 system: serial 18264 is 1 Jan 1950; a time of day does not move the day', async () => {
    const sheet = await serials(false);
    expect(sheet.date1904).toBe(false);
    expect(at(sheet, 1)).toEqual(new Date(Date.UTC(1950, 0, 1)));
    // 1462 days before 1 Jan 1950 (1946–1949 hold one leap day): 31 Dec 1945.
    expect(at(sheet, 2)).toEqual(new Date(Date.UTC(1945, 11, 31)));
    expect(at(sheet, 3)).toEqual(new Date(Date.UTC(1950, 0, 1)));
    expect(at(sheet, 6)).toEqual(new Date(Date.UTC(1938, 4, 15)));
  });

  test('1900 system: days before the fake 29 Feb 1900 are the day Excel shows', async () => {
    const sheet = await serials(false);
    expect(at(sheet, 4)).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(at(sheet, 5)).toEqual(new Date(Date.UTC(1900, 2, 1)));
  });

  test('1904 system: serial 16802 is 1 Jan 1950 (1462 days less than in 1900)', async () => {
    const sheet = await serials(true);
    expect(sheet.date1904).toBe(true);
    expect(at(sheet, 2)).toEqual(new Date(Date.UTC(1950, 0, 1)));
    expect(at(sheet, 1)).toEqual(new Date(Date.UTC(1954, 0, 2)));
    expect(at(sheet, 6)).toEqual(new Date(Date.UTC(1938, 4, 15)));
  });
});

describe('legacy fonts', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  const put = (address: string, value: string, font: string) => {
    ws.getCell(address).value = value;
    ws.getCell(address).font = { name: font };
  };
  put('A1', 'ubnd x· hßa b×nh', '.VnTimeH'); // title in a capital font
  put('A2', 'Hä vµ tªn', '.VnTime');
  put('B2', 'Hä tªn (in hoa)', '.VnTime');
  put('C2', 'Họ và tên (VNI)', 'Times New Roman');
  put('D2', 'Hä tªn', 'Arial');
  put('E2', 'Ghi chú', 'Arial');
  const rows: [string, string, string, string, string][] = [
    ['NguyÔn V¨n An', 'nguyÔn v¨n an', 'Leâ Höõu Phöôùc', '§Æng ThÞ Thñy', 'Hoà'],
    ['TrÇn ThÞ BÝch Ngäc', '®Æng thÞ thñy', 'Phaïm Öng', 'Ph¹m ¦ng', 'Ông Lò Văn Tú nhận thay'],
    ['Lª H\u00f7u Ph\u00adíc', 'ph¹m ¦ng', 'Traàn Thò Bích Ngoïc', 'TrÇn ThÞ BÝch Ngäc', 'Hà'],
  ];
  rows.forEach(([a, b, c, d, e], i) => {
    put(`A${i + 3}`, a, '.VnTime');
    put(`B${i + 3}`, b, '.VnTimeH');
    put(`C${i + 3}`, c, 'VNI-Times');
    put(`D${i + 3}`, d, 'Arial');
    put(`E${i + 3}`, e, 'Arial');
  });
  const sheet = (await readXlsx(await bytesOf(wb), 'cu.xlsx')).sheets[0]!;
  const column = (c: number) => sheet.rows.slice(2).map((r) => r.cells[c]!.value);

  test('a .VnTime column is decoded, soft hyphen (ư) included', () => {
    expect(column(0)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hữu Phước']);
  });
  test('a .VnTimeH column is decoded and upper-cased', () => {
    expect(column(1)).toEqual(['NGUYỄN VĂN AN', 'ĐẶNG THỊ THỦY', 'PHẠM ƯNG']);
  });
  test('a VNI-Times column is decoded', () => {
    expect(column(2)).toEqual(['Lê Hữu Phước', 'Phạm Ưng', 'Trần Thị Bích Ngọc']);
  });
  test('TCVN3 text in a Unicode font (Arial) is recognised by its characters', () => {
    expect(column(3)).toEqual(['Đặng Thị Thủy', 'Phạm Ưng', 'Trần Thị Bích Ngọc']);
  });
  test('proper Unicode in the same sheet is untouched', () => {
    expect(column(4)).toEqual(['Hoà', 'Ông Lò Văn Tú nhận thay', 'Hà']);
    expect(sheet.rows[1]!.cells[4]!.value).toBe('Ghi chú');
  });
  test('title and header cells are decoded the same way', () => {
    expect(sheet.rows[0]!.cells[0]!.value).toBe('UBND XÃ HÒA BÌNH');
    expect(sheet.rows[1]!.cells.map((c) => c.value)).toEqual(['Họ và tên', 'Họ tên (in hoa)', 'Họ và tên (VNI)', 'Họ tên', 'Ghi chú']);
  });
  test('each decoded column is recorded with how it was recognised', () => {
    expect(sheet.legacy).toEqual([
      { column: 0, encoding: 'tcvn3', source: 'font', upper: true, cells: 1 },
      { column: 0, encoding: 'tcvn3', source: 'font', upper: false, cells: 4 },
      { column: 1, encoding: 'tcvn3', source: 'font', upper: false, cells: 1 },
      { column: 1, encoding: 'tcvn3', source: 'font', upper: true, cells: 3 },
      { column: 2, encoding: 'vni', source: 'font', upper: false, cells: 3 },
      { column: 3, encoding: 'tcvn3', source: 'characters', upper: false, cells: 4 },
    ]);
  });
  test('the fonts seen are listed', () => {
    expect(sheet.fonts).toEqual(['.VnTime', '.VnTimeH', 'Arial', 'Times New Roman', 'VNI-Times']);
  });
});

describe('refusals', () => {
  test('a workbook with no values at all is empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2');
    const error = await readXlsx(await bytesOf(wb), 'trong.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AsxhError);
    expect((error as AsxhError).code).toBe('input_empty');
    expect((error as AsxhError).message).toContain('"trong.xlsx"');
  });

  test('a truncated download is corrupt, without a stack trace', async () => {
    const full = await communeList();
    const error = await readXlsx(full.slice(0, Math.floor(full.length / 2)), 'ds.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AsxhError);
    expect((error as AsxhError).code).toBe('input_corrupt');
    expect((error as AsxhError).message).toContain('"ds.xlsx"');
    expect((error as AsxhError).message).not.toMatch(/\n\s+at /);
    expect((error as AsxhError).hint).toContain('save it again as .xlsx');
  });
});
