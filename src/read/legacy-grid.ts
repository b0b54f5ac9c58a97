// Turns a sheet's cells as read (text possibly in a legacy encoding) into RawCells (Unicode, NFC), recording each
// decoded column. Shared by the XLSX and CSV readers so both follow the same rules:
//   1. a cell (or rich-text run) in a legacy font is decoded by its font, unless it already holds proper Unicode;
//   2. the other text cells of a column are decoded when the column's characters clearly show one encoding;
//   3. everything else goes through `plain` (identity for workbooks, the code page for single-byte CSV).

import type { CellValue, LegacyColumn, LegacyEncoding, RawCell } from '../types.js';
import { decodeLegacy } from './legacy-decode.js';
import { classifyText, detectColumnEncoding, fontEncoding, type FontEncoding } from './legacy-detect.js';

export interface TextRun {
  readonly text: string;
  readonly font: string | null;
}

export interface GridCell {
  readonly value: CellValue;
  readonly numFmt?: string;
  /** The cell's font name, where the file has one. */
  readonly font?: string | null;
  /** Rich text: each run may have its own font. value holds the joined text. */
  readonly runs?: readonly TextRun[];
  /** The cell's text is struck through: carried to the RawCell as it is. */
  readonly struck?: boolean;
}

export interface GridOptions {
  /** Applied to text that is not decoded from a legacy encoding. */
  readonly plain?: (text: string) => string;
  /** Decode every text cell with this encoding, without looking (the user said so). */
  readonly forced?: LegacyEncoding;
  /** false: never decode by characters (a single-byte code page was named by the user). */
  readonly detect?: boolean;
  /**
   * The grid is one byte stream (a CSV): when the columns that show it all point to one legacy encoding, the
   * columns with too little text to show it (a header "Sè CCCD" over digits) are taken to be in it as well.
   */
  readonly oneStream?: boolean;
}

export interface DecodedGrid {
  readonly rows: RawCell[][];
  readonly legacy: LegacyColumn[];
}

const EMPTY: RawCell = { value: null };
/** Non-ASCII cells a column needs before its own characters, not the file's, decide its encoding. */
const SHORT_COLUMN = 2;

export function decodeLegacyGrid(grid: readonly (readonly GridCell[])[], options: GridOptions = {}): DecodedGrid {
  const plain = options.plain ?? ((text: string) => text);
  const tally = new Map<string, { -readonly [K in keyof LegacyColumn]: LegacyColumn[K] }>();
  const count = (column: number, enc: FontEncoding, source: 'font' | 'characters'): void => {
    const key = `${column}|${enc.encoding}|${source}|${enc.upper}`;
    const entry = tally.get(key) ?? { column, encoding: enc.encoding, source, upper: enc.upper, cells: 0 };
    entry.cells++;
    tally.set(key, entry);
  };

  const out: (RawCell | undefined)[][] = grid.map((row) => row.map(() => undefined));
  // Text cells not settled by their font, per column, for the character test.
  const pending = new Map<number, { row: number; text: string }[]>();

  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell.value !== 'string') {
        out[r]![c] = cell.value === null ? EMPTY : toRaw(cell.value, cell.numFmt, cell.struck);
        return;
      }
      const byFont = decodeByFont(cell);
      if (byFont !== null) {
        out[r]![c] = toRaw(byFont.text.normalize('NFC'), cell.numFmt, cell.struck);
        if (byFont.enc !== null) count(c, byFont.enc, 'font');
        return;
      }
      const list = pending.get(c) ?? [];
      list.push({ row: r, text: cell.value });
      pending.set(c, list);
    });
  });

  const detected = new Map<number, LegacyEncoding | null>();
  for (const [c, cells] of pending) {
    detected.set(c, options.forced ?? (options.detect === false ? null : detectColumnEncoding(cells.map((cell) => cell.text))));
  }
  const seen = new Set([...detected.values()].filter((e): e is LegacyEncoding => e !== null));
  const streamEncoding = options.oneStream && seen.size === 1 ? [...seen][0]! : null;
  for (const [c, cells] of pending) {
    // Only a column with too little text to show its own encoding follows the file: a column of proper
    // Windows-1258 text beside a TCVN3 one (a sheet of mixed fonts, saved as CSV) keeps its own.
    const fewLetters = cells.filter((cell) => /[^\x00-\x7f]/.test(cell.text)).length <= SHORT_COLUMN;
    const encoding = detected.get(c) ?? (fewLetters ? streamEncoding : null);
    for (const { row, text } of cells) {
      let value = plain(text);
      if (encoding !== null && fits(text, encoding, options.forced !== undefined)) {
        const decoded = decodeLegacy(text, encoding);
        if (decoded !== text.normalize('NFC')) count(c, { encoding, upper: false }, 'characters');
        value = decoded;
      }
      out[row]![c] = toRaw(value.normalize('NFC'), grid[row]![c]!.numFmt, grid[row]![c]!.struck);
    }
  }

  const legacy = [...tally.values()].sort((a, b) => a.column - b.column || a.encoding.localeCompare(b.encoding));
  return { rows: out.map((row) => row.map((cell) => cell ?? EMPTY)), legacy };
}

function toRaw(value: CellValue, numFmt: string | undefined, struck?: boolean): RawCell {
  const raw = numFmt === undefined ? { value } : { value, numFmt };
  return struck === true ? { ...raw, struck } : raw;
}

/** A cell of a detected column is decoded only if its characters fit the encoding and it is not proper Unicode. */
function fits(text: string, encoding: LegacyEncoding, forced: boolean): boolean {
  const c = classifyText(text);
  if (encoding === 'viqr') return c.ascii;
  if (forced) return !c.unicode;
  return encoding === 'tcvn3' ? c.tcvn3Fits : c.vniFits;
}

/**
 * Decodes a cell whose font (or a run's font) is a legacy one. Returns null when no font says anything, so the
 * character test decides; enc is null when the runs were mixed and nothing needed decoding.
 */
function decodeByFont(cell: GridCell): { text: string; enc: FontEncoding | null } | null {
  const runs = cell.runs ?? [{ text: cell.value as string, font: cell.font ?? null }];
  const encs = runs.map((run) => fontEncoding(run.font));
  const first = encs.find((enc) => enc !== null);
  if (first === undefined || first === null) return null;
  // A legacy font over text that is already proper Unicode: the font was changed later, leave the text.
  if (classifyText(cell.value as string).unicode) return { text: cell.value as string, enc: null };
  const text = runs.map((run, i) => {
    const enc = encs[i];
    return enc ? decodeLegacy(run.text, enc.encoding, enc.upper) : run.text;
  });
  return { text: text.join(''), enc: first };
}
