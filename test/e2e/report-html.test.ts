// The report.html of a real run, opened in headless Chromium: every figure on the page must be what the run's
// own CSVs say (match-report.csv for statuses, payments/ledger.csv for the amount to pay).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkip, loadedDom } from '../report-html/chromium.js';
import { byId, rowMetrics, table, viNumber } from '../report-html/page-query.js';
import { fixture, runCli, tempDir } from './run-cli.js';

const out = tempDir();
afterAll(() => out.cleanup());

describe.skipIf(chromiumSkip)('report.html of the demo run', () => {
  let dom = '';
  let report: Record<string, string>[] = [];
  let ledger: Record<string, string>[] = [];
  beforeAll(() => {
    const dir = fixture('demo');
    const lists = readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry')).map((f) => join(dir, f));
    const r = runCli(['reconcile', ...lists, '--registry', join(dir, 'registry.csv'), '--out', out.dir, '--run-date', '2026-12-01', '--period', '2026-12', '--quiet']);
    expect(r.code).toBe(1);
    dom = loadedDom(readFileSync(join(out.dir, 'report.html'), 'utf8'));
    report = parse(readFileSync(join(out.dir, 'match-report.csv')), { bom: true, columns: true }) as Record<string, string>[];
    ledger = parse(readFileSync(join(out.dir, 'payments', 'ledger.csv')), { bom: true, columns: true }) as Record<string, string>[];
  });

  it('shows the people, matched and review counts of match-report.csv', () => {
    expect(viNumber(byId(dom, 'total-people'))).toBe(report.length);
    expect(viNumber(byId(dom, 'total-matched'))).toBe(report.filter((r) => r.status === 'matched').length);
    const perFile = new Map<string, number>();
    for (const r of report) perFile.set(r.commune || r.source_file!, (perFile.get(r.commune || r.source_file!) ?? 0) + 1);
    const totals = table(dom, 'totals');
    for (const [commune, people] of perFile) {
      expect(viNumber(rowMetrics(totals, { 'data-commune': commune, 'data-scope': 'commune' }).people!), commune).toBe(people);
    }
  });

  it('shows as the amount to pay the sum of the ledger', () => {
    const sum = ledger.reduce((a, l) => a + Number(l.amount), 0);
    expect(sum).toBeGreaterThan(0);
    expect(viNumber(byId(dom, 'total-amount'))).toBe(sum);
  });
});
