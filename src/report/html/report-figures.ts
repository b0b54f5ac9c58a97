// The totals the provinces report, per commune and programme: counted once here, then only formatted.
import type { MatchResult, MatchStatus } from '../../match/types.js';
import type { HtmlPayments } from './html-report-input.js';
import { communeOf, estimatedExclusion, inReviewQueue, isDeceased, programmeOf, provKey } from './row-rules.js';

export const STATUSES: readonly MatchStatus[] = ['matched', 'review', 'unmatched', 'invalid'];

export interface Figures {
  people: number;
  matched: number;
  withAccount: number;
  review: number;
  duplicate: number;
  deceased: number;
  amount: number;
  statuses: Record<MatchStatus, number>;
}

export interface ProgrammeFigures {
  readonly programme: string;
  readonly figures: Figures;
}

export interface CommuneFigures {
  readonly commune: string;
  readonly figures: Figures;
  /** In order of first appearance in the lists. */
  readonly programmes: readonly ProgrammeFigures[];
}

export interface ReportFigures {
  /** In order of first appearance in the lists. */
  readonly communes: readonly CommuneFigures[];
  readonly total: Figures;
  /** Paid lines that point at no row of the run (should be 0; shown when not). */
  readonly unjoinedPaidLines: number;
}

function emptyFigures(): Figures {
  return {
    people: 0,
    matched: 0,
    withAccount: 0,
    review: 0,
    duplicate: 0,
    deceased: 0,
    amount: 0,
    statuses: { matched: 0, review: 0, unmatched: 0, invalid: 0 },
  };
}

function add(f: Figures, r: MatchResult, amount: number): void {
  f.people += 1;
  if (r.status === 'matched') f.matched += 1;
  // A representative's account is where the money goes, so it counts as having an account.
  if (r.person.account !== null || (r.person.rep?.account ?? null) !== null) f.withAccount += 1;
  if (inReviewQueue(r)) f.review += 1;
  if (r.flags.includes('duplicate')) f.duplicate += 1;
  if (isDeceased(r)) f.deceased += 1;
  f.amount += amount;
  f.statuses[r.status] += 1;
}

export function reportFigures(results: readonly MatchResult[], payments: HtmlPayments | undefined): ReportFigures {
  const paid = new Map<string, number>();
  for (const line of payments?.paid ?? []) {
    const key = provKey(line.file, line.sheet, line.row);
    paid.set(key, (paid.get(key) ?? 0) + line.amount);
  }
  const joined = new Set<string>();
  const communes = new Map<string, { figures: Figures; programmes: Map<string, Figures> }>();
  const total = emptyFigures();
  for (const r of results) {
    const key = provKey(r.person.prov.file, r.person.prov.sheet, r.person.prov.row);
    let amount = 0;
    if (payments) {
      amount = paid.get(key) ?? 0;
      if (paid.has(key)) joined.add(key);
    } else if (estimatedExclusion(r) === null) {
      amount = r.person.amount!;
    }
    const name = communeOf(r);
    let c = communes.get(name);
    if (!c) {
      c = { figures: emptyFigures(), programmes: new Map() };
      communes.set(name, c);
    }
    const programme = programmeOf(r);
    let p = c.programmes.get(programme);
    if (!p) {
      p = emptyFigures();
      c.programmes.set(programme, p);
    }
    add(p, r, amount);
    add(c.figures, r, amount);
    add(total, r, amount);
  }
  return {
    communes: [...communes].map(([commune, c]) => ({
      commune,
      figures: c.figures,
      programmes: [...c.programmes].map(([programme, figures]) => ({ programme, figures })),
    })),
    total,
    unjoinedPaidLines: [...paid.keys()].filter((k) => !joined.has(k)).length,
  };
}
