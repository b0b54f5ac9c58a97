// `asxh reconcile --period 2025-03` on a hand-written list (standard level 500,000): the rows that deserve each
// entitlement code get it, the rows that are right get none; and, for 2025-08, one person holding the old-age
// social allowance and the social pension: paid once, the higher, both rows warned.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITLEMENT_CODES } from '../../src/rules/check-entitlement.js';
import { runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Row {
  readonly name: string;
  /** dd/mm/yyyy, or yyyy alone. */
  readonly birth: string;
  readonly sex: 'Nam' | 'Nữ';
  readonly programme: string;
  readonly amount: number;
  /** The entitlement codes the row deserves. */
  readonly want: readonly string[];
}

const MARCH: readonly Row[] = [
  { name: 'Nguyễn Văn An', birth: '12/05/1940', sex: 'Nam', programme: 'Người cao tuổi từ đủ 80 tuổi trở lên', amount: 500_000, want: [] },
  { name: 'Trần Thị Bình', birth: '10/06/1980', sex: 'Nữ', programme: 'Người khuyết tật nặng', amount: 750_000, want: [] },
  { name: 'Lê Văn Cường', birth: '01/08/2015', sex: 'Nam', programme: 'KTĐBN', amount: 1_250_000, want: [] },
  { name: 'Phạm Thị Dung', birth: '09/09/2018', sex: 'Nữ', programme: 'Trẻ mồ côi', amount: 750_000, want: [] },
  { name: 'Hoàng Văn Em', birth: '10/10/1950', sex: 'Nam', programme: 'Thân nhân liệt sĩ', amount: 2_789_000, want: [] },
  { name: 'Vũ Thị Gấm', birth: '04/04/1938', sex: 'Nữ', programme: 'NCT từ 80 tuổi', amount: 360_000, want: ['amount_below_rate'] },
  { name: 'Đặng Văn Hải', birth: '05/05/1939', sex: 'Nam', programme: 'NCT từ 80 tuổi', amount: 650_000, want: ['amount_above_rate'] },
  { name: 'Bùi Thị Hoa', birth: '07/07/1985', sex: 'Nữ', programme: 'Người khuyết tật', amount: 800_000, want: ['amount_not_a_rate'] },
  { name: 'Đỗ Văn Khoa', birth: '15/03/2021', sex: 'Nam', programme: 'Trẻ mồ côi', amount: 750_000, want: ['age_turns_4'] },
  { name: 'Ngô Thị Lan', birth: '20/03/2009', sex: 'Nữ', programme: 'Trẻ em mồ côi cả cha và mẹ', amount: 750_000, want: ['age_turns_16'] },
  { name: 'Dương Văn Minh', birth: '03/03/1965', sex: 'Nam', programme: 'KT nặng', amount: 1_000_000, want: ['age_turns_60'] },
  { name: 'Lý Thị Nga', birth: '02/03/1950', sex: 'Nữ', programme: 'Người cao tuổi', amount: 750_000, want: ['age_turns_75'] },
  { name: 'Trịnh Văn Phúc', birth: '25/03/1945', sex: 'Nam', programme: 'NCT từ 80 tuổi', amount: 500_000, want: ['age_turns_80'] },
  { name: 'Mai Thị Quế', birth: '02/02/1975', sex: 'Nữ', programme: 'Người cao tuổi', amount: 750_000, want: ['age_below_category'] },
  { name: 'Tạ Văn Sơn', birth: '06/06/2001', sex: 'Nam', programme: 'Trẻ mồ côi', amount: 750_000, want: ['age_above_category'] },
  { name: 'Cao Thị Tâm', birth: '11/11/1935', sex: 'Nữ', programme: 'Người có công giúp đỡ cách mạng', amount: 1_533_000, want: ['category_unknown'] },
  // Year-only dates: 80 or 81 in 2025, 79 or 80: either fits, and no milestone outside January.
  { name: 'Hà Văn Uy', birth: '1944', sex: 'Nam', programme: 'NCT từ 80 tuổi', amount: 500_000, want: [] },
  { name: 'Lò Thị Vân', birth: '1945', sex: 'Nữ', programme: 'NCT từ 80 tuổi', amount: 500_000, want: [] },
];

/** A well-formed personal ID for the row: Nghệ An (040), the century and sex digit, the year's last two digits. */
function idOf(row: Row, n: number): string {
  const year = Number(row.birth.slice(-4));
  const digit = (year >= 2000 ? 2 : 0) + (row.sex === 'Nữ' ? 1 : 0);
  return `040${digit}${String(year).slice(2)}${String(100_000 + n * 7919).slice(-6)}`;
}

function writeList(path: string, rows: readonly Row[], offset: number): void {
  const lines = ['STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Thôn,Đối tượng,Mức trợ cấp'];
  rows.forEach((r, i) => lines.push([i + 1, r.name, r.birth, r.sex, idOf(r, offset + i), 'Thôn Đông', `"${r.programme}"`, r.amount].join(',')));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function writeRegistry(path: string, people: readonly { row: Row; n: number }[]): void {
  const lines = ['so_dinh_danh,so_cmnd,ho_ten,ngay_sinh,gioi_tinh,dia_chi_thuong_tru,trang_thai,ngay_mat'];
  for (const { row, n } of people) {
    lines.push([idOf(row, n), '', row.name.toUpperCase(), row.birth, row.sex, '"Thôn Đông, xã Tân Lập, tỉnh Nghệ An"', 'Còn sống', ''].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const csv = (path: string) => parse(readFileSync(path), { bom: true, columns: true }) as Record<string, string>[];

describe('entitlement checks on a list for March 2025 (standard level 500,000)', () => {
  const out = join(tmp.dir, 'march');

  beforeAll(() => {
    writeList(join(tmp.dir, 'btxh-thang-3.csv'), MARCH, 0);
    writeRegistry(join(tmp.dir, 'registry.csv'), MARCH.map((row, n) => ({ row, n })));
    const r = runCli(['reconcile', join(tmp.dir, 'btxh-thang-3.csv'), '--registry', join(tmp.dir, 'registry.csv'), '--out', out, '--run-date', '2025-03-05', '--period', '2025-03']);
    if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  });

  it('gives every row the codes it deserves and the right rows none, in problems.csv', () => {
    const problems = csv(join(out, 'problems.csv')).filter((p) => ENTITLEMENT_CODES.has(p.code!));
    const got = MARCH.map((_, i) => problems.filter((p) => p.source_row === String(i + 2)).map((p) => p.code));
    expect(got).toEqual(MARCH.map((r) => r.want));
  });

  it('shows them in the cleaned list', () => {
    const cleaned = csv(join(out, 'cleaned', 'btxh-thang-3.cleaned.csv'));
    expect(cleaned[5]!.problems).toContain('amount_below_rate: Monthly 360,000 is below 500,000');
    expect(cleaned[5]!.status).toBe('warning');
    expect(cleaned[0]!.problems).toBe('');
  });

  it('pays every row as the list says: findings change nobody\'s payment', () => {
    const ledger = csv(join(out, 'payments', 'ledger.csv'));
    expect(ledger.length).toBe(MARCH.length);
    expect(ledger.find((l) => l.source_row === '7')!.amount).toBe('360000');
  });

  it('counts the findings by code in report.html, as many as problems.csv has', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('id="entitlement-codes"');
    const problems = csv(join(out, 'problems.csv')).filter((p) => ENTITLEMENT_CODES.has(p.code!));
    const byCode = new Map<string, number>();
    for (const p of problems) byCode.set(p.code!, (byCode.get(p.code!) ?? 0) + 1);
    expect(byCode.size).toBeGreaterThan(3);
    for (const [code, n] of byCode) expect(html).toMatch(new RegExp(`<tr data-code="${code}">.*?<td class="n">${n}</td></tr>`));
  });

  it('lists the findings on their own sheet of exceptions.xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'payments', 'exceptions.xlsx'));
    const ws = wb.getWorksheet('Kiểm tra mức hưởng')!;
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(10).value));
    });
    expect(codes.sort()).toEqual(MARCH.flatMap((r) => r.want).sort());
  });
});

describe('the old-age social allowance and the social pension of one person (August 2025)', () => {
  const out = join(tmp.dir, 'august');
  const person = { name: 'Phan Văn Tùng', birth: '14/02/1944', sex: 'Nam' as const };
  const allowance: Row = { ...person, programme: 'Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng', amount: 1_000_000, want: ['benefits_exclusive'] };
  const pension: Row = { ...person, programme: 'Trợ cấp hưu trí xã hội', amount: 500_000, want: ['benefits_exclusive'] };

  beforeAll(() => {
    // The social pension list comes first: the higher benefit is kept whatever the order.
    writeList(join(tmp.dir, 'a-huu-tri-xa-hoi.csv'), [pension], 50);
    writeList(join(tmp.dir, 'b-btxh.csv'), [allowance], 50);
    writeRegistry(join(tmp.dir, 'registry-8.csv'), [{ row: pension, n: 50 }]);
    const r = runCli(['reconcile', join(tmp.dir, 'a-huu-tri-xa-hoi.csv'), join(tmp.dir, 'b-btxh.csv'), '--registry', join(tmp.dir, 'registry-8.csv'), '--out', out, '--run-date', '2025-08-05', '--period', '2025-08']);
    if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  });

  it('warns on both rows and pays only the higher benefit', () => {
    const problems = csv(join(out, 'problems.csv')).filter((p) => p.code === 'benefits_exclusive');
    expect(problems.map((p) => p.source_file).sort()).toEqual(['a-huu-tri-xa-hoi.csv', 'b-btxh.csv']);
    const ledger = csv(join(out, 'payments', 'ledger.csv'));
    expect(ledger.map((l) => [l.source_file, l.amount])).toEqual([['b-btxh.csv', '1000000']]);
    const duplicates = csv(join(out, 'duplicates.csv'));
    expect(duplicates.map((d) => d.decision)).toEqual(['exclude', 'keep']);
    expect(duplicates[0]!.explanation).toContain('the higher monthly rate');
  });
});
