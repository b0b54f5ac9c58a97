// Rendering every output of a run. A large run (a province's night) renders its workbooks on worker threads, one
// file per worker at a time, the largest first; each file's bytes depend only on the file, so the outputs are the same
// whichever thread made them. Small runs stay on this thread: starting workers costs more than it saves. Each
// file is handed on (written to its temporary file) as soon as it is made, so a run never holds the bytes of all
// its outputs at once (about 0.5 GB for a province's night).
import type { Worker } from 'node:worker_threads';
import { ask, poolSize, withWorkers } from '../threads/worker-pool.js';
import type { OutputFile } from './output-spec.js';
import { renderOutput } from './render-output.js';

/** Workbook cells below which a run renders on its own thread. */
const POOL_MIN_CELLS = 300_000;

/** Receives the bytes of files[index]; a copy receives the bytes of the file it copies, right after it. */
export type Deliver = (index: number, bytes: Buffer) => Promise<void>;

export async function renderOutputs(files: readonly OutputFile[], options: { readonly created: Date }, deliver: Deliver): Promise<void> {
  const own: number[] = [];
  const copies = new Map<string, number[]>();
  files.forEach((f, i) => {
    if (f.kind !== 'copy') own.push(i);
    else copies.set(f.of, [...(copies.get(f.of) ?? []), i]);
  });
  for (const [of, which] of copies) {
    if (!own.some((i) => files[i]!.path === of)) {
      throw failedOn(files[which[0]!]!, new Error(`it is a copy of ${JSON.stringify(of)}, which the run does not write`));
    }
  }
  const hand = async (index: number, bytes: Buffer): Promise<void> => {
    await deliver(index, bytes);
    for (const c of copies.get(files[index]!.path) ?? []) await deliver(c, bytes);
  };
  const workbooks = own.filter((i) => files[i]!.kind === 'xlsx').map((i) => files[i]!);
  const workers = workbooks.length === 0 ? 0 : renderPoolSize(workbooks);
  if (workers > 0) await renderOnWorkers(files, own, options, Math.min(workers, workbooks.length), hand);
  else await renderHere(files, own, options, hand);
}

async function renderHere(files: readonly OutputFile[], own: readonly number[], options: { readonly created: Date }, hand: Deliver): Promise<void> {
  for (const i of own) await renderOneHere(files[i]!, i, options, hand);
}

async function renderOneHere(file: OutputFile, index: number, options: { readonly created: Date }, hand: Deliver): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await renderOutput(file, options);
  } catch (err) {
    throw failedOn(file, err);
  }
  await hand(index, bytes);
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

/** ASXH_RENDER_WORKERS=N sets the pool (0: none) and renders on it whatever the size; else by the workbooks' size. */
function renderPoolSize(files: readonly OutputFile[]): number {
  return poolSize(WORKER, 'ASXH_RENDER_WORKERS', files.reduce((n, f) => n + cellsOf(f), 0) >= POOL_MIN_CELLS);
}

async function renderOnWorkers(
  files: readonly OutputFile[],
  own: readonly number[],
  options: { readonly created: Date },
  size: number,
  hand: Deliver,
): Promise<void> {
  // Workbooks go to the workers; a CSV or text file is made here, where its rows already are: copying a large
  // CSV's rows to a worker costs more time and memory than writing them out (a province's match report: 3.4M
  // cells). The first worker takes the largest workbooks first, the others the smallest: only one very large
  // workbook is in flight at a time (each is copied whole to its worker and built there), and they meet in the
  // middle.
  const queue = own.filter((i) => files[i]!.kind === 'xlsx').sort((a, b) => cellsOf(files[b]!) - cellsOf(files[a]!) || a - b);
  const here = own.filter((i) => files[i]!.kind !== 'xlsx');
  let failure: { err: unknown } | null = null;
  const hereLoop = async (): Promise<void> => {
    for (const i of here) {
      if (failure !== null) return;
      try {
        await renderOneHere(files[i]!, i, options, hand);
      } catch (err) {
        failure ??= { err };
      }
    }
  };
  await withWorkers(WORKER, size, (workers) =>
    Promise.all([
      hereLoop(),
      ...workers.map(async (worker, w) => {
        // After a failure no worker starts another file, and every file already handed on has been written, so
        // the caller removes all the temporary files there are.
        const take = () => (failure !== null ? undefined : w === 0 ? queue.shift() : queue.pop());
        for (let next = take(); next !== undefined; next = take()) {
          try {
            await hand(next, await renderOn(worker, next, files[next]!, options.created));
          } catch (err) {
            failure ??= { err };
          }
        }
      }),
    ]),
  );
  if (failure !== null) throw (failure as { err: unknown }).err;
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
