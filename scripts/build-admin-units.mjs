// Writes src/data/admin-units-2025.tsv, the project's own copy of the 2025 map of old communes to new, from the
// shared reference table (../shared/reference/admin_units_2025_old_to_new.tsv). Run again when that table changes:
//   node scripts/build-admin-units.mjs [path/to/admin_units_2025_old_to_new.tsv]
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2] ?? '../shared/reference/admin_units_2025_old_to_new.tsv';
const lines = readFileSync(source, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
const head = lines[0].split('\t');
const at = (name) => {
  const i = head.indexOf(name);
  if (i < 0) throw new Error(`${source}: no column ${name}`);
  return i;
};
const cols = ['old_province', 'old_district', 'old_commune', 'old_commune_code', 'divided', 'new_province', 'new_commune', 'new_commune_code'];
const idx = cols.map(at);
const out = [cols.join('\t')];
for (const line of lines.slice(1)) {
  const f = line.split('\t');
  out.push(idx.map((i) => (f[i] ?? '').normalize('NFC').trim()).join('\t'));
}
writeFileSync('src/data/admin-units-2025.tsv', `${out.join('\n')}\n`);
console.log(`src/data/admin-units-2025.tsv: ${out.length - 1} old communes`);
