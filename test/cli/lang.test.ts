// Vietnamese is the default language of everything the terminal says (errors, hints, --help); --lang en, or
// "lang": "en" in the config file, gives English. The error code stays the same in both, for scripts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textIn } from '../../src/errors.js';
import { diskError } from '../../src/write/disk-errors.js';
import { fixture, runCli, tempDir } from '../e2e/run-cli.js';

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

// The messages of writing: the output folder, the lists folder, the disk. Texts written by hand from the brief
// (the Vietnamese an officer reads) and from the English the tests of publish.ts and disk-failures match.
describe('writing in the run language', () => {
  const LIST = fixture('demo', 'btxh-xuan-lam.xlsx');
  const REGISTRY = fixture('demo', 'registry.csv');

  it('refuses an --out folder that holds files, without --force, in Vietnamese by default and English with --lang en', () => {
    const out = join(tmp.dir, 'full-out');
    mkdirSync(out);
    writeFileSync(join(out, 'old.csv'), 'x\n');
    const vi = runCli(['reconcile', LIST, '--registry', REGISTRY, '--out', out, '--run-date', '2026-12-01'], { cwd: tmp.dir });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain(`lỗi [output_exists]: Không ghi được vào "${out}": thư mục đã có 1 tệp của một lần chạy trước`);
    expect(vi.stderr).toContain('Chọn thư mục khác bằng --out, hoặc thêm --force để ghi đè các tệp đó.');
    expect(vi.stderr).not.toContain('Cannot write');
    const en = runCli(['reconcile', LIST, '--registry', REGISTRY, '--out', out, '--run-date', '2026-12-01', '--lang', 'en'], { cwd: tmp.dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`error [output_exists]: Cannot write into "${out}": the folder already holds 1 file(s) from an earlier run`);
    expect(en.stderr).toContain('Choose another folder with --out, or pass --force to replace the files.');
  });

  it('refuses --out inside --lists in Vietnamese by default and English with --lang en', () => {
    const lists = join(tmp.dir, 'lists');
    mkdirSync(lists);
    const out = join(lists, 'ket-qua');
    const vi = runCli(['reconcile', '--lists', lists, '--registry', REGISTRY, '--out', out], { cwd: tmp.dir });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toContain(
      `lỗi [usage]: Không ghi được lần chạy vào "${out}": thư mục này nằm trong thư mục --lists "${lists}", nên lần chạy sau sẽ đọc kết quả như danh sách`,
    );
    expect(vi.stderr).toContain('Chọn thư mục --out ở ngoài thư mục danh sách, ví dụ ngay bên cạnh.');
    const en = runCli(['reconcile', '--lists', lists, '--registry', REGISTRY, '--out', lists, '--lang', 'en'], { cwd: tmp.dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`error [usage]: Cannot write the run into "${lists}": it is the --lists folder itself, so the next run would read its outputs as lists`);
  });

  it('says a full disk, a read-only disk and a refused permission in Vietnamese, the English kept', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    const full = diskError(err('ENOSPC'), '/x/out/a.csv', '"a.csv"')!;
    expect(full.code).toBe('output_disk_full');
    expect(textIn(full.said, 'vi')).toBe('Không ghi được "a.csv" ("/x/out/a.csv"): ổ đĩa đã đầy.');
    expect(textIn(full.said, 'en')).toBe('Could not write "a.csv" ("/x/out/a.csv"): the disk is full.');
    expect(textIn(full.hintSaid!, 'vi')).toBe('Giải phóng dung lượng ổ đĩa hoặc chọn thư mục kết quả khác, rồi chạy lại.');
    const ro = diskError(err('EROFS'), '/x/out', { vi: 'thư mục kết quả', en: 'the output folder' })!;
    expect(textIn(ro.said, 'vi')).toBe('Không ghi được thư mục kết quả ("/x/out"): ổ đĩa chỉ cho phép đọc.');
    expect(ro.message).toBe('Could not write the output folder ("/x/out"): the disk is read-only.');
    const denied = diskError(err('EACCES'), '/x/out', { vi: 'thư mục kết quả', en: 'the output folder' })!;
    expect(textIn(denied.said, 'vi')).toBe('Không ghi được thư mục kết quả ("/x/out"): không có quyền ghi.');
  });

  it("prints verify's lines in Vietnamese by default and English with --lang en", () => {
    const run = join(tmp.dir, 'run');
    expect(runCli(['reconcile', LIST, '--registry', REGISTRY, '--out', run, '--run-date', '2026-12-01', '--quiet'], { cwd: tmp.dir }).code).not.toBe(4);
    const vi = runCli(['verify', run], { cwd: tmp.dir });
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stderr).toContain(`Đã kiểm tra: mọi kết quả của ${run} được tạo lại đúng từng byte.`);
    expect(vi.stderr).toContain('đầu vào không đổi: btxh-xuan-lam.xlsx');
    expect(vi.stderr).toContain('kết quả giống hệt: match-report.csv');
    expect(vi.stderr).not.toContain('Verified');
    const en = runCli(['verify', run, '--lang', 'en'], { cwd: tmp.dir });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`Verified: every output of ${run} is reproduced byte for byte.`);
    expect(en.stderr).toContain('input unchanged: btxh-xuan-lam.xlsx');
  });

  it("says asxh init's line in the run's language", () => {
    const vi = join(tmp.dir, 'init-vi');
    const en = join(tmp.dir, 'init-en');
    mkdirSync(vi);
    mkdirSync(en);
    expect(runCli(['init'], { cwd: vi }).stderr).toBe('Đã ghi asxh.config.json. Sửa tệp, rồi kiểm tra bằng: asxh config --print\n');
    expect(runCli(['init', '--lang', 'en'], { cwd: en }).stderr).toBe('Wrote asxh.config.json. Edit it, then check it with: asxh config --print\n');
  });
});
