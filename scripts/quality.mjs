// `npm run quality`: runs `asxh reconcile` on each committed fixture set in a temporary folder and prints, against
// the generator's truth, the row accounting, the accuracy of each normalised field and the matching figures.
// Add --misses to list the rows that went wrong (file and row only, no personal data).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateRun, formatQuality } from '../dist/fixtures/generator/evaluate.js';

const showMisses = process.argv.includes('--misses');
for (const set of ['small', 'demo']) {
  const dir = join('fixtures', set);
  const lists = readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry')).sort().map((f) => join(dir, f));
  const out = mkdtempSync(join(tmpdir(), `asxh-quality-${set}-`));
  const r = spawnSync(process.execPath, ['bin/asxh', 'reconcile', ...lists, '--registry', join(dir, 'registry.csv'), '--out', out, '--force', '--run-date', '2026-12-01', '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0 && r.status !== 1) {
    console.error(`reconcile failed on fixtures/${set} (exit ${r.status})`);
    process.exit(1);
  }
  const q = evaluateRun(out, dir);
  console.log(formatQuality(`fixtures/${set}`, q));
  if (showMisses) for (const m of q.misses) console.log(`  miss: ${m}`);
  console.log('');
  rmSync(out, { recursive: true, force: true });
}
