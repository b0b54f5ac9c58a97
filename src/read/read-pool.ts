// Reading a province's lists on both cores: each list is read and prepared (layout, normalisation) on a worker
// thread, and the prepared lists come back in the order given, so the run is the same as when read one by one.
// A few small lists are read on this thread: starting workers would cost more than it saves.
import type { Worker } from 'node:worker_threads';
import { ask, poolSize, withWorkers } from '../threads/worker-pool.js';
import type { Settings } from '../config/settings.js';
import { AsxhError, type ErrorCode, type Text } from '../errors.js';
import type { ListInput, PreparedList } from '../pipeline.js';

export type ListOutcome = { readonly list: PreparedList } | { readonly error: unknown };

const WORKER = new URL('./read-worker.js', import.meta.url);
const POOL_MIN_FILES = 4;

/** How many workers to read these lists on; 0: read them on this thread. ASXH_READ_WORKERS=N forces it. */
export function readPoolSize(inputs: readonly ListInput[]): number {
  return poolSize(WORKER, 'ASXH_READ_WORKERS', inputs.length >= POOL_MIN_FILES);
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
  await withWorkers(WORKER, Math.min(size, inputs.length), (workers) =>
    Promise.all(
      workers.map(async (worker) => {
        while (next < inputs.length) {
          const i = next++;
          onStart(i);
          out[i] = await readOn(worker, i, inputs[i]!, settings, slim);
          onDone(out[i]!);
        }
      }),
    ),
  );
  return out;
}

interface Reply {
  readonly id: number;
  readonly list?: PreparedList;
  readonly error?: { code?: ErrorCode; said?: Text; hint?: Text; message: string };
}

async function readOn(worker: Worker, id: number, input: ListInput, settings: Settings, slim: boolean): Promise<ListOutcome> {
  const reply = await ask<Reply>(worker, { id, input, settings, slim });
  if (reply.list) return { list: reply.list };
  const e = reply.error!;
  return { error: e.code ? new AsxhError(e.code, e.said ?? e.message, e.hint) : new Error(e.message) };
}
