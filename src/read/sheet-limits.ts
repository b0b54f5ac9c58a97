// Bounded reading. A sheet is laid out as a grid of its last row × its last column, so one stray cell at
// XFD1048576, or a merge over the whole sheet, asks for 17 billion cells and the run dies of memory after a
// minute. Each sheet's grid, and each merged range, is held to `read.maxCells`; an .xlsx's merges are checked
// in the file itself before exceljs reads it, since exceljs makes every cell of a merge as it loads.
import { getHeapStatistics } from 'node:v8';
import { AsxhError, quote } from '../errors.js';
import { columnLetter } from '../report/column-letter.js';
import { directory, partBytes, type Part } from './missing-parts.js';

/** 200,000 rows of 100 columns; the empty cells of a grid this size take about 1 GB while it is read. */
export const DEFAULT_MAX_CELLS = 20_000_000;

const figure = (n: number): string => n.toLocaleString('en-US');
/** Vietnamese groups thousands with dots: 20.000.000. */
const figureVi = (n: number): string => figure(n).replaceAll(',', '.');

export function tooLarge(file: string, what: { vi: string; en: string }, cells: number, maxCells: number): AsxhError {
  return new AsxhError(
    'input_too_large',
    {
      en: `Cannot read ${quote(file)}: ${what.en} (${figure(cells)} cells to lay out), over the limit of ${figure(maxCells)} cells (read.maxCells)`,
      vi: `Không đọc được ${quote(file)}: ${what.vi} (${figureVi(cells)} ô phải dựng), quá giới hạn ${figureVi(maxCells)} ô (read.maxCells)`,
    },
    {
      en: 'In Excel, press Ctrl+End to find the last cell; delete the rows and columns beyond the list (and any merge over them), save, and run again. If the list really is that large, raise read.maxCells in asxh.config.json.',
      vi: 'Trong Excel, bấm Ctrl+End để tìm ô cuối; xoá các hàng, cột ngoài danh sách (và các ô gộp trùm lên chúng), lưu lại rồi chạy lại. Nếu danh sách thật sự lớn như vậy, tăng read.maxCells trong asxh.config.json.',
    },
  );
}

/** A sheet whose last cell is at (lastRow, lastCol), 1-based. */
export function checkSheetArea(file: string, sheet: string | null, lastRow: number, lastCol: number, maxCells: number): void {
  const cells = lastRow * lastCol;
  if (cells <= maxCells) return;
  const cell = `${columnLetter(lastCol - 1)}${lastRow}`;
  const en = sheet === null ? `its cells reach ${cell}` : `the cells of sheet ${quote(sheet)} reach ${cell}`;
  const vi = sheet === null ? `các ô kéo dài tới ${cell}` : `các ô của trang ${quote(sheet)} kéo dài tới ${cell}`;
  throw tooLarge(file, { en, vi }, cells, maxCells);
}

const CELL_REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

function cellIndex(ref: string): { row: number; col: number } | null {
  const m = CELL_REF.exec(ref.toUpperCase());
  if (m === null) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** The worst merged range of an .xlsx's worksheets, read from the file before exceljs loads it. */
export function checkXlsxMerges(bytes: Uint8Array, file: string, maxCells: number): void {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let parts;
  try {
    parts = directory(zip);
  } catch {
    return; // Damaged: exceljs says so.
  }
  let filled = 0;
  for (const [path, part] of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) continue;
    const xml = inflated(zip, part, file, maxCells);
    if (xml === null) continue;
    filled += countCells(xml);
    let at = xml.indexOf('<mergeCell ');
    while (at >= 0) {
      const end = xml.indexOf('>', at);
      const tag = xml.toString('latin1', at, end < 0 ? at + 200 : end);
      const ref = /\sref\s*=\s*["']([^"']+)["']/.exec(tag)?.[1];
      const [a, b] = (ref ?? '').split(':').map(cellIndex);
      if (a && b) {
        const cells = (Math.abs(b.row - a.row) + 1) * (Math.abs(b.col - a.col) + 1);
        if (cells > maxCells) throw tooLarge(file, { en: `a merged range ${ref} (in ${path})`, vi: `vùng ô gộp ${ref} (trong ${path})` }, cells, maxCells);
      }
      at = xml.indexOf('<mergeCell ', at + 1);
    }
  }
  const budget = cellBudget();
  if (filled > budget) {
    const gb = (n: number): string => (n / 2 ** 30).toFixed(1);
    throw new AsxhError(
      'input_too_large',
      {
        en: `Cannot read ${quote(file)}: it holds ${figure(filled)} filled cells; reading them as .xlsx needs about ${gb(filled * BYTES_PER_CELL)} GB of memory, more than Node may use here (${gb(heapLimit())} GB)`,
        vi: `Không đọc được ${quote(file)}: tệp có ${figureVi(filled)} ô có dữ liệu; đọc dạng .xlsx cần khoảng ${gb(filled * BYTES_PER_CELL)} GB bộ nhớ, nhiều hơn Node được dùng ở đây (${gb(heapLimit())} GB)`,
      },
      {
        en: 'Save the list as CSV UTF-8 (it reads in a fraction of the memory) or split it into several files; or, on a machine with the memory, run with NODE_OPTIONS=--max-old-space-size=8192.',
        vi: 'Lưu danh sách dạng CSV UTF-8 (đọc tốn ít bộ nhớ hơn nhiều) hoặc chia thành nhiều tệp; hoặc, trên máy đủ bộ nhớ, chạy với NODE_OPTIONS=--max-old-space-size=8192.',
      },
    );
  }
}

/**
 * exceljs holds a workbook whole: measured ~1.2 KB of memory a filled cell (a 200,000-row × 12-column list,
 * 2.4M cells, peaks at 2.9 GB). A file that would not fit in Node's heap is refused before it is loaded.
 */
const BYTES_PER_CELL = 1300;
const heapLimit = (): number => getHeapStatistics().heap_size_limit;
const cellBudget = (): number => Math.floor(heapLimit() / BYTES_PER_CELL);

/** Cells written in a worksheet's XML (`<c r=…>`, `<c>`), counted without making a string of it. */
function countCells(xml: Buffer): number {
  let n = 0;
  for (let at = xml.indexOf('<c'); at >= 0; at = xml.indexOf('<c', at + 2)) {
    const next = xml[at + 2];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++; // '<c ', '<c>', '<c/>'
  }
  return n;
}

/**
 * A worksheet part's XML, inflated no further than a sheet of maxCells cells could need (a ZIP bomb is refused
 * rather than unpacked); null where it cannot be told (exceljs then says what is wrong).
 */
function inflated(zip: Buffer, part: Part, file: string, maxCells: number): Buffer | null {
  // A real sheet's XML is ~40 bytes a cell; more than the heap could hold as cells is not worth unpacking.
  const limit = Math.min(Math.max(maxCells * 40, 2 ** 26), 2 ** 29);
  try {
    return partBytes(zip, part, limit);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw tooLarge(file, { en: 'a worksheet unpacks to more than its cells could need (a ZIP bomb, or a sheet far too large)', vi: 'một trang giải nén ra lớn hơn số ô có thể cần (tệp nén độc hại, hoặc trang quá lớn)' }, Math.ceil(limit / 40), maxCells);
    }
    return null;
  }
}
