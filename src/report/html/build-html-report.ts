// report.html: one self-contained page per run that people read and print. Everything is inline (CSS, SVG charts
// drawn here), nothing is fetched, and no script runs: the Content-Security-Policy forbids scripts and network
// outright, so even a value that escaped escaping could not run or call out. Same input, same bytes.
import type { OutputFile } from '../../write/output-spec.js';
import { escapeHtml } from './escape-html.js';
import { ENTITLEMENT_CODES } from '../../rules/check-entitlement.js';
import { PROBLEM_CODES, type ProblemCode } from '../../normalize/problem-codes.js';
import type { CommuneSummary } from '../commune-folders.js';
import { exceptionsHtml } from './exceptions-table.js';
import type { HtmlReportInput } from './html-report-input.js';
import { listsTableHtml, passedOverTableHtml } from './lists-table.js';
import { PAGE_STYLE } from './page-style.js';
import { reportFigures, type Figures } from './report-figures.js';
import { reviewQueueHtml } from './review-queue-table.js';
import { NO_PROGRAMME } from './row-rules.js';
import { scoreHistogramSvg } from './score-histogram-svg.js';
import { statusChartSvg } from './status-chart-svg.js';
import { totalsTableHtml } from './totals-table.js';
import { formatViDate, formatViInteger, formatViPercent } from './vi-number.js';

export type { HtmlListInfo, HtmlPaidLine, HtmlPaymentException, HtmlPayments, HtmlReportInput } from './html-report-input.js';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

function figure(id: string, label: string, value: string, sub = ''): string {
  return `<div class="figure"><span class="v" id="${id}">${value}</span>${escapeHtml(label)}${sub}</div>`;
}

function headline(t: Figures, estimate: boolean): string {
  const pct = (id: string, part: number) => ` (<span id="${id}">${formatViPercent(part, t.people)}</span>)`;
  return (
    '<div class="figures">' +
    figure('total-people', 'đối tượng trong danh sách', formatViInteger(t.people)) +
    figure('total-matched', 'khớp CSDL dân cư', formatViInteger(t.matched), pct('total-matched-pct', t.matched)) +
    figure('total-account', 'có tài khoản', formatViInteger(t.withAccount), pct('total-account-pct', t.withAccount)) +
    figure('total-review', 'cần xem xét', formatViInteger(t.review)) +
    figure('total-duplicate', 'trùng lĩnh', formatViInteger(t.duplicate)) +
    figure('total-deceased', 'đã mất theo CSDL', formatViInteger(t.deceased)) +
    figure('total-amount', estimate ? 'đồng chi trả (ước tính)' : 'đồng chi trả', formatViInteger(t.amount)) +
    '</div>'
  );
}

function amountRule(input: HtmlReportInput, unjoined: number): string {
  if (input.payments) {
    const warn = unjoined > 0 ? ` Có ${formatViInteger(unjoined)} dòng chi trả không ứng với dòng nào của danh sách, không được cộng vào.` : '';
    return `<p class="note" id="amount-rule" data-source="payments">Số tiền chi trả là tổng các dòng trong bảng kê chi trả của lần chạy này (chuyển khoản và tiền mặt).${warn}</p>`;
  }
  return (
    '<p class="note" id="amount-rule" data-source="estimate">Chưa lập bảng kê chi trả: số tiền chi trả là <b>ước tính</b>, bằng tổng mức trợ cấp ' +
    'của các dòng khớp CSDL dân cư, còn sống, không trùng lĩnh, không chờ xác minh và có mức trợ cấp; tài khoản và ngân hàng chưa được kiểm tra.</p>'
  );
}

/**
 * The entitlement checks of the period (src/rules), counted by code: what exceptions.xlsx lists row by row.
 * Nothing when the run had no period or found nothing.
 */
function entitlementHtml(results: HtmlReportInput['results']): string[] {
  const counts = new Map<string, number>();
  for (const r of results) for (const p of r.person.problems) if (ENTITLEMENT_CODES.has(p.code)) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  if (counts.size === 0) return [];
  const rows = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, n]) => `<tr data-code="${escapeHtml(code)}"><td><code>${escapeHtml(code)}</code></td><td>${escapeHtml(PROBLEM_CODES[code as ProblemCode]?.description ?? '')}</td><td class="n">${formatViInteger(n)}</td></tr>`);
  return [
    '<h2 id="entitlement">Kiểm tra mức hưởng theo quy định của kỳ chi trả</h2>',
    '<p class="note">Các dòng có mức hưởng hoặc độ tuổi cần xem lại; chi tiết từng dòng ở trang "Kiểm tra mức hưởng" của exceptions.xlsx. Việc chi trả không thay đổi vì các phát hiện này.</p>',
    `<div class="scroll"><table id="entitlement-codes"><thead><tr><th>Mã</th><th>Ý nghĩa</th><th>Số dòng</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`,
  ];
}

/** Communes that need attention first: review, unmatched and deceased rows, then by name. */
function communeFoldersHtml(communes: readonly CommuneSummary[]): string {
  const attention = (c: CommuneSummary) => c.review + c.unmatched + c.deceased;
  const rows = [...communes]
    .sort((a, b) => attention(b) - attention(a) || a.commune.localeCompare(b.commune, 'vi'))
    .map((c) => {
      const n = (metric: string, v: number) => `<td class="n" data-metric="${metric}">${formatViInteger(v)}</td>`;
      return (
        `<tr data-commune="${escapeHtml(c.commune)}"><td><a href="${escapeHtml(encodeURI(c.folder))}/">${escapeHtml(c.commune)}</a></td>` +
        n('people', c.people) + n('matched', c.matched) + n('review', c.review) + n('unmatched', c.unmatched) + n('deceased', c.deceased) +
        n('paid', c.paid) + n('amount', c.amount) + '</tr>'
      );
    });
  const head =
    '<tr><th>Xã</th><th>Số đối tượng</th><th>Khớp CSDL dân cư</th><th>Cần xem xét</th><th>Không tìm thấy</th><th>Đã mất</th>' +
    '<th>Số dòng chi trả</th><th>Số tiền chi trả (đồng)</th></tr>';
  return (
    '<p class="note">Mỗi xã có thư mục riêng (communes/…) gồm danh sách đã làm sạch, review.xlsx, exceptions.xlsx và payments/ để ký và gửi lại xã. ' +
    'Xã cần xem xét nhiều nhất đứng đầu.</p>' +
    `<div class="scroll"><table id="communes"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

export function buildHtmlReport(input: HtmlReportInput): OutputFile {
  const redact = input.redact ?? false;
  const figures = reportFigures(input.results, input.payments);
  const histogram = scoreHistogramSvg(input.results, input.thresholds);
  const queue = reviewQueueHtml(input.results, redact);
  const exceptions = exceptionsHtml(input.results, input.payments, redact);
  const runDate = escapeHtml(formatViDate(input.runDate));
  const body = [
    '<h1>Báo cáo đối soát danh sách chi trả an sinh xã hội</h1>',
    `<p class="meta">Ngày chạy: <span id="run-date">${runDate}</span> · asxh <span id="tool-version">${escapeHtml(input.toolVersion)}</span>` +
      (redact ? ' · <span id="redacted">Bản che thông tin cá nhân (họ tên, số định danh, số tài khoản)</span>' : '') +
      '</p>',
    '<h2 id="overview">Tổng quan</h2>',
    headline(figures.total, input.payments === undefined),
    amountRule(input, figures.unjoinedPaidLines),
    '<h2 id="by-commune">Tổng hợp theo xã và diện hưởng</h2>',
    totalsTableHtml(figures),
    ...(input.communes ? ['<h2 id="commune-folders">Thư mục của từng xã</h2>', communeFoldersHtml(input.communes)] : []),
    '<h2 id="charts">Biểu đồ</h2>',
    '<h3>Kết quả đối soát theo xã</h3>',
    statusChartSvg(figures.communes),
    '<h3>Phân bố điểm khớp</h3>',
    histogram.svg,
    `<p class="note" id="histogram-note">Biểu đồ gồm <span id="histogram-rows">${formatViInteger(histogram.drawn)}</span> dòng được so khớp theo họ tên, ngày sinh, địa chỉ ` +
      '(khớp mờ) hoặc có số định danh sai một chữ số đã được sửa: điểm của các dòng này là log₂ tỷ số khả năng cùng một người, cùng một thang đo. ' +
      `<span id="histogram-left-out">${formatViInteger(histogram.leftOut)}</span> dòng khớp theo số định danh, số CMND hoặc theo quyết định có điểm là tổng trọng số trên thang khác, nên không đưa vào biểu đồ. ` +
      'Điểm dưới -20 và từ 40 trở lên được gộp vào hai cột ở hai đầu.</p>',
    '<h2 id="lists-read">Danh sách đã đọc</h2>',
    listsTableHtml(input.lists),
    ...(input.passedOver !== undefined
      ? [
          `<h3 id="passed-over-title">Tệp bỏ qua trong thư mục (<span id="passed-over-count">${formatViInteger(input.passedOver.length)}</span>)</h3>`,
          passedOverTableHtml(input.passedOver, redact),
        ]
      : []),
    `<h2 id="review">Danh sách cần xem xét (<span id="review-count">${formatViInteger(queue.count)}</span>)</h2>`,
    '<p class="note">Mở review.xlsx để xem các ứng viên trong CSDL dân cư và ghi quyết định.</p>',
    queue.html,
    `<h2 id="exceptions-title">Trường hợp không chi trả (<span id="exceptions-count">${formatViInteger(exceptions.count)}</span>)</h2>`,
    exceptions.html,
    ...entitlementHtml(input.results),
    '<h2 id="rules">Cách tính</h2>',
    '<ul class="note">' +
      '<li>Xã: theo cột xã của danh sách; danh sách không có cột xã được tính theo tên tệp.</li>' +
      `<li>Diện hưởng: theo cột đối tượng/diện hưởng; dòng không ghi được xếp vào "${escapeHtml(NO_PROGRAMME)}".</li>` +
      '<li>Khớp CSDL dân cư: dòng được đối soát khớp với một người trong CSDL quốc gia về dân cư (tự động hoặc theo quyết định đã ghi).</li>' +
      '<li>Có tài khoản: dòng có số tài khoản đọc được, của đối tượng hoặc người nhận thay.</li>' +
      '<li>Cần xem xét: dòng chưa đủ căn cứ để khớp tự động, hoặc nghi trùng với người khác trong CSDL.</li>' +
      '<li>Trùng lĩnh: dòng lặp lại một người đã được chi ở dòng khác; không chi.</li>' +
      '<li>Đã mất: CSDL dân cư ghi người được khớp hoặc được đề xuất đã mất.</li>' +
      '<li>Số định danh và số tài khoản luôn được che bớt trên trang này.</li>' +
      '</ul>',
  ].join('\n');
  const content =
    '<!DOCTYPE html>\n' +
    '<html lang="vi">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="referrer" content="no-referrer">\n' +
    `<title>Báo cáo đối soát ${runDate}</title>\n` +
    `<style>${PAGE_STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  return { path: 'report.html', kind: 'text', content };
}
