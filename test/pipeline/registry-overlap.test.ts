// The registry loads on a worker while the lists are read, yet a run reads as before: a list's error is the one
// reported, the registry's comes only when the lists are fine, and the inputs and their checksums are the same.
// The worker runs compiled code only, so the BUILT pipeline is imported from dist/ (`npm test` builds first) and
// compared with the sources, which load the registry on the main thread.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import * as srcPipeline from '../../src/pipeline.js';

type Pipeline = typeof srcPipeline;
type Errors = typeof import('../../src/errors.js');

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = join(ROOT, 'dist', 'src');
const GOOD_LIST = join(ROOT, 'fixtures', 'small', 'ncc-dien-hong.csv');
const BAD_LIST = join(ROOT, 'fixtures', 'bad', 'garbage.xlsx');
const GOOD_REGISTRY = join(ROOT, 'fixtures', 'small', 'registry.csv');
const NO_REGISTRY = join(ROOT, 'fixtures', 'small', 'no-such-registry.csv');

let built: Pipeline;
let errors: Errors;

beforeAll(async () => {
  const load = async <T>(module: string): Promise<T> => {
    const path = join(DIST, module);
    if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first (npm test does).`);
    return (await import(pathToFileURL(path).href)) as T;
  };
  built = await load<Pipeline>('pipeline.js');
  errors = await load<Errors>('errors.js');
});

function request(lists: readonly string[], registryPath: string, stages: string[] = []): srcPipeline.ReconcileRequest {
  const { settings, sources } = resolveSettings([{ origin: 'test', source: 'flag', values: { runDate: '2026-12-01' } }], new Date());
  return {
    lists: srcPipeline.nameInputs(lists, ROOT),
    registryPath,
    decisionsPath: null,
    paidLedgers: [],
    overrideReason: null,
    settings,
    sources,
    redact: false,
    onStage: (stage, detail) => stages.push(`${stage}: ${detail}`),
  };
}

async function failure(pipeline: Pipeline, lists: readonly string[], registryPath: string): Promise<{ code: string; message: string }> {
  try {
    await pipeline.readReconcileInputs(request(lists, registryPath));
  } catch (err) {
    const e = err as { code: string; message: string };
    return { code: e.code, message: e.message };
  }
  throw new Error('expected a failure');
}

describe('reading a run with the registry on a worker', () => {
  it('reads the same inputs, registry and checksums as the main thread does', async () => {
    const stages: string[] = [];
    const viaWorker = await built.readReconcileInputs(request([GOOD_LIST], GOOD_REGISTRY, stages));
    const here = await srcPipeline.readReconcileInputs(request([GOOD_LIST], GOOD_REGISTRY));
    expect(viaWorker.files).toEqual(here.files);
    expect(viaWorker.files.map((f) => f.role)).toEqual(['list', 'registry']);
    expect(viaWorker.registry.size).toBe(here.registry.size);
    for (let i = 0; i < here.registry.size; i += 1) expect(viaWorker.registry.get(i)).toEqual(here.registry.get(i));
    // The lists' progress first; the registry's once they are read.
    expect(stages[0]).toBe('read: 1/1 files · ncc-dien-hong.csv');
    expect(stages.slice(1).every((s) => s.startsWith('registry: '))).toBe(true);
  });

  it("reports a bad list's error when the registry is fine", async () => {
    const err = await failure(built, [GOOD_LIST, BAD_LIST], GOOD_REGISTRY);
    expect(err).toEqual(await failure(srcPipeline, [GOOD_LIST, BAD_LIST], GOOD_REGISTRY));
    expect(err.code).toMatch(/^input_/);
    expect(err.message).toContain('garbage.xlsx');
  });

  it("reports the registry's error when the lists are fine", async () => {
    const err = await failure(built, [GOOD_LIST], NO_REGISTRY);
    expect(err).toEqual(await failure(srcPipeline, [GOOD_LIST], NO_REGISTRY));
    expect(err.code).toBe('input_missing');
    expect(err.message).toContain('no-such-registry.csv');
  });

  it("reports the list's error, not the registry's, when both are bad", async () => {
    const err = await failure(built, [BAD_LIST], NO_REGISTRY);
    expect(err).toEqual(await failure(srcPipeline, [BAD_LIST], NO_REGISTRY));
    expect(err.message).toContain('garbage.xlsx');
  });

  it('gives an AsxhError the CLI prints as such, not as a crash', async () => {
    try {
      await built.readReconcileInputs(request([GOOD_LIST], NO_REGISTRY));
    } catch (err) {
      expect(err).toBeInstanceOf(errors.AsxhError);
      expect((err as InstanceType<Errors['AsxhError']>).exitCode).toBe(3);
      return;
    }
    throw new Error('expected a failure');
  });
});
