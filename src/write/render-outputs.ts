// Rendering every output of a run, in order. A large run (a province's night) renders on worker threads, one
// file per worker at a time, the largest first; each file's bytes depend only on the file, so the outputs are
// the same whichever thread made them. Small runs stay on this thread: starting workers costs more than it saves.
import type { Worker } from 'node:worker_threads';
import { ask, poolSize, withWorkers } from '../threads/worker-pool.js';
import type { OutputFile } from './output-spec.js';
import { renderOutput } from './render-output.js';

/** Cells below which a run renders on its own thread. */
const POOL_MIN_CELLS = 300_000;

export async function renderOutputs(files: readonly OutputFile[], options: { readonly created: Date }): Promise<Buffer[]> {
  const own = files.filter((f) => f.kind !== 'copy');
  const workers = renderPoolSize(own);
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
function renderPoolSize(files: readonly OutputFile[]): number {
  return poolSize(WORKER, 'ASXH_RENDER_WORKERS', files.reduce((n, f) => n + cellsOf(f), 0) >= POOL_MIN_CELLS);
}

async function renderOnWorkers(files: readonly OutputFile[], options: { readonly created: Date }, size: number): Promise<Buffer[]> {
  const out: (Buffer | undefined)[] = new Array(files.length);
  // The first worker takes the largest files first, the others the smallest: only one very large file is in
  // flight at a time (each is copied whole to its worker and built there: ~0.5 GB for a province's match report),
  // and they meet in the middle.
  const queue = files.map((_, i) => i).sort((a, b) => cellsOf(files[b]!) - cellsOf(files[a]!) || a - b);
  await withWorkers(WORKER, Math.min(size, files.length), (workers) =>
    Promise.all(
      workers.map(async (worker, w) => {
        const take = () => (w === 0 ? queue.shift() : queue.pop());
        for (let next = take(); next !== undefined; next = take()) out[next] = await renderOn(worker, next, files[next]!, options.created);
      }),
    ),
  );
  return out as Buffer[];
}

async function renderOn(worker: Worker, id: number, file: OutputFile, created: Date): Promise<Buffer> {
  let reply: { id: number; bytes?: Uint8Array; error?: string };
  try {
    reply = await ask(worker, { id, file, created: created.getTime() });
  } catch (err) {
    throw failedOn(file, err);
  }
  if (!reply.bytes) throw failedOn(file, new Error(reply.error ?? 'the render worker failed'));
  return Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength);
}
