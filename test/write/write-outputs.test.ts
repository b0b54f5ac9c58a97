import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { listFiles } from './list-files.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import type { OutputFile } from '../../src/write/output-spec.js';
import { writeOutputs } from '../../src/write/write-outputs.js';

const created = new Date(Date.UTC(2026, 11, 1, 8, 30, 0));

const csv: OutputFile = {
  path: 'cleaned/ds-btxh.cleaned.csv',
  kind: 'csv',
  columns: [
    { key: 'name', header: 'Họ và tên' },
    { key: 'personal_id', header: 'Số CCCD', text: true },
  ],
  rows: [
    ['Nguyễn Thị Lụa', '038190001234'],
    ['Trần Văn Hùng', '001085012345'],
  ],
};
const xlsx: OutputFile = {
  path: 'cleaned/ds-btxh.cleaned.xlsx',
  kind: 'xlsx',
  sheets: [{ name: 'Danh sách', columns: csv.columns, rows: csv.rows }],
};
const text: OutputFile = { path: 'summary.txt', kind: 'text', content: 'Đã làm sạch 2 người.\n' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'asxh-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});


async function failure(promise: Promise<unknown>): Promise<AsxhError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AsxhError);
  return err as AsxhError;
}

describe('writeOutputs', () => {
  it('writes every file, making sub-folders, and reports size and SHA-256 of what is on disk', async () => {
    const written = await writeOutputs(dir, [csv, xlsx, text], { created });
    expect(listFiles(dir)).toEqual(['cleaned/ds-btxh.cleaned.csv', 'cleaned/ds-btxh.cleaned.xlsx', 'summary.txt']);
    expect(written.map((w) => w.path)).toEqual([csv.path, xlsx.path, text.path]);
    for (const w of written) {
      const bytes = readFileSync(path.join(dir, w.path));
      expect(w.bytes).toBe(bytes.length);
      expect(w.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(readFileSync(path.join(dir, 'summary.txt'), 'utf8')).toBe('Đã làm sạch 2 người.\n');
    const rows = parse(readFileSync(path.join(dir, csv.path), 'utf8').replace(/^\ufeff/, '')) as string[][];
    expect(rows[1]).toEqual(['Nguyễn Thị Lụa', '038190001234']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, xlsx.path));
    expect(wb.getWorksheet('Danh sách')!.getCell('B2').value).toBe('038190001234');
  });

  it.skipIf(process.platform === 'win32')('makes the files readable by their owner only (0600)', async () => {
    await writeOutputs(dir, [csv, xlsx, text], { created });
    for (const f of listFiles(dir)) expect(statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'cleaned')).mode & 0o077).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('uses the mode asked for, and sets it on a file it replaces', async () => {
    writeFileSync(path.join(dir, 'summary.txt'), 'old run', { mode: 0o644 });
    await writeOutputs(dir, [text], { created, mode: 0o640 });
    expect(statSync(path.join(dir, 'summary.txt')).mode & 0o777).toBe(0o640);
    expect(readFileSync(path.join(dir, 'summary.txt'), 'utf8')).toBe('Đã làm sạch 2 người.\n');
  });

  it('gives the same checksums when the same outputs are written again (re-runs are auditable)', async () => {
    const first = await writeOutputs(dir, [csv, xlsx], { created });
    const again = await writeOutputs(path.join(dir, 'again'), [csv, xlsx], { created });
    expect(again.map((w) => w.sha256)).toEqual(first.map((w) => w.sha256));
  });

  it('writes nothing at all when one file cannot be built (a sheet name Excel refuses)', async () => {
    const bad: OutputFile = { path: 'bad.xlsx', kind: 'xlsx', sheets: [{ name: 'Tổng/hợp', columns: [], rows: [] }] };
    const err = await failure(writeOutputs(dir, [csv, bad, text], { created }));
    expect(err.code).toBe('write_failed');
    expect(err.message).toContain('"bad.xlsx"');
    expect(err.hint).toBeTruthy();
    expect(listFiles(dir)).toEqual([]);
  });

  it('writes nothing when a folder sits where an output file should go, and names that file', async () => {
    mkdirSync(path.join(dir, 'summary.txt'));
    const err = await failure(writeOutputs(dir, [csv, xlsx, text], { created }));
    expect(err.code).toBe('write_failed');
    expect(err.message).toContain('"summary.txt"');
    expect(err.message).toContain('folder');
    expect(listFiles(dir)).toEqual([]);
  });

  it('removes the temporary files already written when writing fails in the middle', async () => {
    // A folder where the second file's temporary file goes makes that write fail after the first one succeeded.
    mkdirSync(path.join(dir, 'cleaned', `.ds-btxh.cleaned.xlsx.tmp-${process.pid}`), { recursive: true });
    const err = await failure(writeOutputs(dir, [csv, xlsx, text], { created }));
    expect(err.code).toBe('write_failed');
    expect(err.message).toContain('"cleaned/ds-btxh.cleaned.xlsx"');
    expect(listFiles(dir)).toEqual([]);
  });

  it('keeps the previous complete file when a run fails, never a half-written one', async () => {
    writeFileSync(path.join(dir, 'summary.txt'), 'previous run\n');
    mkdirSync(path.join(dir, `.summary.txt.tmp-${process.pid}`));
    await failure(writeOutputs(dir, [{ ...text, content: 'new run\n' }], { created }));
    expect(readFileSync(path.join(dir, 'summary.txt'), 'utf8')).toBe('previous run\n');
  });

  it('fails when a file is in the way of a sub-folder', async () => {
    writeFileSync(path.join(dir, 'cleaned'), 'not a folder');
    const err = await failure(writeOutputs(dir, [text, csv], { created }));
    expect(err.code).toBe('write_failed');
    expect(listFiles(dir)).toEqual(['cleaned']);
  });

  it.each(['../escape.csv', '/etc/passwd', 'a//b.csv', 'a\\b.csv', ''])('refuses the output path %j', async (bad) => {
    const err = await failure(writeOutputs(dir, [{ ...text, path: bad }], { created }));
    expect(err.code).toBe('internal');
    expect(listFiles(dir)).toEqual([]);
  });

  it('refuses two outputs with the same path', async () => {
    const err = await failure(writeOutputs(dir, [text, text], { created }));
    expect(err.message).toContain('"summary.txt"');
    expect(listFiles(dir)).toEqual([]);
  });
});
