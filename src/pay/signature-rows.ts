// The end of an official list: the total in figures and in words, then the signature blocks: who drew it up, the accountant, and the commune chairman,
// each with the line under it that says how to sign. Spread over the width of the table.
import type { CellOut, FooterRow } from '../write/output-spec.js';
import { amountInWords } from './amount-in-words.js';

export const SIGNERS = ['Người lập biểu', 'Kế toán', 'Chủ tịch UBND xã'] as const;
const HOW = ['(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)'] as const;

export function signatureRows(columnCount: number): FooterRow[] {
  const at = [Math.min(1, columnCount - 1), Math.floor(columnCount / 2), columnCount - 1];
  const row = (texts: readonly string[]): (string | null)[] => {
    const cells: (string | null)[] = Array.from({ length: columnCount }, () => null);
    texts.forEach((t, i) => {
      cells[at[i]!] = cells[at[i]!] ? `${cells[at[i]!]}   ${t}` : t;
    });
    return cells;
  };
  return [{ cells: row(SIGNERS), bold: true }, { cells: row(HOW), italic: true }];
}

/** The total row, the total in Vietnamese words ("Bằng chữ: …"), a blank line and the signature blocks. */
export function totalsFooter(totalRow: readonly CellOut[], total: number, columnCount: number): FooterRow[] {
  return [
    { cells: totalRow, bold: true, boxed: true },
    { cells: [null, `Bằng chữ: ${amountInWords(total)}`], italic: true },
    { cells: [] },
    ...signatureRows(columnCount),
  ];
}
