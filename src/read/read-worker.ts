// A worker thread of the list-reading pool: reads and prepares one list at a time (read, layout, normalise),
// and hands back the prepared list or the refusal.
import { parentPort } from 'node:worker_threads';
import type { Settings } from '../config/settings.js';
import { AsxhError } from '../errors.js';
import { prepareList, readList, slimList, type ListInput } from '../pipeline.js';

interface Job {
  readonly id: number;
  readonly input: ListInput;
  readonly settings: Settings;
  readonly slim: boolean;
}

parentPort?.on('message', (job: Job) => {
  readList(job.input, job.settings).then(
    (read) => {
      try {
        const list = prepareList(job.input, read, job.settings);
        parentPort!.postMessage({ id: job.id, list: job.slim ? slimList(list) : list });
      } catch (err) {
        parentPort!.postMessage({ id: job.id, error: asMessage(err) });
      }
    },
    (err: unknown) => parentPort!.postMessage({ id: job.id, error: asMessage(err) }),
  );
});

function asMessage(err: unknown): { code?: string; said?: unknown; hint?: unknown; message: string } {
  if (err instanceof AsxhError) return { code: err.code, said: err.said, hint: err.hintSaid, message: err.message };
  return { message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
