// Batch mode: every list in a folder tree, in a stable order (byte order of the path below the folder), so a
// nightly run over the same folder always reads the same files in the same order. No file is lost without a
// word: each one is either a list to read or passed over with its reason, which the run reports.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { AsxhError, quote, type Said } from '../errors.js';

/** The spreadsheet and text files a list can come in; the bytes, not the name, then say how it is read. */
const LIST_FILE = /\.(xlsx|xlsm|xls|ods|csv|tsv|txt)$/i;

/**
 * Why a file under --lists was not taken as a list:
 * - not_spreadsheet: its name is not one of a spreadsheet or text file (a .docx, a .pdf, a photo);
 * - lock_file: Excel's `~$name.xlsx` or LibreOffice's `.~lock.name.ods#`, left while the list is open;
 * - hidden_file: a file or folder whose name starts with '.';
 * - not_a_list: a text file (.txt, .csv, .tsv) with no table of beneficiaries (a README, notes);
 * - unreadable: a list that could not be read (damaged, password-protected, empty, no header table): the run
 *   goes on with the others and ends with exit code 5.
 */
export const PASS_OVER_REASONS = ['not_spreadsheet', 'lock_file', 'hidden_file', 'not_a_list', 'unreadable'] as const;
export type PassOverReason = (typeof PASS_OVER_REASONS)[number];

export interface PassedOver {
  /** Path below the folder, '/'-separated (a hidden folder ends with '/'). */
  readonly name: string;
  readonly reason: PassOverReason;
  /** What was wrong, in English: for unreadable files the error's message; the error's code beside it. */
  readonly message: string;
  readonly code?: string;
  /** The message in both languages, for the terminal; manifest.json records the English `message` only. */
  readonly said?: Said;
}

export interface FoundList {
  readonly path: string;
  /** Path below the folder, '/'-separated: the name reports show. */
  readonly name: string;
}

export interface ListScan {
  readonly lists: FoundList[];
  readonly passedOver: PassedOver[];
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function because(reason: PassOverReason, said: Said): Omit<PassedOver, 'name'> {
  return { reason, message: said.en, said };
}

function passOver(entry: Dirent, isDirectory: boolean): Omit<PassedOver, 'name'> | null {
  const name = entry.name;
  if (name.startsWith('~$') || /^\.~lock\..*#$/.test(name)) {
    return because('lock_file', { vi: 'tệp khóa do chương trình bảng tính để lại khi danh sách đang mở', en: 'a lock file the spreadsheet program leaves while the list is open' });
  }
  if (name.startsWith('.')) {
    return because('hidden_file', isDirectory ? { vi: 'thư mục ẩn, không xem bên trong', en: 'a hidden folder, not looked into' } : { vi: 'tệp ẩn', en: 'a hidden file' });
  }
  if (isDirectory) return null;
  if (!LIST_FILE.test(name)) {
    return because('not_spreadsheet', {
      vi: 'không phải bảng tính hay tệp văn bản (danh sách là tệp .xlsx, .xlsm, .xls, .ods, .csv, .tsv hoặc .txt)',
      en: 'not a spreadsheet or text file (lists are .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt)',
    });
  }
  return null;
}

export function scanLists(dir: string, exclude: readonly string[] = []): ListScan {
  const root = resolve(dir);
  const skip = exclude.map((e) => resolve(e));
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AsxhError(
      'input_missing',
      { vi: `Không đọc được thư mục danh sách ${quote(dir)}: thư mục không tồn tại hoặc không phải thư mục`, en: `Cannot read the lists folder ${quote(dir)}: it does not exist or is not a folder` },
      { vi: 'Kiểm tra lại đường dẫn của --lists.', en: 'Check the --lists path.' },
    );
  }
  const lists: FoundList[] = [];
  const passedOver: PassedOver[] = [];
  const below = (full: string): string => relative(root, full).split(sep).join('/');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      // The run's own output folder (when it is inside --lists) is not an input.
      if (skip.some((s) => full === s || full.startsWith(s + sep))) continue;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          const said = { vi: 'liên kết tới một tệp không còn nữa', en: 'a link to a file that is not there' };
          passedOver.push({ name: below(full), reason: 'unreadable', message: said.en, code: 'input_missing', said });
          continue;
        }
      }
      if (!isDirectory && !isFile) continue;
      const why = passOver(entry, isDirectory);
      if (why !== null) {
        passedOver.push({ name: below(full) + (isDirectory ? '/' : ''), ...why });
        continue;
      }
      if (isDirectory) walk(full);
      else lists.push({ path: join(dir, relative(root, full)), name: below(full) });
    }
  };
  walk(root);
  return { lists: lists.sort(byName), passedOver: passedOver.sort(byName) };
}

/** The lists of a folder tree (scanLists without the files passed over). */
export function findLists(dir: string, exclude: readonly string[] = []): FoundList[] {
  return scanLists(dir, exclude).lists;
}

/** A text file (by its name) is a list only if it holds a table; a spreadsheet always is one. */
export function isTextName(name: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name);
}
