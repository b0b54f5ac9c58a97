// Reading a province's lists on both cores: each list is read and prepared (layout, normalisation) on a worker
// thread, and the prepared lists come back in the order given, so the run is the same as when read one by one.
// A few small lists are read on this thread: starting workers would cost more than it saves.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Settings } from '../config/settings.js';
import { AsxhError, type ErrorCode, type Text } from '../errors.js';
import type { ListInput, PreparedList } from '../pipeline.js';

export type ListOutcome = { readonly list: PreparedList } | { readonly error: unknown };

const WORKER = new URL('./read-worker.js', import.meta.url);
const POOL_MIN_FILES = 4;

/** How many workers to read these lists on; 0: read them on this thread. ASXH_READ_WORKERS=N forces it. */
export function readPoolSize(inputs: readonly ListInput[]): number {
  if (!existsSync(fileURLToPath(WORKER))) return 0; // run from the TypeScript sources (tests)
  const forced = process.env.ASXH_READ_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 8);
  return inputs.length < POOL_MIN_FILES ? 0 : Math.max(1, Math.min(availableParallelism(), 4));
}

/** Every list's outcome, in input order; `onStart` as each file is handed to a worker, `onDone` as it comes back. */
export async function readListsOnWorkers(
  inputs: readonly ListInput[],
  settings: Settings,
  slim: boolean,
  size: number,
  onStart: (index: number) => void,
  onDone: (outcome: ListOutcome) => void,
): Promise<ListOutcome[]> {
  const out: ListOutcome[] = new Array(inputs.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(size, inputs.length) }, () => new Worker(WORKER));
  try {
    await Promise.all(
      pool.map(async (worker) => {
        while (next < inputs.length) {
          const i = next++;
          onStart(i);
          out[i] = await readOn(worker, i, inputs[i]!, settings, slim);
          onDone(out[i]!);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return out;
}

interface Reply {
  readonly id: number;
  readonly list?: PreparedList;
  readonly error?: { code?: ErrorCode; said?: Text; hint?: Text; message: string };
}

function readOn(worker: Worker, id: number, input: ListInput, settings: Settings, slim: boolean): Promise<ListOutcome> {
  return new Promise((resolve, reject) => {
    const done = (reply: Reply) => {
      if (reply.id !== id) return;
      worker.off('message', done);
      worker.off('error', reject);
      if (reply.list) resolve({ list: reply.list });
      else {
        const e = reply.error!;
        resolve({ error: e.code ? new AsxhError(e.code, e.said ?? e.message, e.hint) : new Error(e.message) });
      }
    };
    worker.on('message', done);
    worker.once('error', reject);
    worker.postMessage({ id, input, settings, slim });
  });
}
