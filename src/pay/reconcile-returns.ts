// Marks each ledger line with what the bank's result file says about it. A result row is tied to its line by the
// line ID when the bank echoes it, else by account and amount (the first line not yet tied, in ledger order).
// Anything that does not fit is flagged, never guessed: a row for no ledger line, an amount that differs, a
// result that is neither paid nor failed, two different results for one line.
// A result file is one bank's (or a few banks'): only the ledger lines of those banks are judged; the others,
// cash lines included, are left out of its report rather than reported as having no result.
import type { LedgerLine } from './types.js';
import type { ReturnRow } from './return-rows.js';

const OUR_LINE_ID = /^L\d{4}[0-9A-HJKMNP-TV-Z]{10}$/;

export type LineResult = 'paid' | 'failed' | 'amount_mismatch' | 'unclear' | 'conflict' | 'no_result';
export type StrayKind = 'unknown_line' | 'repeated_result' | 'other_bank';

export interface LineOutcome {
  readonly line: LedgerLine;
  readonly result: LineResult;
  readonly returnedAmount: number | null;
  readonly reason: string;
  /** Row of the return file the result came from. */
  readonly returnRow: number | null;
}

/** A row of the return file tied to no ledger line, repeating a result already given, or naming a line of a bank it does not judge. */
export interface StrayReturn {
  readonly row: ReturnRow;
  readonly kind: StrayKind;
}

export interface ReturnsOutcome {
  readonly lines: readonly LineOutcome[];
  readonly strays: readonly StrayReturn[];
  /** Ledger lines of other banks (and cash lines): not judged by this result file. */
  readonly leftOut: readonly LedgerLine[];
}

/** banks: the BINs whose lines the result file answers for; every line is judged when it is not given. */
export function reconcileReturns(whole: readonly LedgerLine[], returns: readonly ReturnRow[], banks?: ReadonlySet<string>): ReturnsOutcome {
  const judged = (l: LedgerLine): boolean => banks === undefined || (l.channel === 'bank' && banks.has(l.bankBin));
  const ledger = whole.filter(judged);
  const leftOut = whole.filter((l) => !judged(l));
  const otherBanks = new Set(leftOut.map((l) => l.lineId.toUpperCase()));
  const byId = new Map(ledger.map((l, i) => [l.lineId.toUpperCase(), i]));
  const outcomes: (LineOutcome | null)[] = ledger.map(() => null);
  const strays: StrayReturn[] = [];

  const find = (r: ReturnRow): number | null => {
    if (r.lineId !== null && byId.has(r.lineId)) return byId.get(r.lineId)!;
    // One of our line IDs that this ledger does not hold belongs to another run: never tie it by account.
    if (r.lineId !== null && OUR_LINE_ID.test(r.lineId)) return null;
    if (r.account === null) return null;
    const sameAccount = ledger.map((l, i) => i).filter((i) => ledger[i]!.account === r.account);
    const open = sameAccount.filter((i) => outcomes[i] === null);
    const exact = open.find((i) => ledger[i]!.amount === r.amount);
    if (exact !== undefined) return exact;
    // One open line on that account, another amount: it is that line, and the amount is the problem.
    if (open.length === 1) return open[0]!;
    // The account was already answered for: a repeat, reported as such below.
    if (open.length === 0) return sameAccount.find((i) => ledger[i]!.amount === r.amount) ?? null;
    return null;
  };

  for (const r of returns) {
    if (r.lineId !== null && otherBanks.has(r.lineId)) {
      strays.push({ row: r, kind: 'other_bank' });
      continue;
    }
    const i = find(r);
    if (i === null) {
      strays.push({ row: r, kind: 'unknown_line' });
      continue;
    }
    const line = ledger[i]!;
    const earlier = outcomes[i];
    if (earlier) {
      strays.push({ row: r, kind: 'repeated_result' });
      const earlierStatus = earlier.result === 'paid' || earlier.result === 'failed' ? earlier.result : null;
      if (r.status !== null && earlierStatus !== null && r.status !== earlierStatus) {
        outcomes[i] = { ...earlier, result: 'conflict', reason: `Rows ${earlier.returnRow} and ${r.row} of the result file disagree (${earlierStatus} / ${r.status}).` };
      }
      continue;
    }
    let result: LineResult;
    let reason = r.reason;
    if (r.amount !== null && r.amount !== line.amount) {
      result = 'amount_mismatch';
      reason = `The bank reports ${r.amount} đồng (${r.statusText || 'no result'}); the ledger says ${line.amount}.${r.reason ? ` ${r.reason}` : ''}`;
    } else if (r.status === null) {
      result = 'unclear';
      reason = `The result ${JSON.stringify(r.statusText)} says neither paid nor failed.${r.reason ? ` ${r.reason}` : ''}`;
    } else {
      result = r.status;
    }
    outcomes[i] = { line, result, returnedAmount: r.amount, reason, returnRow: r.row };
  }

  return {
    lines: ledger.map((line, i) => outcomes[i] ?? { line, result: 'no_result', returnedAmount: null, reason: '', returnRow: null }),
    strays,
    leftOut,
  };
}
