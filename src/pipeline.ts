// The one place that orders the stages. Reading is the only file access here; everything from layout on is
// pure, so a whole run can be built in memory and written at the end.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { TOOL_VERSION } from './cli/version.js';
import type { Settings, SettingSource } from './config/settings.js';
import { applyDuplicateFlags } from './dedupe/apply-duplicate-flags.js';
import { findDuplicates } from './dedupe/find-duplicates.js';
import { AsxhError, quote } from './errors.js';
import { detectLayout } from './layout/detect-layout.js';
import { shownCell } from './layout/shown-cell.js';
import { applyDecisions, parseDecisions, type Decision } from './match/decisions.js';
import { matchPeople } from './match/match-people.js';
import type { MatchResult } from './match/types.js';
import type { DateOrder } from './normalize/birth-date.js';
import { normalizeTable } from './normalize/person.js';
import { buildPayments } from './pay/build-payments.js';
import { parseLedgerCsv } from './pay/parse-ledger-csv.js';
import { REASON_LABELS } from './pay/reason-labels.js';
import type { LedgerLine, PaySummary } from './pay/types.js';
import { readInput, type InputRead } from './read/read-input.js';
import type { Registry } from './registry/registry.js';
import { startRegistryLoad } from './registry/start-registry-load.js';
import { buildCleanOutputs, type CleanInput } from './report/clean-outputs.js';
import { buildDuplicateReports } from './report/duplicates-report.js';
import { buildHtmlReport } from './report/html/build-html-report.js';
import type { HtmlPayments } from './report/html/html-report-input.js';
import type { ManifestFile } from './report/manifest.js';
import { buildMatchReport } from './report/match-report.js';
import { buildReviewWorkbook, type ShownDecision } from './report/review-workbook.js';
import type { Person, RawSheet, SkippedSheet, Table } from './types.js';
import type { OutputFile } from './write/output-spec.js';

export interface ListInput {
  /** The path as given on the command line. */
  readonly path: string;
  /** The name reports show. */
  readonly name: string;
}

export interface ListSheet {
  readonly raw: RawSheet;
  readonly table: Table;
  readonly people: readonly Person[];
  readonly dateOrder: { readonly order: DateOrder; readonly settled: boolean; readonly evidence: string };
}

export interface PreparedList {
  readonly input: ListInput;
  readonly format: 'xlsx' | 'csv';
  readonly sha256: string;
  readonly bytes: number;
  readonly sheets: readonly ListSheet[];
  readonly skippedSheets: readonly SkippedSheet[];
}

export interface ListCounts {
  readonly rowsRead: number;
  readonly people: number;
  readonly skipped: number;
}

/**
 * Names reports use for the inputs: the base name, or the path relative to the working folder where two
 * inputs share a base name (lists of several communes are often all called "danh sach.xlsx").
 */
export function nameInputs(paths: readonly string[], cwd: string): ListInput[] {
  const bases = paths.map((p) => basename(p));
  return paths.map((path, i) => {
    const clash = bases.filter((b) => b === bases[i]).length > 1;
    return { path, name: clash ? relative(cwd, resolve(cwd, path)).split('\\').join('/') : bases[i]! };
  });
}

export async function readList(input: ListInput, settings: Settings): Promise<InputRead> {
  return readInput(input.path, input.name, { encoding: settings.encoding });
}

/** Layout and normalisation of every sheet of one input. A file with no beneficiary table at all is refused. */
export function prepareList(input: ListInput, read: InputRead, settings: Settings): PreparedList {
  const runYear = Number(settings.runDate.slice(0, 4));
  const sheets: ListSheet[] = [];
  const skippedSheets: SkippedSheet[] = [...read.skippedSheets];
  const refusals: string[] = [];
  for (const raw of read.sheets) {
    const layout = detectLayout(raw, { map: settings.map });
    if (!layout.ok) {
      skippedSheets.push({ file: input.name, sheet: raw.sheet, reason: layout.reason });
      const where = raw.sheet ? `sheet ${quote(raw.sheet)}` : 'the file';
      refusals.push(`${where}: ${layout.reason}; header cells seen: ${layout.sawCells.map((c) => quote(shownCell(c))).join(', ') || 'none'}`);
      continue;
    }
    const dateOrder = settings.dateOrder === 'auto' ? 'auto' : settings.dateOrder;
    const { people, dateOrder: order } = normalizeTable(layout.table, { dateOrder, date1904: raw.date1904, runYear });
    sheets.push({ raw, table: layout.table, people, dateOrder: order });
  }
  if (sheets.length === 0) {
    throw new AsxhError(
      'input_no_header',
      `Cannot find a beneficiary table in ${quote(input.name)}: no sheet has a header row with a name column.\n  ${refusals.join('\n  ')}`,
      'Check that this is a beneficiary list, or name its columns by hand, e.g. --map name="Chủ hộ" --map birth_date="Sinh" (see "asxh inspect --help").',
    );
  }
  return { input, format: read.format, sha256: read.sha256, bytes: read.bytes, sheets, skippedSheets };
}

export function countList(list: PreparedList): ListCounts {
  let rowsRead = 0;
  let people = 0;
  let skipped = 0;
  for (const s of list.sheets) {
    rowsRead += s.table.rowsRead;
    people += s.people.length;
    skipped += s.table.skipped.length;
  }
  return { rowsRead, people, skipped };
}

/** The prepared lists as the cleaned-list outputs take them. */
export function toCleanInputs(lists: readonly PreparedList[]): CleanInput[] {
  return lists.map((l) => ({
    file: l.input.name,
    sheets: l.sheets.map((s) => ({ sheet: s.raw.sheet, table: s.table, people: s.people, warnings: s.raw.warnings })),
  }));
}

/** Read and prepare every list, in the order given. */
export async function loadLists(inputs: readonly ListInput[], settings: Settings, onFile?: (input: ListInput) => void): Promise<PreparedList[]> {
  const lists: PreparedList[] = [];
  for (const input of inputs) {
    onFile?.(input);
    const read = await readList(input, settings);
    lists.push(prepareList(input, read, settings));
  }
  return lists;
}

// ---------------------------------------------------------------- reconcile

export interface ReconcileRequest {
  readonly lists: readonly ListInput[];
  readonly registryPath: string;
  readonly decisionsPath: string | null;
  /** Ledgers already issued for earlier runs: nobody in them is paid again for the same period and programme. */
  readonly paidLedgers: readonly string[];
  /** Pay again people found in the paid ledgers, for this reason (recorded in the manifest). */
  readonly overrideReason: string | null;
  readonly settings: Settings;
  readonly sources: Readonly<Record<string, SettingSource>>;
  /** Shareable outputs: the HTML report masks names too. */
  readonly redact: boolean;
  /** Called as each stage starts, for progress lines. */
  readonly onStage?: (stage: string, detail: string) => void;
}

export interface ReconcileRun {
  readonly lists: readonly PreparedList[];
  readonly results: readonly MatchResult[];
  /** Everything to write except manifest.json, which needs the written files' checksums. */
  readonly outputs: readonly OutputFile[];
  readonly inputs: readonly ManifestFile[];
  readonly counts: Readonly<Record<string, number>>;
  readonly registrySize: number;
  /** Null when no payment period is set. */
  readonly payments: PaySummary | null;
}

const STATUSES = ['matched', 'review', 'unmatched', 'invalid'] as const;

export function countResults(results: readonly MatchResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of STATUSES) counts[`status_${s}`] = 0;
  for (const r of results) {
    counts[`status_${r.status}`] = (counts[`status_${r.status}`] ?? 0) + 1;
    counts[`method_${r.method || 'none'}`] = (counts[`method_${r.method || 'none'}`] ?? 0) + 1;
    for (const f of r.flags) counts[`flag_${f}`] = (counts[`flag_${f}`] ?? 0) + 1;
  }
  return counts;
}

function registryLookup(registry: Registry) {
  return (registryId: string) => {
    const hit = registry.findById(registryId);
    if (hit.length === 0) return { known: false, dead: false, deathDate: null };
    const person = registry.get(hit[0]!);
    return { known: true, dead: person.alive === false, deathDate: person.deathDate };
  };
}

/** Match people in slices so that progress can be shown; each person is matched on its own. */
function matchInSlices(people: readonly Person[], registry: Registry, settings: Settings, onStage?: ReconcileRequest['onStage']): MatchResult[] {
  const out: MatchResult[] = [];
  const slice = 2000;
  for (let at = 0; at < people.length; at += slice) {
    onStage?.('match', `${Math.min(at + slice, people.length)}/${people.length}`);
    out.push(...matchPeople(people.slice(at, at + slice), registry, settings.match));
  }
  return out;
}

/** Everything a reconcile run reads, read and checksummed: the only file access of a run. */
export interface ReconcileInputs {
  readonly lists: readonly PreparedList[];
  readonly registry: Registry;
  readonly decisions: readonly Decision[] | null;
  readonly previousLedger: readonly LedgerLine[];
  /** For the manifest: every input's role, name, path, size and SHA-256. */
  readonly files: readonly ManifestFile[];
}

export async function readReconcileInputs(request: ReconcileRequest): Promise<ReconcileInputs> {
  const { settings, onStage } = request;
  const registryName = basename(request.registryPath);
  const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
  // The registry loads on a worker thread while the lists are read here. Its progress is held back until the
  // lists are read, so that their progress lines are not drowned out; the latest is shown then.
  const progress = { shown: false, latest: null as string | null };
  const registryLoad = startRegistryLoad(request.registryPath, {
    runYear: Number(settings.runDate.slice(0, 4)),
    onProgress: (read, total) => {
      const line = `${registryName} ${mb(read)} of ${mb(total)} indexed`;
      if (progress.shown) onStage?.('registry', line);
      else progress.latest = line;
    },
  });
  let lists: PreparedList[];
  try {
    lists = await loadLists(request.lists, settings, (i) => onStage?.('read', i.name));
  } catch (err) {
    // A list's error is the one reported, as when the registry was read after the lists.
    registryLoad.cancel();
    throw err;
  }
  const files: ManifestFile[] = lists.map((l) => ({ role: 'list', name: l.input.name, path: l.input.path, bytes: l.bytes, sha256: l.sha256 }));
  onStage?.('registry', registryName);
  progress.shown = true;
  if (progress.latest !== null) onStage?.('registry', progress.latest);
  const { registry, fileHash } = await registryLoad.result();
  files.push({ role: 'registry', name: registryName, path: request.registryPath, ...fileHash });
  let decisions: Decision[] | null = null;
  if (request.decisionsPath) {
    const name = basename(request.decisionsPath);
    const read = await readInput(request.decisionsPath, name, { encoding: null });
    decisions = read.sheets.flatMap((s) => parseDecisions(s, name));
    files.push({ role: 'decisions', name, path: request.decisionsPath, bytes: read.bytes, sha256: read.sha256 });
  }
  const previousLedger: LedgerLine[] = [];
  for (const path of request.paidLedgers) {
    const bytes = await readFile(path).catch(() => {
      throw new AsxhError('input_missing', `Cannot read the paid ledger ${quote(path)}: no such file`, 'Check the --paid-ledger path.');
    });
    previousLedger.push(...parseLedgerCsv(bytes.toString('utf8'), basename(path)));
    files.push({ role: 'ledger', name: basename(path), path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return { lists, registry, decisions, previousLedger, files };
}

/** The run from what was read: match, decisions, duplicates, payments and every report, built in memory. Pure. */
export function reconcile(inputs: ReconcileInputs, request: Omit<ReconcileRequest, 'lists' | 'registryPath' | 'decisionsPath' | 'paidLedgers'>): ReconcileRun {
  const { settings, onStage } = request;
  const { lists, registry } = inputs;
  const people = lists.flatMap((l) => l.sheets.flatMap((s) => s.people));
  let results = matchInSlices(people, registry, settings, onStage);
  const counts: Record<string, number> = {};
  let shown = new Map<MatchResult, ShownDecision>();
  if (inputs.decisions) {
    const applied = applyDecisions(results, inputs.decisions, registryLookup(registry));
    results = applied.results;
    shown = applied.shown;
    counts.decisions_applied = applied.applied;
    counts.decisions_stale = applied.stale;
  }
  onStage?.('dedupe', `${results.length} rows`);
  const dedupe = findDuplicates(results, settings.dedupe, {
    registryAddress: (id) => {
      const hit = registry.findById(id);
      return hit.length === 0 ? null : { address: registry.get(hit[0]!).address };
    },
    match: settings.match,
  });
  results = applyDuplicateFlags(results, dedupe);
  counts.duplicate_groups = dedupe.groups.filter((g) => g.kind === 'duplicate').length;
  counts.duplicate_review_groups = dedupe.groups.filter((g) => g.kind === 'review').length;
  counts.shared_accounts = dedupe.sharedAccounts.length;
  onStage?.('reports', `${results.length} rows`);
  const outputs: OutputFile[] = [
    ...buildCleanOutputs(toCleanInputs(lists), lists.flatMap((l) => l.skippedSheets)),
    ...buildMatchReport(results),
    buildReviewWorkbook(results, (i) => registry.get(i), shown),
    ...buildDuplicateReports(dedupe, results),
  ];
  let payments: PaySummary | null = null;
  let htmlPayments: HtmlPayments | undefined;
  if (settings.pay.period) {
    onStage?.('pay', settings.pay.period);
    const built = buildPayments(results, settings.pay, {
      runDate: settings.runDate,
      previousLedger: inputs.previousLedger,
      allowedProgrammePairs: settings.dedupe.allowedProgrammePairs,
      ...(request.overrideReason !== null ? { override: { reason: request.overrideReason } } : {}),
    });
    outputs.push(...built.files);
    payments = built.summary;
    htmlPayments = {
      paid: built.ledger.map((l) => ({ file: l.sourceFile, sheet: l.sourceSheet, row: l.sourceRow, amount: l.amount })),
      exceptions: built.exclusions.map((e) => ({
        file: e.result.person.prov.file,
        sheet: e.result.person.prov.sheet,
        row: e.result.person.prov.row,
        reason: REASON_LABELS[e.reason],
        detail: e.detail,
      })),
    };
    Object.assign(counts, {
      pay_bank_lines: built.summary.bankLines,
      pay_bank_amount: built.summary.bankAmount,
      pay_cash_lines: built.summary.cashLines,
      pay_cash_amount: built.summary.cashAmount,
      pay_exceptions: built.summary.exceptions,
    });
  }
  let rowsRead = 0;
  let skipped = 0;
  for (const l of lists) for (const s of l.sheets) { rowsRead += s.table.rowsRead; skipped += s.table.skipped.length; }
  Object.assign(counts, countResults(results), { rows_read: rowsRead, rows_skipped: skipped, people: results.length, registry_rows: registry.size });
  outputs.push(
    buildHtmlReport({
      results,
      runDate: settings.runDate,
      toolVersion: TOOL_VERSION,
      lists: lists.map((l) => ({ file: l.input.name, ...countList(l) })),
      ...(htmlPayments ? { payments: htmlPayments } : {}),
      thresholds: { match: settings.match.matchThreshold, review: settings.match.reviewThreshold },
      redact: request.redact,
    }),
  );
  return { lists, results, outputs, inputs: inputs.files, counts, registrySize: registry.size, payments };
}

/** A whole reconcile run: read everything, then build the result in memory (written by the caller). */
export async function runReconcile(request: ReconcileRequest): Promise<ReconcileRun> {
  return reconcile(await readReconcileInputs(request), request);
}
