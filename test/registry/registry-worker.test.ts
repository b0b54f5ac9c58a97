// The registry loaded on the worker thread is the registry loaded on this one, row for row, lookup for lookup and
// hash for hash, and fails with the same error. A worker runs compiled code only, so this imports the BUILT
// modules from dist/ (`npm test` builds first); the TypeScript sources load on the main thread instead.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { packError, unpackError } from '../../src/registry/registry-transfer.js';
import * as srcLoad from '../../src/registry/start-registry-load.js';
import { expectSameRegistry } from './same-registry.js';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist', 'src');
const CSV = join(ROOT, 'fixtures', 'small', 'registry.csv');
const RUN_YEAR = 2026;

async function built<T>(module: string): Promise<T> {
  const path = join(DIST, module);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first (npm test does).`);
  return (await import(pathToFileURL(path).href)) as T;
}

type Start = typeof import('../../src/registry/start-registry-load.js');
type Load = typeof import('../../src/registry/load-registry.js');
type Hash = typeof import('../../src/read/file-hash.js');
type Write = typeof import('../../src/registry/snapshot-write.js');
type Csv = typeof import('../../src/registry/read-registry-csv.js');
type Errors = typeof import('../../src/errors.js');
type Registry = import('../../src/registry/registry.js').Registry;

let start: Start;
let load: Load;
let hash: Hash;
let write: Write;
let errors: Errors;
const dir = mkdtempSync(join(tmpdir(), 'asxh-registry-worker-'));
const paths = { csv: CSV, xlsx: join(dir, 'dan-cu.xlsx'), snapshot: join(dir, 'dan-cu.asxhreg') };
const VERSION = '9.9.9-worker-test';

beforeAll(async () => {
  start = await built<Start>('registry/start-registry-load.js');
  load = await built<Load>('registry/load-registry.js');
  hash = await built<Hash>('read/file-hash.js');
  write = await built<Write>('registry/snapshot-write.js');
  errors = await built<Errors>('errors.js');
  const csv = await built<Csv>('registry/read-registry-csv.js');

  // The same people as a workbook: every cell as text, as an office would save the export.
  const rows = parse(readFileSync(CSV), { bom: true, relax_column_count: true }) as string[][];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dan cu');
  for (const row of rows) sheet.addRow(row);
  writeFileSync(paths.xlsx, Buffer.from(await book.xlsx.writeBuffer()));

  const registry = await csv.readRegistryCsv(CSV, { runYear: RUN_YEAR });
  const info = statSync(CSV);
  // Recorded under a name not present beside the snapshot: the export check is not what is tested here.
  const source = { name: 'not-beside.csv', sha256: registry.fileHash!.sha256, bytes: info.size, mtimeMs: info.mtimeMs };
  await write.writeSnapshot(registry, paths.snapshot, { toolVersion: VERSION, runYear: RUN_YEAR, source });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = { runYear: RUN_YEAR, toolVersion: VERSION };

async function onThisThread(path: string) {
  const registry = await load.loadRegistry(path, options);
  return { registry, fileHash: registry.fileHash ?? (await hash.sha256File(path)) };
}

function expectSameLoad(a: Registry, b: Registry): void {
  expect(b.file).toBe(a.file);
  expect(b.fileHash).toEqual(a.fileHash);
  expectSameRegistry(a, b);
  // Every column, text store, count table and blocking index, byte for byte.
  const mine = new Map(write.snapshotSections(a).map((s) => [s.name, s.data]));
  const theirs = write.snapshotSections(b);
  expect(theirs.map((s) => s.name)).toEqual([...mine.keys()]);
  for (const { name, data } of theirs) {
    const other = mine.get(name)!;
    expect(data.constructor, name).toBe(other.constructor);
    expect(Buffer.compare(Buffer.from(data.buffer, data.byteOffset, data.byteLength), Buffer.from(other.buffer, other.byteOffset, other.byteLength)), name).toBe(0);
  }
}

describe('the registry worker', () => {
  it.each(Object.keys(paths) as (keyof typeof paths)[])('loads the %s as the main thread does', async (kind) => {
    const job = start.startRegistryLoad(paths[kind], options);
    expect(job.thread).toBe('worker');
    const viaWorker = await job.result();
    const here = await onThisThread(paths[kind]);
    expect(viaWorker.registry.size).toBeGreaterThan(2000);
    expectSameLoad(here.registry, viaWorker.registry);
    expect(viaWorker.fileHash).toEqual(here.fileHash);
    expect(viaWorker.fileHash).toEqual(await hash.sha256File(paths[kind]));
    // An export and a snapshot are hashed while they are read; a workbook apart, by the worker too.
    expect(viaWorker.registry.fileHash === null).toBe(kind === 'xlsx');
  });

  it('forwards progress while an export is read', async () => {
    const seen: number[][] = [];
    const { registry } = await start.startRegistryLoad(CSV, { ...options, onProgress: (read, total) => seen.push([read, total]) }).result();
    const size = statSync(CSV).size;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual([size, size]);
    expect(registry.size).toBeGreaterThan(0);
  });

  // Run as scripts run asxh (node --input-type=module -e …): the flags a worker inherits matter.
  const script = `const s = await import(${JSON.stringify(pathToFileURL(join(DIST, 'registry/start-registry-load.js')).href)});
    const load = s.startRegistryLoad(${JSON.stringify(CSV)}, { runYear: ${RUN_YEAR} });
    const { registry, fileHash } = await load.result();
    process.stdout.write(JSON.stringify({ size: registry.size, fileHash, worked: load.thread }));`;

  it('runs under node --input-type=module -e, which a worker started from a file does not accept', async () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const here = await onThisThread(CSV);
    expect(JSON.parse(run.stdout)).toEqual({ size: here.registry.size, fileHash: here.fileHash, worked: 'worker' });
  });

  it('falls back to this thread when the worker cannot start', async () => {
    // --expose-gc may be inherited but not passed outright, and --input-type makes the flags be passed.
    const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const here = await onThisThread(CSV);
    expect(JSON.parse(run.stdout)).toEqual({ size: here.registry.size, fileHash: here.fileHash, worked: 'main' });
  });

  it('is not used from the TypeScript sources, which load on the main thread when asked', async () => {
    const job = srcLoad.startRegistryLoad(CSV, options);
    expect(job.thread).toBe('main');
    const { registry, fileHash } = await job.result();
    expect(fileHash).toEqual(registry.fileHash);
  });
});

describe('registry errors through the worker', () => {
  async function failure(run: () => Promise<unknown>): Promise<Error> {
    try {
      await run();
    } catch (err) {
      return err as Error;
    }
    throw new Error('expected a failure');
  }

  async function expectSameFailure(path: string): Promise<Error> {
    const here = await failure(() => onThisThread(path));
    const there = await failure(() => start.startRegistryLoad(path, options).result());
    expect(there.constructor).toBe(here.constructor);
    expect(there.message).toBe(here.message);
    if (here instanceof errors.AsxhError) {
      const [h, t] = [here, there as InstanceType<Errors['AsxhError']>];
      expect({ code: t.code, exitCode: t.exitCode, hint: t.hint }).toEqual({ code: h.code, exitCode: h.exitCode, hint: h.hint });
    }
    return there;
  }

  it('a damaged snapshot gives the same AsxhError', async () => {
    const good = readFileSync(paths.snapshot);
    const cut = join(dir, 'cut.asxhreg');
    writeFileSync(cut, good.subarray(0, good.length - 1000));
    const err = await expectSameFailure(cut);
    expect(err).toBeInstanceOf(errors.AsxhError);
    expect((err as InstanceType<Errors['AsxhError']>).code).toBe('registry_invalid');
    expect(err.message).toContain('cut short');

    const other = join(dir, 'other-version.asxhreg');
    writeFileSync(other, good);
    const refused = await failure(() => start.startRegistryLoad(other, { runYear: RUN_YEAR, toolVersion: '0.0.1' }).result());
    expect((refused as InstanceType<Errors['AsxhError']>).code).toBe('registry_invalid');
    expect(refused.message).toContain('"9.9.9-worker-test"');
  });

  it('a missing file gives the same AsxhError', async () => {
    const err = await expectSameFailure(join(dir, 'no-such-registry.csv'));
    expect((err as InstanceType<Errors['AsxhError']>).code).toBe('input_missing');
    expect((err as InstanceType<Errors['AsxhError']>).hint).toBe('Check the --registry path.');
  });

  it('a folder given as the registry is refused the same way, saying it is a folder', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    const err = await expectSameFailure(folder);
    expect((err as InstanceType<Errors['AsxhError']>).code).toBe('input_missing');
    expect(err.message).toContain('it is a folder, not a file');
  });
});

describe('an error crossing from the worker', () => {
  it('comes back as the same AsxhError', () => {
    const sent = new AsxhError('registry_invalid', 'Cannot use the registry snapshot "x": the file is damaged (why).', 'Rebuild it.');
    const back = unpackError(structuredClone(packError(sent)));
    expect(back).toBeInstanceOf(AsxhError);
    expect(back).toMatchObject({ name: 'AsxhError', code: 'registry_invalid', exitCode: 3, message: sent.message, hint: 'Rebuild it.' });
  });

  it('keeps the Vietnamese of its message and hint, which main() prints by default', () => {
    const said = { vi: 'Không dùng được bản chỉ mục "x": tệp bị hỏng (why).', en: 'Cannot use the registry snapshot "x": the file is damaged (why).' };
    const hint = { vi: 'Lập lại bản chỉ mục.', en: 'Rebuild it.' };
    const back = unpackError(structuredClone(packError(new AsxhError('registry_invalid', said, hint)))) as InstanceType<typeof AsxhError>;
    expect(back.said).toEqual(said);
    expect(back.hintSaid).toEqual(hint);
    expect(back.message).toBe(said.en);
  });

  it('comes back as an Error with the message, name, code and stack of any other', () => {
    const sent = Object.assign(new TypeError('something broke'), { code: 'ESOMETHING' });
    const back = unpackError(structuredClone(packError(sent)));
    expect(back).not.toBeInstanceOf(AsxhError);
    expect(back).toMatchObject({ name: 'TypeError', message: 'something broke', code: 'ESOMETHING', stack: sent.stack });
    expect(unpackError(packError('a string')).message).toBe('a string');
  });
});
