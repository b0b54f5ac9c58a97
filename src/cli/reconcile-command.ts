// `asxh reconcile`: the main job. With list files, writes into --out; with --lists DIR (batch mode for cron),
// writes a dated run folder under --out, under a lock, and points `latest` at it once it is complete.
import type { Command } from 'commander';
import { Option } from 'commander';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AsxhError, EXIT, quote, textIn } from '../errors.js';
import type { Lang } from '../config/settings.js';
import { nameInputs, runReconcile, type ListInput, type ReconcileRequest, type ReconcileRun } from '../pipeline.js';
import { issuerTitle, UNKNOWN_ISSUER } from '../pay/issuer-title.js';
import { periodText } from '../pay/list-titles.js';
import { scanLists, type PassedOver } from '../read/find-lists.js';
import { buildManifest } from '../report/manifest.js';
import { redactOutputs } from '../report/redact.js';
import { summaryText } from '../report/summary-text.js';
import { withPageHeader } from '../write/page-header.js';
import { inPublication, lockBeside, openPublication } from '../write/publish.js';
import { openRunFolder } from '../write/run-folder.js';
import { collectGarbage } from '../threads/collect-garbage.js';
import { writeOutputs } from '../write/write-outputs.js';
import { printCounts, tallyLists } from './clean-command.js';
import { addCommonOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { makeTerminal, type Terminal } from './terminal.js';
import { TOOL_VERSION } from './version.js';

interface ReconcileFlags extends CommonFlags {
  readonly registry: string;
  readonly out: string;
  readonly lists?: string;
  readonly decisions?: string;
  readonly force?: boolean;
  readonly redact?: boolean;
  readonly period?: string;
  readonly paidLedger?: readonly string[];
  readonly overrideReason?: string;
}

/** One reconcile as `reconcile` and `verify` run it: the pipeline's request, plus --redact. */
export type ReconcileJob = Omit<ReconcileRequest, 'onStage'>;

/**
 * Where the run keeps the decisions file it was given: the review loop writes the next review.xlsx over the one
 * the officer filled in, so the run keeps its own copy, and `asxh verify` re-runs from it.
 */
export const DECISIONS_COPY = 'inputs/decisions.xlsx';

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The manifest's inputs: the decisions as their copy in the run folder, every other input also from the run folder. */
function recordedInputs(dir: string, inputs: ReconcileRun['inputs'], decisions: Buffer | null): ReconcileRun['inputs'] {
  return inputs.map((i) => {
    if (i.role === 'decisions' && decisions !== null) {
      if (sha256(decisions) !== i.sha256) {
        const file = quote(i.path ?? i.name);
        throw new AsxhError(
          'input_corrupt',
          { vi: `Không giữ được tệp quyết định ${file}: tệp đã thay đổi trong lúc lần chạy đang đọc`, en: `Cannot keep the decisions ${file}: the file changed while the run read it` },
          { vi: 'Đóng tệp trong Excel rồi chạy lại.', en: 'Close it in Excel and run again.' },
        );
      }
      return { ...i, path: DECISIONS_COPY, inRun: true, copiedFrom: i.path };
    }
    if (i.path === undefined) return i;
    return { ...i, fromRun: relative(resolve(dir), resolve(i.path)).split(sep).join('/') };
  });
}

/** Where a run writes (a staging folder) and the folder that becomes, which the manifest's paths are relative to. */
export interface OutputPlace {
  readonly write: string;
  readonly final: string;
}

/** Stages that start with a full collection (see writableRun). */
const AFTER_MATCHING = new Set(['dedupe', 'reports', 'pay', 'communes']);

/**
 * The run, reduced to what writing and the summary need: the people, matches and registry are let go before the
 * files are rendered (on a province's night, most of a gigabyte the render workers can use).
 */
async function writableRun(job: ReconcileJob, decisions: Buffer | null, place: OutputPlace, terminal: Terminal | null) {
  let last = '';
  const onStage = (stage: string, detail: string): void => {
    // What a stage leaves behind, collected before the next one adds its own: the heap's peak is then the
    // run's live data, not that plus every stage's garbage.
    if (stage !== last && AFTER_MATCHING.has(stage)) collectGarbage();
    last = stage;
    terminal?.stage(stage, detail);
  };
  const run = await runReconcile({ ...job, onStage });
  const inputs = recordedInputs(place.final, run.inputs, decisions);
  terminal?.stage('write', `${run.outputs.length + 1} files`);
  // Every workbook's page header names the commune (when the run has one) and the period (when one is paid).
  const issuer = issuerTitle(job.settings.pay.issuer, run.results.map((r) => r.person.commune));
  const header = { commune: issuer === UNKNOWN_ISSUER ? null : issuer, period: job.settings.pay.period ? periodText(job.settings.pay.period) : null };
  const stamped = run.outputs.map((f) => withPageHeader(f, header));
  const outputs = job.redact ? redactOutputs(stamped) : stamped;
  const copy = decisions !== null ? [{ path: DECISIONS_COPY, kind: 'bytes' as const, data: decisions }] : [];
  return {
    files: [...outputs, ...copy],
    created: new Date(`${job.settings.runDate}T00:00:00Z`),
    inputs,
    passedOver: run.passedOver,
    counts: run.counts,
    payments: run.payments,
    tally: tallyLists(run.lists),
  };
}

/** Run and write one reconcile into `place`; returns the counts. Shared by `reconcile` and `verify`. */
export async function reconcileInto(place: OutputPlace, job: ReconcileJob, terminal: Terminal | null): Promise<Readonly<Record<string, number>>> {
  // Read before anything is written: the file may be the run folder's own review.xlsx, replaced below. A
  // redacted run is for sharing, so it keeps no unmasked copy (verify then needs the file where it was).
  const decisions = job.decisionsPath !== null && !job.redact ? await readFile(job.decisionsPath).catch(() => null) : null;
  const run = await writableRun(job, decisions, place, terminal);
  collectGarbage();
  const written = (await writeOutputs(place.write, run.files, { created: run.created })).filter((w) => w.path !== DECISIONS_COPY);
  const manifest = buildManifest({
    toolVersion: TOOL_VERSION,
    command: 'reconcile',
    settings: job.settings,
    sources: job.sources,
    redact: job.redact,
    inputs: run.inputs,
    passedOver: run.passedOver,
    outputs: written.map((w) => ({ role: 'output', name: w.path, bytes: w.bytes, sha256: w.sha256 })),
    counts: run.counts,
    payments: run.payments,
  });
  // Last, so a staging folder with a manifest holds the whole run.
  await writeOutputs(place.write, [manifest], { created: run.created });
  const c = run.counts;
  terminal?.stage('done', `${written.length + 1} files`, {
    files_read: run.tally.lists.length,
    files_passed_over: c.inputs_passed_over ?? 0,
    files_refused: c.inputs_refused ?? 0,
    rows: c.rows_read ?? 0,
    people: c.people ?? 0,
    matched: c.status_matched ?? 0,
    review: c.status_review ?? 0,
    unmatched: c.status_unmatched ?? 0,
    deceased: c.flag_deceased ?? 0,
    paid_lines: (c.pay_bank_lines ?? 0) + (c.pay_cash_lines ?? 0),
    amount: (c.pay_bank_amount ?? 0) + (c.pay_cash_amount ?? 0),
    communes: c.communes ?? 0,
  });
  if (terminal && run.passedOver) printPassedOver(run.passedOver, terminal, job.settings.lang);
  if (terminal) {
    const t = summaryText(job.settings.lang);
    printCounts(run.tally, job.settings, terminal);
    terminal.info(t.statuses((['matched', 'review', 'unmatched', 'invalid'] as const).map((s) => `${t.status[s]} ${c[`status_${s}`] ?? 0}`).join(', ')));
    if ((c.flag_deceased ?? 0) > 0) terminal.info(t.deceased(c.flag_deceased ?? 0));
    if (run.payments) terminal.info(t.payments(run.payments));
    else terminal.info(t.noPayments);
    terminal.info(t.written(place.final, written.length + 1));
  }
  return run.counts;
}

/**
 * One line each on stderr (and in the JSON log, with the file and reason as fields): unreadable lists as errors.
 * The line is in the run's language; the reason stays as its code, as error codes do, and the fields stay English.
 */
export function printPassedOver(files: readonly PassedOver[], terminal: Terminal, lang: Lang): void {
  for (const f of files) {
    const level = f.reason === 'unreadable' ? 'error' : 'warn';
    const message = f.said ? textIn(f.said, lang) : f.message;
    const line =
      lang === 'vi'
        ? f.reason === 'unreadable'
          ? `bỏ qua ${f.name}: không đọc được: ${message}`
          : `bỏ qua ${f.name}: ${f.reason} (${message})`
        : f.reason === 'unreadable'
          ? `passed over ${f.name}: unreadable: ${message}`
          : `passed over ${f.name}: ${f.reason} (${message})`;
    terminal.event(level, line, { event: 'passed_over', file: f.name, reason: f.reason, ...(f.code ? { code: f.code } : {}) });
  }
}

/** Rows that need a person: review, unmatched, invalid, deceased, duplicates. */
export function needsAttention(counts: Readonly<Record<string, number>>): boolean {
  const keys = ['status_review', 'status_unmatched', 'status_invalid', 'flag_deceased', 'flag_duplicate', 'flag_duplicate_review', 'pay_exceptions'];
  return keys.some((k) => (counts[k] ?? 0) > 0);
}

export function registerReconcile(program: Command): void {
  const command = program
    .command('reconcile')
    .description('Match every person of the lists to the population registry, by ID and fuzzily when the ID fails, and say why')
    .argument('[lists...]', 'commune lists (.xlsx, .xlsm, .xls, .ods, .csv, .txt)')
    .requiredOption('-r, --registry <file>', 'population-registry export (CSV or XLSX), or a snapshot from "asxh registry index"')
    .requiredOption('-o, --out <dir>', 'folder to write into (with --lists: the root of dated run folders)')
    .option('-l, --lists <dir>', 'batch mode: every list (.xlsx/.xlsm/.xls/.ods/.csv/.tsv/.txt) in this folder tree; others are passed over, each named with its reason')
    .option('-d, --decisions <review.xlsx>', 'a filled review workbook: apply its decisions (method manual)')
    .option('-p, --period <yyyy-mm>', 'month paid: also write the payment files (bank batches, cash list, ledger)')
    .option('--paid-ledger <ledger.csv>', 'ledger of payments already issued: nobody in it is paid again (repeatable)', (v: string, prev: string[]) => [...prev, v], [])
    .option('--override-reason <text>', 'pay again people found in --paid-ledger, for this reason (recorded in the manifest)')
    .option('-f, --force', 'replace the files of an earlier run in the output folder')
    .addOption(new Option('--redact', 'mask IDs and account numbers in every output, for sharing'));
  addCommonOptions(command);
  command.action(async (files: string[], flags: ReconcileFlags) => {
    const { settings, sources } = resolveFromFlags(flags, flags.period !== undefined ? { pay: { period: flags.period } } : {});
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet), format: flags.logFormat });
    if (files.length > 0 && flags.lists) {
      throw new AsxhError(
        'usage',
        { vi: 'Không dùng được cùng lúc tệp danh sách và --lists: chỉ chọn một trong hai', en: 'Cannot take both list files and --lists: give one or the other' },
        { vi: 'asxh reconcile --lists THƯ_MỤC …, hoặc asxh reconcile TỆP… ', en: 'asxh reconcile --lists FOLDER …, or asxh reconcile FILE… ' },
      );
    }
    if ((flags.paidLedger ?? []).length > 0 && !settings.pay.period) {
      throw new AsxhError(
        'usage',
        {
          vi: 'Không dùng được --paid-ledger khi chưa có tháng chi trả: bảng kê dùng để chặn chi trùng trong một tháng',
          en: 'Cannot use --paid-ledger without a period: the ledger guards the payments of a month',
        },
        { vi: 'Thêm --period YYYY-MM (tháng đang chi trả), hoặc bỏ --paid-ledger.', en: 'Add --period YYYY-MM (the month being paid), or leave --paid-ledger out.' },
      );
    }
    if (flags.overrideReason !== undefined && (flags.paidLedger ?? []).length === 0) {
      throw new AsxhError(
        'usage',
        {
          vi: 'Không dùng được --override-reason khi không có --paid-ledger: không có khoản đã chi nào để chi lại',
          en: 'Cannot use --override-reason without --paid-ledger: there is no earlier payment to override',
        },
        {
          vi: 'Đưa bảng kê các khoản đã chi bằng --paid-ledger, hoặc bỏ --override-reason.',
          en: 'Give the ledger of the earlier payments with --paid-ledger, or leave --override-reason out.',
        },
      );
    }
    if (flags.overrideReason !== undefined && flags.overrideReason.trim() === '') {
      throw new AsxhError(
        'usage',
        {
          vi: 'Không dùng được --override-reason để trống: lý do được ghi vào manifest và bảng kê',
          en: 'Cannot use an empty --override-reason: the reason is recorded in the manifest and the ledger',
        },
        {
          vi: 'Ghi rõ vì sao chi lại cho những người này, ví dụ --override-reason "Truy lĩnh theo QĐ 123/QĐ-UBND".',
          en: 'Say why these people are paid again, e.g. --override-reason "Truy lĩnh theo QĐ 123/QĐ-UBND".',
        },
      );
    }
    if (files.length === 0 && !flags.lists) {
      throw new AsxhError(
        'usage',
        { vi: 'Không có gì để đối soát: chưa đưa tệp danh sách nào, cũng không có thư mục --lists', en: 'Nothing to reconcile: no list files and no --lists folder given' },
        { vi: 'Ví dụ: asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua', en: 'For example: asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua' },
      );
    }
    const job = (lists: readonly ListInput[]): ReconcileJob => ({
      lists,
      registryPath: flags.registry,
      decisionsPath: flags.decisions ?? null,
      paidLedgers: flags.paidLedger ?? [],
      overrideReason: flags.overrideReason ?? null,
      settings,
      sources,
      redact: Boolean(flags.redact),
    });
    let counts: Readonly<Record<string, number>>;
    if (flags.lists) {
      refuseOutInsideLists(flags.out, flags.lists);
      const scan = scanLists(flags.lists, [resolve(flags.out)]);
      if (scan.lists.length === 0) {
        const some = scan.passedOver.slice(0, 5).map((p) => `${p.name}: ${p.reason}`).join(', ');
        const n = scan.passedOver.length;
        const passed = n > 0 ? { vi: ` (${n} tệp khác bị bỏ qua: ${some})`, en: ` (${n} other files passed over: ${some})` } : { vi: '', en: '' };
        throw new AsxhError(
          'input_missing',
          {
            vi: `Không tìm thấy danh sách nào trong ${JSON.stringify(flags.lists)}: cây thư mục không có tệp .xlsx, .xlsm, .xls, .ods, .csv, .tsv hay .txt nào${passed.vi}`,
            en: `Cannot find any list in ${JSON.stringify(flags.lists)}: no .xlsx, .xlsm, .xls, .ods, .csv, .tsv or .txt file in the folder tree${passed.en}`,
          },
          { vi: 'Kiểm tra lại đường dẫn của --lists.', en: 'Check the --lists path.' },
        );
      }
      const folder = openRunFolder(flags.out, settings.runDate, Boolean(flags.force));
      try {
        counts = await reconcileInto({ write: folder.dir, final: folder.target }, { ...job(scan.lists), passedOver: scan.passedOver }, terminal);
        folder.publish();
      } catch (err) {
        folder.discard();
        throw err;
      } finally {
        folder.release();
      }
    } else {
      const publication = openPublication(flags.out, { force: Boolean(flags.force), lock: lockBeside(flags.out), carryOver: true });
      counts = await inPublication(publication, (staging) => reconcileInto({ write: staging, final: publication.target }, job(nameInputs(files, process.cwd())), terminal));
    }
    // Lists refused in folder mode outrank rows to look at: a commune's people are missing from the run.
    process.exitCode = (counts.inputs_refused ?? 0) > 0 ? EXIT.inputs_refused : needsAttention(counts) ? EXIT.attention : EXIT.ok;
  });
}

/** --out equal to or inside --lists: the run would read its own outputs as lists the next night. */
function refuseOutInsideLists(out: string, lists: string): void {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      // Not made yet: its nearest existing folder decides, with the rest of the path as written.
      const parent = dirname(p);
      return parent === p ? p : join(real(parent), basename(p));
    }
  };
  const o = real(resolve(out));
  const l = real(resolve(lists));
  const rel = relative(l, o);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new AsxhError(
      'usage',
      {
        vi: `Không ghi được lần chạy vào ${quote(out)}: thư mục này ${rel === '' ? 'chính là thư mục --lists' : `nằm trong thư mục --lists ${quote(lists)}`}, nên lần chạy sau sẽ đọc kết quả như danh sách`,
        en: `Cannot write the run into ${quote(out)}: it is ${rel === '' ? 'the --lists folder itself' : `inside the --lists folder ${quote(lists)}`}, so the next run would read its outputs as lists`,
      },
      { vi: 'Chọn thư mục --out ở ngoài thư mục danh sách, ví dụ ngay bên cạnh.', en: 'Choose an --out folder outside the lists folder, e.g. beside it.' },
    );
  }
}
