// What the payment stage takes and hands back. Input: the deduplicated match results of a run, plus options.
import type { Lang } from '../config/settings.js';
import type { Said } from '../errors.js';
import type { MatchResult } from '../match/types.js';
import type { BankRef } from '../types.js';
import type { OutputFile } from '../write/output-spec.js';
import type { DebitAccount } from './options.js';

export type PayInput = readonly MatchResult[];

export type Channel = 'bank' | 'cash';

/** Why a row is not paid; the first that applies wins, in this order. */
export const EXCLUSION_REASONS = [
  'list_removed',
  'duplicate',
  'review_pending',
  'unmatched',
  'invalid',
  'deceased',
  'no_amount',
  'amount_not_positive',
  'amount_over_cap',
  'unknown_bank',
  'bad_account',
  'no_name',
  'already_paid',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A row that is paid, before it is put in a batch. */
export interface Payee {
  readonly result: MatchResult;
  readonly lineId: string;
  readonly registryId: string;
  /** Short programme code used in IDs and descriptions ('' when the list names none). */
  readonly programme: string;
  readonly channel: Channel;
  /** Who receives the money, as a person reads it (the representative when one is named). */
  readonly payeeName: string;
  /** bank: the account paid into (the representative's when one is named); cash: null. */
  readonly account: string | null;
  readonly bank: BankRef | null;
  readonly amount: number;
  /** Paid to the representative (người nhận thay). */
  readonly viaRep: boolean;
  /** Paid although already in the previous ledger: the operator's override. */
  readonly overridden: boolean;
}

export interface Exclusion {
  readonly result: MatchResult;
  readonly reason: ExclusionReason;
  /** In English, for the exceptions sheet. */
  /** Why, for the officer (exceptions.xlsx "Chi tiết", report.html), in both languages. */
  readonly detail: Said;
}

/** One payment line as the bank file, cash list and ledger show it. */
export interface PaymentLine extends Payee {
  readonly batchId: string;
  /** Account holder in capitals without diacritics ('' for cash). */
  readonly accountName: string;
  readonly description: string;
  readonly debit: DebitAccount | null;
}

/** One line of ledger.csv: the contract auditors and scripts rely on. */
export interface LedgerLine {
  readonly batchId: string;
  readonly lineId: string;
  readonly sourceFile: string;
  readonly sourceSheet: string;
  readonly sourceRow: number;
  readonly registryId: string;
  readonly bankBin: string;
  readonly account: string;
  readonly accountName: string;
  readonly amount: number;
  readonly description: string;
  readonly channel: Channel;
  /** The programme as the list wrote it; undefined when read from a ledger written before this column. */
  readonly programme?: string;
  /** The operator's --override-reason on a line paid again although an issued ledger had it; '' otherwise. */
  readonly overrideReason?: string;
}

export interface PayContext {
  /** 'YYYY-MM-DD': stamps CreDtTm and the execution date; the clock is never read. */
  readonly runDate: string;
  /** Ledgers already issued (sent to the bank or the post office); their lines are not paid again. */
  readonly previousLedger?: readonly LedgerLine[];
  /** Pay again lines found in previousLedger; the reason goes to the summary (and the manifest). */
  readonly override?: { readonly reason: string };
  /** dedupe.allowedProgrammePairs: programmes one person may be paid together in a period. */
  readonly allowedProgrammePairs?: readonly (readonly [string, string])[];
  /** settings.lang: the language of the explanations in exceptions.xlsx (default Vietnamese). */
  readonly lang?: Lang;
}

export interface BatchSummary {
  readonly batchId: string;
  readonly channel: Channel;
  readonly bankBin: string;
  readonly debitAccountId: string;
  readonly file: string;
  readonly lines: number;
  readonly amount: number;
}

export interface PaySummary {
  readonly period: string;
  readonly bankLines: number;
  readonly bankAmount: number;
  readonly cashLines: number;
  readonly cashAmount: number;
  readonly exceptions: number;
  readonly byReason: Readonly<Record<ExclusionReason, number>>;
  readonly batches: readonly BatchSummary[];
  /** Set when the operator overrode "already paid": who was paid again, and why. */
  readonly override: { readonly reason: string; readonly lineIds: readonly string[] } | null;
  /** Things the operator should know (e.g. why no pain.001 file was written), in English. */
  readonly notes: readonly string[];
}

export interface PaymentsBuilt {
  readonly files: OutputFile[];
  /** Every line paid, bank then cash, as the files hold them. */
  readonly lines: readonly PaymentLine[];
  readonly summary: PaySummary;
  readonly ledger: readonly LedgerLine[];
  /** Every row not paid, with its reason (what exceptions.xlsx lists). */
  readonly exclusions: readonly Exclusion[];
}
