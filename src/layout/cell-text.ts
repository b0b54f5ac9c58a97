import type { RawCell } from '../types.js';

/** A cell as one line of text, the way it reads on screen; '' for an empty cell. */
export function cellText(cell: RawCell | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value).replace(/[\s\u00a0]+/g, ' ').trim();
}
