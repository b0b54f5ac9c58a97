// The one place that orders the stages. Reading is the only file access here; everything from layout on is
// pure, so a whole run can be built in memory and written at the end.
import { basename, relative, resolve } from 'node:path';
import type { Settings } from './config/settings.js';
import { AsxhError, quote } from './errors.js';
import { detectLayout } from './layout/detect-layout.js';
import type { DateOrder } from './normalize/birth-date.js';
import { normalizeTable } from './normalize/person.js';
import { readInput, type InputRead } from './read/read-input.js';
import type { Person, RawSheet, SkippedSheet, Table } from './types.js';

export interface ListInput {
  /** The path as given on the command line. */
  readonly path: string;
  /** The name reports show. */
  readonly name: string;
}

export interface ListSheet {
  readonly raw: RawSheet;
  readonly table: Table;
  readonly people: readonly Person[];
  readonly dateOrder: { readonly order: DateOrder; readonly settled: boolean; readonly evidence: string };
}

export interface PreparedList {
  readonly input: ListInput;
  readonly format: 'xlsx' | 'csv';
  readonly sha256: string;
  readonly bytes: number;
  readonly sheets: readonly ListSheet[];
  readonly skippedSheets: readonly SkippedSheet[];
}

export interface ListCounts {
  readonly rowsRead: number;
  readonly people: number;
  readonly skipped: number;
}

/**
 * Names reports use for the inputs: the base name, or the path relative to the working folder where two
 * inputs share a base name (lists of several communes are often all called "danh sach.xlsx").
 */
export function nameInputs(paths: readonly string[], cwd: string): ListInput[] {
  const bases = paths.map((p) => basename(p));
  return paths.map((path, i) => {
    const clash = bases.filter((b) => b === bases[i]).length > 1;
    return { path, name: clash ? relative(cwd, resolve(cwd, path)).split('\\').join('/') : bases[i]! };
  });
}

export async function readList(input: ListInput, settings: Settings): Promise<InputRead> {
  return readInput(input.path, input.name, { encoding: settings.encoding });
}

/** Layout and normalisation of every sheet of one input. A file with no beneficiary table at all is refused. */
export function prepareList(input: ListInput, read: InputRead, settings: Settings): PreparedList {
  const runYear = Number(settings.runDate.slice(0, 4));
  const sheets: ListSheet[] = [];
  const skippedSheets: SkippedSheet[] = [...read.skippedSheets];
  const refusals: string[] = [];
  for (const raw of read.sheets) {
    const layout = detectLayout(raw, { map: settings.map });
    if (!layout.ok) {
      skippedSheets.push({ file: input.name, sheet: raw.sheet, reason: layout.reason });
      const where = raw.sheet ? `sheet ${quote(raw.sheet)}` : 'the file';
      refusals.push(`${where}: ${layout.reason}; header cells seen: ${layout.sawCells.map((c) => quote(c)).join(', ') || 'none'}`);
      continue;
    }
    const dateOrder = settings.dateOrder === 'auto' ? 'auto' : settings.dateOrder;
    const { people, dateOrder: order } = normalizeTable(layout.table, { dateOrder, date1904: raw.date1904, runYear });
    sheets.push({ raw, table: layout.table, people, dateOrder: order });
  }
  if (sheets.length === 0) {
    throw new AsxhError(
      'input_no_header',
      `Cannot find a beneficiary table in ${quote(input.name)}: no sheet has a header row with a name column.\n  ${refusals.join('\n  ')}`,
      'Check that this is a beneficiary list, or name its columns by hand, e.g. --map name="Họ tên chủ hộ" --map birth_date="NS" (see "asxh inspect --help").',
    );
  }
  return { input, format: read.format, sha256: read.sha256, bytes: read.bytes, sheets, skippedSheets };
}

export function countList(list: PreparedList): ListCounts {
  let rowsRead = 0;
  let people = 0;
  let skipped = 0;
  for (const s of list.sheets) {
    rowsRead += s.table.rowsRead;
    people += s.people.length;
    skipped += s.table.skipped.length;
  }
  return { rowsRead, people, skipped };
}

/** Read and prepare every list, in the order given. */
export async function loadLists(inputs: readonly ListInput[], settings: Settings, onFile?: (input: ListInput) => void): Promise<PreparedList[]> {
  const lists: PreparedList[] = [];
  for (const input of inputs) {
    onFile?.(input);
    const read = await readList(input, settings);
    lists.push(prepareList(input, read, settings));
  }
  return lists;
}
