// The signature blocks an official list ends with: who drew it up, the accountant, and the commune chairman,
// each with the line under it that says how to sign. Spread over the width of the table.
import type { FooterRow } from '../write/output-spec.js';

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
