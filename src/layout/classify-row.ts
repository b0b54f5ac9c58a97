// A row below the header is a candidate person or one of the SKIP_REASONS. The checks run from the most
// certain to the least: a row that carries a name with an ID or birth date is a person wherever it sits,
// while a name alone after the signature block is the signer's.
import type { Field, RawCell, RawRow, SkipReason } from '../types.js';
import { cellText } from './cell-text.js';
import { headerKey } from './header-key.js';
import { isColumnNumberRow } from './is-column-number-row.js';
import type { HeaderColumn } from './map-columns.js';
import { matchHeaderKeyed } from './match-header.js';

export interface ClassifyContext {
  readonly columns: readonly HeaderColumn[];
  /** A footer line (signatures, "Bằng chữ", the place and date) has been seen above this row. */
  readonly inFooter: boolean;
}

// Matched on folded text, so only phrases no family name starts with ("Tống" folds like "Tổng").
const SUBTOTAL = /^(cong (thon|xom|ap|ban|to|to dan pho|tdp|khu|khu pho|doi|nhom|dien|loai)|tong (thon|xom|ap|tdp|to dan pho|khu pho))\b/;
const TOTAL = /^(tong cong|tong so|tong$|cong toan|cong tong|tong toan|cong chung|cong xa|cong phuong)\b/;
// A bare "Cộng" needs its marks to be told from "Công"; unmarked, only "Cong" alone or "Cong:" counts.
// "Cộng I", "Cộng mục A": the subtotal of a numbered section.
const SECTION_SUBTOTAL = /^cong (muc |phan |nhom |dien )?([ivx]{1,4}|[a-h])( |$)/;
const SUBTOTAL_LOOSE = /^(cộng(?![\p{L}\p{M}])|cong\s*(:|$))/u;
const FOOTER = new RegExp(
  '^(' +
    [
      'nguoi lap', 'lap bieu', 'ke toan', 'chu tich', 'pho chu tich', 'kt chu tich', 'tm ubnd', 'tm uy ban',
      'ubnd xa', 'uy ban nhan dan', 'xac nhan', 'thu truong', 'giam doc', 'lanh dao', 'can bo', 'cong chuc',
      'truong thon', 'truong ban', 'bang chu', 'so tien bang chu', 'ky ghi ro ho ten', 'ky ho ten', 'ky va ghi ro',
      'noi nhan', 'ngay thang nam',
    ].join('|') +
    ')\\b|^(da ky|ky ten|ky nhan)$',
);
// "Xã Đông, ngày 25 tháng 12 năm 2026", "ngày … tháng … năm …".
const PLACE_AND_DATE = /\bngay\b.*\bthang\b.*\bnam\b/;
const HEADING_NUMBER = /^\s*([IVXLCDM]+|[A-Za-z]|\d{1,2})\s*[.)/:-]/;
// A heading with its counts or sums beside it: "I. NGƯỜI CAO TUỔI | 25 | 12.500.000", "Thôn Đông | 12 người".
// Roman numerals and letters only: "1. Nguyễn Văn An" is a person numbered in the name cell. No family name is
// one of these village words (unlike "Tô", "Đới", "Bàn", left out).
const LETTERED_HEADING = /^\s*([IVXLCDM]+|[A-H])\s*[.)/:-]\s*\p{L}/u;
const VILLAGE_HEADING = /^(thon|xom|ap|to dan pho|tdp|khu pho)( [^ ]+){1,3}$/;
const HEADING_WORD = /^(thon|xom|ap|to dan pho|tdp|khu pho|khu|xa|phuong|thi tran|nhom|doi tuong|dien|loai)\b/;

function fieldCell(row: RawRow, columns: readonly HeaderColumn[], field: Field): RawCell | undefined {
  const column = columns.find((c) => c.mapping.field === field);
  return column ? row.cells[column.mapping.index] : undefined;
}

function hasText(cell: RawCell | undefined): boolean {
  return cellText(cell) !== '';
}

function looksLikeName(cell: RawCell | undefined): boolean {
  return typeof cell?.value === 'string' && /\p{L}/u.test(cell.value);
}

function looksLikeId(cell: RawCell | undefined): boolean {
  const value = cell?.value;
  if (typeof value === 'number') return value >= 1e7;
  if (typeof value !== 'string') return false;
  return (value.match(/\d/g)?.length ?? 0) >= 8;
}

function looksLikeBirth(cell: RawCell | undefined): boolean {
  const value = cell?.value;
  if (value instanceof Date || typeof value === 'number') return true;
  if (typeof value !== 'string' || !/\d/.test(value)) return false;
  return (headerKey(value).match(/[a-z]/g)?.length ?? 0) <= 4;
}

const BIRTH: readonly Field[] = ['birth_date', 'birth_date_male', 'birth_date_female'];
const IDS: readonly Field[] = ['personal_id', 'old_id'];

function isRepeatedHeader(row: RawRow, columns: readonly HeaderColumn[]): boolean {
  let filled = 0;
  let matching = 0;
  for (let i = 0; i < columns.length; i += 1) {
    // Asked of every row: stop once the unmatched cells outnumber what the matched ones could still become.
    if (filled - matching > matching + (columns.length - i)) return false;
    const column = columns[i] as HeaderColumn;
    const text = cellText(row.cells[column.mapping.index]);
    if (text === '') continue;
    filled++;
    const key = headerKey(text);
    if (column.keys.includes(key)) {
      matching++;
      continue;
    }
    // Every header alias has letters: a figure, an ID or a date cannot name a column.
    if (!/[a-z]/.test(key)) continue;
    const field = matchHeaderKeyed(text, key)?.field ?? null;
    if (field !== null && field === column.mapping.field) matching++;
  }
  return matching >= 2 && matching * 2 >= filled;
}

/** The classification of one row below the header: a skip reason, or null for a candidate person row. */
export function classifyRow(row: RawRow, context: ClassifyContext): SkipReason | null {
  const { columns } = context;
  const texts = row.cells.map(cellText);
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 0) return 'blank';
  if (isColumnNumberRow(row)) return 'column_numbers';
  if (isRepeatedHeader(row, columns)) return 'repeated_header';

  const nameCell = fieldCell(row, columns, 'name');
  const hasName = looksLikeName(nameCell);
  const hasId = IDS.some((f) => hasText(fieldCell(row, columns, f)));
  const hasBirth = BIRTH.some((f) => hasText(fieldCell(row, columns, f)));
  const clearlyPerson =
    hasName &&
    (IDS.some((f) => looksLikeId(fieldCell(row, columns, f))) ||
      BIRTH.some((f) => looksLikeBirth(fieldCell(row, columns, f))));
  if (clearlyPerson) return null;

  // Totals are labelled in the first columns (STT, name), often merged across them.
  const nameIndex = columns.find((c) => c.mapping.field === 'name')?.mapping.index ?? 0;
  const firstFilled = texts.findIndex((t) => t !== '');
  const labelTexts = texts.filter((t, i) => t !== '' && (i <= nameIndex || i === firstFilled));
  const labels = labelTexts.map(headerKey);
  if (labels.some((k) => SUBTOTAL.test(k) || SECTION_SUBTOTAL.test(k))) return 'subtotal';
  if (labels.some((k) => TOTAL.test(k))) return 'total';
  if (labelTexts.some((t) => SUBTOTAL_LOOSE.test(t.normalize('NFC').toLowerCase()))) return 'subtotal';

  const keys = filled.map(headerKey);
  if (keys.some((k) => FOOTER.test(k) || PLACE_AND_DATE.test(k))) return 'footer';
  if (context.inFooter) return 'footer';

  // Sections are numbered I, II … or A, B … in the STT column, people 1, 2 …
  const stt = cellText(fieldCell(row, columns, 'stt'));
  if (!hasId && !hasBirth && /^([IVXLCDM]+|[A-Z])\.?$/.test(stt)) return 'section';

  const label = cellText(nameCell) || (texts[firstFilled] ?? '');
  if (!hasId && !hasBirth && (LETTERED_HEADING.test(label) || VILLAGE_HEADING.test(headerKey(label)))) return 'section';

  const distinct = new Set(filled);
  if (distinct.size === 1) {
    // One text alone on its row is a section heading ("Thôn 1", "I. Người cao tuổi"), unless it is a bare name.
    const only = filled[0] ?? '';
    const spread = filled.length > 1;
    const inNameColumn = hasText(nameCell) && cellText(nameCell) === only;
    if (spread || !inNameColumn || HEADING_NUMBER.test(only) || HEADING_WORD.test(headerKey(only))) {
      return /\p{L}/u.test(only) ? 'section' : 'no_person_data';
    }
  }
  if (!hasName && !hasId && !hasBirth) return 'no_person_data';
  return null;
}
