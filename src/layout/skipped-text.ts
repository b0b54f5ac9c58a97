import type { MergeRange, RawRow } from '../types.js';
import { cellText } from './cell-text.js';

const MAX_LENGTH = 120;

/**
 * A skipped row as one line for skipped-rows.csv: its non-empty cells joined with ' | ', a merged cell once
 * (its value is repeated in every cell it covers), cut to about 120 characters.
 */
export function skippedText(row: RawRow, merges: readonly MergeRange[]): string {
  const parts: string[] = [];
  row.cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (text === '') return;
    const column = index + 1;
    const covered = merges.some(
      (m) => row.row >= m.top && row.row <= m.bottom && column >= m.left && column <= m.right && column !== m.left,
    );
    if (!covered) parts.push(text);
  });
  const text = parts.join(' | ');
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
