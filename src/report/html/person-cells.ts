// The cells that identify a person in the review queue and the exceptions, masked as the page requires: IDs
// always, names when the report is redacted (officers need names to act; a shared copy does not).
import type { MatchResult } from '../../match/types.js';
import type { PartialDate } from '../../types.js';
import { maskId, maskName } from '../mask.js';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Written as Vietnamese dates are, with only what is known: 07/03/1945, 03/1945 or 1945. */
function birthText(d: PartialDate | null, redact: boolean): string {
  if (!d) return '';
  if (redact || d.month === null) return String(d.year);
  if (d.day === null) return `${pad2(d.month)}/${d.year}`;
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

export interface PersonCells {
  readonly name: string;
  readonly birth: string;
  readonly id: string;
}

export function personCells(r: MatchResult, redact: boolean): PersonCells {
  const p = r.person;
  const name = p.name?.display ?? p.raw.name?.trim() ?? '';
  return {
    name: redact ? maskName(name) : name,
    birth: birthText(p.birth, redact),
    id: maskId(p.personalId ?? p.raw.personal_id?.trim() ?? p.oldId ?? ''),
  };
}
