// `asxh verify RUN_DIR`: what an auditor runs to trust a past result. Checks that the recorded inputs are
// unchanged, re-runs from them with the recorded settings into a temporary folder, and compares every output
// byte for byte with what the run folder holds.
import { Option, type Command } from 'commander';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveSettings } from '../config/resolve-settings.js';
import type { Lang, SettingSource } from '../config/settings.js';
import { AsxhError, EXIT, quote } from '../errors.js';
import { sha256File } from '../read/file-hash.js';
import type { ManifestFile } from '../report/manifest.js';
import { reconcileInto } from './reconcile-command.js';
import { runLang } from './run-lang.js';
import { makeTerminal } from './terminal.js';
import type { PassedOver } from '../read/find-lists.js';

interface VerifyFlags {
  readonly base?: string;
  readonly quiet?: boolean;
  readonly lang?: Lang;
}

/** What verify says as it goes, in the language of the command (the re-run keeps the language of the run). */
const LINES = {
  vi: {
    inputMissing: (name: string, tried: string) => `thiếu đầu vào: ${name} (đã tìm ở ${tried})`,
    inputChanged: (name: string, then: string, now: string) => `đầu vào đã đổi: ${name} (sha256 đã ghi ${then}…, bây giờ ${now}…)`,
    inputUnchanged: (name: string) => `đầu vào không đổi: ${name}`,
    cannotRerun: (n: number) => `Không chạy lại được: ${n} đầu vào bị thiếu hoặc đã đổi từ lần chạy đó.`,
    runFromThere: (runDir: string) =>
      `Đường dẫn của đầu vào được ghi tính từ thư mục đã bắt đầu lần chạy: chạy verify từ thư mục đó, hoặc thêm --base THƯ_MỤC_ĐÓ (ví dụ asxh verify ${runDir} --base /data).`,
    checkBase: (base: string) => `Kiểm tra --base ${base} có đúng là thư mục đã bắt đầu lần chạy không.`,
    outputMissing: (out: string) => `thư mục của lần chạy thiếu kết quả: ${out}`,
    outputDiffers: (out: string, at: number) => `kết quả khác đi: ${out} (khác từ byte thứ ${at})`,
    outputIdentical: (out: string) => `kết quả giống hệt: ${out}`,
    verified: (runDir: string) => `Đã kiểm tra: mọi kết quả của ${runDir} được tạo lại đúng từng byte.`,
    differences: (n: number) => `Thấy ${n} chỗ khác.`,
  },
  en: {
    inputMissing: (name: string, tried: string) => `input missing: ${name} (looked for ${tried})`,
    inputChanged: (name: string, then: string, now: string) => `input changed: ${name} (sha256 ${then}… recorded, ${now}… now)`,
    inputUnchanged: (name: string) => `input unchanged: ${name}`,
    cannotRerun: (n: number) => `Cannot re-run: ${n} input(s) missing or changed since the run.`,
    runFromThere: (runDir: string) =>
      `The inputs' paths were recorded from the folder the run was started in: run verify from there, or pass --base THAT_FOLDER (e.g. asxh verify ${runDir} --base /data).`,
    checkBase: (base: string) => `Check that --base ${base} is the folder the run was started in.`,
    outputMissing: (out: string) => `output missing from the run folder: ${out}`,
    outputDiffers: (out: string, at: number) => `output differs: ${out} (first difference at byte ${at})`,
    outputIdentical: (out: string) => `output identical: ${out}`,
    verified: (runDir: string) => `Verified: every output of ${runDir} is reproduced byte for byte.`,
    differences: (n: number) => `${n} difference(s) found.`,
  },
} as const;

interface RecordedManifest {
  readonly tool: { readonly version: string };
  readonly command: string;
  readonly redact?: boolean;
  readonly settings: Record<string, unknown>;
  readonly settingSources: Record<string, SettingSource>;
  readonly inputs: readonly ManifestFile[];
  readonly outputs: readonly ManifestFile[];
  readonly payments?: { readonly override?: { readonly reason: string } | null } | null;
  /** A folder run: the files it passed over, given again so that its report.html is reproduced. */
  readonly passedOver?: readonly PassedOver[];
}

function readManifest(runDir: string): RecordedManifest {
  const path = join(runDir, 'manifest.json');
  if (!existsSync(path)) {
    throw new AsxhError(
      'input_missing',
      { vi: `Không kiểm tra được ${quote(runDir)}: thư mục không có manifest.json`, en: `Cannot verify ${quote(runDir)}: it holds no manifest.json` },
      {
        vi: 'Chỉ tên thư mục do một lần chạy reconcile ghi ra (thư mục có manifest.json).',
        en: 'Name the folder a reconcile run wrote (the one with manifest.json in it).',
      },
    );
  }
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as RecordedManifest;
    if (!m.inputs || !m.outputs || !m.settings) throw new Error('inputs, outputs or settings missing');
    return m;
  } catch (err) {
    const why = (err as Error).message;
    throw new AsxhError('input_corrupt', {
      vi: `Không kiểm tra được ${quote(runDir)}: không đọc được manifest.json (${why})`,
      en: `Cannot verify ${quote(runDir)}: manifest.json is not readable (${why})`,
    });
  }
}

function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Check a past run: its inputs are unchanged, and re-running them gives the same outputs byte for byte')
    .argument('<run-dir>', 'a folder written by asxh reconcile (holds manifest.json)')
    .option('--base <dir>', 'folder the recorded input paths are relative to (default: found from the run folder, else the working folder)')
    .option('-q, --quiet', 'print nothing but errors')
    .addOption(new Option('--lang <lang>', 'language of the messages (the re-run keeps the language of the run)').choices(['vi', 'en']))
    .action(async (runDir: string, flags: VerifyFlags) => {
      const terminal = makeTerminal({ quiet: Boolean(flags.quiet) });
      // As the other commands: --lang, else "lang" of the config file here, else Vietnamese.
      const t = LINES[flags.lang ?? runLang([])];
      const manifest = readManifest(runDir);
      if (manifest.command !== 'reconcile') {
        throw new AsxhError('usage', {
          vi: `Không kiểm tra được ${quote(runDir)}: chỉ chạy lại được các lần chạy reconcile, lần này là ${quote(manifest.command)}`,
          en: `Cannot verify ${quote(runDir)}: only reconcile runs can be re-run, this one was ${quote(manifest.command)}`,
        });
      }
      // Where each input is: a copy kept in the run folder; else under --base; else as recorded from the run
      // folder (where manifest.json is), else from the working folder.
      const base = flags.base !== undefined ? resolve(flags.base) : null;
      const places = (f: ManifestFile): string[] => {
        const recorded = f.path ?? f.name;
        if (f.inRun) return [resolve(runDir, recorded)];
        if (base !== null) return [resolve(base, recorded)];
        return [...new Set([...(f.fromRun !== undefined ? [resolve(runDir, f.fromRun)] : []), resolve(recorded)])];
      };
      const found = new Map<ManifestFile, string>();
      let problems = 0;
      let missing = 0;
      for (const input of manifest.inputs) {
        const tried = places(input);
        const path = tried.find((p) => existsSync(p));
        if (path === undefined) {
          terminal.error(t.inputMissing(input.name, tried.map((p) => quote(p)).join(', ')));
          problems++;
          if (!input.inRun) missing++;
          continue;
        }
        found.set(input, path);
        const now = await sha256File(path);
        if (now.sha256 !== input.sha256) {
          terminal.error(t.inputChanged(input.name, input.sha256.slice(0, 12), now.sha256.slice(0, 12)));
          problems++;
        } else terminal.info(t.inputUnchanged(input.name));
      }
      if (problems > 0) {
        terminal.error(t.cannotRerun(problems));
        if (missing > 0) terminal.error(base === null ? t.runFromThere(runDir) : t.checkBase(quote(flags.base!)));
        process.exitCode = EXIT.attention;
        return;
      }
      const { settings } = resolveSettings([{ origin: join(runDir, 'manifest.json'), source: 'file', values: manifest.settings }], new Date());
      const scratch = mkdtempSync(join(tmpdir(), 'asxh-verify-'));
      try {
        const pathOf = (f: ManifestFile) => found.get(f)!;
        await reconcileInto(
          { write: scratch, final: runDir },
          {
            lists: manifest.inputs.filter((i) => i.role === 'list').map((i) => ({ path: pathOf(i), name: i.name })),
            registryPath: pathOf(manifest.inputs.find((i) => i.role === 'registry')!),
            decisionsPath: manifest.inputs.some((i) => i.role === 'decisions') ? pathOf(manifest.inputs.find((i) => i.role === 'decisions')!) : null,
            paidLedgers: manifest.inputs.filter((i) => i.role === 'ledger').map(pathOf),
            overrideReason: manifest.payments?.override?.reason ?? null,
            settings,
            sources: manifest.settingSources,
            redact: Boolean(manifest.redact),
            ...(manifest.passedOver ? { passedOver: manifest.passedOver } : {}),
          },
          null,
        );
        // The recorded paths stand in the manifest; the re-run used absolute ones, so compare it on its files.
        for (const out of [...manifest.outputs.map((o) => o.name)]) {
          const original = join(runDir, out);
          const again = join(scratch, out);
          if (!existsSync(original)) {
            terminal.error(t.outputMissing(out));
            problems++;
            continue;
          }
          const a = readFileSync(original);
          const b = existsSync(again) ? readFileSync(again) : Buffer.alloc(0);
          if (Buffer.compare(a, b) !== 0) {
            terminal.error(t.outputDiffers(out, firstDifference(a, b)));
            problems++;
          } else terminal.info(t.outputIdentical(out));
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      terminal.info(problems === 0 ? t.verified(runDir) : t.differences(problems));
      process.exitCode = problems === 0 ? EXIT.ok : EXIT.attention;
    });
}
