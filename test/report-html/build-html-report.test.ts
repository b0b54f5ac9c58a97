import { describe, expect, it } from 'vitest';
import { buildHtmlReport, type HtmlReportInput } from '../../src/report/html/build-html-report.js';
import { byId, elements, rowMetrics, table, textOf } from './page-query.js';
import { AN_PHU, BINH_MINH_FILE, FULL_ACCOUNT, FULL_ID, IMG_NAME, REGISTRY_ID, RESULTS, runInput, SCRIPT_NAME } from './run.js';

function page(input: HtmlReportInput): string {
  const file = buildHtmlReport(input);
  expect(file.kind).toBe('text');
  expect(file.path).toBe('report.html');
  return file.kind === 'text' ? file.content : '';
}

const html = page(runInput());
const totals = table(html, 'totals');

// Worked out by hand from run.ts. Amount to pay without the payment stage: matched, alive, not a duplicate, not
// under review, with an amount: An Phú rows 8 and 9 (500.000 each), Bình Minh row 1 (750.000).
const COLS = ['people', 'matched', 'matched_pct', 'account', 'account_pct', 'review', 'duplicate', 'deceased', 'amount'] as const;
const row = (...v: string[]) => Object.fromEntries(COLS.map((k, i) => [k, v[i]]));

describe('totals per commune and programme', () => {
  it.each([
    [{ 'data-commune': AN_PHU, 'data-programme': 'BTXH' }, row('4', '4', '100,00%', '3', '75,00%', '0', '1', '1', '1.000.000')],
    [{ 'data-commune': AN_PHU, 'data-programme': 'NCC' }, row('2', '0', '0,00%', '1', '50,00%', '1', '0', '0', '0')],
    [{ 'data-commune': AN_PHU, 'data-scope': 'commune' }, row('6', '4', '66,67%', '4', '66,67%', '1', '1', '1', '1.000.000')],
    // No commune column: the list's file stands for the commune. The representative's account counts.
    [{ 'data-commune': BINH_MINH_FILE, 'data-programme': 'BTXH' }, row('2', '2', '100,00%', '2', '100,00%', '1', '0', '0', '750.000')],
    [{ 'data-commune': BINH_MINH_FILE, 'data-programme': '(không ghi diện hưởng)' }, row('1', '0', '0,00%', '0', '0,00%', '0', '0', '0', '0')],
    [{ 'data-commune': BINH_MINH_FILE, 'data-scope': 'commune' }, row('3', '2', '66,67%', '2', '66,67%', '1', '0', '0', '750.000')],
    [{ 'data-scope': 'all' }, row('9', '6', '66,67%', '6', '66,67%', '2', '1', '1', '1.750.000')],
  ])('%j', (match, expected) => {
    expect(rowMetrics(totals, match)).toEqual(expected);
  });

  it('shows the headline figures with stable ids', () => {
    expect(byId(html, 'total-people')).toBe('9');
    expect(byId(html, 'total-matched')).toBe('6');
    expect(byId(html, 'total-matched-pct')).toBe('66,67%');
    expect(byId(html, 'total-account-pct')).toBe('66,67%');
    expect(byId(html, 'total-review')).toBe('2');
    expect(byId(html, 'total-duplicate')).toBe('1');
    expect(byId(html, 'total-deceased')).toBe('1');
    expect(byId(html, 'total-amount')).toBe('1.750.000');
    expect(byId(html, 'run-date')).toBe('01/12/2026');
  });

  it('says the amount is an estimate when the payment stage did not run', () => {
    expect(html).toContain('data-source="estimate"');
    expect(byId(html, 'amount-rule')).toContain('ước tính');
  });

  it('lists the files read with rows read = people + skipped', () => {
    const lists = table(html, 'lists');
    expect(rowMetrics(lists, { 'data-file': 'ds-an-phu.xlsx' })).toEqual({ rows_read: '11', people: '6', skipped: '5' });
    expect(rowMetrics(lists, { 'data-scope': 'all' })).toEqual({ rows_read: '14', people: '9', skipped: '5' });
  });
});

describe('amount to pay from the payment stage', () => {
  const paid = page(
    runInput({
      payments: {
        // Trần Thị Lụa is left out by the payment stage (say, no name for the cash list): the page follows the ledger.
        paid: [
          { file: 'ds-an-phu.xlsx', sheet: 'T12', row: 8, amount: 500_000 },
          { file: BINH_MINH_FILE, sheet: '', row: 1, amount: 750_000 },
        ],
        exceptions: [{ file: 'ds-an-phu.xlsx', sheet: 'T12', row: 9, reason: 'Thiếu họ tên người nhận', detail: `account ${FULL_ACCOUNT}` }],
      },
    }),
  );

  it('sums the paid lines per commune, not the list amounts', () => {
    expect(rowMetrics(table(paid, 'totals'), { 'data-commune': AN_PHU, 'data-scope': 'commune' }).amount).toBe('500.000');
    expect(rowMetrics(table(paid, 'totals'), { 'data-commune': BINH_MINH_FILE, 'data-scope': 'commune' }).amount).toBe('750.000');
    expect(byId(paid, 'total-amount')).toBe('1.250.000');
    expect(paid).toContain('data-source="payments"');
  });

  it("shows the payment stage's exceptions with their reason, joined to the row's commune", () => {
    expect(byId(paid, 'exceptions-count')).toBe('1');
    const [line] = elements(table(paid, 'exceptions'), 'tr').filter((r) => r.attrs['data-row'] === '9');
    const cells = elements(line!.inner, 'td').map((c) => textOf(c.inner));
    expect(cells).toContain('Thiếu họ tên người nhận');
    expect(cells).toContain(AN_PHU);
    expect(cells).toContain('Trần Thị Lụa');
  });

  it('masks an account number quoted in a detail', () => {
    expect(paid).not.toContain(FULL_ACCOUNT);
  });

  it('says when a paid line points at no row of the run', () => {
    const stray = page(runInput({ payments: { paid: [{ file: 'other.xlsx', sheet: 'T12', row: 5, amount: 1 }], exceptions: [] } }));
    expect(byId(stray, 'amount-rule')).toContain('Có 1 dòng chi trả không ứng với dòng nào');
    expect(byId(stray, 'total-amount')).toBe('0');
  });
});

describe('review queue and exceptions', () => {
  it('queues the review row and the duplicate under review, in list order', () => {
    expect(byId(html, 'review-count')).toBe('2');
    const rows = elements(table(html, 'review-queue'), 'tr').filter((r) => r.attrs['data-row']);
    expect(rows.map((r) => [r.attrs['data-file'], r.attrs['data-row']])).toEqual([
      ['ds-an-phu.xlsx', '11'],
      [BINH_MINH_FILE, '3'],
    ]);
  });

  it('without the payment stage, gives every unpaid row the reason the payment stage would give', () => {
    const rows = elements(table(html, 'exceptions'), 'tr').filter((r) => r.attrs['data-row']);
    const reasons = rows.map((r) => [r.attrs['data-row'], textOf(elements(r.inner, 'td').find((c) => c.attrs['data-field'] === 'reason')!.inner)]);
    expect(reasons).toEqual([
      ['10', 'Đã chết theo CSDL quốc gia về dân cư'],
      ['11', 'Chờ xác minh: chưa có quyết định đối soát'],
      ['12', 'Trùng lĩnh (dòng trùng, không chi)'],
      ['13', 'Không tìm thấy trong CSDL quốc gia về dân cư'],
      ['2', 'Thiếu hoặc sai thông tin định danh'],
      ['3', 'Chờ xác minh: chưa có quyết định đối soát'],
    ]);
    // 9 people = 3 paid + 6 not paid: nobody left out silently.
    expect(byId(html, 'exceptions-count')).toBe('6');
  });

  it('says so when nothing needs review and nothing is left unpaid', () => {
    const clean = page(runInput({ results: [RESULTS[0]!] }));
    expect(clean).toContain('Không có dòng nào cần xem xét.');
    expect(clean).toContain('Không có trường hợp ngoại lệ.');
  });
});

describe('charts', () => {
  it('stacks the statuses of each commune', () => {
    const bars = elements(html, 'g').filter((g) => g.attrs['data-commune']);
    const counts = Object.fromEntries(
      bars.map((g) => [g.attrs['data-commune'], [...g.inner.matchAll(/data-status="(\w+)" data-count="(\d+)"/g)].map((m) => `${m[1]}=${m[2]}`)]),
    );
    expect(counts).toEqual({
      [AN_PHU]: ['matched=4', 'review=1', 'unmatched=1'],
      [BINH_MINH_FILE]: ['matched=2', 'invalid=1'],
    });
  });

  it('draws only fuzzy and id_corrected scores, and counts the id scores it leaves out', () => {
    expect(byId(html, 'histogram-rows')).toBe('4');
    expect(byId(html, 'histogram-left-out')).toBe('4');
    // Bins of 2 bits from -20, after one open bin below: -8 → 7, 2.0 → 12, 9.6 → 15, 12.3 → 17.
    const filled = elements(html, 'g')
      .filter((g) => g.attrs['data-bin'] && g.attrs['data-count'] !== '0')
      .map((g) => `${g.attrs['data-bin']}:${g.attrs['data-count']}`);
    expect(filled).toEqual(['7:1', '12:1', '15:1', '17:1']);
  });

  it('draws the thresholds when given', () => {
    const withLines = page(runInput({ thresholds: { match: 7.5, review: -5 } }));
    expect(withLines).toContain('ngưỡng khớp 7,5');
    expect(withLines).toContain('ngưỡng xem xét -5,0');
  });
});

describe('spreadsheet text cannot become markup', () => {
  const hostileCommune = 'Xã "Tân" <Lập> & \'Đông\'';
  const hostile = page(
    runInput({
      results: RESULTS.map((r) => (r.person.prov.row === 13 ? { ...r, person: { ...r.person, commune: hostileCommune } } : r)),
      lists: [{ file: '<b>ds</b>.xlsx', rowsRead: 1, people: 1, skipped: 0 }],
      toolVersion: '<i>x</i>',
    }),
  );

  it('has no script, image or event handler, whatever the names say', () => {
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toMatch(/<img/i);
    expect(hostile).not.toMatch(/<[^>]*\sonerror=/i);
    expect(hostile).not.toMatch(/<b>ds/);
    expect(hostile).not.toMatch(/<i>x/);
  });

  it('still shows the names as the officer typed them', () => {
    const names = elements(table(hostile, 'exceptions'), 'td')
      .filter((c) => c.attrs['data-field'] === 'name')
      .map((c) => textOf(c.inner));
    expect(names).toContain(SCRIPT_NAME);
    expect(names).toContain(IMG_NAME);
  });

  it('keeps a commune name with quotes intact in its data attribute', () => {
    expect(rowMetrics(table(hostile, 'totals'), { 'data-commune': hostileCommune, 'data-scope': 'commune' }).people).toBe('1');
  });

  it('forbids scripts and network by Content-Security-Policy', () => {
    expect(hostile).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
  });
});

describe('personal data on the page', () => {
  it('never shows a full personal ID, registry ID or account number', () => {
    expect(html).not.toContain(FULL_ID);
    expect(html).not.toContain(REGISTRY_ID);
    expect(html).not.toContain(FULL_ACCOUNT);
    expect(html).toContain('038*******34');
    // The registry ID quoted in the explanation is masked too.
    expect(html).toContain('manual note names 001*******45');
  });

  it('shows names to officers, and masks them (and drops free-text explanations) when redacted', () => {
    expect(html).toContain('Phạm Thị Hoa');
    const redacted = page(runInput({ redact: true }));
    expect(redacted).not.toContain('Phạm Thị Hoa');
    expect(redacted).not.toContain('Nguyễn Văn Hùng');
    expect(redacted).toContain('P. T. Hoa');
    expect(redacted).not.toContain('manual note names');
    expect(redacted).toContain('id="redacted"');
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same run, and no date but the run date', () => {
    const again = page(structuredClone(runInput()));
    expect(again).toBe(html);
    expect(html.match(/\d{2}\/\d{2}\/\d{4}|\d{4}-\d{2}-\d{2}/g)).toEqual(['01/12/2026', '01/12/2026']);
  });
});
