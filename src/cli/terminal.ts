// What the user sees on stderr: progress and summaries, never data. Colour only on a terminal (and not
// with NO_COLOR); nothing at all with --quiet except errors.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Terminal {
  readonly colour: ChalkInstance;
  /** Progress and summary lines; silent with --quiet. */
  info(line: string): void;
  /** Warnings: silent with --quiet too, since cron jobs read them in the reports. */
  warn(line: string): void;
  /** Errors are always shown. */
  error(line: string): void;
}

export function makeTerminal(options: { quiet: boolean; stream?: NodeJS.WriteStream }): Terminal {
  const stream = options.stream ?? process.stderr;
  const useColour = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const colour = new Chalk({ level: useColour ? 1 : 0 });
  const write = (line: string) => stream.write(`${line}\n`);
  return {
    colour,
    info: (line) => { if (!options.quiet) write(line); },
    warn: (line) => { if (!options.quiet) write(colour.yellow(line)); },
    error: (line) => write(colour.red(line)),
  };
}
