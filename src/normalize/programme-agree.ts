// Whether a row's programme column agrees with the section heading above it ("II. NGƯỜI CÓ CÔNG" over
// "Thương binh" does; "I. NGƯỜI CAO TUỔI" over "Người khuyết tật nặng" does not).
import { foldText } from './fold.js';

const key = (text: string): string => foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();

const NCC_WORDS = /\b(nguoi co cong|ncc|thuong binh|benh binh|liet si|liet sy|chat doc|than nhan|khang chien|me viet nam anh hung|cach mang|uu dai)\b/;
const BTXH_WORDS = /\b(nguoi cao tuoi|nct|khuyet tat|nkt|tre em|mo coi|don than|ho ngheo|btxh|bao tro xa hoi|tro giup xa hoi|tro cap xa hoi|huu tri xa hoi)\b/;
const GROUP_NAMES: ReadonlySet<string> = new Set([
  'btxh', 'bao tro xa hoi', 'doi tuong bao tro xa hoi', 'tro giup xa hoi', 'doi tuong tro giup xa hoi', 'ncc', 'nguoi co cong',
  'nguoi co cong voi cach mang', 'doi tuong nguoi co cong', 'uu dai nguoi co cong',
]);

/** The programme a category's words belong to ("Thương binh" → NCC, "NCT từ 80 tuổi" → BTXH), or null. */
export function programmeGroup(text: string): 'NCC' | 'BTXH' | null {
  return group(key(text));
}

function group(key: string): 'NCC' | 'BTXH' | null {
  if (NCC_WORDS.test(key)) return 'NCC';
  if (BTXH_WORDS.test(key)) return 'BTXH';
  return null;
}

/**
 * A programme column and the heading above agree: one contains the other, every word of the shorter is in the
 * longer, or the heading names the whole programme ("II. NGƯỜI CÓ CÔNG") the column's category belongs to.
 */
export function programmesAgree(column: string, heading: string): boolean {
  const [x, y] = [key(column), key(heading)];
  if (x.includes(y) || y.includes(x)) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  const longWords = new Set(long.split(' '));
  if (short.split(' ').every((w) => longWords.has(w))) return true;
  return GROUP_NAMES.has(y) && group(x) !== null && group(x) === group(y);
}
