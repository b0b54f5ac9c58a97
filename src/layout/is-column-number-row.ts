// Official forms number their columns in a row under the header: 1, 2, 3 …, (1), (2) …, A, B, C …, sometimes
// with the formula of a computed column ("(6)=(4)x(5)"), sometimes letters for the first columns then numbers.
import type { RawRow } from '../types.js';
import { cellText } from './cell-text.js';

type Token = { readonly kind: 'number' | 'letter'; readonly n: number };

function token(text: string): Token | null {
  const t = text.replace(/\s+/g, '');
  const numbered = /^\(?(\d{1,2})\)?(=[+\-x*×:.\d()]+)?$/i.exec(t);
  if (numbered) return { kind: 'number', n: Number(numbered[1]) };
  const lettered = /^\(?([A-Z])\)?$/.exec(t);
  if (lettered) return { kind: 'letter', n: (lettered[1] ?? 'A').charCodeAt(0) - 64 };
  return null;
}

function increasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > (values[i - 1] ?? 0));
}

/** True when every non-empty cell is a column number or letter and they count up from left to right. */
export function isColumnNumberRow(row: RawRow): boolean {
  const tokens: Token[] = [];
  let last = '';
  for (const cell of row.cells) {
    const text = cellText(cell);
    if (text === '') continue;
    // A number cell merged across repeats itself; read it once.
    if (text === last) continue;
    last = text;
    const t = token(text);
    if (!t || (t.kind === 'number' && t.n === 0)) return false;
    tokens.push(t);
  }
  if (tokens.length < 3) return false;
  const numbers = tokens.filter((t) => t.kind === 'number').map((t) => t.n);
  const letters = tokens.filter((t) => t.kind === 'letter').map((t) => t.n);
  return increasing(numbers) && increasing(letters);
}
