// Loads the registry on a worker thread (registry-worker.ts) while the main thread reads the lists: reading an
// export is seconds of CPU, and on two cores the two overlap instead of running one after the other.
//
// The worker is the compiled registry-worker.js beside this module in dist/. Run from the TypeScript sources
// (vitest imports src/*.ts) there is no such file, and a Worker could not load the .ts anyway; then, or when a
// worker cannot be started, the registry is loaded on this thread when it is asked for, as it was before.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sha256File } from '../read/file-hash.js';
import { loadRegistry, type LoadRegistryOptions } from './load-registry.js';
import type { Registry } from './registry.js';
import { unpackError, unpackRegistry, type FileHash, type RegistryJob, type WorkerMessage } from './registry-transfer.js';

const WORKER = new URL('./registry-worker.js', import.meta.url);

export interface LoadedRegistry {
  readonly registry: Registry;
  /** SHA-256 and length of the registry file, for the manifest. */
  readonly fileHash: FileHash;
}

export interface RegistryLoad {
  /**
   * 'worker': loading there since the start; 'main': loading on this thread once result() is called (from the
   * sources, or since the worker could not start: known once result() has settled).
   */
  readonly thread: 'worker' | 'main';
  result(): Promise<LoadedRegistry>;
  /** Gives up a load whose registry is no longer wanted (a list could not be read). */
  cancel(): void;
}

export function startRegistryLoad(path: string, options: LoadRegistryOptions = {}): RegistryLoad {
  const inWorker = existsSync(fileURLToPath(WORKER)) ? startWorker(path, options) : null;
  return inWorker ?? onThisThread(path, options);
}

function onThisThread(path: string, options: LoadRegistryOptions): RegistryLoad {
  let loading: Promise<LoadedRegistry> | null = null;
  return { thread: 'main', result: () => (loading ??= loadHere(path, options)), cancel: () => undefined };
}

async function loadHere(path: string, options: LoadRegistryOptions): Promise<LoadedRegistry> {
  const registry = await loadRegistry(path, options);
  // A CSV export or a snapshot is hashed as it is read; a workbook is hashed here.
  return { registry, fileHash: registry.fileHash ?? (await sha256File(path)) };
}

function startWorker(path: string, options: LoadRegistryOptions): RegistryLoad | null {
  const { onProgress, ...rest } = options;
  const job: RegistryJob = { path, options: rest };
  let worker: Worker;
  try {
    // A worker inherits node's flags, and --input-type (node --input-type=module -e …, as scripts run asxh) stops
    // one started from a file: then the flags are passed without it. Only then, since flags passed outright may
    // not include V8's (--expose-gc …), which inheriting allows.
    const flags = process.execArgv;
    const execArgv = flags.some((f) => f.startsWith('--input-type')) ? flags.filter((f) => !f.startsWith('--input-type')) : undefined;
    worker = new Worker(WORKER, { workerData: job, ...(execArgv ? { execArgv } : {}) });
  } catch {
    return null;
  }
  // The worker's answer, or null when it failed before it started (could not set up its thread or load its
  // modules): then the registry is loaded here, once asked for. The first of answer, failure, exit and cancel wins.
  let started = false;
  let settle!: (outcome: () => LoadedRegistry | null) => void;
  const answer = new Promise<LoadedRegistry | null>((resolve, reject) => {
    let settled = false;
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      try {
        resolve(outcome());
      } catch (err) {
        reject(err);
      }
      void worker.terminate();
    };
  });
  // A failure is reported when the registry is awaited, after the lists: not as an unhandled rejection meanwhile.
  answer.catch(() => undefined);
  const fail = (err: Error) => (): never => {
    throw err;
  };
  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'started') started = true;
    else if (message.type === 'progress') onProgress?.(message.read, message.total);
    else if (message.type === 'done') settle(() => ({ registry: unpackRegistry(message.registry), fileHash: message.hash }));
    else settle(fail(unpackError(message.error)));
  });
  worker.on('error', (err) => settle(started ? fail(err) : () => null));
  worker.on('exit', (code) => settle(started ? fail(new Error(`The registry worker stopped (exit code ${code}) before it sent the registry.`)) : () => null));
  let loading: Promise<LoadedRegistry> | null = null;
  let thread: 'worker' | 'main' = 'worker';
  return {
    get thread() {
      return thread;
    },
    result: () =>
      (loading ??= answer.then((loaded) => {
        if (loaded !== null) return loaded;
        thread = 'main';
        return loadHere(path, options);
      })),
    cancel: () => settle(fail(new Error('The registry load was cancelled.'))),
  };
}
