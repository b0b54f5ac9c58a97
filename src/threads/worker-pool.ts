// What the two worker pools of a run (reading lists, rendering files) share: how many workers to start, a
// request and its reply, and workers that are always stopped again.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Workers for a pool: the number `forcedBy` names in the environment (0: none), else as many as the cores (at
 * most 4) when the work is `worthIt`, else none. None when run from the TypeScript sources (the tests), where
 * there is no compiled worker script to start.
 */
export function poolSize(script: URL, forcedBy: string, worthIt: boolean): number {
  if (!existsSync(fileURLToPath(script))) return 0;
  const forced = process.env[forcedBy];
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 8);
  return worthIt ? Math.max(1, Math.min(availableParallelism(), 4)) : 0;
}

/** `size` workers of `script` for `work`, terminated afterwards whatever happens. */
export async function withWorkers<T>(script: URL, size: number, work: (workers: readonly Worker[]) => Promise<T>): Promise<T> {
  const workers = Array.from({ length: size }, () => new Worker(script));
  try {
    return await work(workers);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Posts `message` (with its `id`) and resolves with the worker's reply of that id; rejects if the worker dies. */
export function ask<R extends { readonly id: number }>(worker: Worker, message: { readonly id: number; readonly [key: string]: unknown }): Promise<R> {
  return new Promise((resolve, reject) => {
    const done = (reply: R) => {
      if (reply.id !== message.id) return;
      worker.off('message', done);
      worker.off('error', crashed);
      resolve(reply);
    };
    const crashed = (err: Error) => {
      worker.off('message', done);
      reject(err);
    };
    worker.on('message', done);
    worker.once('error', crashed);
    worker.postMessage(message);
  });
}
