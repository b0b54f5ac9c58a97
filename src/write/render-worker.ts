// A worker thread of the render pool: takes one output file at a time, hands back its bytes.
import { parentPort } from 'node:worker_threads';
import type { OutputFile } from './output-spec.js';
import { renderOutput } from './render-output.js';

interface Job {
  readonly id: number;
  readonly file: OutputFile;
  readonly created: number;
}

parentPort?.on('message', (job: Job) => {
  renderOutput(job.file, { created: new Date(job.created) }).then(
    (data) => {
      // A copy the worker gives away: Buffers from pools share memory that cannot be transferred.
      const bytes = new Uint8Array(data.length);
      bytes.set(data);
      parentPort!.postMessage({ id: job.id, bytes }, [bytes.buffer]);
    },
    (err: unknown) => parentPort!.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
