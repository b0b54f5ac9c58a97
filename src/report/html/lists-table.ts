// The lists read, with the accounting every officer checks: rows read = people + rows skipped.
import { escapeHtml, escapeHtmlText } from './escape-html.js';
import type { HtmlListInfo, HtmlPassedOver } from './html-report-input.js';
import { formatViInteger } from './vi-number.js';

export function listsTableHtml(lists: readonly HtmlListInfo[]): string {
  const n = (metric: string, v: number) => `<td class="n" data-metric="${metric}">${formatViInteger(v)}</td>`;
  const rows = lists.map(
    (l) => `<tr data-file="${escapeHtml(l.file)}"><td>${escapeHtmlText(l.file)}</td>${n('rows_read', l.rowsRead)}${n('people', l.people)}${n('skipped', l.skipped)}</tr>`,
  );
  const sum = (k: 'rowsRead' | 'people' | 'skipped') => lists.reduce((s, l) => s + l[k], 0);
  rows.push(`<tr class="total" data-scope="all"><td>Tổng cộng</td>${n('rows_read', sum('rowsRead'))}${n('people', sum('people'))}${n('skipped', sum('skipped'))}</tr>`);
  return (
    '<table id="lists"><thead><tr><th>Tệp danh sách</th><th>Số dòng đã đọc</th><th>Số đối tượng</th><th>Dòng bỏ qua</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

const PASS_OVER_LABELS: Readonly<Record<string, string>> = {
  not_spreadsheet: 'Không phải bảng tính',
  lock_file: 'Tệp khóa của Excel/LibreOffice',
  hidden_file: 'Tệp ẩn',
  not_a_list: 'Tệp văn bản không phải danh sách',
  unreadable: 'Không đọc được',
};

/** The files of the folder not read, each with its reason; the unreadable ones first, since the run's exit says so. */
export function passedOverTableHtml(files: readonly HtmlPassedOver[], redact: boolean): string {
  if (files.length === 0) return '<p class="note" id="passed-over-none">Mọi tệp trong thư mục đều đã được đọc.</p>';
  const ordered = [...files.filter((f) => f.reason === 'unreadable'), ...files.filter((f) => f.reason !== 'unreadable')];
  const rows = ordered.map(
    (f) =>
      `<tr data-file="${escapeHtml(f.name)}" data-reason="${escapeHtml(f.reason)}"><td>${escapeHtml(f.name)}</td>` +
      `<td>${escapeHtml(PASS_OVER_LABELS[f.reason] ?? f.reason)}</td><td>${redact ? '' : escapeHtml(f.message)}</td></tr>`,
  );
  return (
    '<table id="passed-over"><thead><tr><th>Tệp</th><th>Lý do bỏ qua</th><th>Chi tiết</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}
