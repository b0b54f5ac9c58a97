// Rendering every output of a run, in order. A large run (a province's night) renders on worker threads, one
// file per worker at a time, the largest first; each file's bytes depend only on the file, so the outputs are
// the same whichever thread made them. Small runs stay on this thread: starting workers costs more than it saves.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OutputFile } from './output-spec.js';
import { renderOutput } from './render-output.js';

/** Cells below which a run renders on its own thread. */
const POOL_MIN_CELLS = 300_000;

export async function renderOutputs(files: readonly OutputFile[], options: { readonly created: Date }): Promise<Buffer[]> {
  const own = files.filter((f) => f.kind !== 'copy');
  const workers = poolSize(own);
  const rendered = workers > 0 ? await renderOnWorkers(own, options, workers) : await renderHere(own, options);
  const byPath = new Map(own.map((f, i) => [f.path, rendered[i]!]));
  return files.map((f) => {
    if (f.kind !== 'copy') return byPath.get(f.path)!;
    const bytes = byPath.get(f.of);
    if (bytes === undefined) throw failedOn(f, new Error(`it is a copy of ${JSON.stringify(f.of)}, which the run does not write`));
    return bytes;
  });
}

async function renderHere(files: readonly OutputFile[], options: { readonly created: Date }): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const file of files) {
    try {
      out.push(await renderOutput(file, options));
    } catch (err) {
      throw failedOn(file, err);
    }
  }
  return out;
}

function failedOn(file: OutputFile, err: unknown): Error {
  return Object.assign(err instanceof Error ? err : new Error(String(err)), { failedFile: file.path });
}

function cellsOf(file: OutputFile): number {
  switch (file.kind) {
    case 'csv':
      return file.rows.length * file.columns.length;
    case 'xlsx':
      return file.sheets.reduce((n, s) => n + s.rows.length * s.columns.length, 0);
    default:
      return 0;
  }
}

const WORKER = new URL('./render-worker.js', import.meta.url);

/** ASXH_RENDER_WORKERS=N sets the pool (0: none) and renders on it whatever the size; else by the run's size. */
function poolSize(files: readonly OutputFile[]): number {
  // Run from the TypeScript sources (the tests), there is no compiled worker to start.
  if (!existsSync(fileURLToPath(WORKER))) return 0;
  const forced = process.env.ASXH_RENDER_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 8);
  const cells = files.reduce((n, f) => n + cellsOf(f), 0);
  return cells < POOL_MIN_CELLS ? 0 : Math.max(1, Math.min(availableParallelism(), 4));
}

async function renderOnWorkers(files: readonly OutputFile[], options: { readonly created: Date }, size: number): Promise<Buffer[]> {
  const out: (Buffer | undefined)[] = new Array(files.length);
  // The first worker takes the largest files first, the others the smallest: only one very large file is in
  // flight at a time (each is copied whole to its worker and built there: ~0.5 GB for a province's match report),
  // and they meet in the middle.
  const queue = files.map((_, i) => i).sort((a, b) => cellsOf(files[b]!) - cellsOf(files[a]!) || a - b);
  const pool = Array.from({ length: Math.min(size, files.length) }, () => new Worker(WORKER));
  try {
    await Promise.all(
      pool.map(async (worker, w) => {
        const take = () => (w === 0 ? queue.shift() : queue.pop());
        for (let next = take(); next !== undefined; next = take()) {
          const file = files[next]!;
          out[next] = await renderOn(worker, next, file, options.created);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out as Buffer[];
}

function renderOn(worker: Worker, id: number, file: OutputFile, created: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (message: { id: number; bytes?: Uint8Array; error?: string }) => {
      if (message.id !== id) return;
      worker.off('message', done);
      worker.off('error', crashed);
      if (message.bytes) resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      else reject(failedOn(file, new Error(message.error ?? 'the render worker failed')));
    };
    const crashed = (err: Error) => {
      worker.off('message', done);
      reject(failedOn(file, err));
    };
    worker.on('message', done);
    worker.once('error', crashed);
    worker.postMessage({ id, file, created: created.getTime() });
  });
}
