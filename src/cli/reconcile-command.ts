// `asxh reconcile`: read the lists, match every person to the registry, apply review decisions, and write the
// match report, the review workbook, the cleaned lists and the manifest in one atomic step.
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { applyDecisions, parseDecisions, type Decision } from '../match/decisions.js';
import { matchPeople } from '../match/match-people.js';
import type { MatchResult } from '../match/types.js';
import { loadLists, nameInputs } from '../pipeline.js';
import { readInput } from '../read/read-input.js';
import { sha256File } from '../read/file-hash.js';
import { readRegistryCsv } from '../registry/read-registry-csv.js';
import type { Registry } from '../registry/registry.js';
import { buildCleanOutputs } from '../report/clean-outputs.js';
import { buildManifest, type ManifestFile } from '../report/manifest.js';
import { buildMatchReport } from '../report/match-report.js';
import { buildReviewWorkbook, type ShownDecision } from '../report/review-workbook.js';
import { summaryText } from '../report/summary-text.js';
import { writeOutputs } from '../write/write-outputs.js';
import { basename } from 'node:path';
import { printCounts, toCleanInputs } from './clean-command.js';
import { addCommonOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { prepareOutDir } from './out-dir.js';
import { makeTerminal } from './terminal.js';
import { TOOL_VERSION } from './version.js';

interface ReconcileFlags extends CommonFlags {
  readonly registry: string;
  readonly out: string;
  readonly decisions?: string;
  readonly force?: boolean;
}

const STATUSES = ['matched', 'review', 'unmatched', 'invalid'] as const;

function countResults(results: readonly MatchResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of STATUSES) counts[`status_${s}`] = 0;
  for (const r of results) {
    counts[`status_${r.status}`] = (counts[`status_${r.status}`] ?? 0) + 1;
    counts[`method_${r.method || 'none'}`] = (counts[`method_${r.method || 'none'}`] ?? 0) + 1;
    for (const f of r.flags) counts[`flag_${f}`] = (counts[`flag_${f}`] ?? 0) + 1;
  }
  return counts;
}

async function loadDecisions(path: string): Promise<{ decisions: Decision[]; file: ManifestFile }> {
  const name = basename(path);
  const read = await readInput(path, name, { encoding: null });
  const decisions = read.sheets.flatMap((s) => parseDecisions(s, name));
  return { decisions, file: { role: 'decisions', name, bytes: read.bytes, sha256: read.sha256 } };
}

function registryLookup(registry: Registry) {
  return (registryId: string) => {
    const hit = registry.findById(registryId);
    if (hit.length === 0) return { known: false, dead: false, deathDate: null };
    const person = registry.get(hit[0]!);
    return { known: true, dead: person.alive === false, deathDate: person.deathDate };
  };
}

export function registerReconcile(program: Command): void {
  const command = program
    .command('reconcile')
    .description('Match every person of the lists to the population registry, by ID and fuzzily when the ID fails, and say why')
    .argument('<lists...>', 'commune lists (.xlsx, .csv, .txt)')
    .requiredOption('-r, --registry <file>', 'population-registry export (CSV)')
    .requiredOption('-o, --out <dir>', 'folder to write into')
    .option('-d, --decisions <review.xlsx>', 'a filled review workbook: apply its decisions (method manual)')
    .option('-f, --force', 'replace files in a folder that is not empty');
  addCommonOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  asxh reconcile xa-an-phu.xlsx xa-binh-minh.xlsx --registry dan-cu.csv --out ket-qua
  asxh reconcile lists/*.xlsx --registry dan-cu.csv --out ket-qua --decisions ket-qua/review.xlsx --force
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --run-date 2026-12-01   reproduce a run

Writes into the folder: match-report.csv (for scripts), match-report.xlsx, review.xlsx (rows to decide),
cleaned/, skipped-rows.csv, problems.csv and manifest.json (settings, input and output checksums, counts).`,
  );
  command.action(async (files: string[], flags: ReconcileFlags) => {
    const { settings, sources } = resolveFromFlags(flags);
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet) });
    const t = summaryText(settings.lang);
    prepareOutDir(flags.out, Boolean(flags.force));
    const lists = await loadLists(nameInputs(files, process.cwd()), settings, (i) => terminal.info(`… ${i.name}`));
    terminal.info(`… ${basename(flags.registry)}`);
    const registry = await readRegistryCsv(flags.registry, { runYear: Number(settings.runDate.slice(0, 4)) });
    const registryHash = await sha256File(flags.registry);
    const people = lists.flatMap((l) => l.sheets.flatMap((s) => s.people));
    let results = matchPeople(people, registry, settings.match);
    let shown = new Map<MatchResult, ShownDecision>();
    const inputs: ManifestFile[] = lists.map((l) => ({ role: 'list', name: l.input.name, bytes: l.bytes, sha256: l.sha256 }));
    inputs.push({ role: 'registry', name: basename(flags.registry), bytes: registryHash.bytes, sha256: registryHash.sha256 });
    const counts: Record<string, number> = {};
    if (flags.decisions) {
      const { decisions, file } = await loadDecisions(flags.decisions);
      inputs.push(file);
      const applied = applyDecisions(results, decisions, registryLookup(registry));
      results = applied.results;
      shown = applied.shown;
      counts.decisions_applied = applied.applied;
      counts.decisions_stale = applied.stale;
    }
    const outputs = [
      ...buildCleanOutputs(toCleanInputs(lists), lists.flatMap((l) => l.skippedSheets)),
      ...buildMatchReport(results),
      buildReviewWorkbook(results, (i) => registry.get(i), shown),
    ];
    const created = new Date(`${settings.runDate}T00:00:00Z`);
    const written = await writeOutputs(flags.out, outputs, { created });
    let rowsRead = 0;
    let skipped = 0;
    for (const l of lists) for (const s of l.sheets) { rowsRead += s.table.rowsRead; skipped += s.table.skipped.length; }
    Object.assign(counts, countResults(results), { rows_read: rowsRead, rows_skipped: skipped, people: results.length, registry_rows: registry.size });
    const manifest = buildManifest({
      toolVersion: TOOL_VERSION,
      command: 'reconcile',
      settings,
      sources,
      inputs,
      outputs: written.map((w) => ({ role: 'output', name: w.path, bytes: w.bytes, sha256: w.sha256 })),
      counts,
    });
    await writeOutputs(flags.out, [manifest], { created });
    printCounts(lists, settings, terminal);
    const statusLine = STATUSES.map((s) => `${t.status[s]} ${counts[`status_${s}`] ?? 0}`).join(', ');
    terminal.info(t.statuses(statusLine));
    const deceased = counts.flag_deceased ?? 0;
    if (deceased > 0) terminal.info(t.deceased(deceased));
    terminal.info(t.written(flags.out, written.length + 1));
    const attention = (counts.status_review ?? 0) + (counts.status_unmatched ?? 0) + (counts.status_invalid ?? 0) + deceased;
    process.exitCode = attention > 0 ? EXIT.attention : EXIT.ok;
  });
}
