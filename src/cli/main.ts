// The one place where a failed run becomes a message and an exit code. Typed errors print their message and
// hint; anything else is a bug: a short "please report" line, and the stack only with ASXH_DEBUG=1.
import { Command, CommanderError } from 'commander';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../config/settings.js';
import { AsxhError, EXIT, textIn } from '../errors.js';
import { commanderSaid } from './commander-errors.js';
import { localiseHelp, VIETNAMESE_HELP } from './help-texts.js';
import { registerClean } from './clean-command.js';
import { registerConfigCommands } from './config-commands.js';
import { registerDedupe } from './dedupe-command.js';
import { registerInspect } from './inspect-command.js';
import { registerReconcile } from './reconcile-command.js';
import { registerRegistry } from './registry-command.js';
import { registerReturns } from './returns-command.js';
import { registerVerify } from './verify-command.js';
import { dropWritesToClosedPipes, makeTerminal, type Terminal } from './terminal.js';
import { runLang } from './run-lang.js';
import { TOOL_VERSION } from './version.js';
import { diskError } from '../write/disk-errors.js';

export function buildProgram(lang: Lang = 'vi'): Command {
  const program = new Command('asxh')
    .version(TOOL_VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Commander's usage errors are printed by main(), in the run's language and as JSON lines with --log-format json.
    .configureOutput({ outputError: () => {} });
  if (lang === 'vi') program.configureHelp(VIETNAMESE_HELP);
  registerInspect(program);
  registerClean(program);
  registerReconcile(program);
  registerDedupe(program);
  registerRegistry(program);
  registerReturns(program);
  registerVerify(program);
  registerConfigCommands(program);
  localiseHelp(program, lang);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  dropWritesToClosedPipes();
  // Errors follow --log-format too: a cron log of JSON lines must not end in a line of text.
  const json = argv.some((a, i) => a === '--log-format=json' || (a === '--log-format' && argv[i + 1] === 'json'));
  const terminal = makeTerminal({ quiet: false, format: json ? 'json' : 'text' });
  // Settings do not exist yet when parsing fails or a config file is refused: the language is told from argv.
  const lang = runLang(argv.slice(2));
  const program = buildProgram(lang);
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    process.exitCode = exitCodeFor(err, terminal, lang);
  }
}

const LINES = {
  vi: {
    error: 'lỗi',
    internal: (message: string) => `lỗi nội bộ: ${message}`,
    report: (log: string | null) => `  Đây là lỗi của asxh. Xin báo lỗi, kèm lệnh đã chạy${log ? ` và tệp nhật ký ${log}` : ''}.`,
  },
  en: {
    error: 'error',
    internal: (message: string) => `internal error: ${message}`,
    report: (log: string | null) => `  This is a bug in asxh. Please report it with the command you ran${log ? ` and the log ${log}` : ''}.`,
  },
} as const;

function exitCodeFor(err: unknown, terminal: Terminal, lang: Lang): number {
  const t = LINES[lang];
  if (err instanceof CommanderError) {
    // Help and version are not failures.
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
    const said = commanderSaid(err.message);
    terminal.failure('usage', textIn(said.message, lang), said.hint ? textIn(said.hint, lang) : null, t.error);
    return EXIT.usage;
  }
  if (err instanceof AsxhError) {
    terminal.failure(err.code, textIn(err.said, lang), err.hintSaid === undefined ? null : textIn(err.hintSaid, lang), t.error);
    return err.exitCode;
  }
  // A disk, read-only or permission failure that no stage turned into an AsxhError is still not a bug.
  const where = (err as NodeJS.ErrnoException | undefined)?.path;
  const path = typeof where === 'string' ? where : '(unknown path)';
  const disk = diskError(err, path, { vi: 'kết quả', en: 'the output' });
  if (disk) {
    terminal.error(`${t.error}: ${textIn(disk.said, lang)}`);
    if (disk.hintSaid !== undefined) terminal.error(`  ${textIn(disk.hintSaid, lang)}`);
    return disk.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  terminal.error(`${t.error}: ${t.internal(message)}`);
  terminal.error(t.report(writeCrashLog(err)));
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
