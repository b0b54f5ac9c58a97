// `asxh clean`: cleaned workbooks and CSVs, skipped rows and problems, with counts that prove no row was lost.
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { countList, loadLists, nameInputs, toCleanInputs, type PreparedList } from '../pipeline.js';
import { buildCleanOutputs } from '../report/clean-outputs.js';
import { summaryText } from '../report/summary-text.js';
import { publishOutputs } from '../write/publish.js';
import { addCommonOptions, addOutOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { makeTerminal, type Terminal } from './terminal.js';
import type { Settings } from '../config/settings.js';

interface CleanFlags extends CommonFlags {
  readonly out: string;
  readonly force?: boolean;
}

/** Per-list and total counts on stderr: rows read = people + skipped, the proof that no row was lost. */
/** What the summary says of each list, counted while the lists are still held (reconcile lets them go before writing). */
export interface ListTally {
  readonly lists: readonly { readonly name: string; readonly rowsRead: number; readonly people: number; readonly skipped: number }[];
  readonly withProblems: number;
}

export function tallyLists(lists: readonly PreparedList[]): ListTally {
  let withProblems = 0;
  for (const list of lists) for (const s of list.sheets) withProblems += s.people.filter((p) => p.problems.some((x) => x.severity !== 'info')).length;
  return { lists: lists.map((list) => ({ name: list.input.name, ...countList(list) })), withProblems };
}

export function printCounts(tally: ListTally, settings: Settings, terminal: Terminal): { people: number; withProblems: number } {
  const t = summaryText(settings.lang);
  let read = 0;
  let people = 0;
  let skipped = 0;
  for (const c of tally.lists) {
    terminal.info(t.listLine(c.name, c.rowsRead, c.people, c.skipped));
    read += c.rowsRead;
    people += c.people;
    skipped += c.skipped;
  }
  if (tally.lists.length > 1) terminal.info(t.total(read, people, skipped));
  terminal.info(t.problems(tally.withProblems, people));
  return { people, withProblems: tally.withProblems };
}

export function registerClean(program: Command): void {
  const command = program
    .command('clean')
    .description('Write cleaned lists (.xlsx for people, .csv for machines), skipped-rows.csv and problems.csv')
    .argument('<files...>', 'commune lists (.xlsx, .csv, .txt)');
  addOutOptions(command);
  addCommonOptions(command);
  command.action(async (files: string[], flags: CleanFlags) => {
    const { settings } = resolveFromFlags(flags);
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet) });
    const lists = await loadLists(nameInputs(files, process.cwd()), settings);
    const outputs = buildCleanOutputs(toCleanInputs(lists), lists.flatMap((l) => l.skippedSheets));
    const written = await publishOutputs(flags.out, outputs, { force: Boolean(flags.force), created: new Date(`${settings.runDate}T00:00:00Z`) });
    const { withProblems } = printCounts(tallyLists(lists), settings, terminal);
    terminal.info(summaryText(settings.lang).written(flags.out, written.length));
    process.exitCode = withProblems > 0 ? EXIT.attention : EXIT.ok;
  });
}
