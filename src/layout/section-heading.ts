// What a section row, a sheet's name or its title says about the people under it: their village ("Thôn 1",
// "Xóm Đông") or their programme ("I. NGƯỜI CAO TUỔI", "A. Người khuyết tật nặng", a sheet named "NCT").
import type { RawCell, RawRow } from '../types.js';
import { cellText } from './cell-text.js';
import { headerKey } from './header-key.js';
import { programmeGroup } from '../normalize/programme-agree.js';

export interface Heading {
  readonly kind: 'village' | 'programme';
  /** The heading as written, without its numbering. */
  readonly text: string;
}

const NUMBERING = /^\s*(?:[IVXLCDM]+|[A-Za-z]|\d{1,2})\s*[.)/:-]\s*/;
const BARE_NUMBERING = /^\s*(?:[IVXLCDM]+|[A-Z]|\d{1,2})\s*[.)/:-]?\s*$/;
const VILLAGE = /^(thon|xom|ap|ban|buon|lang|to dan pho|tdp|khu pho|khu dan cu|kdc|khom|to)\b/;
// Stricter for a title line: "BAN CHỈ ĐẠO …", "TỔ CÔNG TÁC …" are not villages.
const VILLAGE_TITLE = /^(thon|xom|ap|to dan pho|tdp|khu pho)\b/;

function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').replace(/[.:;,]+$/, '').trim();
}

/** The heading of a section row: its first non-empty text, the numbering in the STT column joined to the next. */
export function sectionHeading(cells: readonly RawCell[]): Heading | null {
  const texts = cells.map(cellText).filter((t) => t !== '');
  const distinct = [...new Set(texts)];
  let text = distinct[0] ?? '';
  if (BARE_NUMBERING.test(text) && distinct.length > 1) text = distinct[1]!;
  text = tidy(text.replace(NUMBERING, ''));
  if (!/\p{L}/u.test(text)) return null;
  return { kind: VILLAGE.test(headerKey(text)) ? 'village' : 'programme', text };
}

/** What the sheet's name, else its title rows, say of the people on it. */
export function sheetHeading(sheetName: string, titleRows: readonly RawRow[]): { village: string | null; programme: string | null } {
  let village: string | null = null;
  let programme: string | null = null;
  const name = tidy(sheetName);
  const nameKey = headerKey(name);
  // "Sheet1", "Trang 2" say nothing.
  if (VILLAGE.test(nameKey) && !/^(sheet|trang|page)\b/.test(nameKey)) village = name;
  else if (programmeGroup(name) !== null) programme = name;
  for (const row of titleRows) {
    for (const text of new Set(row.cells.map(cellText).filter((t) => t !== ''))) {
      const key = headerKey(text);
      // A title line that is only a village: "THÔN ĐÔNG", "Xóm 3".
      if (village === null && VILLAGE_TITLE.test(key) && key.split(' ').length <= 5) village = tidy(text);
    }
  }
  return { village, programme };
}
