// Test helper: the only outcomes a reader may have on any input: sheets, or an AsxhError that names the file,
// says why, and tells the user what to do. Any other exception escapes to fast-check, which then shrinks it.
import { expect } from 'vitest';
import { AsxhError, ERROR_CODES, EXIT, quote } from '../../src/errors.js';
import type { RawSheet } from '../../src/types.js';

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AsxhError };

export async function outcome<T>(run: () => T | Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof AsxhError) return { ok: false, error };
    throw error;
  }
}

/** A refusal the user can act on: a known input code (exit 3), the file named, a reason, a hint. */
export function expectClearRefusal(error: AsxhError, file: string): void {
  expect(Object.keys(ERROR_CODES)).toContain(error.code);
  expect(error.exitCode).toBe(EXIT.input);
  expect(error.message).toContain(quote(file));
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.hint ?? '').not.toBe('');
}

/** What every sheet a reader returns looks like, whatever the file held. */
export function expectWellFormedSheet(sheet: RawSheet, file: string): void {
  expect(sheet.file).toBe(file);
  expect(sheet.rows.map((r) => r.row)).toEqual(sheet.rows.map((_, i) => i + 1));
  const width = sheet.rows[0]?.cells.length ?? 0;
  for (const row of sheet.rows) {
    expect(row.cells).toHaveLength(width);
    for (const cell of row.cells) {
      const v = cell.value;
      const type = v === null ? 'null' : v instanceof Date ? 'date' : typeof v;
      expect(['null', 'date', 'string', 'number', 'boolean']).toContain(type);
      if (typeof v === 'string') expect(v === v.normalize('NFC')).toBe(true);
    }
  }
}
