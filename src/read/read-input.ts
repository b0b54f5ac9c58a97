// The read stage: one input file → its sheets, whatever the officer made it with, or a clear refusal.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { AsxhError, quote } from '../errors.js';
import type { RawSheet, SkippedSheet } from '../types.js';
import { readCsv } from './csv.js';
import { readSheetjs } from './sheetjs.js';
import { sniffFormat, type InputFormat } from './sniff.js';
import { readXlsx } from './xlsx.js';
import { DEFAULT_MAX_CELLS } from './sheet-limits.js';

export interface ReadOptions {
  /**
   * Force the CSV encoding instead of detecting it: any iconv-lite name ('utf-8', 'utf-16le', 'utf-16be',
   * 'windows-1258' …), or 'tcvn3' / 'vni' for text typed in legacy fonts. null or absent: detect.
   */
  readonly encoding?: string | null;
  /** read.maxCells: the largest sheet grid or merged range read; DEFAULT_MAX_CELLS when absent. */
  readonly maxCells?: number;
}

export interface InputRead {
  readonly format: InputFormat;
  readonly sheets: RawSheet[];
  readonly skippedSheets: SkippedSheet[];
  /** SHA-256 (hex) of the file's bytes: the manifest records exactly which file was read. */
  readonly sha256: string;
  readonly bytes: number;
}

export async function readInput(path: string, displayName: string, options: ReadOptions): Promise<InputRead> {
  const bytes = await readBytes(path, displayName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = sniffFormat(bytes, displayName, path);
  if (format === 'csv') {
    return { format, sheets: [readCsv(bytes, displayName, options)], skippedSheets: [], sha256, bytes: bytes.length };
  }
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const { sheets, skippedSheets } = format === 'xlsx' ? await readXlsx(bytes, displayName, maxCells) : readSheetjs(bytes, displayName, format, maxCells);
  return { format, sheets, skippedSheets, sha256, bytes: bytes.length };
}

async function readBytes(path: string, name: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AsxhError(
        'input_missing',
        { vi: `Không đọc được tệp ${quote(name)}: không có tệp này (${quote(path)}).`, en: `Cannot read ${quote(name)}: there is no such file (${quote(path)}).` },
        {
          vi: 'Kiểm tra lại đường dẫn, hoặc chạy lệnh từ thư mục chứa tệp.',
          en: 'Check the spelling of the path, or run the command from the folder that holds the file.',
        },
      );
    }
    if (code === 'EISDIR') {
      throw new AsxhError(
        'input_unsupported',
        { vi: `Không đọc được ${quote(name)}: đây là thư mục, không phải tệp.`, en: `Cannot read ${quote(name)}: it is a folder, not a file.` },
        { vi: 'Đưa đường dẫn của một bảng tính hoặc tệp CSV trong thư mục đó.', en: 'Give the path of a workbook or CSV file inside it.' },
      );
    }
    throw new AsxhError(
      'input_missing',
      {
        vi: `Không đọc được tệp ${quote(name)}: không mở được tệp (${quote(code ?? String(error))}).`,
        en: `Cannot read ${quote(name)}: the file cannot be opened (${quote(code ?? String(error))}).`,
      },
      {
        vi: 'Đóng tệp nếu chương trình khác đang mở, kiểm tra bạn có quyền đọc tệp, rồi chạy lại.',
        en: 'Close the file if another program has it open, check that you may read it, and run again.',
      },
    );
  }
}
