// Every input the tool cannot use is refused the same way: exit code 3, a message that names the file and
// says what to do, and never a stack trace.
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './run-cli.js';

const cases: [file: string, says: RegExp, hint: RegExp][] = [
  ['protected.xls', /Excel 97-2003 workbook \(\.xls\) is protected with a password/, /remove the password/],
  ['damaged.xls', /Excel 97-2003 workbook \(\.xls\) is damaged/, /ask for the file again/],
  ['protected.ods', /OpenDocument spreadsheet \(\.ods\) is protected with a password/, /"Save with password" unticked/],
  ['protected.xlsx', /protected with a password/, /remove the password/],
  ['truncated.xlsx', /damaged or incomplete/, /ask for the file again/],
  ['garbage.xlsx', /binary data/, /export it as \.xlsx or CSV/],
  ['empty.csv', /the file is empty/, /saved or copied completely/],
  ['empty-sheet.xlsx', /no sheet of the workbook holds any value/, /saved after the list was typed/],
  ['no-header.xlsx', /Cannot find a beneficiary table/, /--map name=/],
];

describe('refused inputs', () => {
  for (const [file, says, hint] of cases) {
    it(`refuses ${file} with exit 3, the file's name and what to do`, () => {
      for (const command of [['inspect'], ['clean', '--out', '/tmp/asxh-never-written']]) {
        const r = runCli([...command, fixture('bad', file), '--lang', 'en']);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`"${file}"`);
        expect(r.stderr).toMatch(says);
        expect(r.stderr).toMatch(hint);
        expect(r.stderr).not.toMatch(/^\s+at /m);
      }
    });
  }

  it('lists the header cells it saw when no sheet has a recognisable header', () => {
    const r = runCli(['inspect', fixture('bad', 'no-header.xlsx'), '--lang', 'en']);
    expect(r.stderr).toContain('sheet "Tổng hợp"');
    expect(r.stderr).toMatch(/header cells seen: "/);
  });

  it('does not print the people of a list without a header while saying what it saw', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = join(dir, 'khong-tieu-de.csv');
      writeFileSync(file, 'Nguyễn Thị Lụa,15/03/1950,Nữ,036150001234,1500000\nTrần Văn Hùng,22/07/1948,Nam,036048004321,750000\n');
      const r = runCli(['clean', file, '--out', join(dir, 'out'), '--lang', 'en']);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/header cells seen: "N\. Thị L\."/);
      for (const personal of ['Nguyễn', 'Lụa', '036150001234', '1950', '1500000']) expect(r.stderr).not.toContain(personal);
    } finally {
      cleanup();
    }
  });

  it('leaves no output folder behind when a run fails on its inputs', () => {
    const out = join(tmpdir(), `asxh-never-${process.pid}`);
    const r = runCli(['reconcile', fixture('small', 'ncc-dien-hong.csv'), '--registry', 'no-such-registry.csv', '--out', out]);
    expect(r.code).toBe(3);
    expect(existsSync(out)).toBe(false);
  });

  it('says a missing file is missing', () => {
    const r = runCli(['inspect', 'no-such-list.xlsx']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no-such-list.xlsx');
  });

  it('treats a bad flag or setting as a usage error (exit 2)', () => {
    expect(runCli(['inspect', fixture('small', 'ncc-dien-hong.csv'), '--date-order', 'ymd']).code).toBe(2);
    expect(runCli(['clean', fixture('small', 'ncc-dien-hong.csv')]).code).toBe(2);
    const bad = runCli(['inspect', fixture('small', 'ncc-dien-hong.csv'), '--map', 'hoten=Họ tên']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('map.hoten');
    expect(runCli(['frobnicate']).code).toBe(2);
  });

  it('shows help and exits 0', () => {
    const r = runCli(['reconcile', '--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});
