// One column of a one- or two-row header → field. In a two-row header the sub-header names the field and the
// group above it can change its meaning: "Nam" / "Nữ" under "Ngày tháng năm sinh", "Số CCCD" under
// "Người nhận thay" (the representative's ID, not the beneficiary's).
import type { Field } from '../types.js';
import { headerKey } from './header-key.js';
import { asRepresentativeField, matchHeader, sexOfSubHeader, splitRepresentative, type HeaderMatch } from './match-header.js';

const BIRTH_FIELDS: ReadonlySet<Field> = new Set(['birth_date', 'birth_date_male', 'birth_date_female']);

/** The field of a column whose header reads `top` over `sub` ('' for a one-row header), or null. */
export function matchColumn(top: string, sub: string): HeaderMatch | null {
  const topKey = headerKey(top);
  const subKey = headerKey(sub);
  if (subKey === '' || subKey === topKey) return matchHeader(top);
  if (topKey === '') return matchHeader(sub);

  const subMatch = matchHeader(sub);
  if (splitRepresentative(topKey)?.rest === '') {
    const field = subMatch ? asRepresentativeField(subMatch.field) : null;
    return field ? { field, rank: subMatch?.rank ?? 0 } : null;
  }

  const topMatch = matchHeader(top);
  const sex = sexOfSubHeader(subKey);
  if (topMatch && sex) {
    if (BIRTH_FIELDS.has(topMatch.field)) {
      return { field: sex === 'male' ? 'birth_date_male' : 'birth_date_female', rank: topMatch.rank };
    }
    // "Giới tính" over "Nam" / "Nữ" holds a tick in one of two columns; neither column alone is the sex.
    if (topMatch.field === 'sex') return null;
  }
  return subMatch ?? topMatch;
}
