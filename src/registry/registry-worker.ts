// The registry worker (started by start-registry-load.ts): all of the registry's file work, reading it and, when
// reading did not hash it on the way, hashing it for the manifest, done off the main thread, which meanwhile
// reads the lists. The registry is sent back as transferred typed arrays (registry-transfer.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { sha256File } from '../read/file-hash.js';
import { loadRegistry } from './load-registry.js';
import { packError, packRegistry, type RegistryJob, type WorkerMessage } from './registry-transfer.js';

if (parentPort === null) throw new Error('registry-worker.js runs as a worker thread only');
const port = parentPort;
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
const job = workerData as RegistryJob;
send({ type: 'started' });

try {
  const registry = await loadRegistry(job.path, { ...job.options, onProgress: (read, total) => send({ type: 'progress', read, total }) });
  const hash = registry.fileHash ?? (await sha256File(job.path));
  const { packed, transfer } = packRegistry(registry);
  send({ type: 'done', registry: packed, hash }, transfer);
} catch (err) {
  send({ type: 'failed', error: packError(err) });
}
