// `asxh registry index`: read a population-registry export once and save it as a snapshot that every later
// reconcile loads in a moment. The export is refreshed rarely and reused by many commune lists every night.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { AsxhError, EXIT, quote } from '../errors.js';
import { sha256File } from '../read/file-hash.js';
import { loadRegistry } from '../registry/load-registry.js';
import { hasSnapshotMagic } from '../registry/snapshot-read.js';
import { writeSnapshot } from '../registry/snapshot-write.js';
import { resolveFromFlags } from './common-options.js';
import { makeTerminal } from './terminal.js';
import { TOOL_VERSION } from './version.js';

interface IndexFlags {
  readonly out: string;
  readonly config?: string;
  readonly runDate?: string;
  readonly lang?: string;
  readonly quiet?: boolean;
  readonly logFormat?: 'text' | 'json';
}

const TEXT = {
  vi: {
    reading: (file: string) => `… đọc ${file}`,
    done: (rows: number, skipped: number, file: string, mb: string, s: string) =>
      `Đã lập chỉ mục ${rows} người (${skipped} dòng bỏ qua) vào ${file} (${mb} MB) trong ${s} giây`,
  },
  en: {
    reading: (file: string) => `… reading ${file}`,
    done: (rows: number, skipped: number, file: string, mb: string, s: string) =>
      `Indexed ${rows} people (${skipped} rows left out) into ${file} (${mb} MB) in ${s} s`,
  },
} as const;

export function registerRegistry(program: Command): void {
  const registry = program.command('registry').description('Work with the population-registry export');
  const index = registry
    .command('index')
    .description('Build a snapshot of a registry export that reconcile --registry loads in a moment')
    .argument('<export>', 'population-registry export (CSV or XLSX)')
    .requiredOption('-o, --out <file>', 'snapshot file to write (an earlier snapshot there is replaced)')
    .option('-c, --config <file>', 'settings file (default: asxh.config.json in this folder, if any)')
    .option('--run-date <yyyy-mm-dd>', 'date of the runs it is for: later birth dates are rejected (default: today)')
    .addOption(new Option('--lang <lang>', 'language of messages, help and workbooks').choices(['vi', 'en']))
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .addOption(new Option('--log-format <format>', 'stderr as text, or one JSON object a line').choices(['text', 'json']).default('text'));
  index.action(async (file: string, flags: IndexFlags) => {
    const started = Date.now();
    const { settings } = resolveFromFlags(flags);
    const t = TEXT[settings.lang];
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet), format: flags.logFormat });
    refuseToOverwrite(flags.out, file);
    if (hasSnapshotMagic(file)) {
      throw new AsxhError(
        'registry_invalid',
        {
          vi: `Không lập chỉ mục được ${quote(basename(file))}: tệp này đã là một bản chỉ mục.`,
          en: `Cannot index ${quote(basename(file))}: it is a registry snapshot already.`,
        },
        {
          vi: 'Đưa cho "registry index" tệp xuất (CSV hoặc XLSX) cần lập chỉ mục.',
          en: 'Give "registry index" the export (CSV or XLSX) the snapshot is to be built from.',
        },
      );
    }
    const runYear = Number(settings.runDate.slice(0, 4));
    terminal.info(t.reading(basename(file)));
    // The export as reconcile reads it: CSV, or a workbook told by its first bytes.
    const registry = await loadRegistry(file, { runYear });
    const { sha256, bytes } = registry.fileHash ?? (await sha256File(file));
    const mtimeMs = statSync(file).mtimeMs;
    const written = await writeSnapshot(registry, flags.out, {
      toolVersion: TOOL_VERSION,
      runYear,
      source: { name: basename(file), sha256, bytes, mtimeMs },
    });
    for (const warning of registry.warnings) terminal.warn(warning);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    terminal.info(t.done(registry.size, registry.skipped, flags.out, (written / 1e6).toFixed(0), seconds));
    process.exitCode = EXIT.ok;
  });
}

/** An earlier snapshot is replaced; any other file (the export itself, a list) is never overwritten. */
function refuseToOverwrite(out: string, source: string): void {
  let exists = false;
  try {
    const info = statSync(out);
    exists = true;
    if (info.isDirectory()) {
      throw new AsxhError(
        'usage',
        { vi: `Không ghi được bản chỉ mục vào ${quote(out)}: đây là một thư mục.`, en: `Cannot write the snapshot to ${quote(out)}: it is a folder.` },
        { vi: 'Chỉ tên một tệp bằng --out, ví dụ --out dan-cu.asxhreg.', en: 'Name a file with --out, e.g. --out dan-cu.asxhreg.' },
      );
    }
  } catch (err) {
    if (err instanceof AsxhError) throw err;
  }
  if (exists && !hasSnapshotMagic(out)) {
    throw new AsxhError(
      'output_exists',
      {
        vi: `Không ghi được bản chỉ mục vào ${quote(out)}: tệp này đã có và không phải bản chỉ mục${basename(out) === basename(source) ? ' (đó là tệp xuất)' : ''}.`,
        en: `Cannot write the snapshot to ${quote(out)}: that file exists and is not a registry snapshot${basename(out) === basename(source) ? ' (it is the export)' : ''}.`,
      },
      { vi: 'Chỉ tên một tệp mới bằng --out, ví dụ --out dan-cu.asxhreg.', en: 'Name a new file with --out, e.g. --out dan-cu.asxhreg.' },
    );
  }
}
