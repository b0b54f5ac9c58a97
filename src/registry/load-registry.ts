// The registry of a run: a snapshot made by "asxh registry index" when the file is one (told by its first
// bytes, not its name), else the export itself. A snapshot is refused when it was made by another asxh, for a
// later run year, or from an export that has changed since.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { TOOL_VERSION } from '../cli/version.js';
import { AsxhError, quote, type Said } from '../errors.js';
import { sha256File } from '../read/file-hash.js';
import { readRegistryCsv } from './read-registry-csv.js';
import type { Registry } from './registry.js';
import type { SnapshotMeta } from './snapshot-format.js';
import { hasSnapshotMagic, readSnapshot } from './snapshot-read.js';

export interface LoadRegistryOptions {
  /** Year of the payment run; defaults to the current year. */
  readonly runYear?: number;
  /** Name shown in messages; defaults to the path's base name. */
  readonly file?: string;
  /**
   * The export a snapshot was built from. Given, it is always hashed and compared; not given, the export is
   * looked for beside the snapshot under its recorded name and, when found, compared.
   */
  readonly source?: string;
  /** The tool version a snapshot must carry; defaults to this asxh's own. */
  readonly toolVersion?: string;
  /** Progress while an export is read (see readRegistryCsv). */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export async function loadRegistry(path: string, options: LoadRegistryOptions = {}): Promise<Registry> {
  const runYear = options.runYear ?? new Date().getUTCFullYear();
  if (existsSync(path) && !statSync(path).isFile()) {
    throw new AsxhError(
      'input_missing',
      { vi: `Không đọc được CSDL dân cư ${quote(path)}: đây là thư mục, không phải tệp.`, en: `Cannot read the registry ${quote(path)}: it is a folder, not a file.` },
      { vi: 'Cho --registry tệp xuất (CSV), một bảng tính hoặc một bản chỉ mục.', en: 'Give --registry the export (CSV), a workbook or a snapshot file.' },
    );
  }
  if (!hasSnapshotMagic(path)) {
    if (isZip(path)) {
      // Imported when needed: the workbook reader brings exceljs, a sixth of a second to load, and the registry
      // worker (registry-worker.ts) would pay that before every CSV or snapshot too.
      const { readRegistryXlsx } = await import('./read-registry-xlsx.js');
      return readRegistryXlsx(path, { runYear, file: options.file ?? basename(path) });
    }
    return readRegistryCsv(path, { runYear, ...(options.file ? { file: options.file } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  }

  const name = options.file ?? basename(path);
  const { registry, meta } = readSnapshot(path, { toolVersion: options.toolVersion ?? TOOL_VERSION, file: name });
  const rebuild: Said = {
    vi: `Lập lại bản chỉ mục từ tệp xuất bằng: asxh registry index EXPORT --out ${path}`,
    en: `Rebuild it from the export with: asxh registry index EXPORT --out ${path}`,
  };
  if (meta.runYear > runYear) {
    // Birth dates after the run year are rejected when the export is read: a snapshot for a later year kept
    // some that this run would reject, so an older run would not be reproduced exactly.
    throw new AsxhError(
      'registry_invalid',
      {
        vi: `Không dùng được bản chỉ mục ${quote(name)} cho lần chạy năm ${runYear}: bản này lập cho năm chạy ${meta.runYear}.`,
        en: `Cannot use the registry snapshot ${quote(name)} for a run in ${runYear}: it was built for run year ${meta.runYear}.`,
      },
      { vi: `${rebuild.vi} --run-date ${runYear}-12-31, hoặc dùng chính tệp xuất.`, en: `${rebuild.en} --run-date ${runYear}-12-31, or use the export itself.` },
    );
  }
  const source = options.source ?? besideSnapshot(path, meta);
  if (source !== null) await checkSource(source, meta, name, options.source !== undefined, rebuild);
  return registry;
}

/** The export under its recorded name in the snapshot's folder, when it is there (and is not the snapshot). */
function besideSnapshot(path: string, meta: SnapshotMeta): string | null {
  const candidate = join(dirname(path), meta.source.name);
  return resolve(candidate) !== resolve(path) && existsSync(candidate) ? candidate : null;
}

async function checkSource(source: string, meta: SnapshotMeta, name: string, explicit: boolean, rebuild: Said): Promise<void> {
  let info;
  try {
    info = statSync(source);
  } catch {
    throw new AsxhError(
      'input_missing',
      { vi: `Không đọc được tệp xuất CSDL dân cư ${quote(source)}: không có tệp này.`, en: `Cannot read the registry export ${quote(source)}: no such file.` },
      { vi: 'Kiểm tra lại đường dẫn của tệp xuất.', en: 'Check the path of the export.' },
    );
  }
  // Same size and modification time: taken as unchanged without hashing, as make and rsync do, unless the
  // export was named outright.
  if (!explicit && info.size === meta.source.bytes && info.mtimeMs === meta.source.mtimeMs) return;
  const { sha256 } = await sha256File(source);
  if (sha256 === meta.source.sha256) return;
  throw new AsxhError(
    'registry_invalid',
    {
      vi:
        `Không dùng được bản chỉ mục ${quote(name)}: tệp xuất ${quote(basename(source))} đã thay đổi từ khi lập bản chỉ mục ` +
        `(SHA-256 ${sha256.slice(0, 12)}…, bản chỉ mục ghi ${meta.source.sha256.slice(0, 12)}…).`,
      en:
        `Cannot use the registry snapshot ${quote(name)}: the export ${quote(basename(source))} has changed since the snapshot was built from it ` +
        `(SHA-256 ${sha256.slice(0, 12)}…, the snapshot records ${meta.source.sha256.slice(0, 12)}…).`,
    },
    { vi: rebuild.vi.replace('EXPORT', source), en: rebuild.en.replace('EXPORT', source) },
  );
}

/** A workbook (an XLSX is a ZIP): told by its first bytes, like the snapshot. */
function isZip(path: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
