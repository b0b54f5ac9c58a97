// A registry export saved as a workbook (some offices get the police extract as XLSX). The read stage reads it
// like any list (encodings, legacy fonts, merged cells); each row is then handed to the same builder as a CSV
// record, as the text a person sees, so both kinds of export are normalised alike.
import { AsxhError, quote } from '../errors.js';
import { readInput } from '../read/read-input.js';
import type { CellValue, RawSheet } from '../types.js';
import type { Registry } from './registry.js';
import { RegistryBuilder } from './registry-builder.js';
import { findRegistryColumns } from './registry-columns.js';

const HEADER_SEARCH_ROWS = 30;

function asText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const d = String(value.getUTCDate()).padStart(2, '0');
    const m = String(value.getUTCMonth() + 1).padStart(2, '0');
    return `${d}/${m}/${value.getUTCFullYear()}`;
  }
  // A 12-digit ID stored as a number is exact below 2^53; String() never uses exponent notation there.
  return String(value);
}

/** The first row among the first 30 whose cells name at least the ID and name columns. */
function findHeader(sheet: RawSheet, file: string): { index: number; columns: ReturnType<typeof findRegistryColumns> } | null {
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
    const header = sheet.rows[i]!.cells.map((c) => asText(c.value));
    try {
      return { index: i, columns: findRegistryColumns(header, file) };
    } catch {
      // Not the header (a title row): keep looking.
    }
  }
  return null;
}

export async function readRegistryXlsx(path: string, options: { readonly file: string; readonly runYear: number }): Promise<Registry> {
  // A registry workbook may fill all 1,048,576 rows of a sheet: held to what such a sheet can be, not a list's limit.
  const read = await readInput(path, options.file, { encoding: null, maxCells: 64_000_000 });
  for (const sheet of read.sheets) {
    const found = findHeader(sheet, options.file);
    if (!found) continue;
    const header = sheet.rows[found.index]!.cells.map((c) => asText(c.value));
    const builder = new RegistryBuilder(options.file, header, found.columns, options.runYear);
    for (let i = found.index + 1; i < sheet.rows.length; i++) {
      const row = sheet.rows[i]!;
      if (row.cells.every((c) => c.value === null)) continue;
      builder.addTexts(row.cells.map((c) => asText(c.value)), row.row);
    }
    return builder.finish();
  }
  throw new AsxhError(
    'registry_invalid',
    {
      vi: `Không dùng được CSDL dân cư ${quote(options.file)}: không trang tính nào có dòng tiêu đề với cột số định danh và cột họ tên trong ${HEADER_SEARCH_ROWS} dòng đầu`,
      en: `Cannot use the registry ${quote(options.file)}: no sheet has a header with an ID column and a name column in its first ${HEADER_SEARCH_ROWS} rows`,
    },
    {
      vi: 'Tệp xuất cần có các cột như so_dinh_danh (hoặc Số định danh cá nhân) và ho_ten (hoặc Họ và tên).',
      en: 'The export needs columns such as so_dinh_danh (or Số định danh cá nhân) and ho_ten (or Họ và tên).',
    },
  );
}
