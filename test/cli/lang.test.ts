// Vietnamese is the default language of everything the terminal says (errors, hints, --help); --lang en, or
// "lang": "en" in the config file, gives English. The error code stays the same in both, for scripts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../e2e/run-cli.js';

const tmp = tempDir('asxh-lang-');
afterAll(() => tmp.cleanup());

describe('errors in the run language', () => {
  it('says a missing list is missing in Vietnamese by default, with its code', () => {
    const r = runCli(['inspect', 'no-such-list.xlsx'], { cwd: tmp.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('lỗi [input_missing]: Không đọc được tệp "no-such-list.xlsx": không có tệp này');
    expect(r.stderr).toContain('Kiểm tra lại đường dẫn');
    expect(r.stderr).not.toContain('Cannot read');
  });

  it('says it in English with --lang en and --lang=en, with the same code', () => {
    for (const flag of [['--lang', 'en'], ['--lang=en']]) {
      const r = runCli(['inspect', 'no-such-list.xlsx', ...flag], { cwd: tmp.dir });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('error [input_missing]: Cannot read "no-such-list.xlsx": there is no such file');
      expect(r.stderr).toContain('Check the spelling of the path');
      expect(r.stderr).not.toContain('Không đọc được');
    }
  });

  it('follows "lang" of the config file when no flag is given', () => {
    writeFileSync(join(tmp.dir, 'en.json'), JSON.stringify({ lang: 'en' }));
    const r = runCli(['inspect', 'no-such-list.xlsx', '--config', 'en.json'], { cwd: tmp.dir });
    expect(r.stderr).toContain('error [input_missing]: Cannot read');
  });

  it('writes the Vietnamese message as msg of a JSON log line, beside the code', () => {
    const r = runCli(['inspect', 'no-such-list.xlsx', '--log-format', 'json'], { cwd: tmp.dir });
    const line = JSON.parse(r.stderr.trim()) as { level: string; code: string; msg: string; hint?: string };
    expect(line.level).toBe('error');
    expect(line.code).toBe('input_missing');
    expect(line.msg).toMatch(/^Không đọc được tệp "no-such-list\.xlsx"/);
    expect(line.hint).toMatch(/^Kiểm tra lại đường dẫn/);
  });

  it("turns commander's usage errors into Vietnamese, exit 2, and keeps them English with --lang en", () => {
    const vi = runCli(['clean', 'ds.csv'], { cwd: tmp.dir });
    expect(vi.code).toBe(2);
    expect(vi.stderr.trim()).toBe("lỗi [usage]: Thiếu tùy chọn bắt buộc '-o, --out <dir>'");
    const en = runCli(['clean', 'ds.csv', '--lang', 'en'], { cwd: tmp.dir });
    expect(en.code).toBe(2);
    expect(en.stderr.trim()).toBe("error [usage]: required option '-o, --out <dir>' not specified");
    const unknown = runCli(['clean', 'ds.csv', '--out', 'x', '--frobnicate'], { cwd: tmp.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Không có tùy chọn '--frobnicate'");
  });
});

describe('--help in the run language', () => {
  it('describes asxh and its exit codes in Vietnamese by default', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng: asxh');
    expect(r.stdout).toContain('Đối soát danh sách đối tượng của xã');
    expect(r.stdout).toContain('Mã thoát: 0 xong, không có dòng nào cần người xem; 1 xong, có dòng cần người xem; 2 lỗi cách dùng');
    expect(r.stdout).not.toContain('Exit codes:');
  });

  it("describes a command's options and examples in Vietnamese, reconcile included", () => {
    const clean = runCli(['clean', '--help']);
    expect(clean.stdout).toContain('Ghi danh sách đã làm sạch');
    expect(clean.stdout).toMatch(/-o, --out <dir>\s+thư mục ghi kết quả/);
    const reconcile = runCli(['reconcile', '--help']);
    expect(reconcile.code).toBe(0);
    expect(reconcile.stdout).toContain('Đối soát từng người trong danh sách với CSDL dân cư');
    expect(reconcile.stdout).toContain('Ví dụ:');
    expect(reconcile.stdout).not.toContain('Examples:');
  });

  it("gives today's English with --lang en", () => {
    const r = runCli(['reconcile', '--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: asxh reconcile');
    expect(r.stdout).toContain('Match every person of the lists to the population registry, by ID and fuzzily');
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).not.toContain('Ví dụ:');
    expect(r.stdout.match(/Examples:/g)).toHaveLength(1);
  });
});
