// Pieces of the title rows of the lists to sign: the village line, the commune and the period.
import { foldText } from '../normalize/fold.js';
import { UNKNOWN_ISSUER, issuerTitle } from './issuer-title.js';

/** Words a village's own name starts with: "Thôn Đồng Tâm" is not written "Thôn: Thôn Đồng Tâm". */
const VILLAGE_WORD = /^(thon|xom|ban|ap|to|to dan pho|tdp|khu|khu pho|khom|khoi|buon|lang|soc|plei|doi|cum|lang)\b/;
const COMMUNE_WORD = /^(xa|phuong|thi tran|dac khu)\b/;

/** "Thôn Đồng Tâm" as it is, "Đồng Tâm" as "Thôn: Đồng Tâm", with the commune after a dash when known. */
export function villageLine(village: string, commune: string | null): string {
  const place = VILLAGE_WORD.test(foldText(village)) ? village : `Thôn: ${village}`;
  if (!commune) return place;
  return `${place} - ${COMMUNE_WORD.test(foldText(commune)) ? commune : `Xã ${commune}`}`;
}

/** "Tháng 3 năm 2025" from "2025-03". */
export function periodText(period: string): string {
  const [yyyy, mm] = period.split('-');
  return `Tháng ${Number(mm)} năm ${yyyy}`;
}

/** The issuer of one commune's list: the one given, else that commune's ("UBND XÃ AN PHÚ"). */
export function communeIssuer(issuer: string, commune: string | null): string {
  return issuer === UNKNOWN_ISSUER && commune ? issuerTitle('', [commune]) : issuer;
}
