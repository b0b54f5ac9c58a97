// The 2026 shapes saved as Excel 97-2003 and OpenDocument, as many commune PCs and WPS save them: each .xls and .ods
// gives the same people, amounts, programmes and removal marks as the .xlsx the generator wrote (LibreOffice
// converts it here; CI installs LibreOffice, a machine without it skips, saying so).
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { convertWithSoffice, hasSoffice } from '../../fixtures/generator/soffice.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const SHAPES = ['btxh-an-lac-muc.xlsx', 'btxh-an-lac-truy-linh.xlsx', 'ncc-an-lac-than-nhan-ls.xlsx', 'btxh-phu-son-theo-thon.xlsx'];
const available = hasSoffice();
if (!available && process.env.CI) throw new Error('LibreOffice (soffice) is missing on CI: .ci/run installs it');
if (!available) process.stderr.write('lists-2026-formats: soffice not found, skipped\n');

/** What a correct reading keeps of each person row, without where it came from (sheet names stay). */
function people(file: string, format: string): string[] {
  const out = join(tmp.dir, `${format}-${file}`);
  const r = runCli(['clean', file, '--out', out, '--run-date', '2026-12-01', '--quiet']);
  expect([0, 1]).toContain(r.code);
  const csvFile = readdirSync(join(out, 'cleaned')).find((f) => f.endsWith('.csv'))!;
  const rows = parse(readFileSync(join(out, 'cleaned', csvFile)), { bom: true, columns: true }) as Record<string, string>[];
  return rows.map((p) => [p.source_sheet, p.source_row, p.name, p.birth_date, p.personal_id, p.amount, p.programme, p.village, p.related_name, p.list_marks.split(' | ').map((m) => m.split(':')[0]).join(',')].join('|'));
}

describe.runIf(available)('the 2026 shapes as .xls and .ods', () => {
  it.each(SHAPES)('%s reads the same in all three formats', (name) => {
    const xlsx = fixture('y2026', name);
    const expected = people(xlsx, 'xlsx');
    expect(expected.length).toBeGreaterThan(30);
    for (const to of ['xls', 'ods'] as const) {
      const path = join(tmp.dir, name.replace(/\.xlsx$/, `.${to}`));
      writeFileSync(path, convertWithSoffice(readFileSync(xlsx), to, name.replace(/\.xlsx$/, '')));
      expect(people(path, to), to).toEqual(expected);
    }
  });
});
