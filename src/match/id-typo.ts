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
  const out: string[] = [];
  for (let i = 0; i < id.length; i += 1) {
    for (let d = 0; d <= 9; d += 1) {
      const c = String(d);
      if (c !== id[i]) out.push(id.slice(0, i) + c + id.slice(i + 1));
    }
  }
  for (let i = 0; i + 1 < id.length; i += 1) {
    if (id[i] !== id[i + 1]) out.push(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
  }
  return out;
}
