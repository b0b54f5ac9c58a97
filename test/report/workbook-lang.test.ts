// The explanation texts of the workbooks an officer reads follow settings.lang: "Chi tiết" of exceptions.xlsx and
// "Giải thích" of duplicates.xlsx are Vietnamese by default, English with --lang en. A cash payee's bank is a
// label ("Tiền mặt" / "Cash") in every workbook; only the CSVs for scripts keep the code 'cash'.
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from '../e2e/run-cli.js';

const LISTS = ['btxh-xuan-lam.xlsx', 'btxh-minh-duc-tcvn3.xlsx', 'ncc-duc-thinh.csv'].map((f) => fixture('demo', f));
const tmp = tempDir('asxh-wb-lang-');
afterAll(() => tmp.cleanup());

function run(lang: 'vi' | 'en' | null): string {
  const out = join(tmp.dir, lang ?? 'default');
  const r = runCli(['reconcile', ...LISTS, '--registry', fixture('demo', 'registry.csv'), '--out', out, '--period', '2026-12', '--run-date', '2026-12-01', ...(lang ? ['--lang', lang] : [])]);
  if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  return out;
}

/** The first sheet as records keyed by the header row's texts (the row holding `header`). */
async function records(file: string, header: string): Promise<Record<string, string>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).text)));
  const at = rows.findIndex((r) => r.includes(header));
  const keys = rows[at]!;
  return rows.slice(at + 1).map((r) => Object.fromEntries(keys.map((k, i) => [k, r[i] ?? ''])));
}

const ENGLISH_WORDS = /\b(the|is|of|not|row|kept|listed)\b/;

let vi = '';
let en = '';
beforeAll(() => {
  vi = run(null);
  en = run('en');
});

describe('exceptions.xlsx "Chi tiết"', () => {
  it('is Vietnamese by default: a dead person reads "CSDL quốc gia về dân cư ghi người này đã chết."', async () => {
    const rows = (await records(join(vi, 'payments', 'exceptions.xlsx'), 'Chi tiết')).filter((r) => r['Mã lý do']);
    expect(rows.length).toBeGreaterThan(0);
    const dead = rows.filter((r) => r['Mã lý do'] === 'deceased');
    expect(dead.length).toBeGreaterThan(0);
    for (const r of dead) expect(r['Chi tiết']).toBe('CSDL quốc gia về dân cư ghi người này đã chết.');
    for (const r of rows) expect(r['Chi tiết'], r['Mã lý do']).not.toMatch(ENGLISH_WORDS);
    // The commune's own copy says the same.
    const communes = readdirSync(join(vi, 'communes'));
    const own = await Promise.all(communes.map((c) => records(join(vi, 'communes', c, 'exceptions.xlsx'), 'Chi tiết')));
    for (const r of own.flat().filter((x) => x['Mã lý do'] === 'deceased')) expect(r['Chi tiết']).toBe('CSDL quốc gia về dân cư ghi người này đã chết.');
  });

  it('is English with --lang en', async () => {
    const dead = (await records(join(en, 'payments', 'exceptions.xlsx'), 'Chi tiết')).filter((r) => r['Mã lý do'] === 'deceased');
    expect(dead.length).toBeGreaterThan(0);
    for (const r of dead) expect(r['Chi tiết']).toBe('The population registry records the person as dead.');
  });
});

describe('exceptions.xlsx "Kiểm tra mức hưởng"', () => {
  /** The entitlement findings of the second sheet, keyed by the header row. */
  async function checks(dir: string): Promise<Record<string, string>[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'payments', 'exceptions.xlsx'));
    const ws = wb.getWorksheet('Kiểm tra mức hưởng')!;
    const keys = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const out: Record<string, string>[] = [];
    ws.eachRow((row, r) => {
      if (r > 1) out.push(Object.fromEntries(keys.map((k, i) => [k, row.getCell(i + 1).text])));
    });
    return out;
  }

  it('explains in Vietnamese: 500.000 paid to a person of 80+ in 2026-12 is below the 540.000 national rate', async () => {
    // From 1 Jul 2026 the standard level is 540,000 and the 80+ coefficient 1.0 (Decree 20/2021).
    const below = (await checks(vi)).filter((r) => r['Mã'] === 'amount_below_rate' && r['Số tiền'] === '500000' && r['Diện hưởng'].includes('80'));
    expect(below.length).toBeGreaterThan(0);
    for (const r of below) expect(r['Chi tiết']).toMatch(/^Mức hằng tháng 500\.000 thấp hơn 540\.000, mức quốc gia thấp nhất trong kỳ 2026-12 của "/);
    const enBelow = (await checks(en)).filter((r) => r['Mã'] === 'amount_below_rate' && r['Số tiền'] === '500000' && r['Diện hưởng'].includes('80'));
    expect(enBelow.length).toBe(below.length);
    for (const r of enBelow) expect(r['Chi tiết']).toMatch(/^Monthly 500,000 is below 540,000, the lowest national rate in 2026-12 of "/);
    for (const r of await checks(vi)) expect(r['Chi tiết'], r['Mã']).not.toMatch(ENGLISH_WORDS);
  });
});

describe('duplicates.xlsx "Giải thích"', () => {
  it('names the kept row in Vietnamese by default, and in English with --lang en', async () => {
    const groups = async (dir: string) =>
      (await records(join(dir, 'duplicates.xlsx'), 'Giải thích')).filter((r) => r['Giải thích'] !== '');
    const viRows = await groups(vi);
    expect(viRows.length).toBeGreaterThan(0);
    for (const r of viRows) expect(r['Giải thích']).toMatch(/^(Giữ dòng \d+ của |Các dòng|Có \d+ dòng|Hai trong)/);
    for (const r of viRows) expect(r['Giải thích']).not.toMatch(ENGLISH_WORDS);
    // The first group: the row kept is the one the explanation names, in either language.
    const first = viRows[0]!;
    expect(first['Giải thích']).toBe(`Giữ dòng ${first['Dòng']} của ${first['Tệp nguồn']} / ${first['Trang tính']}: có tên ở xã và thôn nơi người này sống theo CSDL dân cư`);
    const enFirst = (await groups(en))[0]!;
    expect(enFirst['Giải thích']).toBe(
      `kept ${first['Tệp nguồn']} / ${first['Trang tính']} row ${first['Dòng']}: listed in the commune and village where the registry says the person lives`,
    );
  });
});

describe('a cash payee\'s bank', () => {
  it('is "Tiền mặt" in duplicates.xlsx, "Cash" with --lang en, and the code cash only in duplicates.csv', async () => {
    const bank = async (dir: string) => (await records(join(dir, 'duplicates.xlsx'), 'Ngân hàng')).map((r) => r['Ngân hàng']);
    expect(await bank(vi)).toContain('Tiền mặt');
    expect(await bank(en)).toContain('Cash');
    for (const dir of [vi, en]) expect(await bank(dir)).not.toContain('cash');
    expect(readFileSync(join(vi, 'duplicates.csv'), 'utf8')).toMatch(/,cash,/);
  });

  it('never reads "cash" in any workbook of the run', async () => {
    const files = ['duplicates.xlsx', 'match-report.xlsx', 'review.xlsx', 'payments/cash-list.xlsx', 'payments/control.xlsx', 'payments/exceptions.xlsx'];
    for (const f of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(vi, f));
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => expect(c.text.toLowerCase(), `${f} ${ws.name} ${c.address}`).not.toBe('cash'))));
    }
  });
});
