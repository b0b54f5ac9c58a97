// Issue 13 item 6: a sheet claiming 1,048,576 rows × 16,384 columns (one stray cell at XFD1048576, or a merge over
// the whole sheet) ran out of memory and aborted with exit 134 after 77 s. Now it is refused at once, exit 3,
// naming the file, the far cell or range and the limit; a list of real size still reads.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { readInput } from '../../src/read/read-input.js';
import { checkSheetArea, DEFAULT_MAX_CELLS } from '../../src/read/sheet-limits.js';
import { runCli, tempDir } from '../e2e/run-cli.js';
import { zipOf } from '../../fixtures/generator/bad-inputs.js';
import { readZip, writeZip } from '../hardening/zip-entries.js';

const tmp = tempDir('asxh-limits-');
afterAll(() => tmp.cleanup());

async function list(extra: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD']);
  ws.addRow([1, 'Nguyễn Văn An', '01/02/1950', '038150001234']);
  ws.addRow([2, 'Lê Thị Bình', '1948', '038148005678']);
  extra(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with its first sheet's XML changed, as a hostile or broken file would carry it. */
function withSheetXml(xlsx: Buffer, change: (xml: string) => string): Buffer {
  return writeZip(readZip(xlsx).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: Buffer.from(change(e.data.toString('utf8'))) } : e)));
}

function inspect(name: string, bytes: Buffer) {
  const path = join(tmp.dir, name);
  writeFileSync(path, bytes);
  return runCli(['inspect', path]);
}

describe('bounded reading', () => {
  it('refuses a sheet with a stray cell at XFD1048576 at once (exit 3), naming the file, the cell and the limit', async () => {
    const r = inspect('stray.xlsx', await list((ws) => (ws.getCell('XFD1048576').value = 'x')));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[input_too_large]');
    expect(r.stderr).toContain('"stray.xlsx"');
    expect(r.stderr).toContain('XFD1048576');
    expect(r.stderr).toContain('20.000.000'); // Vietnamese groups thousands with dots
    expect(r.stderr).not.toMatch(/\n\s+at \S+:\d+|heap out of memory/);
  });

  it('refuses a merge over the whole sheet before exceljs makes its 17 billion cells', async () => {
    const bomb = withSheetXml(await list(() => undefined), (xml) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A4:XFD1048576"/></mergeCells>'));
    const r = inspect('merge.xlsx', bomb);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('A4:XFD1048576');
  });

  it('refuses a worksheet that unpacks to more than its cells could need (a ZIP bomb)', async () => {
    const base = await list(() => undefined);
    const huge = Buffer.alloc(900 * 2 ** 20, 0x20); // 900 MB of spaces, deflated to under 1 MB
    const entries = readZip(base).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: Buffer.concat([e.data, huge]) } : e));
    const bomb = zipOf(entries.map((e) => [e.name, e.data] as const), true);
    expect(bomb.length).toBeLessThan(5 * 2 ** 20);
    const r = inspect('bomb.xlsx', bomb);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[input_too_large]');
  });

  it('refuses a CSV whose one long line makes a grid over the limit, and says so (exit 3)', () => {
    const lines = ['Họ và tên,Số CCCD' + ','.repeat(25_000), ...Array.from({ length: 900 }, (_, i) => `Người ${i},0381500${String(i).padStart(5, '0')}`)];
    const r = inspect('wide.csv', Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"wide.csv"');
    expect(r.stderr).toContain('read.maxCells');
  });

  it('takes read.maxCells from the config file: a small limit refuses a small list, a bad value is a settings error', async () => {
    const bytes = await list(() => undefined);
    const path = join(tmp.dir, 'small.xlsx');
    writeFileSync(path, bytes);
    await expect(readInput(path, 'small.xlsx', { maxCells: 11 })).rejects.toSatisfy((e: unknown) => e instanceof AsxhError && e.code === 'input_too_large' && e.exitCode === 3);
    expect((await readInput(path, 'small.xlsx', { maxCells: 12 })).sheets[0]!.rows).toHaveLength(3);
    writeFileSync(join(tmp.dir, 'asxh.config.json'), JSON.stringify({ read: { maxCells: 5 } }));
    const r = runCli(['inspect', path, '--config', join(tmp.dir, 'asxh.config.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('read.maxCells');
  });

  it('leaves room for a real 200,000-row list of 90 columns', () => {
    expect(() => checkSheetArea('ds.xlsx', 'DS', 200_010, 90, DEFAULT_MAX_CELLS)).not.toThrow();
    expect(() => checkSheetArea('ds.xlsx', 'DS', 1_048_576, 16_384, DEFAULT_MAX_CELLS)).toThrow(/XFD1048576/);
  });
});

