// `reconcile --lists DIR` over a folder as a commune office keeps it: lists in .xlsx, .xls, .ods and CSV beside a
// README, an Excel lock file and a damaged .xls. Every file is read or passed over with its reason (stderr, JSON
// log, manifest.json, report.html); the damaged list does not stop the others, and the run ends with exit 5.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir, type CliResult } from './run-cli.js';

const tmp = tempDir('asxh-folder-');
afterAll(() => tmp.cleanup());
const lists = join(tmp.dir, 'lists');
const out = join(tmp.dir, 'runs');
const run = (): string => join(out, '2026-12-05');
let result: CliResult;

// With the 2026 shapes beside them: sections, arrears and totals, a martyrs' relatives list, a sheet per village.
const SHAPES_2026 = ['btxh-an-lac-muc.xlsx', 'btxh-an-lac-truy-linh.xlsx', 'ncc-an-lac-than-nhan-ls.xlsx', 'btxh-phu-son-theo-thon.xlsx', 'btxh-phu-son-qr.xlsx'];
const LISTS = ['btxh-an-hoa.xlsx', 'xa-tan-lap/btxh-tan-lap-tcvn3.xls', 'marks.ods', 'ncc-dien-hong.csv', ...SHAPES_2026.map((f) => `y2026/${f}`)];

beforeAll(() => {
  mkdirSync(join(lists, 'xa-tan-lap'), { recursive: true });
  copyFileSync(fixture('formats', 'btxh-an-hoa.xlsx'), join(lists, 'btxh-an-hoa.xlsx'));
  copyFileSync(fixture('formats', 'btxh-tan-lap-tcvn3.xls'), join(lists, 'xa-tan-lap', 'btxh-tan-lap-tcvn3.xls'));
  copyFileSync(fixture('formats', 'marks.ods'), join(lists, 'marks.ods'));
  copyFileSync(fixture('small', 'ncc-dien-hong.csv'), join(lists, 'ncc-dien-hong.csv'));
  copyFileSync(fixture('bad', 'damaged.xls'), join(lists, 'xa-tan-lap', 'cu.xls'));
  mkdirSync(join(lists, 'y2026'), { recursive: true });
  for (const f of SHAPES_2026) copyFileSync(fixture('y2026', f), join(lists, 'y2026', f));
  writeFileSync(join(lists, 'README.txt'), 'Danh sách tháng 12/2026 của các xã, gửi trước ngày 5.\n');
  writeFileSync(join(lists, '~$lock.xlsx'), Buffer.from([0x08, 0x00, 0x41, 0x00]));
  result = runCli(['reconcile', '--lists', lists, '--registry', fixture('formats', 'registry.csv'), '--out', out, '--run-date', '2026-12-05', '--log-format', 'json']);
});

const manifest = () => JSON.parse(readFileSync(join(run(), 'manifest.json'), 'utf8'));

describe('a folder with a damaged list among good ones', () => {
  it('finishes, writes the run, and exits 5 because a list was refused', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(5);
    expect(readFileSync(join(out, 'latest.txt'), 'utf8').trim()).toBe('2026-12-05');
    for (const f of ['match-report.csv', 'report.html', 'manifest.json']) expect(readFileSync(join(run(), f)).length).toBeGreaterThan(0);
  });

  it('reads every list, whatever its format', () => {
    const read = manifest().inputs.filter((i: { role: string }) => i.role === 'list').map((i: { name: string }) => i.name);
    expect(read).toEqual([...LISTS].sort());
  });

  it('lists every other file as passed over, with its reason, in manifest.json', () => {
    const passed = manifest().passedOver as { name: string; reason: string; message: string; code?: string }[];
    expect(passed.map((p) => [p.name, p.reason])).toEqual([
      ['README.txt', 'not_a_list'],
      ['xa-tan-lap/cu.xls', 'unreadable'],
      ['~$lock.xlsx', 'lock_file'],
    ]);
    const damaged = passed.find((p) => p.reason === 'unreadable')!;
    expect(damaged.code).toBe('input_corrupt');
    expect(damaged.message).toMatch(/damaged/);
    expect(manifest().counts.inputs_passed_over).toBe(3);
    expect(manifest().counts.inputs_refused).toBe(1);
  });

  it('says so on stderr, one JSON log line per file with its name and reason', () => {
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, string>);
    const passed = lines.filter((l) => l.event === 'passed_over');
    expect(passed.map((l) => [l.file, l.reason, l.level])).toEqual([
      ['README.txt', 'not_a_list', 'warn'],
      ['xa-tan-lap/cu.xls', 'unreadable', 'error'],
      ['~$lock.xlsx', 'lock_file', 'warn'],
    ]);
    // Names of files only: the README's text is not printed.
    expect(result.stderr).not.toContain('gửi trước');
  });

  it("says each file passed over in the run's language (Vietnamese by default), the fields and manifest.json in English", () => {
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, string>);
    const msg = (file: string) => lines.find((l) => l.event === 'passed_over' && l.file === file)!.msg;
    expect(msg('~$lock.xlsx')).toBe('bỏ qua ~$lock.xlsx: lock_file (tệp khóa do chương trình bảng tính để lại khi danh sách đang mở)');
    expect(msg('xa-tan-lap/cu.xls')).toMatch(/^bỏ qua xa-tan-lap\/cu\.xls: không đọc được: Không đọc được tệp "xa-tan-lap\/cu\.xls": .* bị hỏng/);
    const passed = manifest().passedOver as Record<string, string>[];
    // The Vietnamese is for the terminal only: the manifest keeps its fields, in their order, and the English.
    expect(passed.map((p) => Object.keys(p))).toEqual([
      ['name', 'reason', 'message', 'code'],
      ['name', 'reason', 'message', 'code'],
      ['name', 'reason', 'message'],
    ]);
    expect(passed[2]!.message).toBe('a lock file the spreadsheet program leaves while the list is open');
  });

  it('says the files passed over in English with --lang en', () => {
    const few = join(tmp.dir, 'few');
    mkdirSync(few, { recursive: true });
    copyFileSync(fixture('small', 'ncc-dien-hong.csv'), join(few, 'ncc-dien-hong.csv'));
    writeFileSync(join(few, '~$lock.xlsx'), Buffer.from([0x08, 0x00, 0x41, 0x00]));
    const r = runCli(['reconcile', '--lists', few, '--registry', fixture('formats', 'registry.csv'), '--out', join(tmp.dir, 'few-out'), '--run-date', '2026-12-05', '--lang', 'en']);
    expect(r.stderr).toContain('passed over ~$lock.xlsx: lock_file (a lock file the spreadsheet program leaves while the list is open)\n');
    expect(r.stderr).not.toContain('bỏ qua');
  });

  it('shows the files passed over in report.html', () => {
    const html = readFileSync(join(run(), 'report.html'), 'utf8');
    expect(html).toContain('id="passed-over"');
    for (const [name, reason] of [['README.txt', 'not_a_list'], ['xa-tan-lap/cu.xls', 'unreadable'], ['~$lock.xlsx', 'lock_file']]) {
      expect(html).toContain(`data-file="${name}" data-reason="${reason}"`);
    }
  });

  it('accounts for every row of each list read: rows read = people + skipped', () => {
    const html = readFileSync(join(run(), 'report.html'), 'utf8');
    for (const file of LISTS) {
      const row = html.match(new RegExp(`<tr data-file="${file.replace(/[.$]/g, '\\$&')}">(.*?)</tr>`))?.[1] ?? '';
      const metric = (m: string): number => Number((row.match(new RegExp(`data-metric="${m}">([^<]*)<`))?.[1] ?? 'NaN').replace(/\./g, ''));
      expect(metric('rows_read'), file).toBe(metric('people') + metric('skipped'));
      expect(metric('people'), file).toBeGreaterThan(0);
    }
    const m = manifest();
    expect(m.counts.rows_read).toBe(m.counts.people + m.counts.rows_skipped);
  });
});

describe('lists given one by one', () => {
  it('still stop the run with exit 3 when one is damaged', () => {
    const r = runCli(['reconcile', fixture('formats', 'btxh-an-hoa.xls'), fixture('bad', 'damaged.xls'), '--registry', fixture('formats', 'registry.csv'), '--out', join(tmp.dir, 'single')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('"damaged.xls"');
  });

  it('a folder of only files that are not lists passes them over without failing on the README', () => {
    const only = join(tmp.dir, 'only-readme');
    mkdirSync(only, { recursive: true });
    writeFileSync(join(only, 'README.txt'), 'Ghi chú\n');
    copyFileSync(fixture('formats', 'btxh-an-hoa.ods'), join(only, 'btxh-an-hoa.ods'));
    const r = runCli(['reconcile', '--lists', only, '--registry', fixture('formats', 'registry.csv'), '--out', join(tmp.dir, 'only-out'), '--run-date', '2026-12-05', '--quiet']);
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).toBe('');
  });
});
