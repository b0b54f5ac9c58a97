// Every row that is not paid, with why, so that nobody is left out silently: the payment stage's exceptions when
// it ran, else the same rules applied to the match results (accounts not checked).
import type { MatchResult } from '../../match/types.js';
import { REASON_LABELS } from '../../pay/reason-labels.js';
import { escapeHtml, escapeHtmlText } from './escape-html.js';
import type { HtmlPayments } from './html-report-input.js';
import { maskNumbersInText } from './mask-numbers-in-text.js';
import { personCells } from './person-cells.js';
import { communeOf, estimatedExclusion, programmeOf, provKey } from './row-rules.js';
import { formatViInteger } from './vi-number.js';

interface ExceptionLine {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly reason: string;
  readonly detail: string;
  readonly result: MatchResult | undefined;
}

function lines(results: readonly MatchResult[], payments: HtmlPayments | undefined): ExceptionLine[] {
  if (payments) {
    const byProv = new Map(results.map((r) => [provKey(r.person.prov.file, r.person.prov.sheet, r.person.prov.row), r]));
    return payments.exceptions.map((e) => ({ ...e, detail: e.detail ?? '', result: byProv.get(provKey(e.file, e.sheet, e.row)) }));
  }
  return results.flatMap((r) => {
    const reason = estimatedExclusion(r);
    if (reason === null) return [];
    const { file, sheet, row } = r.person.prov;
    return [{ file, sheet, row, reason: REASON_LABELS[reason], detail: '', result: r }];
  });
}

export function exceptionsHtml(results: readonly MatchResult[], payments: HtmlPayments | undefined, redact: boolean): { html: string; count: number } {
  const all = lines(results, payments);
  if (all.length === 0) return { html: '<p id="exceptions-empty">Không có trường hợp ngoại lệ.</p>', count: 0 };
  const withDetail = all.some((e) => e.detail !== '');
  const head =
    '<tr><th>STT</th><th>Xã</th><th>Diện hưởng</th><th>Tệp</th><th>Trang tính</th><th>Dòng</th><th>Họ và tên</th>' +
    '<th>Số CCCD (che bớt)</th><th>Mức trợ cấp (đồng)</th><th>Lý do</th>' +
    (withDetail ? '<th>Chi tiết</th>' : '') +
    '</tr>';
  const td = (v: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${cls === 'n' ? escapeHtml(v) : escapeHtmlText(v)}</td>`;
  const rows = all.map((e, i) => {
    const r = e.result;
    const who = r ? personCells(r, redact) : { name: '', birth: '', id: '' };
    const amount = r?.person.amount;
    return (
      `<tr data-file="${escapeHtml(e.file)}" data-sheet="${escapeHtml(e.sheet)}" data-row="${e.row}">` +
      td(String(i + 1), 'n') +
      td(r ? communeOf(r) : '') +
      td(r ? programmeOf(r) : '') +
      td(e.file) +
      td(e.sheet) +
      td(String(e.row), 'n') +
      `<td data-field="name">${escapeHtmlText(who.name)}</td>` +
      `<td data-field="personal_id">${escapeHtml(who.id)}</td>` +
      td(amount === null || amount === undefined ? '' : formatViInteger(amount), 'n') +
      `<td data-field="reason">${escapeHtml(e.reason)}</td>` +
      (withDetail ? td(maskNumbersInText(e.detail)) : '') +
      '</tr>'
    );
  });
  return {
    html: `<div class="scroll"><table id="exceptions"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`,
    count: all.length,
  };
}
