// The header row(s) → one ColumnMapping per column that has header text. A field goes to one column only:
// a --map entry first, then the alias of highest rank, then the leftmost; the other claimants stay unmapped.
// In a relatives' list the meritorious person's name column is theirs (related_name), never the one paid.
import type { ColumnMapping, Field, RawRow } from '../types.js';
import { cellText } from './cell-text.js';
import { headerKey } from './header-key.js';
import { matchColumn } from './match-column.js';

export interface HeaderColumn {
  readonly mapping: ColumnMapping;
  /** Header keys of the column (top and sub), to recognise the header when it is repeated further down. */
  readonly keys: readonly string[];
}

interface Claim {
  readonly index: number;
  readonly header: string;
  readonly keys: readonly string[];
  readonly field: Field | null;
  readonly how: 'alias' | 'map' | 'none' | 'ignored';
  readonly rank: number;
  readonly role?: 'relative' | 'receiver' | 'meritorious';
  readonly ignored?: string;
}

/** userMap: header key (see headerKey) → field, from --map and the config. */
export function mapColumns(top: RawRow, sub: RawRow | null, userMap: ReadonlyMap<string, Field>): HeaderColumn[] {
  const width = Math.max(top.cells.length, sub?.cells.length ?? 0);
  const claims: Claim[] = [];
  // Without merged cells (CSV) a group's title sits over its first column only; the next columns belong to it.
  let groupTop = '';
  for (let index = 0; index < width; index++) {
    const ownTop = cellText(top.cells[index]);
    const subText = sub ? cellText(sub.cells[index]) : '';
    const topText = ownTop === '' && subText !== '' ? groupTop : ownTop;
    if (ownTop !== '') groupTop = '';
    if (topText === '' && subText === '') continue;
    const topKey = headerKey(topText);
    const subKey = headerKey(subText);
    const twoLevels = topText !== '' && subText !== '' && topKey !== subKey;
    const header = twoLevels ? `${topText} / ${subText}` : topText || subText;
    const keys = [topKey, subKey].filter((k) => k !== '');
    if (twoLevels) groupTop = topText;

    const mapped = [header, subText, topText].map((t) => userMap.get(headerKey(t))).find((f) => f !== undefined);
    if (mapped) {
      claims.push({ index, header, keys, field: mapped, how: 'map', rank: Number.POSITIVE_INFINITY });
      continue;
    }
    const alias = matchColumn(topText, subText);
    if (alias === null) claims.push({ index, header, keys, field: null, how: 'none', rank: 0 });
    else if (alias.field === null) claims.push({ index, header, keys, field: null, how: 'ignored', rank: 0, ignored: alias.ignored });
    else claims.push({ index, header, keys, field: alias.field, how: 'alias', rank: alias.rank, ...(alias.role ? { role: alias.role } : {}) });
  }
  const martyr = claims.some((c) => c.field === 'related_name' || c.role === 'meritorious');
  const relative = claims.some((c) => c.how === 'alias' && (c.role === 'relative' || (c.role === 'receiver' && martyr)));
  for (const [i, c] of claims.entries()) {
    if (c.how !== 'alias') continue;
    if (c.role === 'meritorious' && relative) claims[i] = { ...c, field: 'related_name', rank: 0, role: undefined };
    // "Người nhận" in an ordinary list may be whoever collects the money: the name column stays the beneficiary.
    else if (c.role === 'receiver' && !martyr) claims[i] = { ...c, rank: -2 };
  }

  const winner = new Map<Field, Claim>();
  for (const claim of claims) {
    if (claim.field === null) continue;
    const held = winner.get(claim.field);
    if (!held || claim.rank > held.rank) winner.set(claim.field, claim);
  }
  return claims.map((claim) => {
    const keeps = claim.field !== null && winner.get(claim.field) === claim;
    let mapping: ColumnMapping;
    if (keeps) mapping = { index: claim.index, header: claim.header, field: claim.field, how: claim.how };
    else if (claim.how === 'ignored') mapping = { index: claim.index, header: claim.header, field: null, how: 'ignored', ignored: claim.ignored! };
    else mapping = { index: claim.index, header: claim.header, field: null, how: 'none' };
    return { mapping, keys: claim.keys };
  });
}
