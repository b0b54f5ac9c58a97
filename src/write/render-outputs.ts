// Rendering every output of a run, in order. Kept apart from writing so the work of building the bytes can move
// (to worker threads, say) without touching how files reach the disk.
import type { OutputFile } from './output-spec.js';
import { renderOutput } from './render-output.js';

/** The bytes of each file, in the order given. A failure names the file it was building (`failedFile`). */
export async function renderOutputs(files: readonly OutputFile[], options: { readonly created: Date }): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const file of files) {
    try {
      out.push(await renderOutput(file, options));
    } catch (err) {
      throw Object.assign(err instanceof Error ? err : new Error(String(err)), { failedFile: file.path });
    }
  }
  return out;
}
