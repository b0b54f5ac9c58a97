// The font of each cell of an Excel 97-2003 (.xls) workbook, which SheetJS reads but does not hand out: cell
// records name an XF (cell format), the XF names a FONT record, and the FONT record holds the font name (.VnTime,
// VNI-Times …) and the strike-through bit. Only the record headers and these three kinds of record are looked at;
// values, strings and everything else come from SheetJS. BIFF5 (Excel 95) and BIFF8 (97-2003) are alike here.

export interface BiffFont {
  readonly name: string;
  readonly struck: boolean;
}

export interface BiffSheetStyles {
  /** The sheet's name as BOUNDSHEET records it (BIFF5: bytes read as Latin-1). */
  readonly name: string;
  /** fontOf(row, col), both 0-based: the cell's font, or null when the file does not say. */
  fontOf(row: number, col: number): BiffFont | null;
}

const BOF = 0x0809;
const EOF = 0x000a;
const FONT = 0x0031;
const XF = 0x00e0;
const BOUNDSHEET = 0x0085;
const MULRK = 0x00bd;
const MULBLANK = 0x00be;
// Cell records that start with row, column and XF index.
const CELL_RECORDS = new Set([0x00fd, 0x0204, 0x027e, 0x0203, 0x0006, 0x0201, 0x0205, 0x00d6]);

/**
 * The cell fonts of each worksheet, in the order the workbook lists its sheets (BOUNDSHEET order, as SheetJS's
 * SheetNames). `stream` is the compound file's Workbook (BIFF8) or Book (BIFF5) stream.
 */
export function biffStyles(stream: Uint8Array): BiffSheetStyles[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const fonts: BiffFont[] = [];
  const xfFont: number[] = [];
  const sheetAt = new Map<number, number>();
  const names: string[] = [];
  let biff8 = true;
  let sheets = 0;
  let current: Map<number, Map<number, number>> | null = null;
  const perSheet: Map<number, Map<number, number>>[] = [];
  const setXf = (row: number, col: number, xf: number): void => {
    if (current === null) return;
    const cells = current.get(row) ?? new Map<number, number>();
    cells.set(col, xf);
    current.set(row, cells);
  };

  let at = 0;
  while (at + 4 <= stream.length) {
    const type = u16(at);
    const length = u16(at + 2);
    const body = at + 4;
    if (body + length > stream.length) break;
    if (type === BOF) {
      const version = u16(body);
      const kind = length >= 4 ? u16(body + 2) : 0;
      if (at === 0) biff8 = version === 0x0600;
      const index = sheetAt.get(at);
      if (kind === 0x0010 && index !== undefined) {
        current = new Map();
        perSheet[index] = current;
      } else if (at !== 0) current = null;
    } else if (type === EOF) {
      current = null;
    } else if (type === FONT && length >= 15) {
      const flags = u16(body + 2);
      fonts.push({ name: biffString(stream, body + 14, body + length, biff8), struck: (flags & 0x0008) !== 0 });
    } else if (type === XF && length >= 2) {
      xfFont.push(u16(body));
    } else if (type === BOUNDSHEET && length >= 6) {
      const kind = stream[body + 5];
      // Worksheets only (dt 0); chart and macro sheets have no cells SheetJS reads.
      if (kind === 0) sheetAt.set(view.getUint32(body, true), sheets);
      names.push(biffString(stream, body + 6, body + length, biff8));
      sheets++;
    } else if (current !== null && CELL_RECORDS.has(type) && length >= 6) {
      setXf(u16(body), u16(body + 2), u16(body + 4));
    } else if (current !== null && (type === MULRK || type === MULBLANK) && length >= 6) {
      const row = u16(body);
      const first = u16(body + 2);
      const step = type === MULRK ? 6 : 2;
      const count = Math.floor((length - 6) / step);
      for (let i = 0; i < count; i++) setXf(row, first + i, u16(body + 4 + i * step));
    }
    at = body + length;
  }

  // FONT index 4 does not exist in the file: indexes from 4 on point one record earlier.
  const fontOfXf = (xf: number): BiffFont | null => {
    const ifnt = xfFont[xf];
    if (ifnt === undefined) return null;
    return fonts[ifnt < 4 ? ifnt : ifnt - 1] ?? null;
  };
  return Array.from({ length: sheets }, (_, i) => {
    const cells = perSheet[i];
    return {
      name: names[i] ?? '',
      fontOf: (row: number, col: number) => {
        const xf = cells?.get(row)?.get(col);
        return xf === undefined ? null : fontOfXf(xf);
      },
    };
  });
}

/** A FONT record's name: BIFF8 a ShortXLUnicodeString (length, flags, then 8- or 16-bit characters); BIFF5 bytes. */
function biffString(bytes: Uint8Array, at: number, end: number, biff8: boolean): string {
  const count = bytes[at] ?? 0;
  if (!biff8) return Buffer.from(bytes.subarray(at + 1, Math.min(end, at + 1 + count))).toString('latin1');
  const wide = ((bytes[at + 1] ?? 0) & 0x01) !== 0;
  const start = at + 2;
  const stop = Math.min(end, start + count * (wide ? 2 : 1));
  return Buffer.from(bytes.subarray(start, stop)).toString(wide ? 'utf16le' : 'latin1');
}
