// A province's night renders its workbooks on worker threads (render-outputs.ts). From the TypeScript sources
// there is no worker script to start, so these tests run the compiled write stage (npm test builds first), the
// pool forced on with ASXH_RENDER_WORKERS: the files must be the same bytes as made on one thread, and a
// workbook that fails on a worker must leave no output and no temporary file, as on the main thread.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from './list-files.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutputFile } from '../../src/write/output-spec.js';

type WriteOutputs = (typeof import('../../src/write/write-outputs.js'))['writeOutputs'];
const COMPILED = path.resolve(import.meta.dirname, '../../dist/src/write/write-outputs.js');

async function compiledWriteOutputs(): Promise<WriteOutputs> {
  return ((await import(COMPILED)) as { writeOutputs: WriteOutputs }).writeOutputs;
}

const created = new Date(Date.UTC(2026, 11, 2));
const columns = [
  { key: 'name', header: 'Họ và tên' },
  { key: 'personal_id', header: 'Số CCCD', text: true },
  { key: 'amount', header: 'Số tiền', kind: 'integer' as const },
];
const rows = Array.from({ length: 3_000 }, (_, i) => [`Nguyễn Thị ${i}`, `0381900${String(i).padStart(5, '0')}`, 500_000 + i]);
const workbook = (p: string, name = 'Danh sách'): OutputFile => ({ path: p, kind: 'xlsx', sheets: [{ name, columns, rows }] });
const files: OutputFile[] = [
  workbook('review.xlsx'),
  { path: 'match-report.csv', kind: 'csv', columns, rows },
  workbook('payments/cash-list.xlsx'),
  workbook('communes/xa-a/payments/control.xlsx'),
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'asxh-render-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});


describe('rendering on worker threads', () => {
  it('gives the same bytes as rendering on this thread', async () => {
    const writeOutputs = await compiledWriteOutputs();
    vi.stubEnv('ASXH_RENDER_WORKERS', '2');
    const onWorkers = await writeOutputs(path.join(dir, 'w'), files, { created });
    vi.stubEnv('ASXH_RENDER_WORKERS', '0');
    const here = await writeOutputs(path.join(dir, 'h'), files, { created });
    expect(onWorkers.map((w) => w.sha256)).toEqual(here.map((w) => w.sha256));
    expect(readFileSync(path.join(dir, 'w', 'payments', 'cash-list.xlsx')).equals(readFileSync(path.join(dir, 'h', 'payments', 'cash-list.xlsx')))).toBe(true);
  }, 60_000);

  it('leaves no output and no temporary file when a workbook fails on a worker, and names that file', async () => {
    const writeOutputs = await compiledWriteOutputs();
    vi.stubEnv('ASXH_RENDER_WORKERS', '2');
    // A sheet name Excel refuses: the writer throws on the worker.
    const broken = [...files.slice(0, 3), workbook('communes/xa-a/payments/control.xlsx', 'Tổng/hợp')];
    const err = await writeOutputs(dir, broken, { created }).then(
      () => null,
      (e: unknown) => e as Error & { code?: string },
    );
    expect(err).not.toBeNull();
    expect(err!.message).toContain('communes/xa-a/payments/control.xlsx');
    expect(listFiles(dir)).toEqual([]);
  }, 60_000);
});
