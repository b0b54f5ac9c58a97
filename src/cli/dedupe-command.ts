// `asxh dedupe`: everyone listed more than once across the given lists, without a registry (rows are linked by
// personal ID and by fuzzy agreement on name, birth date and sex), and accounts shared by different people.
import type { Command } from 'commander';
import type { Lang } from '../config/settings.js';
import { findDuplicates } from '../dedupe/find-duplicates.js';
import type { DedupeResult } from '../dedupe/types.js';
import { unmatchedResults } from '../dedupe/unmatched-results.js';
import { EXIT } from '../errors.js';
import { loadLists, nameInputs } from '../pipeline.js';
import { buildDuplicateReports } from '../report/duplicates-report.js';
import { summaryText } from '../report/summary-text.js';
import { publishOutputs } from '../write/publish.js';
import { printCounts, tallyLists } from './clean-command.js';
import { addCommonOptions, addOutOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { makeTerminal } from './terminal.js';

interface DedupeFlags extends CommonFlags {
  readonly out: string;
  readonly force?: boolean;
}

const TEXT = {
  vi: {
    groups: (g: number, excluded: number, review: number) =>
      `Nhóm trùng: ${g} (loại ${excluded} dòng không chi trả; ${review} nhóm cần xem xét)`,
    shared: (n: number) => `Tài khoản dùng chung cho nhiều người: ${n}`,
    skipped: (n: number) => `Bỏ qua ${n} khối quá lớn khi so khớp gần đúng (xem dedupe.maxBlockRows)`,
  },
  en: {
    groups: (g: number, excluded: number, review: number) =>
      `Duplicate groups: ${g} (${excluded} rows excluded from payment; ${review} groups to review)`,
    shared: (n: number) => `Accounts shared by different people: ${n}`,
    skipped: (n: number) => `${n} blocks too large to compare fuzzily were skipped (see dedupe.maxBlockRows)`,
  },
} as const;

/** The summary lines of a dedupe, without personal data. */
export function dedupeSummary(dedupe: DedupeResult, lang: Lang): string[] {
  const t = TEXT[lang];
  const excluded = dedupe.groups.reduce((n, g) => n + g.members.filter((m) => m.decision === 'exclude').length, 0);
  const review = dedupe.groups.filter((g) => g.kind === 'review').length;
  const lines = [t.groups(dedupe.groups.length, excluded, review), t.shared(dedupe.sharedAccounts.length)];
  if (dedupe.skippedBlocks.length > 0) lines.push(t.skipped(dedupe.skippedBlocks.length));
  return lines;
}

export function registerDedupe(program: Command): void {
  const command = program
    .command('dedupe')
    .description('Find everyone listed more than once (within a list, across communes and programmes) and accounts shared by different people')
    .argument('<files...>', 'commune lists (.xlsx, .csv, .txt)');
  addOutOptions(command);
  addCommonOptions(command);
  command.action(async (files: string[], flags: DedupeFlags) => {
    const { settings } = resolveFromFlags(flags);
    const options = settings.dedupe;
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet) });
    const lists = await loadLists(nameInputs(files, process.cwd()), settings, (i) => terminal.info(`… ${i.name}`));
    const results = unmatchedResults(lists.flatMap((l) => l.sheets.flatMap((s) => s.people)));
    const dedupe = findDuplicates(results, options, { match: settings.match });
    const written = await publishOutputs(flags.out, buildDuplicateReports(dedupe, results, settings.lang), { force: Boolean(flags.force), created: new Date(`${settings.runDate}T00:00:00Z`) });
    printCounts(tallyLists(lists), settings, terminal);
    for (const line of dedupeSummary(dedupe, settings.lang)) terminal.info(line);
    terminal.info(summaryText(settings.lang).written(flags.out, written.length));
    process.exitCode = dedupe.groups.length > 0 || dedupe.sharedAccounts.length > 0 ? EXIT.attention : EXIT.ok;
  });
}
