// The first title line of a printed list: the office that issues it, in capitals ("UBND XÃ TÂN LẬP").
import { foldText } from '../normalize/fold.js';

/** The first title line when the commune is not known: left for the officer to write in. */
export const UNKNOWN_ISSUER = 'UBND XÃ ..........................';

const UNIT = /^(xa|phuong|thi tran|dac khu) /;

export function issuerTitle(issuer: string, communes: readonly (string | null)[]): string {
  if (issuer.trim() !== '') return issuer.trim().toLocaleUpperCase('vi');
  const distinct = [...new Set(communes.filter((c): c is string => c !== null && c.trim() !== '').map((c) => c.trim()))];
  if (distinct.length !== 1) return UNKNOWN_ISSUER;
  const commune = distinct[0]!;
  return (UNIT.test(foldText(commune)) ? `UBND ${commune}` : `UBND xã ${commune}`).toLocaleUpperCase('vi');
}
