// Header text → field through the built-in aliases, with the rules a flat alias list cannot express:
// headers about the representative, and birth-date columns split by sex.
import { COLUMN_ALIASES, IGNORED_COLUMNS, REPRESENTATIVE_MARKERS } from '../data/column-aliases.js';
import type { Field } from '../types.js';
import { headerKey } from './header-key.js';

export interface HeaderMatch {
  readonly field: Field;
  /** Higher wins when two columns claim the same field (see ColumnAlias.rank). */
  readonly rank: number;
  /** See ColumnAlias.role. */
  readonly role?: 'relative' | 'receiver' | 'meritorious';
}

const ALIASES: ReadonlyMap<string, HeaderMatch> = (() => {
  const map = new Map<string, HeaderMatch>();
  for (const alias of COLUMN_ALIASES) {
    const match: HeaderMatch = alias.role ? { field: alias.field, rank: alias.rank ?? 0, role: alias.role } : { field: alias.field, rank: alias.rank ?? 0 };
    for (const header of alias.headers) map.set(headerKey(header), match);
  }
  return map;
})();

const IGNORED: ReadonlyMap<string, string> = new Map(IGNORED_COLUMNS.flatMap((c) => c.headers.map((h) => [headerKey(h), c.why] as const)));

// Longest first, so "người được ủy quyền nhận" is removed whole rather than leaving "nhận" behind.
const MARKERS: readonly string[] = REPRESENTATIVE_MARKERS.map(headerKey).sort((a, b) => b.length - a.length);
const PADDED_MARKERS: readonly string[] = MARKERS.map((m) => ` ${m} `);

const BIRTH_FIELDS: ReadonlySet<Field> = new Set(['birth_date', 'birth_date_male', 'birth_date_female']);

/** The sub-header under a birth-date group that says the date is a man's or a woman's. */
export function sexOfSubHeader(key: string): 'male' | 'female' | null {
  if (key === 'nam') return 'male';
  if (key === 'nu') return 'female';
  return null;
}

/** What a field of the beneficiary becomes when the header or header group is about the representative. */
export function asRepresentativeField(field: Field | null): Field | null {
  switch (field) {
    case null:
    case 'name':
    case 'rep_name':
      return 'rep_name';
    case 'personal_id':
    case 'old_id':
    case 'rep_id':
      return 'rep_id';
    case 'account':
    case 'rep_account':
      return 'rep_account';
    case 'bank':
      // The representative's account is the one paid, so its bank is the payment bank.
      return 'bank';
    default:
      // The representative's address or phone is not the beneficiary's: leave such columns unmapped.
      return null;
  }
}

/** The representative marker in a header key, and the rest of the key without it; null when there is none. */
export function splitRepresentative(key: string): { readonly rest: string } | null {
  // Asked of every text cell of every row (classify-row): the key is padded once, not once a marker.
  const padded = ` ${key} `;
  for (const [i, marker] of MARKERS.entries()) {
    const at = padded.indexOf(PADDED_MARKERS[i]!);
    if (at < 0) continue;
    const rest = `${key.slice(0, at)} ${key.slice(at + marker.length)}`
      .replace(/\b(cua|la)\b/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { rest };
  }
  return null;
}

function byKey(key: string): HeaderMatch | null {
  if (key === '') return null;
  const exact = ALIASES.get(key);
  if (exact) return exact;
  const rep = splitRepresentative(key);
  if (rep) {
    const restField = rep.rest === '' ? null : (ALIASES.get(rep.rest)?.field ?? undefined);
    // A rest that is no known header ("quan hệ với người nhận thay") is not one of the representative's fields.
    if (restField === undefined) return null;
    const field = asRepresentativeField(restField);
    return field ? { field, rank: 0 } : null;
  }
  // "Họ tên chủ hộ", "Họ và tên người cao tuổi": a name header with words of its own. Ranked below an exact
  // alias, so a list with both "Họ và tên" and "Họ tên chủ hộ" takes the former.
  // "Họ và tên thân nhân chủ yếu", "Họ tên liệt sĩ (ghi theo bằng TQGC)": the relative paid, the martyr named.
  if (/^(ho (va )?ten )?than nhan\b/.test(key)) return { field: 'name', rank: 2, role: 'relative' };
  if (/^ho (va )?ten (liet (si|sy)|ls)\b/.test(key)) return { field: 'related_name', rank: 0 };
  if (/^ho (va )?ten [a-z]/.test(key)) return { field: 'name', rank: -1 };
  const split = /^(.*) (nam|nu)$/.exec(key);
  if (split) {
    const base = ALIASES.get(split[1] ?? '');
    const sex = sexOfSubHeader(split[2] ?? '');
    if (base && BIRTH_FIELDS.has(base.field) && sex) {
      return { field: sex === 'male' ? 'birth_date_male' : 'birth_date_female', rank: 0 };
    }
  }
  return null;
}

/** The field a single header cell names, or null. */
export function matchHeader(text: string): HeaderMatch | null {
  return matchHeaderKeyed(text, headerKey(text));
}

/** matchHeader for a cell whose headerKey is known already (every cell of every row is asked, see classify-row). */
export function matchHeaderKeyed(text: string, key: string): HeaderMatch | null {
  const found = byKey(key);
  if (found) return found;
  // "Số tiền (đồng)", "Ghi chú (nếu có)", "Họ và tên (2)": the bracketed part only explains.
  const bare = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  return bare === text ? null : byKey(headerKey(bare));
}

/**
 * Why a header names a column that is deliberately not used (the ID's issue date, a beneficiary code …), or
 * null. Asked only of headers no alias claims.
 */
export function ignoredHeader(text: string): string | null {
  const key = headerKey(text);
  const exact = IGNORED.get(key);
  if (exact !== undefined) return exact;
  const bare = headerKey(text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' '));
  return bare === key ? null : (IGNORED.get(bare) ?? null);
}
