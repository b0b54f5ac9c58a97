// Who is paid, and how. Paid: matched (automatically or by a review decision), alive, not a non-kept duplicate,
// a whole positive amount within the cap, and either a known bank with a valid account (bank) or no account at
// all (cash through the post office). Everything else is an Exclusion with a reason; nothing is dropped.
// A row whose account was written but could not be read is never sent to cash: its owner expects a transfer.
import type { Said } from '../errors.js';
import type { MatchResult } from '../match/types.js';
import { lineId } from './ids.js';
import type { PayOptions } from './options.js';
import { PaidOncePerPeriod, programmeCodesOf, type ProgrammePairs } from './paid-once.js';
import { programmeCode } from './programme-code.js';
import type { Exclusion, ExclusionReason, LedgerLine, Payee, PayInput } from './types.js';

const ACCOUNT = /^\d{6,19}$/;
const NO_CASH_NAME: Said = { vi: 'Dòng không có họ tên để ghi vào danh sách chi tiền mặt.', en: 'The row has no name to put on the cash list.' };

export interface EligibilityContext {
  /** Lines of ledgers already issued; those of this period count (paid-once.ts). */
  readonly previousLedger: readonly Pick<LedgerLine, 'lineId' | 'registryId' | 'programme'>[];
  /** The operator asked to pay those lines again. */
  readonly override: boolean;
  /** dedupe.allowedProgrammePairs: programmes one person may be paid together in a period. */
  readonly allowedProgrammePairs?: ProgrammePairs;
}

export interface Eligibility {
  readonly payees: Payee[];
  readonly exclusions: Exclusion[];
}

type Route =
  | { readonly ok: true; readonly channel: 'bank' | 'cash'; readonly name: string; readonly account: string | null; readonly viaRep: boolean }
  | { readonly ok: false; readonly reason: ExclusionReason; readonly detail: Said };

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** The channel, payee and account of a row that passed every other check. */
function route(r: MatchResult): Route {
  const p = r.person;
  const rep = p.rep?.name ? p.rep : null;
  if (rep && (rep.account || !blank(p.raw.rep_account))) {
    if (!rep.account) return { ok: false, reason: 'bad_account', detail: { vi: 'Số tài khoản của người nhận thay không đọc được thành 6 đến 19 chữ số.', en: "The representative's account number could not be read as 6 to 19 digits." } };
    return bankRoute(r, rep.account, rep.name!.display, true);
  }
  const ownName = p.name?.display ?? null;
  if (p.cash) {
    const name = rep?.name?.display ?? ownName;
    if (!name) return { ok: false, reason: 'no_name', detail: NO_CASH_NAME };
    return { ok: true, channel: 'cash', name, account: null, viaRep: rep !== null };
  }
  if (p.account || !blank(p.raw.account)) {
    if (!p.account) return { ok: false, reason: 'bad_account', detail: { vi: 'Số tài khoản không đọc được thành 6 đến 19 chữ số (gõ lại dưới dạng văn bản).', en: 'The account number could not be read as 6 to 19 digits (re-type it as text).' } };
    if (!ownName) return { ok: false, reason: 'no_name', detail: { vi: 'Dòng không có họ tên để ghi làm chủ tài khoản.', en: 'The row has no name to give as the account holder.' } };
    return bankRoute(r, p.account, ownName, false);
  }
  if (p.bank) return { ok: false, reason: 'bad_account', detail: { vi: `Có ghi ngân hàng ${p.bank.shortName} nhưng thiếu số tài khoản.`, en: `The bank ${p.bank.shortName} is named but the account number is missing.` } };
  const name = rep?.name?.display ?? ownName;
  if (!name) return { ok: false, reason: 'no_name', detail: NO_CASH_NAME };
  return { ok: true, channel: 'cash', name, account: null, viaRep: rep !== null };
}

function bankRoute(r: MatchResult, account: string, name: string, viaRep: boolean): Route {
  if (!r.person.bank) {
    const written = r.person.raw.bank?.trim();
    return { ok: false, reason: 'unknown_bank', detail: written
        ? { vi: 'Ngân hàng ghi trong dòng không phải ngân hàng đã biết.', en: 'The bank named in the row is not a known bank.' }
        : { vi: 'Có số tài khoản nhưng không ghi ngân hàng.', en: 'An account number is given but no bank.' },
    };
  }
  if (!ACCOUNT.test(account)) return { ok: false, reason: 'bad_account', detail: { vi: 'Số tài khoản không gồm 6 đến 19 chữ số.', en: 'The account number is not 6 to 19 digits.' } };
  return { ok: true, channel: 'bank', name, account, viaRep };
}

/**
 * The first reason, in EXCLUSION_REASONS order, that keeps the row from being paid; null when it may be paid
 * (accounts and banks aside). The one copy of these rules: report.html asks it too when no period is paid.
 */
export function statusReason(r: MatchResult, cap: number): { reason: ExclusionReason; detail: Said } | null {
  const marks = r.person.listMarks ?? [];
  if (marks.length > 0) {
    const said = marks.map((m) => m.text).join('; ');
    return { reason: 'list_removed', detail: { vi: `Chính danh sách ghi cắt người này: ${said}.`, en: `The list itself removes the person: ${said}.` } };
  }
  if (r.flags.includes('duplicate')) {
    return { reason: 'duplicate', detail: { vi: 'Trùng với một dòng khác được giữ lại (trùng lĩnh).', en: 'A duplicate of another row that is kept (trùng lĩnh).' } };
  }
  if (r.status === 'review') return { reason: 'review_pending', detail: { vi: 'Kết quả đối soát đang chờ quyết định xem xét.', en: 'The match waits for a review decision.' } };
  // Paying both rows of a possible duplicate before someone decides could pay one person twice.
  if (r.flags.includes('duplicate_review')) return { reason: 'review_pending', detail: { vi: 'Có thể trùng với một dòng khác, đang chờ quyết định.', en: 'A possible duplicate of another row waits for a decision.' } };
  if (r.status === 'unmatched') return { reason: 'unmatched', detail: { vi: 'Không tìm thấy trong CSDL quốc gia về dân cư.', en: 'Not found in the population registry.' } };
  if (r.status === 'invalid') return { reason: 'invalid', detail: { vi: 'Không đối soát được dòng này: số định danh hoặc họ tên bị thiếu hay không hợp lệ.', en: 'The row cannot be matched: its ID or name is missing or invalid.' } };
  if (!r.registryId) return { reason: 'unmatched', detail: { vi: 'Đã khớp, nhưng không ghi được số định danh trong CSDL.', en: 'Matched, but no registry ID was recorded.' } };
  if (r.flags.includes('deceased') || r.deathDate !== null) return { reason: 'deceased', detail: { vi: 'CSDL quốc gia về dân cư ghi người này đã chết.', en: 'The population registry records the person as dead.' } };
  const amount = r.person.amount;
  if (amount === null) return { reason: 'no_amount', detail: { vi: 'Dòng không có số tiền.', en: 'The row has no amount.' } };
  if (!Number.isSafeInteger(amount) || amount <= 0) return { reason: 'amount_not_positive', detail: { vi: 'Số tiền không phải số đồng nguyên lớn hơn 0.', en: 'The amount is not a whole number of đồng above zero.' } };
  if (amount > cap) return { reason: 'amount_over_cap', detail: { vi: `Số tiền vượt mức trần ${cap} đồng cho một dòng.`, en: `The amount is above the cap of ${cap} đồng for one line.` } };
  return null;
}

export function decideEligibility(results: PayInput, options: PayOptions, context: EligibilityContext): Eligibility {
  const payees: Payee[] = [];
  const exclusions: Exclusion[] = [];
  const pairs = context.allowedProgrammePairs ?? [];
  const codes = programmeCodesOf(results.map((r) => r.person.programme), pairs, (p) => programmeCode(p, options.programmeCodes));
  const paidOnce = new PaidOncePerPeriod(options.period, context.previousLedger, pairs, codes, context.override);
  for (const result of results) {
    const blocked = statusReason(result, options.amountCap);
    if (blocked) {
      exclusions.push({ result, ...blocked });
      continue;
    }
    const routed = route(result);
    if (!routed.ok) {
      exclusions.push({ result, reason: routed.reason, detail: routed.detail });
      continue;
    }
    const registryId = result.registryId!;
    const programme = programmeCode(result.person.programme, options.programmeCodes);
    const id = lineId(options.period, programme, registryId);
    // Once per person and period, whatever the programme (paid-once.ts).
    const once = paidOnce.check(result, registryId, result.person.programme, programme);
    if (!once.ok) {
      exclusions.push({ result, reason: once.reason, detail: once.detail });
      continue;
    }
    paidOnce.record(result, registryId, result.person.programme, programme);
    payees.push({
      result,
      lineId: id,
      registryId,
      programme,
      channel: routed.channel,
      payeeName: routed.name,
      account: routed.account,
      bank: routed.channel === 'bank' ? result.person.bank : null,
      amount: result.person.amount!,
      viaRep: routed.viaRep,
      overridden: once.overridden,
    });
  }
  return { payees, exclusions };
}
