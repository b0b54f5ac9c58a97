// Opens report.html in headless Chromium (Debian's `chromium`; .ci/run installs it) and reads the figures back
// from the DOM after the page loaded, then checks them against match-report.csv built from the same run: what an
// officer sees in the browser must be what the run's CSV says.
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkip as skip, loadedDom } from './chromium.js';
import { buildHtmlReport } from '../../src/report/html/build-html-report.js';
import { buildMatchReport } from '../../src/report/match-report.js';
import { byId, elements, rowMetrics, table, textOf, viNumber } from './page-query.js';
import { IMG_NAME, RESULTS, runInput, SCRIPT_NAME } from './run.js';

interface Expected {
  people: number;
  matched: number;
  review: number;
  duplicate: number;
  deceased: number;
  amount: number;
}

/** The figures as a reader of match-report.csv counts them (the amount: matched, alive, not duplicate, not in review). */
function fromMatchReportCsv(): { groups: Map<string, Expected>; communes: Map<string, Expected>; total: Expected } {
  const csv = buildMatchReport(RESULTS).find((f) => f.path === 'match-report.csv')!;
  if (csv.kind !== 'csv') throw new Error('match-report.csv is not a CSV');
  const col = (key: string) => csv.columns.findIndex((c) => c.key === key);
  const empty = (): Expected => ({ people: 0, matched: 0, review: 0, duplicate: 0, deceased: 0, amount: 0 });
  const groups = new Map<string, Expected>();
  const communes = new Map<string, Expected>();
  const total = empty();
  for (const line of csv.rows) {
    const text = (key: string) => String(line[col(key)] ?? '');
    const commune = text('commune') || text('source_file');
    const programme = text('programme') || '(không ghi diện hưởng)';
    const flags = text('flags').split(';');
    const status = text('status');
    const review = status === 'review' || flags.includes('duplicate_review');
    const deceased = flags.includes('deceased') || text('death_date') !== '';
    const amount = Number(line[col('amount')] ?? 0);
    const paid = status === 'matched' && !review && !deceased && !flags.includes('duplicate') && text('registry_id') !== '' && amount > 0;
    for (const e of [groups, communes]) {
      const key = e === groups ? `${commune}|${programme}` : commune;
      if (!e.has(key)) e.set(key, empty());
    }
    for (const e of [groups.get(`${commune}|${programme}`)!, communes.get(commune)!, total]) {
      e.people += 1;
      e.matched += status === 'matched' ? 1 : 0;
      e.review += review ? 1 : 0;
      e.duplicate += flags.includes('duplicate') ? 1 : 0;
      e.deceased += deceased ? 1 : 0;
      e.amount += paid ? amount : 0;
    }
  }
  return { groups, communes, total };
}

function shown(metrics: Record<string, string>): Expected {
  return {
    people: viNumber(metrics.people!),
    matched: viNumber(metrics.matched!),
    review: viNumber(metrics.review!),
    duplicate: viNumber(metrics.duplicate!),
    deceased: viNumber(metrics.deceased!),
    amount: viNumber(metrics.amount!),
  };
}

describe.skipIf(skip)('report.html in headless Chromium', () => {
  const expected = fromMatchReportCsv();
  let dom = '';
  beforeAll(() => {
    const built = buildHtmlReport(runInput());
    if (built.kind !== 'text') throw new Error('report.html is not a text output');
    dom = loadedDom(built.content);
  });

  it('loads the page', () => {
    expect(dom).toContain('<h1>Báo cáo đối soát danh sách chi trả an sinh xã hội</h1>');
  });

  it('shows, per commune and programme, the figures match-report.csv gives', () => {
    const totals = table(dom, 'totals');
    expect(expected.groups.size).toBe(4);
    for (const [key, want] of expected.groups) {
      const [commune, programme] = key.split('|');
      expect(shown(rowMetrics(totals, { 'data-commune': commune!, 'data-programme': programme! })), key).toEqual(want);
    }
    for (const [commune, want] of expected.communes) {
      expect(shown(rowMetrics(totals, { 'data-commune': commune, 'data-scope': 'commune' })), commune).toEqual(want);
    }
    expect(shown(rowMetrics(totals, { 'data-scope': 'all' }))).toEqual(expected.total);
  });

  it('shows the headline figures the CSV gives, the percentages worked out on them', () => {
    const t = expected.total;
    expect(viNumber(byId(dom, 'total-people'))).toBe(t.people);
    expect(viNumber(byId(dom, 'total-matched'))).toBe(t.matched);
    expect(byId(dom, 'total-matched-pct')).toBe('66,67%'); // 6 of 9
    expect(viNumber(byId(dom, 'total-amount'))).toBe(t.amount);
    expect(byId(dom, 'total-amount')).toBe('1.750.000');
    expect(viNumber(byId(dom, 'review-count'))).toBe(t.review);
  });

  it('counts as many review-queue rows and exception rows in the DOM as the page announces', () => {
    const queue = elements(table(dom, 'review-queue'), 'tr').filter((r) => r.attrs['data-row']);
    expect(queue).toHaveLength(viNumber(byId(dom, 'review-count')));
    const exceptions = elements(table(dom, 'exceptions'), 'tr').filter((r) => r.attrs['data-row']);
    expect(exceptions).toHaveLength(viNumber(byId(dom, 'exceptions-count')));
    // Every person is either paid or an exception: 9 people, 3 paid (rows 8, 9 of An Phú, row 1 of Bình Minh).
    expect(exceptions).toHaveLength(expected.total.people - 3);
  });

  it('drew both charts, one bar group per commune', () => {
    expect(dom).toMatch(/<svg[^>]*id="chart-status"/);
    expect(dom).toMatch(/<svg[^>]*id="chart-scores"/);
    const bars = elements(dom, 'g').filter((g) => g.attrs['data-commune']);
    expect(bars.map((g) => g.attrs['data-commune'])).toEqual([...expected.communes.keys()]);
  });

  it('parsed the hostile names as text: no script or image element exists in the loaded page', () => {
    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toMatch(/<img/i);
    const names = elements(table(dom, 'exceptions'), 'td')
      .filter((c) => c.attrs['data-field'] === 'name')
      .map((c) => textOf(c.inner));
    expect(names).toEqual(expect.arrayContaining([SCRIPT_NAME, IMG_NAME]));
  });
});
