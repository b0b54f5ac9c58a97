// .xls and .ods read as the .xlsx they were saved from: the same cells, rows numbered as Excel shows them, the
// same people after layout and normalisation; fonts of a TCVN3 .xls decode its text; hidden rows, struck cells
// and merges are kept; password-protected and damaged files are refused with their codes. The files are the
// committed fixtures/formats (written by the generator through soffice) and fixtures/bad.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { convertWithSoffice } from '../../fixtures/generator/soffice.js';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { AsxhError } from '../../src/errors.js';
import { prepareList } from '../../src/pipeline.js';
import { readInput, type InputRead } from '../../src/read/read-input.js';
import type { RawSheet } from '../../src/types.js';

const FORMATS = join(import.meta.dirname, '..', '..', 'fixtures', 'formats');
const BAD = join(import.meta.dirname, '..', '..', 'fixtures', 'bad');
const read = (dir: string, file: string): Promise<InputRead> => readInput(join(dir, file), file, {});
const { settings } = resolveSettings([{ origin: 'test', source: 'flag', values: { runDate: '2026-12-05' } }], new Date());

const shown = (v: unknown): unknown => (v instanceof Date ? `date:${v.toISOString()}` : v);
/** A sheet's cells by row number, as comparable values. */
const cells = (s: RawSheet): [number, unknown[]][] => s.rows.map((r) => [r.row, r.cells.map((c) => shown(c.value))]);

function people(file: string, input: InputRead) {
  const list = prepareList({ path: file, name: 'same-name' }, input, settings);
  return list.sheets.flatMap((s) =>
    s.people.map((p) => ({
      sheet: p.prov.sheet,
      row: p.prov.row,
      name: p.name?.display ?? null,
      id: p.personalId,
      birth: p.birth,
      sex: p.sex,
      amount: p.amount,
      account: p.account,
      village: p.village,
    })),
  );
}

async function refusal(dir: string, file: string): Promise<AsxhError> {
  const error = await read(dir, file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AsxhError);
  return error as AsxhError;
}

describe.each(['xls', 'ods'] as const)('a list saved as .%s', (format) => {
  test('holds the cells of the .xlsx it came from, row for row, in every sheet', async () => {
    const xlsx = await read(FORMATS, 'btxh-an-hoa.xlsx');
    const other = await read(FORMATS, `btxh-an-hoa.${format}`);
    expect(other.format).toBe(format);
    expect(other.sheets.map((s) => s.sheet)).toEqual(xlsx.sheets.map((s) => s.sheet));
    other.sheets.forEach((s, i) => {
      expect(s.format).toBe(format);
      expect(cells(s)).toEqual(cells(xlsx.sheets[i]!));
      expect(s.merges).toEqual(xlsx.sheets[i]!.merges);
    });
  });

  test('gives the same people (names, IDs, dates, amounts, row numbers) as the .xlsx', async () => {
    const xlsx = people('btxh-an-hoa.xlsx', await read(FORMATS, 'btxh-an-hoa.xlsx'));
    const other = people(`btxh-an-hoa.${format}`, await read(FORMATS, `btxh-an-hoa.${format}`));
    expect(xlsx.length).toBeGreaterThanOrEqual(18);
    expect(other).toEqual(xlsx);
    // Row numbers are those the truth file (made when the .xlsx was written) gives the people.
    const truth = JSON.parse(readFileSync(join(FORMATS, 'btxh-an-hoa.xlsx.truth.json'), 'utf8')) as { rows: { kind: string; row: number }[] };
    expect(other.map((p) => p.row)).toEqual(truth.rows.filter((r) => r.kind === 'person').map((r) => r.row));
  });

  test('keeps a hidden row flagged, a struck-through name, and a merged village on every row it covers', async () => {
    const { sheets } = await read(FORMATS, `marks.${format}`);
    const rows = sheets[0]!.rows;
    expect(rows.filter((r) => r.hidden).map((r) => r.row)).toEqual([7]);
    expect(rows.flatMap((r) => r.cells.map((c, i) => (c.struck ? `${r.row}:${i}` : null)).filter(Boolean))).toEqual(['8:1']);
    expect(sheets[0]!.merges).toEqual([{ top: 5, left: 5, bottom: 7, right: 5 }]);
    expect([5, 6, 7].map((r) => rows[r - 1]!.cells[4]!.value)).toEqual(['Thôn Tây', 'Thôn Tây', 'Thôn Tây']);
    expect(rows[3]!.cells[2]!.value).toEqual(new Date(Date.UTC(1941, 2, 15)));
    expect(rows[3]!.cells[3]!.value).toBe('040141000101');
  });
});

describe('a TCVN3 list saved as .xls', () => {
  test('records the .VnTime font names, so its text decodes by font as the .xlsx does', async () => {
    const xlsx = await read(FORMATS, 'btxh-tan-lap-tcvn3.xlsx');
    const xls = await read(FORMATS, 'btxh-tan-lap-tcvn3.xls');
    const sheet = xls.sheets[0]!;
    expect(sheet.fonts).toEqual(expect.arrayContaining(['.VnTime', '.VnTimeH']));
    expect(sheet.legacy.length).toBeGreaterThan(0);
    expect(sheet.legacy.every((l) => l.encoding === 'tcvn3' && l.source === 'font')).toBe(true);
    expect(sheet.legacy).toEqual(xlsx.sheets[0]!.legacy);
    expect(cells(sheet)).toEqual(cells(xlsx.sheets[0]!));
    expect(people('x.xls', xls)).toEqual(people('x.xlsx', xlsx));
  });
});

describe('refused', () => {
  test('a password-protected .xls', async () => {
    const error = await refusal(BAD, 'protected.xls');
    expect(error.code).toBe('input_encrypted');
    expect(error.exitCode).toBe(3);
    expect(error.message).toContain('"protected.xls"');
    expect(error.hint).toMatch(/remove the password/);
  });

  test('a password-protected .ods', async () => {
    const error = await refusal(BAD, 'protected.ods');
    expect(error.code).toBe('input_encrypted');
    expect(error.message).toContain('"protected.ods"');
  });

  test('an .xls whose Workbook stream is noise, and one cut in half', async () => {
    expect((await refusal(BAD, 'damaged.xls')).code).toBe('input_corrupt');
    const dir = mkdtempSync(join(tmpdir(), 'asxh-sheetjs-'));
    try {
      const bytes = readFileSync(join(FORMATS, 'btxh-an-hoa.xls'));
      writeFileSync(join(dir, 'half.xls'), bytes.subarray(0, bytes.length >> 1));
      const half = await refusal(dir, 'half.xls');
      expect(half.code).toBe('input_corrupt');
      expect(half.message).toContain('"half.xls"');
      const ods = readFileSync(join(FORMATS, 'btxh-an-hoa.ods'));
      writeFileSync(join(dir, 'half.ods'), ods.subarray(0, ods.length >> 1));
      expect((await refusal(dir, 'half.ods')).code).toBe('input_corrupt');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Only where LibreOffice is installed: the generator's conversion, run again, reads as the committed files do.
const soffice = spawnSync('soffice', ['--version']).status === 0;
describe.runIf(soffice)('with soffice on this machine', () => {
  test.each(['xls', 'ods'] as const)('marks.xlsx converted again to .%s reads as the committed one', async (to) => {
    const dir = mkdtempSync(join(tmpdir(), 'asxh-soffice-test-'));
    try {
      writeFileSync(join(dir, `again.${to}`), convertWithSoffice(readFileSync(join(FORMATS, 'marks.xlsx')), to, 'marks'));
      const again = await readInput(join(dir, `again.${to}`), `marks.${to}`, {});
      const committed = await read(FORMATS, `marks.${to}`);
      expect(again.sheets.map((s) => s.rows)).toEqual(committed.sheets.map((s) => s.rows));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
