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

const DISTRICT = /^(?:(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+)?(HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ)\s+(.+)$/iu;
const PROVINCE = /^(?:(?:UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+)?(TỈNH)\s+(.+)$/iu;

/**
 * The district and province the title rows name ("UBND HUYỆN QUẢNG XƯƠNG", "TỈNH THANH HÓA"): with the commune,
 * they tell which of the many communes of one name a list is from. A "Thành phố" line is taken as a district only
 * when a commune line follows it in the titles; "UBND THÀNH PHỐ HÀ NỘI" alone says nothing sure.
 */
export function titlePlace(rowsAbove: readonly RawRow[]): { readonly district: string | null; readonly province: string | null } {
  let district: string | null = null;
  let province: string | null = null;
  for (const row of rowsAbove) {
    for (const cell of row.cells) {
      const text = cellText(cell).normalize('NFC').replace(/\s+/g, ' ').trim();
      const d = DISTRICT.exec(text);
      if (d && district === null) district = `${titleCase(d[1]!)} ${titleCase(d[2]!.replace(/[.,:;]+$/, '').trim())}`;
      const p = PROVINCE.exec(text);
      if (p && province === null) province = `Tỉnh ${titleCase(p[2]!.replace(/[.,:;]+$/, '').trim())}`;
    }
  }
  return { district, province };
}
