// How two birth dates agree. A year-only date never disagrees on day or month it does not have, and 01/01 is
// read as "year only" because it is the usual placeholder for an unknown day.
import type { PartialDate } from '../types.js';
import type { BirthLevel } from './levels.js';

function full(d: PartialDate): boolean {
  return d.month !== null && d.day !== null && !(d.month === 1 && d.day === 1);
}

export function compareBirth(a: PartialDate | null, b: PartialDate | null): BirthLevel {
  if (a === null || b === null) return 'missing';
  if (a.year === b.year && a.month === b.month && a.day === b.day && a.day !== null) return 'exact';
  if (a.year === b.year && a.day !== null && a.month === b.day && a.day === b.month) return 'swapped';
  if (a.year === b.year) return full(a) && full(b) ? 'year' : 'year-only';
  if (Math.abs(a.year - b.year) === 1) return 'year-near';
  return 'disagree';
}
