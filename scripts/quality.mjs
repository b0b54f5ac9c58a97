// `npm run quality`: runs `asxh reconcile` on each committed fixture set in a temporary folder and prints, against
// the generator's truth, the row accounting, the accuracy of each normalised field, the matching figures and,
// for the 2026 shapes (run with a payment period), what was paid. Exits 1 when a target is missed.
// Add --misses to list the rows that went wrong (file and row only, no personal data).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateRun, formatQuality } from '../dist/fixtures/generator/evaluate.js';

// The layouts of the first rounds keep their figures; the 2026 shapes have the bar of issue 12.
const SETS = [
  { set: 'small', targets: { precision: 0.999, recall: 0.97, review: 0.03 } },
  { set: 'demo', targets: { precision: 0.999, recall: 0.97, review: 0.03 } },
  { set: 'y2026', period: '2026-12', targets: { precision: 0.999, recall: 0.96, review: 0.035, programme: 1 } },
];

const showMisses = process.argv.includes('--misses');
const missed = [];
for (const { set, period, targets } of SETS) {
  const dir = join('fixtures', set);
  const lists = readdirSync(dir).filter((f) => /\.(xlsx|xls|ods|csv)$/.test(f) && !f.startsWith('registry')).sort().map((f) => join(dir, f));
  const out = mkdtempSync(join(tmpdir(), `asxh-quality-${set}-`));
  const args = ['bin/asxh', 'reconcile', ...lists, '--registry', join(dir, 'registry.csv'), '--out', out, '--force', '--run-date', '2026-12-01', '--quiet'];
  if (period) args.push('--period', period);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0 && r.status !== 1) {
    console.error(`reconcile failed on fixtures/${set} (exit ${r.status})`);
    process.exit(1);
  }
  const q = evaluateRun(out, dir);
  console.log(formatQuality(`fixtures/${set}`, q));
  if (showMisses) for (const m of q.misses) console.log(`  miss: ${m}`);
  console.log('');
  const miss = (what) => missed.push(`fixtures/${set}: ${what}`);
  if (q.rows.lost + q.rows.extra + q.rows.twice > 0) miss('a row is lost, extra or in two places');
  if (q.match) {
    if (q.match.precision < targets.precision) miss(`precision ${q.match.precision}`);
    if (q.match.recall < targets.recall) miss(`recall ${q.match.recall}`);
    if (q.match.reviewRate > targets.review) miss(`review rate ${q.match.reviewRate}`);
  }
  if (targets.programme !== undefined) {
    const p = q.fields.programme;
    if (p && p.right / p.total < targets.programme) miss(`programme right for ${p.right}/${p.total}`);
    const l = q.fields.list_marks;
    if (l && l.right < l.total) miss(`rows the list removes flagged right for ${l.right}/${l.total}`);
  }
  // The duplicate targets the report prints (pairs of rows that are one person).
  if (q.duplicates && q.duplicates.precision < 0.99) miss(`duplicate pair precision ${q.duplicates.precision}`);
  if (q.duplicates && q.duplicates.recall < 0.99) miss(`duplicate pair recall ${q.duplicates.recall}`);
  if (q.payments && (q.payments.removedPaid > 0 || q.payments.amountWrong > 0)) miss('a removed row paid, or a line not the amount owed');
  rmSync(out, { recursive: true, force: true });
}
if (missed.length > 0) {
  console.error(`targets missed:\n  ${missed.join('\n  ')}`);
  process.exit(1);
}
