// What crosses between the registry worker and the main thread. A registry goes as its snapshot sections
// (snapshot-write.ts), every typed array's buffer transferred, not copied, and is put back together by the
// snapshot reader's assemble(): one serialisation for the file and for the thread.
// An error goes as its fields: an AsxhError comes back as itself, anything else as an Error with the worker's stack.
import { AsxhError, ERROR_CODES, textIn, type ErrorCode, type Text } from '../errors.js';
import type { LoadRegistryOptions } from './load-registry.js';
import { Registry } from './registry.js';
import type { RegistryFields, TypedColumn } from './snapshot-format.js';
import { assemble } from './snapshot-read.js';
import { registryFields, snapshotSections } from './snapshot-write.js';

export interface FileHash {
  readonly sha256: string;
  readonly bytes: number;
}

/** What the worker is started with (workerData). Progress is sent as messages, not passed as a function. */
export interface RegistryJob {
  readonly path: string;
  readonly options: Omit<LoadRegistryOptions, 'onProgress'>;
}

export interface PackedRegistry {
  readonly fields: RegistryFields;
  readonly sections: readonly { readonly name: string; readonly data: TypedColumn }[];
  /** Registry.fileHash as the reader left it (set for a CSV export only). */
  readonly fileHash: FileHash | null;
}

export interface PackedError {
  readonly name: string;
  readonly stack: string | undefined;
  /** An AsxhError's code, or a Node error's (ENOENT …). */
  readonly code: string | undefined;
  /** An AsxhError's message and hint in both languages (plain data, so they cross the thread boundary). */
  readonly message: Text;
  readonly hint: Text | undefined;
  readonly asxh: boolean;
}

export type WorkerMessage =
  /** First, once the worker's modules are loaded: from then on a failure is the load's, not the thread's. */
  | { readonly type: 'started' }
  | { readonly type: 'progress'; readonly read: number; readonly total: number }
  | { readonly type: 'done'; readonly registry: PackedRegistry; readonly hash: FileHash }
  | { readonly type: 'failed'; readonly error: PackedError };

/** The registry as sections, and the buffers to transfer with them. The registry is unusable once they are sent. */
export function packRegistry(registry: Registry): { packed: PackedRegistry; transfer: ArrayBuffer[] } {
  const transfer = new Set<ArrayBuffer>();
  const sections = snapshotSections(registry).map(({ name, data }) => {
    // A transfer moves a whole buffer: a view on part of one, or on one already sent, is copied into its own.
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && !transfer.has(data.buffer as ArrayBuffer);
    const own = whole ? data : data.slice();
    transfer.add(own.buffer as ArrayBuffer);
    return { name, data: own };
  });
  return { packed: { fields: registryFields(registry), sections, fileHash: registry.fileHash }, transfer: [...transfer] };
}

/** The registry the worker packed. Its sections are trusted: no pass over the rows to check them again. */
export function unpackRegistry(packed: PackedRegistry): Registry {
  const columns = new Map(packed.sections.map(({ name, data }) => [name, data]));
  const damaged = (why: string): Error => new Error(`The registry worker sent a registry whose parts do not fit: ${why}.`);
  const registry = new Registry(assemble(packed.fields, columns, { file: packed.fields.file, damaged, checkCodes: false }));
  registry.fileHash = packed.fileHash;
  return registry;
}

export function packError(err: unknown): PackedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), stack: undefined, code: undefined, hint: undefined, asxh: false };
  const code = (err as { code?: unknown }).code;
  return {
    name: err.name,
    message: err instanceof AsxhError ? err.said : err.message,
    stack: err.stack,
    code: typeof code === 'string' ? code : undefined,
    hint: err instanceof AsxhError ? err.hintSaid : undefined,
    asxh: err instanceof AsxhError,
  };
}

/** The worker's error on this thread: the same AsxhError, or an Error carrying the worker's message and stack. */
export function unpackError(packed: PackedError): Error {
  if (packed.asxh && packed.code !== undefined && Object.hasOwn(ERROR_CODES, packed.code)) {
    return new AsxhError(packed.code as ErrorCode, packed.message, packed.hint);
  }
  const err: Error & { code?: string } = new Error(textIn(packed.message, 'en'));
  err.name = packed.name;
  if (packed.stack !== undefined) err.stack = packed.stack;
  if (packed.code !== undefined) err.code = packed.code;
  return err;
}
