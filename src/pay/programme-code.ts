import { foldText } from '../normalize/fold.js';
import { plainAscii } from './text-rules.js';

/**
 * The short code a programme goes by in IDs and descriptions: the configured code for the folded text
 * ("Bảo trợ xã hội" → BTXH), else the text itself in plain upper-case ASCII without spaces.
 */
export function programmeCode(programme: string | null, codes: Readonly<Record<string, string>>): string {
  if (programme === null) return '';
  const folded = foldText(programme);
  if (folded === '') return '';
  const known = codes[folded];
  if (known !== undefined) return known;
  return plainAscii(programme).toUpperCase().replace(/\s+/g, '');
}
