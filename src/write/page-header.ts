// The page header of printed workbooks: the commune and the period, filled in where the sheet does not set its own.
import type { OutputFile, SheetSpec } from './output-spec.js';

export interface PageHeader {
  readonly commune?: string | null;
  readonly period?: string | null;
}

function stampSheet(sheet: SheetSpec, header: PageHeader): SheetSpec {
  const print = sheet.print ?? {};
  const commune = print.commune ?? header.commune ?? undefined;
  const period = print.period ?? header.period ?? undefined;
  if (commune === print.commune && period === print.period) return sheet;
  return { ...sheet, print: { ...print, ...(commune ? { commune } : {}), ...(period ? { period } : {}) } };
}

/** The file with the commune and period in the page header of each sheet that has none of its own. */
export function withPageHeader(file: OutputFile, header: PageHeader): OutputFile {
  if (file.kind !== 'xlsx' || (!header.commune && !header.period)) return file;
  return { ...file, sheets: file.sheets.map((s) => stampSheet(s, header)) };
}
