import type { CommuneSummary } from '../commune-folders.js';
// What report.html is built from: the run's match results (after dedupe flags), the lists read, and optionally the
// payment stage's lines and exceptions. Every field can be filled from match-report.csv-level data.
import type { MatchResult } from '../../match/types.js';

export interface HtmlListInfo {
  readonly file: string;
  readonly rowsRead: number;
  readonly people: number;
  readonly skipped: number;
}

/** A row the payment stage did not pay, with the reason as the officer reads it (Vietnamese label). */
export interface HtmlPaymentException {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly reason: string;
  readonly detail?: string;
}

/** A paid line, traced to its source row (ledger.csv: source_file, source_sheet, source_row, amount). */
export interface HtmlPaidLine {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly amount: number;
}

export interface HtmlPayments {
  readonly paid: readonly HtmlPaidLine[];
  readonly exceptions: readonly HtmlPaymentException[];
}

/** A file of the --lists folder not read as a list, and why (reason codes of find-lists.ts). */
export interface HtmlPassedOver {
  readonly name: string;
  readonly reason: string;
  readonly message: string;
}

export interface HtmlReportInput {
  readonly results: readonly MatchResult[];
  /** 'YYYY-MM-DD', the run's date: the only date on the page. */
  readonly runDate: string;
  readonly toolVersion: string;
  readonly lists: readonly HtmlListInfo[];
  /** Folder mode: the files passed over (shown under the lists read); absent when lists were given one by one. */
  readonly passedOver?: readonly HtmlPassedOver[];
  /** Absent: the amount to pay is estimated from the match results (the page says how). */
  readonly payments?: HtmlPayments;
  /** Fuzzy thresholds (bits), drawn on the score histogram when given. */
  readonly thresholds?: { readonly match: number; readonly review: number };
  /** Mask names too (IDs and accounts are always masked), and leave out free-text explanations. */
  readonly redact?: boolean;
  /** A run over several communes: each one's folder and figures. */
  readonly communes?: readonly CommuneSummary[];
}
