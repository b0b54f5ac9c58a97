// Issue 13: report.html shows the payment stage's own decision of who is not paid, not a second copy of the
// rules. The copy it had left out the list's own removals: rows the list strikes out or notes "Đã chết", "Cắt
// từ tháng …" were counted as to be paid in a run without --period.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REASON_LABELS } from '../../src/pay/reason-labels.js';
import { fixture, runCli, tempDir } from '../e2e/run-cli.js';

const tmp = tempDir('asxh-unpaid-');
afterAll(() => tmp.cleanup());

const LISTS = readdirSync(fixture('y2026'))
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => fixture('y2026', f));

/** The exceptions table of report.html: "file|sheet|row" → the reason shown. */
function exceptions(out: string): Map<string, string> {
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  const table = html.slice(html.indexOf('<table id="exceptions">'), html.indexOf('</table>', html.indexOf('<table id="exceptions">')));
  const rows = [...table.matchAll(/<tr data-file="([^"]*)" data-sheet="([^"]*)" data-row="(\d+)">.*?<td data-field="reason">([^<]*)<\/td>/g)];
  return new Map(rows.map((m) => [`${m[1]}|${m[2]}|${m[3]}`, m[4]!]));
}

describe('who report.html says is not paid', () => {
  it('without --period: the same rows, for the same reasons, as the payment stage finds with it (accounts aside)', () => {
    const without = join(tmp.dir, 'without');
    const withPeriod = join(tmp.dir, 'with');
    expect(runCli(['reconcile', ...LISTS, '--registry', fixture('y2026', 'registry.csv'), '--out', without, '--run-date', '2026-12-01', '--quiet']).code).toBeLessThan(2);
    expect(runCli(['reconcile', ...LISTS, '--registry', fixture('y2026', 'registry.csv'), '--out', withPeriod, '--period', '2026-12', '--run-date', '2026-12-01', '--quiet']).code).toBeLessThan(2);
    const estimated = exceptions(without);
    const paid = exceptions(withPeriod);
    // The generated set has 16 rows the lists themselves remove (struck, "Đã chết", "Chuyển đi", "Cắt từ tháng").
    const removed = [...estimated.values()].filter((r) => r === REASON_LABELS.list_removed);
    expect(removed).toHaveLength(16);
    const accountReasons = new Set([REASON_LABELS.unknown_bank, REASON_LABELS.bad_account, REASON_LABELS.no_name, REASON_LABELS.already_paid]);
    const fromPayments = new Map([...paid].filter(([, reason]) => !accountReasons.has(reason)));
    expect(estimated).toEqual(fromPayments);
  });
});
