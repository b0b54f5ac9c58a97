// The one place that orders the stages. Reading is the only file access here; everything from layout on is
// pure, so a whole run can be built in memory and written at the end.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { TOOL_VERSION } from './cli/version.js';
import type { Settings, SettingSource } from './config/settings.js';
import { applyDuplicateFlags } from './dedupe/apply-duplicate-flags.js';
import { findDuplicates } from './dedupe/find-duplicates.js';
import { AsxhError, EXIT, quote, textIn, type Said } from './errors.js';
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
import type { LedgerLine, PaymentsBuilt, PaySummary } from './pay/types.js';
import { buildCommuneFolders } from './report/commune-folders.js';
import { withPageHeader } from './write/page-header.js';
import { isTextName, type PassedOver } from './read/find-lists.js';
import { readInput, type InputRead } from './read/read-input.js';
import { readListsOnWorkers, readPoolSize, type ListOutcome } from './read/read-pool.js';
import { internCells, internStrings, StringPool } from './threads/intern-strings.js';
import { checkEntitlement } from './rules/check-entitlement.js';
import { exclusiveBenefits, markExclusiveBenefits } from './rules/exclusive-benefits.js';
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
import { adminUnits } from './places/admin-units.js';
import { placePeople } from './places/place-people.js';
import { majorityProvince, sampleAddresses } from './places/run-province.js';
import { settleDivided } from './places/settle-divided.js';
import { settleUnnamed } from './places/settle-unnamed.js';

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
  readonly format: InputRead['format'];
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
  return readInput(input.path, input.name, { encoding: settings.encoding, maxCells: settings.read.maxCells });
}

/** Layout and normalisation of every sheet of one input. A file with no beneficiary table at all is refused. */
export function prepareList(input: ListInput, read: InputRead, settings: Settings): PreparedList {
  const runYear = Number(settings.runDate.slice(0, 4));
  const sheets: ListSheet[] = [];
  const skippedSheets: SkippedSheet[] = [...read.skippedSheets];
  const refusals: Said[] = [];
  for (const raw of read.sheets) {
    const layout = detectLayout(raw, { map: settings.map });
    if (!layout.ok) {
      skippedSheets.push({ file: input.name, sheet: raw.sheet, reason: layout.reason });
      const seen = layout.sawCells.map((c) => quote(shownCell(c))).join(', ');
      refusals.push({
        vi: `${raw.sheet ? `trang tính ${quote(raw.sheet)}` : 'tệp'}: ${layout.reasonSaid.vi}; các ô tiêu đề thấy được: ${seen || 'không có'}`,
        en: `${raw.sheet ? `sheet ${quote(raw.sheet)}` : 'the file'}: ${layout.reason}; header cells seen: ${seen || 'none'}`,
      });
      continue;
    }
    const dateOrder = settings.dateOrder === 'auto' ? 'auto' : settings.dateOrder;
    const { people: normalized, dateOrder: order } = normalizeTable(layout.table, { dateOrder, date1904: raw.date1904, runYear });
    // Entitlement rules (src/rules): with a payment period, amounts and ages checked against the period's rules.
    const people = settings.pay.period ? checkEntitlement(normalized, { period: settings.pay.period, rules: settings.rules }) : normalized;
    sheets.push({ raw, table: layout.table, people, dateOrder: order });
  }
  if (sheets.length === 0) {
    throw new AsxhError(
      'input_no_header',
      {
        vi: `Không tìm thấy bảng danh sách đối tượng trong ${quote(input.name)}: không trang tính nào có dòng tiêu đề với cột họ tên.\n  ${refusals.map((r) => r.vi).join('\n  ')}`,
        en: `Cannot find a beneficiary table in ${quote(input.name)}: no sheet has a header row with a name column.\n  ${refusals.map((r) => r.en).join('\n  ')}`,
      },
      {
        vi: 'Kiểm tra đây có đúng là danh sách đối tượng, hoặc tự chỉ định cột, ví dụ --map name="Chủ hộ" --map birth_date="Sinh" (xem "asxh inspect --help").',
        en: 'Check that this is a beneficiary list, or name its columns by hand, e.g. --map name="Chủ hộ" --map birth_date="Sinh" (see "asxh inspect --help").',
      },
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

export interface ReadProgress {
  /** 1-based. */
  readonly index: number;
  readonly total: number;
  /** Rows read so far, and since when, for a rows/s figure. */
  readonly rows: number;
  readonly elapsedMs: number;
}

/** Read and prepare every list, in the order given; every row's commune in 2025 units (see places/). */
export async function loadLists(
  inputs: readonly ListInput[],
  settings: Settings,
  onFile?: (input: ListInput, progress: ReadProgress) => void,
  options: LoadOptions = {},
): Promise<PreparedList[]> {
  return (await readLists(inputs, settings, onFile, false, options)).lists;
}

export interface LoadOptions {
  /** Drop the sheets' cells once the people are made (see slimList): a run that only needs the people. */
  readonly slim?: boolean;
}

/**
 * The list without its sheets' grids and table rows, which nothing after normalisation reads (only `inspect`
 * shows them): on a province's night they are a few hundred MB, and the largest part of what a reading worker
 * would send back.
 */
export function slimList(list: PreparedList): PreparedList {
  return { ...list, sheets: list.sheets.map((s) => ({ ...s, raw: { ...s.raw, rows: [], merges: [] }, table: { ...s.table, rows: [] } })) };
}

/**
 * Folder mode: read and prepare every list, and pass over, with the reason, each one that cannot be read (its
 * input error) instead of stopping the run. A text file without a beneficiary table is not a list (not_a_list);
 * any other refusal makes the file unreadable. Errors that are not about an input still stop the run.
 */
export async function loadListsPassingOver(
  inputs: readonly ListInput[],
  settings: Settings,
  onFile?: (input: ListInput, progress: ReadProgress) => void,
  options: LoadOptions = {},
): Promise<{ lists: PreparedList[]; passedOver: PassedOver[] }> {
  return readLists(inputs, settings, onFile, true, options);
}

async function readLists(
  inputs: readonly ListInput[],
  settings: Settings,
  onFile: ((input: ListInput, progress: ReadProgress) => void) | undefined,
  passOver: boolean,
  options: LoadOptions,
): Promise<{ lists: PreparedList[]; passedOver: PassedOver[] }> {
  const slim = options.slim === true;
  const lists: PreparedList[] = [];
  const passedOver: PassedOver[] = [];
  const started = performance.now();
  let rows = 0;
  const workers = readPoolSize(inputs);
  let rowsAhead = 0;
  // Each list as it arrives, so that the copies a worker's list brings go before the next list comes.
  const pool = new StringPool();
  const outcomes: (ListOutcome | null)[] =
    workers > 0
      ? await readListsOnWorkers(
          inputs,
          settings,
          slim,
          workers,
          (i) => onFile?.(inputs[i]!, { index: i + 1, total: inputs.length, rows: rowsAhead, elapsedMs: performance.now() - started }),
          (o) => {
            if (!('list' in o)) return;
            internStrings(o.list, pool);
            rowsAhead += countList(o.list).rowsRead;
          },
        )
      : inputs.map(() => null);
  for (const [i, input] of inputs.entries()) {
    try {
      let outcome = outcomes[i];
      if (outcome === null || outcome === undefined) {
        onFile?.(input, { index: i + 1, total: inputs.length, rows, elapsedMs: performance.now() - started });
        const list = prepareList(input, await readList(input, settings), settings);
        outcome = { list: internStrings(slim ? slimList(list) : list, pool) };
      }
      if ('error' in outcome) throw outcome.error;
      const list = outcome.list;
      rows += countList(list).rowsRead;
      lists.push(list);
    } catch (error) {
      if (!passOver || !(error instanceof AsxhError) || error.exitCode !== EXIT.input) throw error;
      const notList = error.code === 'input_no_header' && isTextName(input.name);
      const message = error.message.split('\n')[0]!;
      const said = { vi: textIn(error.said, 'vi').split('\n')[0]!, en: message };
      passedOver.push({ name: input.name, reason: notList ? 'not_a_list' : 'unreadable', message, code: error.code, said });
    }
  }
  const rowsSay = majorityProvince(adminUnits(), lists.flatMap((l) => l.sheets.flatMap((s) => s.people.map((p) => p.writtenPlace?.province ?? null))));
  return { lists: placeLists(lists, settings.place.province || rowsSay, settings), passedOver };
}

/** The lists with each row's commune mapped to 2025 units within `province` (the run's, when known). */
export function placeLists(lists: readonly PreparedList[], province: string | null, settings: Settings): PreparedList[] {
  const options = { province, commune: settings.place.commune || null };
  return lists.map((l) => ({ ...l, sheets: l.sheets.map((s) => ({ ...s, people: placePeople(s.people, options).people })) }));
}

/** The lists with their people replaced by the results' (same order as the lists' people). */
function withResultPeople(lists: readonly PreparedList[], results: readonly MatchResult[]): PreparedList[] {
  let at = 0;
  return lists.map((l) => ({ ...l, sheets: l.sheets.map((s) => ({ ...s, people: s.people.map(() => results[at++]!.person) })) }));
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
  /**
   * Folder mode (--lists): the files of the folder already passed over. Given, a list that cannot be read is
   * passed over too (unreadable) and the run goes on with the others; absent, it stops the run.
   */
  readonly passedOver?: readonly PassedOver[];
}

export interface ReconcileRun {
  readonly lists: readonly PreparedList[];
  readonly results: readonly MatchResult[];
  /** Everything to write except manifest.json, which needs the written files' checksums. */
  readonly outputs: readonly OutputFile[];
  readonly inputs: readonly ManifestFile[];
  /** Folder mode: every file of the folder not read as a list, with its reason; null otherwise. */
  readonly passedOver: readonly PassedOver[] | null;
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
  /** Folder mode: the files passed over, in name order; null or absent when the lists were given one by one. */
  readonly passedOver?: readonly PassedOver[] | null;
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
  let passedOver: PassedOver[] | null = null;
  try {
    const onFile = (i: ListInput, p: ReadProgress): void => {
      const rate = p.rows > 0 && p.elapsedMs > 0 ? ` · ${Math.round((p.rows * 1000) / p.elapsedMs).toLocaleString('en-US')} rows/s` : '';
      onStage?.('read', `${p.index}/${p.total} files${rate} · ${i.name}`);
    };
    if (request.passedOver !== undefined) {
      const loaded = await loadListsPassingOver(request.lists, settings, onFile, { slim: true });
      lists = loaded.lists;
      passedOver = [...request.passedOver, ...loaded.passedOver].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } else {
      lists = await loadLists(request.lists, settings, onFile, { slim: true });
    }
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
      throw new AsxhError(
        'input_missing',
        { vi: `Không đọc được bảng kê đã chi ${quote(path)}: không có tệp này`, en: `Cannot read the paid ledger ${quote(path)}: no such file` },
        { vi: 'Kiểm tra lại đường dẫn của --paid-ledger.', en: 'Check the --paid-ledger path.' },
      );
    });
    previousLedger.push(...parseLedgerCsv(bytes.toString('utf8'), basename(path)));
    files.push({ role: 'ledger', name: basename(path), path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return { lists, registry, decisions, previousLedger, files, passedOver };
}

/** The run from what was read: match, decisions, duplicates, payments and every report, built in memory. Pure. */
export function reconcile(inputs: ReconcileInputs, request: Omit<ReconcileRequest, 'lists' | 'registryPath' | 'decisionsPath' | 'paidLedgers'>): ReconcileRun {
  const { settings, onStage } = request;
  const { registry } = inputs;
  const units = adminUnits();
  // A registry export is one province's: where the flags do not say the province, its addresses do.
  const province = settings.place.province || majorityProvince(units, sampleAddresses(registry.size, (i) => registry.get(i).address));
  let lists = province ? placeLists(inputs.lists, province, settings) : [...inputs.lists];
  const people = lists.flatMap((l) => l.sheets.flatMap((s) => s.people));
  let results = matchInSlices(people, registry, settings, onStage);
  const addressKeyOf = (id: string): string | null => {
    const hit = registry.findById(id);
    return hit.length === 0 ? null : registry.addressKeyAt(hit[0]!);
  };
  results = settleUnnamed(settleDivided(results, units, addressKeyOf), units, province || null, addressKeyOf);
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
  // Entitlement rules (src/rules): the old-age social allowance and the social pension of one person in the period.
  const exclusive = exclusiveBenefits(settings.pay.period);
  const dedupe = findDuplicates(results, settings.dedupe, {
    registryAddress: (id) => {
      const hit = registry.findById(id);
      return hit.length === 0 ? null : { address: registry.get(hit[0]!).address };
    },
    match: settings.match,
    ...(exclusive ? { exclusive } : {}),
  });
  results = applyDuplicateFlags(results, dedupe);
  if (exclusive) ({ results, lists } = markExclusiveBenefits(results, dedupe, lists, exclusive));
  lists = withResultPeople(lists, results);
  counts.duplicate_groups = dedupe.groups.filter((g) => g.kind === 'duplicate').length;
  counts.duplicate_review_groups = dedupe.groups.filter((g) => g.kind === 'review').length;
  counts.shared_accounts = dedupe.sharedAccounts.length;
  onStage?.('reports', `${results.length} rows`);
  // The files' cells repeat the same texts row after row, each made anew (a joined list of problems, a flag's
  // label): one copy of each, taken as each group of files is built (a province's night: 0.2-0.6 GB off the peak,
  // for about 5 s).
  const pool = new StringPool();
  const outputs: OutputFile[] = internCells(
    [
      ...buildCleanOutputs(toCleanInputs(lists), lists.flatMap((l) => l.skippedSheets)),
      ...buildMatchReport(results),
      buildReviewWorkbook(results, (i) => registry.get(i), shown),
      ...buildDuplicateReports(dedupe, results, settings.lang),
    ],
    pool,
  );
  let payments: PaySummary | null = null;
  let htmlPayments: HtmlPayments | undefined;
  let paid: { lines: PaymentsBuilt['lines']; exclusions: PaymentsBuilt['exclusions'] } | null = null;
  if (settings.pay.period) {
    onStage?.('pay', settings.pay.period);
    const built = buildPayments(results, settings.pay, {
      runDate: settings.runDate,
      previousLedger: inputs.previousLedger,
      allowedProgrammePairs: settings.dedupe.allowedProgrammePairs,
      ...(request.overrideReason !== null ? { override: { reason: request.overrideReason } } : {}),
      lang: settings.lang,
    });
    outputs.push(...internCells(built.files, pool));
    payments = built.summary;
    paid = { lines: built.lines, exclusions: built.exclusions };
    htmlPayments = {
      paid: built.ledger.map((l) => ({ file: l.sourceFile, sheet: l.sourceSheet, row: l.sourceRow, amount: l.amount })),
      exceptions: built.exclusions.map((e) => ({
        file: e.result.person.prov.file,
        sheet: e.result.person.prov.sheet,
        row: e.result.person.prov.row,
        reason: REASON_LABELS[e.reason],
        detail: textIn(e.detail, settings.lang),
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
  onStage?.('communes', `${results.length} rows`);
  const folders = buildCommuneFolders({
    clean: toCleanInputs(lists),
    results,
    lookup: (i) => registry.get(i),
    shown,
    payments: paid ? { ...paid, options: settings.pay } : null,
    lang: settings.lang,
  });
  // A list wholly of one commune prints that commune in its page header at the root too: the commune's copy is
  // then the same file, rendered once.
  for (let i = 0; i < outputs.length; i++) {
    const header = folders.rootHeaders.get(outputs[i]!.path);
    if (header) outputs[i] = withPageHeader(outputs[i]!, header);
  }
  outputs.push(...internCells(folders.files, pool));
  counts.communes = folders.communes.length;
  let rowsRead = 0;
  let skipped = 0;
  for (const l of lists) for (const s of l.sheets) { rowsRead += s.table.rowsRead; skipped += s.table.skipped.length; }
  Object.assign(counts, countResults(results), { rows_read: rowsRead, rows_skipped: skipped, people: results.length, registry_rows: registry.size });
  const passedOver = inputs.passedOver ?? null;
  if (passedOver !== null) {
    counts.inputs_passed_over = passedOver.length;
    counts.inputs_refused = passedOver.filter((p) => p.reason === 'unreadable').length;
  }
  outputs.push(
    buildHtmlReport({
      results,
      runDate: settings.runDate,
      toolVersion: TOOL_VERSION,
      lists: lists.map((l) => ({ file: l.input.name, ...countList(l) })),
      ...(passedOver !== null ? { passedOver } : {}),
      ...(htmlPayments ? { payments: htmlPayments } : {}),
      ...(folders.communes.length > 0 ? { communes: folders.communes } : {}),
      thresholds: { match: settings.match.matchThreshold, review: settings.match.reviewThreshold },
      redact: request.redact,
    }),
  );
  return { lists, results, outputs, inputs: inputs.files, passedOver, counts, registrySize: registry.size, payments };
}

/** A whole reconcile run: read everything, then build the result in memory (written by the caller). */
export async function runReconcile(request: ReconcileRequest): Promise<ReconcileRun> {
  return reconcile(await readReconcileInputs(request), request);
}
