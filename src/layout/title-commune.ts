// Official lists name their commune in the title ("UBND XÃ XUÂN LÂM", "ỦY BAN NHÂN DÂN PHƯỜNG 3") rather than in
// a column; reports per commune and the duplicate rule "keep the row of the person's own commune" need it.
import type { RawRow } from '../types.js';
import { cellText } from './cell-text.js';

const TITLE = /^(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(?:XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\s+(.+)$/iu;

function titleCase(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .map((w) => (w === '' ? w : w[0]!.toLocaleUpperCase('vi') + w.slice(1)))
    .join(' ');
}

/** The commune named by the first "UBND XÃ …" line above the header, or null. */
export function titleCommune(rowsAbove: readonly RawRow[]): string | null {
  for (const row of rowsAbove) {
    for (const cell of row.cells) {
      const m = TITLE.exec(cellText(cell).normalize('NFC').replace(/\s+/g, ' ').trim());
      if (m) return titleCase(m[1]!.replace(/[.,:;]+$/, '').trim());
    }
  }
  return null;
}
