// A date known only to the month or the year (common for the elderly's birth dates) is written with only what is
// known, never with an invented day: ISO 8601 reduced precision.
import type { PartialDate } from '../types.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** `1945-03-07`, `1945-03` or `1945`. */
export function formatIsoPartialDate(date: PartialDate): string {
  const year = pad(date.year, 4);
  if (date.month === null) return year;
  if (date.day === null) return `${year}-${pad(date.month, 2)}`;
  return `${year}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
