// The rows a person must decide (review.xlsx holds the candidates and the decision column; this is the overview).
import type { MatchResult } from '../../match/types.js';
import { maskId } from '../mask.js';
import { escapeHtml, escapeHtmlText } from './escape-html.js';
import { flagText } from '../flag-labels.js';
import { maskNumbersInText } from './mask-numbers-in-text.js';
import { personCells } from './person-cells.js';
import { communeOf, inReviewQueue, programmeOf } from './row-rules.js';
import { formatViScore } from './vi-number.js';

export function reviewQueueHtml(results: readonly MatchResult[], redact: boolean): { html: string; count: number } {
  const queue = results.filter(inReviewQueue);
  if (queue.length === 0) return { html: '<p id="review-empty">Không có dòng nào cần xem xét.</p>', count: 0 };
  const head =
    '<tr><th>STT</th><th>Xã</th><th>Diện hưởng</th><th>Tệp</th><th>Trang tính</th><th>Dòng</th><th>Họ và tên</th><th>Ngày sinh</th>' +
    '<th>Số CCCD (che bớt)</th><th>Đề xuất: số ĐDCN (che bớt)</th><th>Điểm</th><th>Lý do xem xét</th>' +
    (redact ? '' : '<th>Giải thích</th>') +
    '</tr>';
  const rows = queue.map((r, i) => {
    const p = r.person;
    const who = personCells(r, redact);
    const td = (v: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${cls === 'n' ? escapeHtml(v) : escapeHtmlText(v)}</td>`;
    return (
      `<tr data-file="${escapeHtml(p.prov.file)}" data-sheet="${escapeHtml(p.prov.sheet)}" data-row="${p.prov.row}">` +
      td(String(i + 1), 'n') +
      td(communeOf(r)) +
      td(programmeOf(r)) +
      td(p.prov.file) +
      td(p.prov.sheet) +
      td(String(p.prov.row), 'n') +
      `<td data-field="name">${escapeHtmlText(who.name)}</td>` +
      td(who.birth) +
      `<td data-field="personal_id">${escapeHtml(who.id)}</td>` +
      `<td data-field="registry_id">${escapeHtml(maskId(r.registryId))}</td>` +
      td(r.score === null ? '' : formatViScore(r.score), 'n') +
      td(flagText(r.flags)) +
      (redact ? '' : td(maskNumbersInText(r.explanation))) +
      '</tr>'
    );
  });
  return {
    html: `<div class="scroll"><table id="review-queue"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`,
    count: queue.length,
  };
}
