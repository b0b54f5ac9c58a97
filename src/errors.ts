// A failed run is one of these: a stable code, an exit code and a message that says what failed, then why,
// with the value quoted, then what to do. main.ts catches them once and prints the message, never a stack.
// Bad rows are not errors: they are Problems and SkippedRows, collected into reports.

export const EXIT = {
  ok: 0,
  attention: 1,
  usage: 2,
  input: 3,
  internal: 4,
  /** Folder mode: the run finished, but one or more lists of the folder could not be read (see passedOver). */
  inputs_refused: 5,
  /** The output could not be written: disk full, read-only, or no permission. */
  disk: 6,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const ERROR_CODES = {
  usage: EXIT.usage,
  config_invalid: EXIT.usage,
  config_unreadable: EXIT.usage,
  output_exists: EXIT.usage,
  output_locked: EXIT.usage,
  input_missing: EXIT.input,
  input_empty: EXIT.input,
  input_encrypted: EXIT.input,
  input_corrupt: EXIT.input,
  input_binary: EXIT.input,
  input_unsupported: EXIT.input,
  input_no_header: EXIT.input,
  input_encoding: EXIT.input,
  input_too_large: EXIT.input,
  registry_invalid: EXIT.input,
  decisions_invalid: EXIT.input,
  output_disk_full: EXIT.disk,
  output_read_only: EXIT.disk,
  output_permission: EXIT.disk,
  write_failed: EXIT.internal,
  internal: EXIT.internal,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * A message in both languages the tool speaks. Vietnamese is what an officer reads by default; English is kept for
 * `--lang en`, for Error.message and for whoever reports a bug. A plain string is a message not yet translated.
 */
export interface Said {
  readonly vi: string;
  readonly en: string;
}
export type Text = string | Said;

export function textIn(text: Text, lang: 'vi' | 'en'): string {
  return typeof text === 'string' ? text : text[lang];
}

export class AsxhError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: ExitCode;
  /** The message in both languages (message alone is the English). */
  readonly said: Text;
  /** A line that tells the user what to do next, printed under the message. */
  readonly hintSaid: Text | undefined;

  constructor(code: ErrorCode, message: Text, hint?: Text) {
    super(textIn(message, 'en'));
    this.name = 'AsxhError';
    this.code = code;
    this.exitCode = ERROR_CODES[code];
    this.said = message;
    this.hintSaid = hint;
  }

  /** The English hint, as before messages had two languages. */
  get hint(): string | undefined {
    return this.hintSaid === undefined ? undefined : textIn(this.hintSaid, 'en');
  }
}

/** Quote a value for a message, short enough for one line. */
export function quote(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  const cut = s.length > 80 ? `${s.slice(0, 77)}…` : s;
  return JSON.stringify(cut);
}
