// npm run bench -- --province [--communes N] [--registry-rows N] [--list-rows N] [--rounds N] [--regen]
// A province's night (issue 14): the generator's `province` set (one list of ~1,500 person rows for each 2025
// commune of Nghệ An, a quarter each .xlsx, .xls, .ods and .csv, the .xls/.ods saved by LibreOffice, half naming
// their commune by the old commune merged into it) and a ~3.7M-row registry, generated once into bench-data/
// (git-ignored; generating and converting is setup, not measured). Measured in the same run, each as a child
// process with its own time and peak RSS: a bare read of the same lists (exceljs for .xlsx, SheetJS for .xls and
// .ods, csv-parse for .csv, nothing else), then the whole night from the export and from a snapshot. Prints the
// ratio whole night / bare read (target ≤ 2.5×), the peak (target < 3 GB), stage times from the JSON log, and the
// communes/ folders written with a payments/control.xlsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = join(ROOT, 'bench-data');
const RUN_DATE = '2026-12-02';
const PERIOD = '2026-12';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxRSS='+process.resourceUsage().maxRSS+'\\n'))`;
const ASXH = join(ROOT, 'bin', 'asxh');

function parseArgs(argv) {
  const out = { communes: null, registryRows: 3_700_000, listRows: null, rounds: 1, regen: false };
  const num = (i) => {
    const v = argv[i];
    if (!/^\d+$/.test(v ?? '')) throw new Error(`${argv[i - 1]} needs a whole number`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--province') continue;
    else if (argv[i] === '--communes') out.communes = num(++i);
    else if (argv[i] === '--registry-rows') out.registryRows = num(++i);
    else if (argv[i] === '--list-rows') out.listRows = num(++i);
    else if (argv[i] === '--rounds') out.rounds = Math.max(1, num(++i));
    else if (argv[i] === '--regen') out.regen = true;
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('npm run bench -- --province [--communes N (default all 119)] [--registry-rows N (default 3700000)] [--list-rows N (default 1480)] [--rounds N] [--regen]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  return out;
}

/** Runs node with args; seconds, peak RSS in bytes, exit status and stderr. Exit 0 and 1 (people to review) are a run. */
function measure(args, label) {
  const started = process.hrtime.bigint();
  const full = TIME ? [TIME, '-f', '%M %e', process.execPath, ...args] : [process.execPath, '--import', REPORT_RSS, ...args];
  // Node's own heap limit, as an IT person's cron job runs asxh: a larger one lets V8 put off collecting and
  // reports a higher peak than a user sees (3.35 GB against 2.58 GB for one night of 3 Dec 2026).
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(full[0], full.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(`${label} failed (exit ${r.status}):\n${(r.stderr ?? '').slice(-3000)}\n`);
    throw new Error(`${label} failed`);
  }
  const stderr = r.stderr ?? '';
  let rss = 0;
  const m = /^(\d+) ([\d.]+)$/.exec(stderr.trim().split('\n').pop() ?? '');
  if (m) rss = Number(m[1]) * 1024;
  const child = /maxRSS=(\d+)/.exec(stderr);
  if (child) rss = Number(child[1]) * 1024;
  return { seconds, rss, status: r.status, stdout: r.stdout ?? '', stderr };
}

/** Each stage's first JSON log line: when it began (s), in order; and the done line's fields. */
function logOf(stderr) {
  const starts = [];
  let done = null;
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    let o;
    try {
      o = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof o.stage !== 'string' || typeof o.elapsed_ms !== 'number') continue;
    if (!starts.some((s) => s.stage === o.stage)) starts.push({ stage: o.stage, at: o.elapsed_ms / 1000 });
    if (o.stage === 'done') done = o;
  }
  // A stage lasts until the next begins; `done` is the end.
  const stages = starts.slice(0, -1).map((s, i) => ({ stage: s.stage, began: s.at, seconds: starts[i + 1].at - s.at }));
  return { stages, total: done ? done.elapsed_ms / 1000 : null, done };
}

function generate(dir, o) {
  const marker = join(dir, 'bench.json');
  const want = JSON.stringify({ communes: o.communes, registryRows: o.registryRows, listRows: o.listRows });
  if (!o.regen && existsSync(marker) && readFileSync(marker, 'utf8') === want) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const gen = join(ROOT, 'dist', 'fixtures', 'generator', 'cli.js');
  const args = [gen, '--set', 'province', '--out', dir, '--registry-rows', String(o.registryRows), '--force'];
  if (o.communes !== null) args.push('--communes', String(o.communes));
  if (o.listRows !== null) args.push('--list-rows', String(o.listRows));
  process.stderr.write(`generating the province night into ${dir} (setup, not measured) …\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=16384' } });
  if (r.status !== 0) throw new Error('generating the province set failed');
  process.stderr.write(`generated in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  writeFileSync(marker, want);
}

// Reads every list with the library asxh reads it with, walking every cell, and nothing else.
const BARE_READ = `
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { parse } from 'csv-parse/sync';
const dir = process.argv[1];
let files = 0, rows = 0, cells = 0;
for (const f of readdirSync(dir).sort()) {
  const bytes = readFileSync(join(dir, f));
  if (f.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, (row) => { rows += 1; row.eachCell(() => { cells += 1; }); }));
  } else if (f.endsWith('.xls') || f.endsWith('.ods')) {
    const wb = XLSX.read(bytes, { type: 'buffer', dense: true });
    for (const name of wb.SheetNames) for (const row of XLSX.utils.sheet_to_json(wb.Sheets[name], { header: 1, raw: true })) { rows += 1; cells += row.length; }
  } else if (f.endsWith('.csv')) {
    for (const row of parse(bytes, { bom: true, relax_column_count: true, relax_quotes: true, delimiter: [',', ';', '\\t'] })) { rows += 1; cells += row.length; }
  } else continue;
  files += 1;
}
process.stdout.write(JSON.stringify({ files, rows, cells }) + '\\n');
`;

function communeFolders(outRoot) {
  const runs = existsSync(outRoot) ? readdirSync(outRoot, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(outRoot, d.name, 'communes')).filter((d) => existsSync(d)) : [];
  let folders = 0;
  let withControl = 0;
  for (const c of runs) {
    for (const d of readdirSync(c)) {
      if (!statSync(join(c, d)).isDirectory()) continue;
      folders += 1;
      if (existsSync(join(c, d, 'payments', 'control.xlsx'))) withControl += 1;
    }
  }
  return { folders, withControl };
}

const s = (x) => (x === null || x === undefined || Number.isNaN(x) ? '?' : `${x.toFixed(1)} s`);
const gb = (b) => (b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : `${Math.round(b / 1e6)} MB`);
const pass = (ok) => (ok ? 'PASS' : 'FAIL');

export async function benchProvince(argv) {
  const o = parseArgs(argv);
  const dir = join(DATA, `province-${o.communes ?? 'all'}c-${o.registryRows}r${o.listRows === null ? '' : `-${o.listRows}l`}`);
  mkdirSync(DATA, { recursive: true });
  generate(dir, o);
  const lists = join(dir, 'lists');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const byFormat = {};
  for (const f of readdirSync(lists)) {
    const ext = f.split('.').pop();
    byFormat[ext] = (byFormat[ext] ?? 0) + 1;
  }
  const listBytes = readdirSync(lists).reduce((n, f) => n + statSync(join(lists, f)).size, 0);
  const personRows = manifest.lists.reduce((n, l) => n + l.personRows, 0);
  const oldNamed = manifest.lists.filter((l) => l.written !== null).length;
  const exportPath = join(dir, 'registry.csv');
  const snapshot = join(dir, 'registry.asxhreg');
  const result = { measured: new Date().toISOString().slice(0, 10), runDate: RUN_DATE, node: process.version, dir, lists: manifest.lists.length, byFormat, oldNamed, personRows, listBytes, registryRows: manifest.registryRows, exportBytes: statSync(exportPath).size, rounds: [] };

  process.stderr.write('registry index (snapshot, built once) …\n');
  const index = measure([ASXH, 'registry', 'index', exportPath, '--out', snapshot, '--run-date', RUN_DATE, '--quiet'], 'registry index');
  result.index = { seconds: index.seconds, rss: index.rss };
  result.snapshotBytes = statSync(snapshot).size;

  for (let round = 1; round <= o.rounds; round += 1) {
    process.stderr.write(`round ${round}/${o.rounds}: bare read of the lists …\n`);
    const bare = measure(['--input-type=module', '-e', BARE_READ, lists], 'bare read');
    const counts = JSON.parse(bare.stdout.trim().split('\n').pop());
    const runs = {};
    for (const [key, registry] of [['export', exportPath], ['snapshot', snapshot]]) {
      const out = join(dir, `out-${key}`);
      rmSync(out, { recursive: true, force: true });
      process.stderr.write(`round ${round}/${o.rounds}: whole night from the ${key} …\n`);
      const m = measure([ASXH, 'reconcile', '--lists', lists, '--registry', registry, '--out', out, '--period', PERIOD, '--run-date', RUN_DATE, '--log-format', 'json'], `reconcile (${key})`);
      const log = logOf(m.stderr);
      runs[key] = { seconds: m.seconds, rss: m.rss, status: m.status, total: log.total, stages: log.stages, done: log.done, ...communeFolders(out) };
    }
    // How right the night is, scored against the generator's truth from the files a user gets (not timed).
    const { evaluateRun, scoreDuplicateRun } = await import(pathToFileURL(join(ROOT, 'dist', 'fixtures', 'generator', 'evaluate.js')).href);
    const q = evaluateRun(join(dir, 'out-export', RUN_DATE), join(dir, 'truth'));
    const dup = scoreDuplicateRun(join(dir, 'out-export', RUN_DATE), join(dir, 'truth'));
    runs.quality = { rows: q.rows, match: q.match, commune: q.fields.commune ?? null, duplicates: dup };
    result.rounds.push({ bare: { seconds: bare.seconds, rss: bare.rss, ...counts }, ...runs });
  }
  writeFileSync(join(dir, 'results.json'), JSON.stringify(result, null, 2));
  process.stdout.write(report(result));
}

function report(r) {
  const L = [];
  const fmt = Object.entries(r.byFormat).map(([k, n]) => `${n} .${k}`).join(', ');
  L.push(`asxh province bench (measured ${r.measured}, runs dated --run-date ${r.runDate}, node ${r.node}, peak memory by ${TIME ?? 'resourceUsage'})`);
  L.push(`lists: ${r.lists} (${fmt}; ${r.oldNamed} naming their commune by its old name), ${r.personRows.toLocaleString('en-US')} person rows, ${gb(r.listBytes)}`);
  L.push(`registry: ${r.registryRows.toLocaleString('en-US')} rows, export ${gb(r.exportBytes)}, snapshot ${gb(r.snapshotBytes)} (registry index ${s(r.index.seconds)}, ${gb(r.index.rss)}, once)`);
  r.rounds.forEach((x, i) => {
    L.push('', `round ${i + 1}: bare read ${s(x.bare.seconds)} (${gb(x.bare.rss)}; ${x.bare.files} files, ${x.bare.rows.toLocaleString('en-US')} rows read)`);
    for (const key of ['export', 'snapshot']) {
      const w = x[key];
      const ratio = w.seconds / x.bare.seconds;
      L.push(`  whole night from the ${key}: ${s(w.seconds)}, peak ${gb(w.rss)}, exit ${w.status}; ratio ${ratio.toFixed(2)}× the bare read`);
      L.push(`    target ≤ 2.5× bare read: ${pass(ratio <= 2.5)}; target peak < 3 GB: ${pass(w.rss < 3e9)}`);
      L.push(`    stages: ${w.stages.map((st) => `${st.stage} ${s(st.seconds)}`).join(', ')}${w.total === null ? '' : ` (done at ${s(w.total)})`}`);
      const d = w.done ?? {};
      L.push(`    done: files read ${d.files_read ?? '?'}, passed over ${d.files_passed_over ?? '?'}, rows ${d.rows ?? '?'}, people ${d.people ?? '?'}, matched ${d.matched ?? '?'}, review ${d.review ?? '?'}, unmatched ${d.unmatched ?? '?'}, communes ${d.communes ?? '?'}`);
      L.push(`    communes/ folders: ${w.folders}, with payments/control.xlsx: ${w.withControl} (of ${r.lists} lists' communes)`);
    }
    const q = x.quality;
    if (q?.match) {
      const m = q.match;
      const pc = (v) => `${(v * 100).toFixed(2)} %`;
      L.push(`  quality (from the export run's files, against the generator's truth): ${m.persons.toLocaleString('en-US')} people; rows lost ${q.rows.lost}, extra ${q.rows.extra}`);
      L.push(`    matching precision ${pc(m.precision)} (target ≥ 99.9 %: ${pass(m.precision >= 0.999)}), recall ${pc(m.recall)} (target ≥ 95 %: ${pass(m.recall >= 0.95)}), review ${pc(m.reviewRate)}, wrong IDs accepted ${m.wrongIdAccepted}`);
      if (q.commune) L.push(`    commune right ${pc(q.commune.right / q.commune.total)} (${q.commune.right}/${q.commune.total})`);
      if (q.duplicates) L.push(`    duplicate pairs: precision ${pc(q.duplicates.precision)} (${q.duplicates.rightPairs}/${q.duplicates.foundPairs}), recall ${pc(q.duplicates.recall)} (${q.duplicates.rightPairs}/${q.duplicates.truthPairs})`);
    }
  });
  return `${L.join('\n')}\n`;
}
