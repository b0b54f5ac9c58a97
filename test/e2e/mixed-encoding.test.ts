// Issue 13, item 7: two exports pasted together, one UTF-8 and one Windows-1258. Each line is decoded in its own
// encoding, the file gets the problem encoding_mixed, and the "Tổng cộng" row is still a total, not a person.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/read/csv.js';
import { encodeWindows1258 } from '../read/windows-1258.js';
import { runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const UTF8_PART = 'STT;Họ và tên;Ngày sinh;Số CCCD;Số tiền\r\n1;Nguyễn Văn An;02/09/1945;;1.500.000\r\n2;Trần Thị Bích Ngọc;05/06/1950;;1.500.000\r\n';
const LEGACY_PART = '3;Lê Thị Hồng;07/03/1944;;750.000\r\n4;Phạm Đức Thắng;12/11/1948;;750.000\r\n;Tổng cộng;;;4.500.000\r\n';
const bytes = Buffer.concat([Buffer.from(UTF8_PART, 'utf8'), encodeWindows1258(LEGACY_PART)]);

describe('a CSV whose lines disagree on the encoding', () => {
  it('decodes each line in its own encoding and says so', () => {
    const sheet = readCsv(bytes, 'ds.csv', {});
    const names = sheet.rows.map((r) => r.cells[1]?.value);
    expect(names).toEqual(['Họ và tên', 'Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Thị Hồng', 'Phạm Đức Thắng', 'Tổng cộng']);
    expect(sheet.warnings.some((w) => w.startsWith('encoding_mixed: '))).toBe(true);
  });

  it('clean: four people, the total row skipped as a total, encoding_mixed in problems.csv', () => {
    const list = join(tmp.dir, 'ds-ghep.csv');
    writeFileSync(list, bytes);
    const out = join(tmp.dir, 'out');
    const r = runCli(['clean', list, '--out', out, '--quiet', '--run-date', '2026-12-01']);
    expect(r.code, r.stderr).toBeLessThanOrEqual(1);
    const read = (f: string) => parse(readFileSync(join(out, f), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const people = read('cleaned/ds-ghep.cleaned.csv');
    expect(people.map((p) => p.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Thị Hồng', 'Phạm Đức Thắng']);
    expect(read('skipped-rows.csv').map((s) => s.reason)).toContain('total');
    const mixed = read('problems.csv').filter((p) => p.code === 'encoding_mixed');
    expect(mixed).toHaveLength(1);
    expect(mixed[0]).toMatchObject({ source_file: 'ds-ghep.csv', source_row: '', severity: 'warning' });
  });
});
