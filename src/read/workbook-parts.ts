// What the two workbook readers (exceljs for .xlsx, SheetJS for .xls/.ods) do alike once they have a grid.
import { AsxhError, quote } from '../errors.js';
import type { MergeRange, RawCell } from '../types.js';

/** Every cell of a merged range gets the top-left value: a village merged down its rows belongs to each. */
export function fillMerges(rows: RawCell[][], merges: readonly MergeRange[], lastRow: number, lastCol: number): void {
  for (const m of merges) {
    const master = rows[m.top - 1]?.[m.left - 1];
    if (master === undefined) continue;
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      for (let c = m.left; c <= Math.min(m.right, lastCol); c++) rows[r - 1]![c - 1] = master;
    }
  }
}

export function noSheetWithValues(name: string): AsxhError {
  return new AsxhError(
    'input_empty',
    { vi: `Không đọc được tệp ${quote(name)}: không trang tính nào của bảng tính có dữ liệu.`, en: `Cannot read ${quote(name)}: no sheet of the workbook holds any value.` },
    {
      vi: 'Kiểm tra đã chọn đúng tệp, và tệp đã được lưu sau khi nhập danh sách.',
      en: 'Check that you chose the right file and that it was saved after the list was typed in.',
    },
  );
}
