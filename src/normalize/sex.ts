// The sex column: Nam/Nữ in any case, with or without marks, 1/0, M/F, Male/Female.
// 1 = Nam, 0 = Nữ: the coding commune lists commonly use for "Giới tính". A list coded the other way round
// does not go unnoticed: checkIdAgainstPerson then reports id_sex_mismatch on nearly every row.
import type { Normalized, RawCell, Sex } from '../types.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';

const WORDS: ReadonlyMap<string, Sex> = new Map([
  ['nam', 'M'],
  ['nam gioi', 'M'],
  ['m', 'M'],
  ['male', 'M'],
  ['trai', 'M'],
  ['1', 'M'],
  ['nu', 'F'],
  ['nu gioi', 'F'],
  ['f', 'F'],
  ['female', 'F'],
  ['gai', 'F'],
  ['0', 'F'],
]);

export function normalizeSex(cell: RawCell | null): Normalized<Sex> {
  const v = cell?.value ?? null;
  if (v === null) return { value: null, findings: [] };
  const key = foldText(String(v)).replace(/[.:]/g, '');
  if (key === '') return { value: null, findings: [] };
  const sex = v instanceof Date || typeof v === 'boolean' ? undefined : WORDS.get(key);
  if (sex === undefined) return { value: null, findings: [finding('sex_unreadable', 'The sex is not Nam/Nữ, 1/0, M/F or Male/Female.')] };
  return { value: sex, findings: [] };
}
