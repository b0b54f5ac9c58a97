import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file below root, '/'-separated, hidden ones (temporary files) included, sorted. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
