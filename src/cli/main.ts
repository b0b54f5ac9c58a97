// The one place where a failed run becomes a message and an exit code. Typed errors print their message and
// hint; anything else is a bug: a short "please report" line, and the stack only with ASXH_DEBUG=1.
import { Command, CommanderError } from 'commander';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AsxhError, EXIT } from '../errors.js';
import { registerClean } from './clean-command.js';
import { registerConfigCommands } from './config-commands.js';
import { registerDedupe } from './dedupe-command.js';
import { registerInspect } from './inspect-command.js';
import { registerReconcile } from './reconcile-command.js';
import { registerRegistry } from './registry-command.js';
import { registerReturns } from './returns-command.js';
import { registerVerify } from './verify-command.js';
import { makeTerminal } from './terminal.js';
import { TOOL_VERSION } from './version.js';
import { diskError } from '../write/disk-errors.js';

export function buildProgram(): Command {
  const program = new Command('asxh')
    .description(
      'Reconcile commune beneficiary lists (Excel/CSV) with the population registry and prepare cashless payments.\n' +
        'Đối soát danh sách đối tượng với CSDL quốc gia về dân cư và lập danh sách chi trả không dùng tiền mặt.',
    )
    .version(TOOL_VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride();
  program.addHelpText(
    'after',
    `
Examples:
  asxh inspect ds-xa-an-phu.xlsx                 what the tool sees in a list: encoding, header, columns
  asxh clean ds-*.xlsx --out cleaned             cleaned workbooks, skipped rows and problems
  asxh reconcile ds-*.xlsx --registry dan-cu.csv --out ket-qua --period 2026-12
                                                 match everyone to the population registry and
                                                 write the payment files for December 2026
  asxh returns ket-qua-ngan-hang.xlsx --ledger ket-qua/payments/ledger.csv --out tra-ve
                                                 mark the bank's results on the ledger
  asxh verify ket-qua                            re-run a past result and compare byte for byte

Exit codes: 0 all clean, 1 finished with rows that need a person's attention, 2 usage or settings error,
3 an input file could not be read, 4 internal error. Run "asxh COMMAND --help" for a command's options.`,
  );
  registerInspect(program);
  registerClean(program);
  registerReconcile(program);
  registerDedupe(program);
  registerRegistry(program);
  registerReturns(program);
  registerVerify(program);
  registerConfigCommands(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  // Errors follow --log-format too: a cron log of JSON lines must not end in a line of text.
  const json = argv.some((a, i) => a === '--log-format=json' || (a === '--log-format' && argv[i + 1] === 'json'));
  const terminal = makeTerminal({ quiet: false, format: json ? 'json' : 'text' });
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    process.exitCode = exitCodeFor(err, terminal);
  }
}

function exitCodeFor(err: unknown, terminal: ReturnType<typeof makeTerminal>): number {
  if (err instanceof CommanderError) {
    // Help and version are not failures; commander has already printed its own usage message.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (err instanceof AsxhError) {
    terminal.failure(err.code, err.message, err.hint ?? null);
    return err.exitCode;
  }
  // A disk, read-only or permission failure that no stage turned into an AsxhError is still not a bug.
  const where = (err as NodeJS.ErrnoException | undefined)?.path;
  const disk = diskError(err, typeof where === 'string' ? where : '(unknown path)', 'the output');
  if (disk) {
    terminal.error(`error: ${disk.message}`);
    if (disk.hint) terminal.error(`  ${disk.hint}`);
    return disk.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  terminal.error(`error: internal error: ${message}`);
  const log = writeCrashLog(err);
  terminal.error(`  This is a bug in asxh. Please report it with the command you ran${log ? ` and the log ${log}` : ''}.`);
  if (process.env.ASXH_DEBUG && err instanceof Error && err.stack) terminal.error(err.stack);
  return EXIT.internal;
}

/** The details of a crash go to a file the user can attach to a report, not to the screen. */
function writeCrashLog(err: unknown): string | null {
  try {
    const path = join(tmpdir(), `asxh-crash-${process.pid}.log`);
    const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
    writeFileSync(path, `asxh ${TOOL_VERSION}, node ${process.version}, ${process.platform}\n${detail}\n`, { mode: 0o600 });
    return path;
  } catch {
    return null;
  }
}
