// The table provinces report: per commune and programme, the same columns as the headline figures.
import { escapeHtml, escapeHtmlText } from './escape-html.js';
import type { Figures, ReportFigures } from './report-figures.js';
import { formatViInteger, formatViPercent } from './vi-number.js';

const HEAD =
  '<tr><th>Xã</th><th>Diện hưởng</th><th>Số đối tượng</th><th>Khớp CSDL dân cư</th><th>Tỷ lệ khớp</th>' +
  '<th>Có tài khoản</th><th>Tỷ lệ có tài khoản</th><th>Cần xem xét</th><th>Trùng lĩnh</th><th>Đã mất</th>' +
  '<th>Số tiền chi trả (đồng)</th></tr>';

function cells(f: Figures): string {
  const n = (metric: string, text: string) => `<td class="n" data-metric="${metric}">${text}</td>`;
  return [
    n('people', formatViInteger(f.people)),
    n('matched', formatViInteger(f.matched)),
    n('matched_pct', formatViPercent(f.matched, f.people)),
    n('account', formatViInteger(f.withAccount)),
    n('account_pct', formatViPercent(f.withAccount, f.people)),
    n('review', formatViInteger(f.review)),
    n('duplicate', formatViInteger(f.duplicate)),
    n('deceased', formatViInteger(f.deceased)),
    n('amount', formatViInteger(f.amount)),
  ].join('');
}

export function totalsTableHtml(figures: ReportFigures): string {
  const rows: string[] = [];
  for (const c of figures.communes) {
    const commune = escapeHtml(c.commune);
    for (const p of c.programmes) {
      rows.push(`<tr data-commune="${commune}" data-programme="${escapeHtml(p.programme)}"><td>${escapeHtmlText(c.commune)}</td><td>${escapeHtmlText(p.programme)}</td>${cells(p.figures)}</tr>`);
    }
    rows.push(`<tr class="subtotal" data-commune="${commune}" data-scope="commune"><td>${escapeHtmlText(c.commune)}</td><td>Cộng xã</td>${cells(c.figures)}</tr>`);
  }
  rows.push(`<tr class="total" data-scope="all"><td colspan="2">Tổng cộng</td>${cells(figures.total)}</tr>`);
  return `<div class="scroll"><table id="totals"><thead>${HEAD}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}
