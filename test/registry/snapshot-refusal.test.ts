// A snapshot that is not exactly what this asxh wrote from the export at hand is refused with a message that
// says which file, what is wrong with it, and to rebuild it: never a crash, never silently stale data.
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { sha256File } from '../../src/read/file-hash.js';
import { loadRegistry } from '../../src/registry/load-registry.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import { readSnapshot } from '../../src/registry/snapshot-read.js';
import { writeSnapshot } from '../../src/registry/snapshot-write.js';
import { sectionChecksum } from '../../src/registry/section-checksum.js';

const VERSION = '0.1.0';
const dir = mkdtempSync(join(tmpdir(), 'asxh-snapshot-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CSV = [
  'so_dinh_danh,so_cmnd,ho_ten,ngay_sinh,gioi_tinh,dia_chi_thuong_tru,trang_thai,ngay_mat',
  '040050012345,182345678,NGUYỄN VĂN HÙNG,05/03/1950,Nam,"Xóm 3, xã Yên Phú",Còn sống,',
  '040145054321,,TRẦN THỊ LAN,1945,Nữ,"Xóm 1, xã Yên Phú",Đã mất,12/12/2025',
].join('\n');

const exportPath = join(dir, 'dan-cu.csv');
const snapPath = join(dir, 'dan-cu.asxhreg');
let good: Buffer;

beforeAll(async () => {
  writeFileSync(exportPath, CSV);
  const info = statSync(exportPath);
  const { sha256, bytes } = await sha256File(exportPath);
  const registry = await readRegistryCsv(exportPath, { runYear: 2026 });
  await writeSnapshot(registry, snapPath, { toolVersion: VERSION, runYear: 2026, source: { name: 'dan-cu.csv', sha256, bytes, mtimeMs: info.mtimeMs } });
  good = readFileSync(snapPath);
});

function variant(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function refusal(run: () => unknown): AsxhError {
  try {
    run();
  } catch (err) {
    if (err instanceof AsxhError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<AsxhError> {
  try {
    await run();
  } catch (err) {
    if (err instanceof AsxhError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('snapshot refusals', () => {
  it('loads the good snapshot (the baseline the others are broken from)', async () => {
    const reg = await loadRegistry(snapPath, { runYear: 2026, toolVersion: VERSION });
    expect(reg.findById('040145054321')).toEqual([1]);
    expect(reg.get(1).alive).toBe(false);
  });

  it('refuses a snapshot made by another asxh version, naming both versions', () => {
    const err = refusal(() => readSnapshot(snapPath, { toolVersion: '0.2.0' }));
    expect(err.code).toBe('registry_invalid');
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain('"dan-cu.asxhreg"');
    expect(err.message).toContain('asxh "0.1.0"');
    expect(err.message).toContain('asxh "0.2.0"');
    expect(err.hint).toContain('asxh registry index');
  });

  it('refuses an older snapshot format', () => {
    const old = Buffer.from(good);
    old.writeUInt32LE(0, 8);
    const err = refusal(() => readSnapshot(variant('old.asxhreg', old), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toMatch(/snapshot format "1\.0".*reads format "1\.6"/);
    expect(err.hint).toContain('asxh registry index');
  });

  it('refuses a snapshot cut short, saying how much of it is there', () => {
    const cut = good.subarray(0, Math.floor(good.length / 2));
    const err = refusal(() => readSnapshot(variant('cut.asxhreg', cut), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain(`cut short (${cut.length} of ${good.length} bytes`);
  });

  it('refuses a snapshot cut inside its header', () => {
    const err = refusal(() => readSnapshot(variant('stub.asxhreg', good.subarray(0, 12)), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain('cut short');
  });

  it('refuses a snapshot whose metadata was overwritten', () => {
    const bad = Buffer.from(good);
    bad.fill(0x7b, 24, 40); // "{{{{…": no longer JSON
    const err = refusal(() => readSnapshot(variant('meta.asxhreg', bad), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toMatch(/damaged \(its metadata is not readable\)/);
  });

  it('refuses a snapshot whose sections disagree with each other', () => {
    // Claim one more person than the columns hold: the lengths no longer agree.
    const text = good.toString('latin1');
    const bad = Buffer.from(text.replace('"size":2,', '"size":3,'), 'latin1');
    expect(bad.equals(good)).toBe(false);
    const err = refusal(() => readSnapshot(variant('size.asxhreg', bad), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toMatch(/damaged \(column "row" has the wrong length\)/);
  });

  it.each([
    ['a slot pointing past the last row', 'idRows.slots', (slots: Int32Array) => slots.fill(7)],
    ['no empty slot (a lookup would never stop)', 'idRows.slots', (slots: Int32Array) => slots.fill(0)],
    ['a chain of earlier rows that loops', 'cmndRows.prev', (prev: Int32Array) => prev.fill(1)],
  ])('refuses a snapshot whose stored ID lookup has %s', (_what, section, spoil) => {
    const bad = Buffer.from(good);
    const meta = JSON.parse(bad.toString('utf8', 24, 24 + bad.readUInt32LE(12))) as { sections: { name: string; offset: number; length: number; checksum: string }[] };
    const at = meta.sections.find((x) => x.name === section);
    if (at === undefined) throw new Error(`no section ${section}`);
    const spoilt = new Int32Array(bad.buffer, bad.byteOffset + at.offset, at.length);
    spoil(spoilt);
    // Made to pass the checksum (same length), so that the lookup checks behind it are what refuses the file.
    const metaText = bad.toString('latin1', 24, 24 + bad.readUInt32LE(12));
    const entry = metaText.indexOf(`"name":"${section}"`);
    const sum = metaText.indexOf(`"checksum":"${at.checksum}"`, entry);
    bad.write(`"checksum":"${sectionChecksum(spoilt)}"`, 24 + sum, 'latin1');
    const err = refusal(() => readSnapshot(variant('lookup.asxhreg', bad), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain(`damaged (lookup "${section.split('.')[0]}" is malformed)`);
  });

  it('refuses a snapshot with any one byte of any section changed, with the rebuild command (issue 13)', () => {
    const meta = JSON.parse(good.toString('utf8', 24, 24 + good.readUInt32LE(12))) as { sections: { name: string; offset: number; length: number; type: string }[] };
    const per: Record<string, number> = { u8: 1, u16: 2, u32: 4, i32: 4, f64: 8 };
    let checked = 0;
    for (const sec of meta.sections) {
      const bytes = sec.length * per[sec.type]!;
      if (bytes === 0) continue;
      for (const at of new Set([0, Math.floor(bytes / 2), bytes - 1])) {
        const bad = Buffer.from(good);
        bad[sec.offset + at] ^= 0x01;
        const err = refusal(() => readSnapshot(variant('byte.asxhreg', bad), { toolVersion: VERSION }));
        expect(err.code).toBe('registry_invalid');
        expect(err.message).toContain(`section "${sec.name}" does not match its checksum`);
        expect(err.hint).toContain('asxh registry index');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('refuses a changed letter of a name in the snapshot', () => {
    const at = good.indexOf(Buffer.from('HÙNG'));
    expect(at).toBeGreaterThan(0);
    const bad = Buffer.from(good);
    bad.write('HÙNH', at); // same length
    const err = refusal(() => readSnapshot(variant('name.asxhreg', bad), { toolVersion: VERSION }));
    expect(err.message).toContain('does not match its checksum');
  });

  it('refuses a snapshot with bytes appended', () => {
    const err = refusal(() => readSnapshot(variant('long.asxhreg', Buffer.concat([good, Buffer.alloc(8)])), { toolVersion: VERSION }));
    expect(err.message).toContain('damaged (8 bytes more than its header says)');
  });

  it('refuses a foreign file that merely starts like a snapshot of another kind', () => {
    const foreign = Buffer.from(good);
    foreign.write('9', 7, 'latin1'); // ASXHREG9: a format this asxh does not know
    const err = refusal(() => readSnapshot(variant('foreign.asxhreg', foreign), { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain('snapshot format "9.6"');
  });

  it('refuses a file that is no snapshot when asked to read one', () => {
    const err = refusal(() => readSnapshot(exportPath, { toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain('does not start with "ASXHREG1"');
  });

  it('refuses a snapshot built for a later run year than the run', async () => {
    const err = await asyncRefusal(() => loadRegistry(snapPath, { runYear: 2025, toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain('for a run in 2025: it was built for run year 2026');
  });

  it('refuses a stale snapshot when the export beside it has changed', async () => {
    const staleDir = mkdtempSync(join(dir, 'stale-'));
    const exp = join(staleDir, 'dan-cu.csv');
    const snap = join(staleDir, 'dan-cu.asxhreg');
    writeFileSync(exp, CSV);
    writeFileSync(snap, good);
    // Same content, new time: hashed, found equal, accepted.
    utimesSync(exp, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect((await loadRegistry(snap, { runYear: 2026, toolVersion: VERSION })).size).toBe(2);
    // A death recorded since: the snapshot no longer tells the truth.
    writeFileSync(exp, CSV.replace('Còn sống,', 'Đã mất,20/11/2026'));
    const err = await asyncRefusal(() => loadRegistry(snap, { runYear: 2026, toolVersion: VERSION }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain('the export "dan-cu.csv" has changed since the snapshot was built from it');
    expect(err.hint).toContain(`asxh registry index ${exp} --out ${snap}`);
  });

  it('checks an export named outright even when its size and time look unchanged', async () => {
    const other = join(dir, 'other.csv');
    writeFileSync(other, CSV.replace('NGUYỄN VĂN HÙNG', 'NGUYỄN VĂN HÙNH')); // same length, one letter differs
    const err = await asyncRefusal(() => loadRegistry(snapPath, { runYear: 2026, toolVersion: VERSION, source: other }));
    expect(err.code).toBe('registry_invalid');
    expect(err.message).toContain('"other.csv" has changed');
    expect((await loadRegistry(snapPath, { runYear: 2026, toolVersion: VERSION, source: exportPath })).size).toBe(2);
  });
});

describe('a snapshot read for a run', () => {
  it('carries the SHA-256 and length of its own file, taken as it was read, for the manifest', async () => {
    const { registry } = readSnapshot(snapPath, { toolVersion: VERSION });
    expect(registry.fileHash).toEqual(await sha256File(snapPath));
  });
});
