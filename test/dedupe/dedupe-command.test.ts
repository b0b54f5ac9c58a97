import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { registerDedupe } from '../../src/cli/dedupe-command.js';

const dirs: string[] = [];
afterEach(() => {
  process.exitCode = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function run(files: Record<string, string>): Promise<{ out: string; code: number | undefined }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'asxh-dedupe-'));
  dirs.push(dir);
  const paths = Object.entries(files).map(([name, text]) => {
    const p = path.join(dir, name);
    writeFileSync(p, text, 'utf8');
    return p;
  });
  const out = path.join(dir, 'ket-qua');
  const program = new Command().exitOverride();
  registerDedupe(program);
  await program.parseAsync(['node', 'asxh', 'dedupe', ...paths, '--out', out, '--quiet', '--run-date', '2026-12-01']);
  return { out, code: process.exitCode === undefined ? undefined : Number(process.exitCode) };
}

describe('asxh dedupe', () => {
  it('writes the three reports and exits 1 when someone is listed twice', async () => {
    const anPhu = [
      'STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Thôn,Số tiền',
      '1,Nguyễn Thị Lụa,1938,Nữ,038138001234,Thôn 3,500000',
      '2,Trần Văn Hùng,05/07/1936,Nam,038036004321,Thôn 3,500000',
    ].join('\n');
    const binhMinh = [
      'STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Thôn,Số tiền',
      '1,NGUYEN THI LUA,1938,Nu,038138001234,Xóm Chùa,500000',
    ].join('\n');
    const { out, code } = await run({ 'an-phu.csv': anPhu, 'binh-minh.csv': binhMinh });
    expect(code).toBe(1);
    for (const f of ['duplicates.csv', 'duplicates.xlsx', 'shared-accounts.csv']) expect(existsSync(path.join(out, f))).toBe(true);
    const csv = readFileSync(path.join(out, 'duplicates.csv'), 'utf8').trim().split(/\r\n/);
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(/^D-[0-9a-f]{10},duplicate,an-phu\.csv,,2,,same_id,yes,keep,/);
    expect(csv[2]).toMatch(/^D-[0-9a-f]{10},duplicate,binh-minh\.csv,,2,,same_id,no,exclude,/);
  });

  it('exits 0 when nobody is listed twice', async () => {
    const list = ['Họ và tên,Ngày sinh,Số CCCD', 'Nguyễn Thị Lụa,1938,038138001234', 'Trần Văn Hùng,1936,038036004321'].join('\n');
    const { out, code } = await run({ 'ds.csv': list });
    expect(code ?? 0).toBe(0);
    expect(readFileSync(path.join(out, 'duplicates.csv'), 'utf8').trim().split(/\r\n/)).toHaveLength(1);
  });
});
