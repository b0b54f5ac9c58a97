// The lists read, with the accounting every officer checks: rows read = people + rows skipped.
import { escapeHtml, escapeHtmlText } from './escape-html.js';
import type { HtmlListInfo } from './html-report-input.js';
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
