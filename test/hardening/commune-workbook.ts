// Test helper: a real commune list made with exceljs (title rows, merged two-row header with Nam/Nữ birth
// columns, IDs as text and as numbers, a subtotal, a signature block, a summary sheet), to be damaged later.
// All people and numbers are invented.
import ExcelJS from 'exceljs';

/** People rows of the list, as written. */
export const PEOPLE = [
  [1, 'Nguyễn Văn An', new Date(Date.UTC(1945, 8, 2)), null, '001045000123', 'Thôn Đông', 1_500_000, '0123456789', 'Agribank'],
  [2, 'Trần Thị Bích Ngọc', null, '01/01/1950', 1150000456, 'Thôn Đông', '1.500.000', "'0987654321", 'VCB'],
  [3, 'Lê Hữu Phước', 1940, null, '0380 4000 0789', 'Thôn Tây', 2000000, null, 'Tiền mặt'],
  [4, 'Đặng Thị Thủy', null, 1938, '038138000321', 'Thôn Tây', '2,000,000', '1234567890123', 'NHNo&PTNT'],
] as const;

export async function communeWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS T12');
  ws.getCell('A1').value = 'UBND XÃ HÒA BÌNH';
  ws.mergeCells('A1:I1');
  ws.getCell('A2').value = 'DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG 12 NĂM 2026';
  ws.mergeCells('A2:I2');
  const tops = ['STT', 'Họ và tên', 'Ngày tháng năm sinh', null, 'Số CCCD', 'Thôn', 'Số tiền', 'Số tài khoản', 'Ngân hàng'];
  tops.forEach((text, i) => {
    if (text !== null) ws.getCell(4, i + 1).value = text;
  });
  for (const col of ['A', 'B', 'E', 'F', 'G', 'H', 'I']) ws.mergeCells(`${col}4:${col}5`);
  ws.mergeCells('C4:D4');
  ws.getCell('C5').value = 'Nam';
  ws.getCell('D5').value = 'Nữ';
  ws.getRow(6).values = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  PEOPLE.forEach((person, i) => {
    const row = ws.getRow(7 + i);
    person.forEach((value, c) => {
      if (value === null) return;
      row.getCell(c + 1).value = value as ExcelJS.CellValue;
    });
  });
  ws.getCell('E7').numFmt = '@';
  ws.getCell('C7').numFmt = 'dd/mm/yyyy';
  ws.getCell('B11').value = 'Cộng thôn';
  ws.getCell('G11').value = { formula: 'SUM(G7:G10)', result: 7_000_000 };
  ws.getCell('B13').value = 'Người lập biểu';
  ws.getCell('F13').value = 'Chủ tịch UBND xã';
  ws.getCell('B14').value = { richText: [{ text: 'Nguy' }, { text: 'ễn Thị Lan', font: { bold: true } }] };
  const summary = wb.addWorksheet('Tổng hợp');
  summary.addRow(['Thôn', 'Số người', 'Số tiền']);
  summary.addRow(['Thôn Đông', 2, 3_000_000]);
  summary.addRow(['Thôn Tây', 2, 4_000_000]);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
