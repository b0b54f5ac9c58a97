// One mistyped digit or two neighbouring digits swapped: the usual ways a 12-digit ID is copied wrong.

export type IdTypo = 'digit' | 'swap';

/** How `other` differs from `written` if by one typo, else null (equal IDs are no typo). */
export function idTypo(written: string, other: string): IdTypo | null {
  if (written.length !== other.length || written === other) return null;
  const diff: number[] = [];
  for (let i = 0; i < written.length && diff.length <= 2; i += 1) if (written[i] !== other[i]) diff.push(i);
  if (diff.length === 1) return 'digit';
  const [i, j] = diff;
  if (diff.length === 2 && i !== undefined && j === i + 1 && written[i] === other[j] && written[j] === other[i]) return 'swap';
  return null;
}

/** Every ID one typo away from id: 9 other digits at each place, then each adjacent swap. */
export function idTypoNeighbours(id: string): string[] {
  return idTypoNeighbourNumbers(id).map((n) => String(n).padStart(id.length, '0'));
}

/**
 * The same neighbours as numbers, in the same order: the fuzzy step looks up each of them (over a hundred a row)
 * in the registry, which keys IDs by number.
 */
export function idTypoNeighbourNumbers(id: string): number[] {
  const out: number[] = [];
  const value = Number(id);
  const digits = Array.from(id, (c) => c.charCodeAt(0) - 48);
  const place = (i: number): number => 10 ** (id.length - 1 - i);
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits[i] as number;
    for (let d = 0; d <= 9; d += 1) if (d !== digit) out.push(value + (d - digit) * place(i));
  }
  for (let i = 0; i + 1 < digits.length; i += 1) {
    const a = digits[i] as number;
    const b = digits[i + 1] as number;
    if (a !== b) out.push(value + (b - a) * place(i) + (a - b) * place(i + 1));
  }
  return out;
}

/**
 * idTypo for two 12-digit IDs held as numbers, without making their strings: the fuzzy step asks it of every
 * candidate of a row whose written ID the registry does not hold.
 */
export function isIdTypoNumber(written: number, other: number): boolean {
  if (written === other) return false;
  let a = written;
  let b = other;
  // Digits compared from the right; `at` is the place of the first difference met, `pair` of a second.
  let at = -1;
  let pair = -1;
  let aAt = 0;
  let bAt = 0;
  for (let place = 0; place < 12; place += 1) {
    const da = a % 10;
    const db = b % 10;
    a = (a - da) / 10;
    b = (b - db) / 10;
    if (da === db) continue;
    if (at < 0) {
      at = place;
      aAt = da;
      bAt = db;
    } else if (pair < 0 && place === at + 1 && da === bAt && db === aAt) {
      pair = place;
    } else {
      return false;
    }
  }
  return a === b && at >= 0;
}
