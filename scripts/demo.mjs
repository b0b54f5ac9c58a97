// `npm run demo`: the main job on the demo data shipped in fixtures/demo, into out/demo.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'fixtures/demo';
const lists = readdirSync(dir)
  .filter((f) => /\.(xlsx|csv)$/i.test(f) && !f.startsWith('registry'))
  .sort()
  .map((f) => join(dir, f));
const registry = readdirSync(dir).find((f) => f.startsWith('registry') && f.endsWith('.csv'));
const args = ['bin/asxh', 'reconcile', ...lists, '--registry', join(dir, registry), '--out', 'out/demo', '--force', '--run-date', '2026-12-01', '--period', '2026-12'];
console.error(`$ asxh ${args.slice(1).join(' ')}`);
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
// Exit 1 means "finished, with rows for a person to look at": expected on demo data.
if (r.status === 0 || r.status === 1) {
  console.error('\nDemo done: open out/demo/report.html first; then review.xlsx, payments/ (control.xlsx, cash-list.xlsx, bank files) and communes/ (one folder per commune).');
  process.exit(0);
}
process.exit(r.status ?? 4);
