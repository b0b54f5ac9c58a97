// Names, communes and notes come from spreadsheets anyone could have typed: every value goes through here, in text
// and in attributes alike, so no cell can become markup.

import { guardText } from '../../write/formula-guard.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in element text and in double- or single-quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Text that came from a spreadsheet (a name, a commune, a file name), shown in a table cell: escaped, and through
 * the same formula guard as the CSV and XLSX outputs, since a table copied from the page into Excel is read as cells.
 */
export function escapeHtmlText(value: string): string {
  return escapeHtml(guardText(value));
}
