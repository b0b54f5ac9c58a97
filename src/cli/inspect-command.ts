// `asxh inspect`: what the tool sees in each list, before anything is written. The report the user asked
// for goes to stdout; personal data in it is masked.
import type { Command } from 'commander';
import { EXIT } from '../errors.js';
import { nameInputs, loadLists } from '../pipeline.js';
import { describeList } from '../report/inspect-report.js';
import { addCommonOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { makeTerminal } from './terminal.js';

interface InspectFlags extends CommonFlags {
  readonly sample: string;
}

export function registerInspect(program: Command): void {
  const command = program
    .command('inspect')
    .description('Show how each list is read: encoding, fonts, header rows, column mapping, row counts, sample rows (masked)')
    .argument('<files...>', 'commune lists (.xlsx, .csv, .txt)')
    .option('-n, --sample <rows>', 'how many normalised rows to show per sheet', '3');
  addCommonOptions(command);
  command.action(async (files: string[], flags: InspectFlags) => {
    const { settings } = resolveFromFlags(flags);
    const terminal = makeTerminal({ quiet: Boolean(flags.quiet) });
    const lists = await loadLists(nameInputs(files, process.cwd()), settings);
    const sample = Math.max(0, Number.parseInt(flags.sample, 10) || 0);
    for (const list of lists) process.stdout.write(`${describeList(list, { sample, colour: terminal.colour })}\n`);
    process.exitCode = EXIT.ok;
  });
}
