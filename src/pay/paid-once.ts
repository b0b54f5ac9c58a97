// A person is paid once per period. Both guards key on the registry person and the period, not the programme:
// the in-run rule (a second row of the same person in this run) and the ledger rule (a line of an issued ledger,
// --paid-ledger). A second programme for the same person in the same period is paid only when the two programmes
// are a pair listed in dedupe.allowedProgrammePairs (e.g. a war invalid who is also 80+); the operator's
// --override-reason pays again lines of an issued ledger, never a second row of this run.
//
// A ledger line's period is in its line ID (ids.ts: period, programme, person); its programme is in the ledger's
// `programme` column, or, in a ledger written before that column, recognised by the line ID too.
import type { Said } from '../errors.js';
import type { MatchResult } from '../match/types.js';
import { allowedTogether } from '../dedupe/programme-pairs.js';
import { lineId } from './ids.js';
import type { LedgerLine } from './types.js';

export type ProgrammePairs = readonly (readonly [string, string])[];

/** The key both guards use: one registry person in one period. */
export function personPeriodKey(period: string, registryId: string): string {
  return `${period}\u001f${registryId}`;
}

/** The programme texts a ledger line may be under, with their codes: the run's own and the configured pairs'. */
export function programmeCodesOf(
  programmes: Iterable<string | null>,
  pairs: ProgrammePairs,
  code: (programme: string) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of programmes) if (p !== null && !out.has(p)) out.set(p, code(p));
  for (const pair of pairs) for (const p of pair) if (!out.has(p)) out.set(p, code(p));
  return out;
}

/** A line ID's period tag: 'L2612…' → '2612' (ids.ts). */
function lineIdPeriodTag(id: string): string {
  return id.slice(1, 5);
}

export type PaidOnceVerdict =
  | { readonly ok: true; readonly overridden: boolean }
  | { readonly ok: false; readonly reason: 'duplicate' | 'already_paid'; readonly detail: Said };

interface IssuedLine {
  readonly lineId: string;
  /** As the list wrote it; null in a ledger written before the ledger recorded it. */
  readonly programme: string | null;
}

interface PaidRow {
  readonly result: MatchResult;
  readonly programme: string | null;
  readonly code: string;
}

/** What a row is checked against: the rows of this run already paid, and the issued ledgers' lines. */
export class PaidOncePerPeriod {
  private readonly paid = new Map<string, PaidRow[]>();
  /** Issued ledger lines of this period, by registry person. */
  private readonly issued = new Map<string, IssuedLine[]>();

  constructor(
    private readonly period: string,
    previousLedger: readonly Pick<LedgerLine, 'lineId' | 'registryId' | 'programme'>[],
    private readonly pairs: ProgrammePairs,
    /** Programme texts (the run's and the pairs') with their codes, to recognise an old ledger line's programme. */
    private readonly programmes: ReadonlyMap<string, string>,
    private readonly override: boolean,
  ) {
    const tag = lineId(period, '', '').slice(1, 5);
    for (const l of previousLedger) {
      if (l.registryId === '' || lineIdPeriodTag(l.lineId) !== tag) continue;
      const key = personPeriodKey(period, l.registryId);
      const ids = this.issued.get(key) ?? [];
      ids.push({ lineId: l.lineId, programme: l.programme ?? null });
      this.issued.set(key, ids);
    }
  }

  /** May this row be paid? `programme` as written, `code` its short code. */
  check(result: MatchResult, registryId: string, programme: string | null, code: string): PaidOnceVerdict {
    const key = personPeriodKey(this.period, registryId);
    for (const earlier of this.paid.get(key) ?? []) {
      if (earlier.code !== code && allowedTogether(programme, earlier.programme, this.pairs)) continue;
      const at = earlier.result.person.prov;
      const what = earlier.code === code ? 'this programme' : `programme ${earlier.code || '(none)'}, a pair not in dedupe.allowedProgrammePairs,`;
      const whatVi = earlier.code === code ? 'chế độ này' : `chế độ ${earlier.code || '(không có)'}, một cặp không có trong dedupe.allowedProgrammePairs,`;
      const where = `${at.file}${at.sheet ? ` / ${at.sheet}` : ''}`;
      return {
        ok: false,
        reason: 'duplicate',
        detail: {
          vi: `Cùng một người trong CSDL đã được chi kỳ này theo ${whatVi} ở ${where} dòng ${at.row}.`,
          en: `The same registry person is already paid for this period under ${what} by ${where} row ${at.row}.`,
        },
      };
    }
    const issued = this.issued.get(key) ?? [];
    if (issued.length === 0) return { ok: true, overridden: false };
    const own = lineId(this.period, code, registryId);
    const same = issued.some((l) => l.lineId === own);
    const blocking = issued.filter((l) => l.lineId !== own && !this.allowedBeside(programme, code, registryId, l));
    if (!same && blocking.length === 0) return { ok: true, overridden: false };
    if (this.override) return { ok: true, overridden: true };
    const detail: Said = same
      ? { vi: `Dòng ${own} đã có trong bảng kê đã phát hành của kỳ và chế độ này.`, en: `Line ${own} is in an issued ledger for this period and programme.` }
      : {
          vi: `Dòng ${blocking[0]!.lineId} của một bảng kê đã phát hành đã chi cho người này kỳ này theo chế độ khác (không phải một cặp trong dedupe.allowedProgrammePairs).`,
          en: `Line ${blocking[0]!.lineId} of an issued ledger already pays this registry person for this period under another programme (not a pair in dedupe.allowedProgrammePairs).`,
        };
    return { ok: false, reason: 'already_paid', detail };
  }

  /** Record a row as paid in this run. */
  record(result: MatchResult, registryId: string, programme: string | null, code: string): void {
    const key = personPeriodKey(this.period, registryId);
    const rows = this.paid.get(key) ?? [];
    rows.push({ result, programme, code });
    this.paid.set(key, rows);
  }

  /**
   * The issued line is this person's line under a programme allowed beside the row's own: by the programme the
   * ledger records, or, for a ledger written before it recorded one, by trying the line ID of every programme
   * text of this run and of the configured pairs.
   */
  private allowedBeside(programme: string | null, code: string, registryId: string, issued: IssuedLine): boolean {
    if (issued.programme !== null) return allowedTogether(programme, issued.programme, this.pairs);
    for (const [other, otherCode] of this.programmes) {
      if (otherCode === code || !allowedTogether(programme, other, this.pairs)) continue;
      if (lineId(this.period, otherCode, registryId) === issued.lineId) return true;
    }
    return false;
  }
}
