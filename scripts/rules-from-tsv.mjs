// Regenerate src/data/benefit-rules.ts from the shared rules table:
//   npm run build && node scripts/rules-from-tsv.mjs [path/to/benefit_rules_2021_2026.tsv]
// Default table: $ASXH_RULES_TSV, else ../shared/reference/ or ../../shared/reference/ beside this checkout.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesFromTsv, rulesModule } from '../dist/src/rules/rules-tsv.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const name = 'benefit_rules_2021_2026.tsv';
const candidates = [
  process.argv[2],
  process.env.ASXH_RULES_TSV,
  join(root, '..', 'shared', 'reference', name),
  join(root, '..', '..', 'shared', 'reference', name),
].filter(Boolean);
const path = candidates.find((p) => existsSync(p));
if (!path) {
  process.stderr.write(`Cannot find ${name}; pass its path: node scripts/rules-from-tsv.mjs PATH\n`);
  process.exit(2);
}
const rules = rulesFromTsv(readFileSync(path, 'utf8'));
const out = join(root, 'src', 'data', 'benefit-rules.ts');
writeFileSync(out, rulesModule(rules, basename(path)));
process.stderr.write(`Wrote ${rules.length} rules from ${path} to ${out}\n`);
