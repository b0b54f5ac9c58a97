// One column of a one- or two-row header → field. In a two-row header the sub-header names the field and the
// group above it can change its meaning: "Nam" / "Nữ" under "Ngày tháng năm sinh", "Số CCCD" under
// "Người nhận thay" (the representative's ID, not the beneficiary's), "Số tiền" under "Truy lĩnh" (the arrears,
// not the amount paid), "Năm sinh" under "Liệt sĩ" (the martyr's, not the beneficiary's).
import { ARREARS_GROUPS, ARREARS_SUB, RELATED_GROUPS, RELATIVE_GROUPS } from '../data/column-aliases.js';
import type { Field } from '../types.js';
import { headerKey } from './header-key.js';
import { asRepresentativeField, ignoredHeader, matchHeader, sexOfSubHeader, splitRepresentative, type HeaderMatch } from './match-header.js';

const BIRTH_FIELDS: ReadonlySet<Field> = new Set(['birth_date', 'birth_date_male', 'birth_date_female']);

/** A column recognised as one that is deliberately not used, with what it holds. */
export interface IgnoredMatch {
  readonly field: null;
  readonly ignored: string;
}

const keys = (headers: readonly string[]): ReadonlySet<string> => new Set(headers.map(headerKey));
const ARREARS_TOPS = keys(ARREARS_GROUPS);
const ARREARS_SUBS: ReadonlyMap<string, Field | null> = new Map(ARREARS_SUB.map(([h, f]) => [headerKey(h), f] as const));
const RELATED_TOPS = keys(RELATED_GROUPS);
const RELATIVE_TOPS = keys(RELATIVE_GROUPS);

const NOT_ARREARS = 'a detail of the arrears (the months they cover or why), not an amount';
const MARTYRS = "the martyr's or meritorious person's own details, not the beneficiary's";

function ignored(why: string): IgnoredMatch {
  return { field: null, ignored: why };
}

/** One-row header: an alias, else a column known not to be used, else nothing. */
function single(text: string): HeaderMatch | IgnoredMatch | null {
  const match = matchHeader(text);
  if (match) return match;
  const why = ignoredHeader(text);
  return why === null ? null : ignored(why);
}

/** The field of a column whose header reads `top` over `sub` ('' for a one-row header), or null. */
export function matchColumn(top: string, sub: string): HeaderMatch | IgnoredMatch | null {
  const topKey = headerKey(top);
  const subKey = headerKey(sub);
  if (subKey === '' || subKey === topKey) return single(top);
  if (topKey === '') return single(sub);

  const subMatch = matchHeader(sub);
  if (splitRepresentative(topKey)?.rest === '') {
    const field = subMatch ? asRepresentativeField(subMatch.field) : null;
    return field ? { field, rank: subMatch?.rank ?? 0 } : null;
  }
  if (ARREARS_TOPS.has(topKey)) {
    const field = ARREARS_SUBS.get(subKey);
    if (field === undefined) return subMatch?.field === 'amount' ? { field: 'arrears_amount', rank: 0 } : ignored(NOT_ARREARS);
    return field === null ? ignored(NOT_ARREARS) : { field, rank: 0 };
  }
  if (RELATED_TOPS.has(topKey)) {
    return subMatch?.field === 'name' || subMatch?.field === 'related_name' ? { field: 'related_name', rank: 0 } : ignored(MARTYRS);
  }
  if (RELATIVE_TOPS.has(topKey) && subMatch) {
    return subMatch.field === 'name' ? { field: 'name', rank: 2, role: 'relative' } : subMatch;
  }
  // "Số CCCD" over "Ngày cấp" / "Nơi cấp": the sub-header decides, and it is not the ID.
  const subIgnored = subMatch ? null : ignoredHeader(sub);
  if (subIgnored !== null) return ignored(subIgnored);

  const topMatch = matchHeader(top);
  const sex = sexOfSubHeader(subKey);
  if (topMatch && sex) {
    if (BIRTH_FIELDS.has(topMatch.field)) {
      return { field: sex === 'male' ? 'birth_date_male' : 'birth_date_female', rank: topMatch.rank };
    }
    // "Giới tính" over "Nam" / "Nữ" holds a tick in one of two columns; neither column alone is the sex.
    if (topMatch.field === 'sex') return null;
  }
  if (subMatch ?? topMatch) return subMatch ?? topMatch;
  const topIgnored = ignoredHeader(top);
  return topIgnored === null ? null : ignored(topIgnored);
}
