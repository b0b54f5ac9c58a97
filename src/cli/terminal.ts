// What the user sees on stderr: progress and summaries, never data. Colour only on a terminal (and not with
// NO_COLOR); nothing but errors with --quiet; one JSON object a line with --log-format json, for cron logs.
// Progress lines overwrite each other on a terminal and are left out everywhere else; in a JSON log each stage
// of a run gets one line as it starts, with the time since the run began, so a nightly log shows where time went.
import { Chalk, type ChalkInstance } from 'chalk';

export type LogFormat = 'text' | 'json';

export interface Terminal {
  readonly colour: ChalkInstance;
  /** A transient progress line: shown only on a terminal, replaced by the next. */
  progress(line: string): void;
  /**
   * Progress within a stage of a run ("match", "1200/10163"): a progress line, and a JSON log line per new stage,
   * carrying `fields` (the counts of the `done` line) as fields of their own.
   */
  stage(name: string, detail: string, fields?: Readonly<Record<string, number | string>>): void;
  /**
   * A failed run: its stable code, the message and what to do, one JSON line in a JSON log. `word` is "error" in
   * the run's language ("lỗi"); the code stays as it is, for scripts and for whoever reports a bug.
   */
  failure(code: string, message: string, hint: string | null, word?: string): void;
  /** Summary lines; silent with --quiet. */
  info(line: string): void;
  /** Warnings: silent with --quiet too, since cron jobs read them in the reports. */
  warn(line: string): void;
  /** Errors are always shown. */
  error(line: string): void;
  /**
   * A line about one thing, with fields a JSON log keeps beside the message (a file passed over: its name, reason).
   * 'error' lines are always shown, 'warn' ones not with --quiet.
   */
  event(level: 'warn' | 'error', line: string, fields: Readonly<Record<string, string>>): void;
}

/**
 * A reader that leaves early (`asxh … | head`) must not change the run: without a listener, the EPIPE of the next
 * write is an uncaught exception that ends the run half-way with exit 1. Node destroys the stream, so later writes
 * are dropped. Called once, by main(), for every command's stdout and stderr.
 */
const guarded = new WeakSet<NodeJS.WriteStream>();

export function dropWritesToClosedPipes(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    // Once a stream: main() run again in one process (a test, a script) adds no second listener.
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on('error', (err: NodeJS.ErrnoException) => {
      // Anything else stays the crash it was.
      if (err.code !== 'EPIPE') throw err;
    });
  }
}

export function makeTerminal(options: { quiet: boolean; format?: LogFormat; stream?: NodeJS.WriteStream }): Terminal {
  const stream = options.stream ?? process.stderr;
  const json = options.format === 'json';
  const tty = Boolean(stream.isTTY) && !json;
  const useColour = tty && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const colour = new Chalk({ level: useColour ? 1 : 0 });
  let pending = false;
  const started = performance.now();
  let lastStage: string | null = null;
  const clear = () => {
    if (pending) stream.write('\r\u001b[K');
    pending = false;
  };
  const write = (level: string, line: string, styled: string) => {
    clear();
    stream.write(json ? `${JSON.stringify({ level, msg: line })}\n` : `${styled}\n`);
  };
  return {
    colour,
    progress: (line) => {
      if (options.quiet || !tty) return;
      stream.write(`\r\u001b[K${colour.dim(line.slice(0, (stream.columns ?? 80) - 1))}`);
      pending = true;
    },
    stage(name, detail, fields) {
      this.progress(`${name}: ${detail}`);
      if (!json || options.quiet || name === lastStage) return;
      lastStage = name;
      stream.write(`${JSON.stringify({ level: 'info', msg: `${name}: ${detail}`, stage: name, elapsed_ms: Math.round(performance.now() - started), ...fields })}\n`);
    },
    failure(code, message, hint, word = 'error') {
      clear();
      if (json) stream.write(`${JSON.stringify({ level: 'error', code, msg: message, ...(hint ? { hint } : {}) })}\n`);
      else {
        stream.write(`${colour.red(`${word} [${code}]: ${message}`)}\n`);
        if (hint) stream.write(`${colour.red(`  ${hint}`)}\n`);
      }
    },
    info: (line) => { if (!options.quiet) write('info', line, line); },
    warn: (line) => { if (!options.quiet) write('warn', line, colour.yellow(line)); },
    error: (line) => write('error', line, colour.red(line)),
    event: (level, line, fields) => {
      if (level === 'warn' && options.quiet) return;
      clear();
      const styled = level === 'error' ? colour.red(line) : colour.yellow(line);
      stream.write(json ? `${JSON.stringify({ level, msg: line, ...fields })}\n` : `${styled}\n`);
    },
  };
}
