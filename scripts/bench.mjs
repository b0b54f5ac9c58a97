// npm run bench [-- --sizes 10k,100k,1m,10m] [--rounds N] [--repeat N] [--regen]
// npm run bench -- --province [--communes N] [--registry-rows N]: a province's night, in scripts/bench-province.mjs.
// What the registry costs a reconcile run, by registry size, from the export and from a snapshot. Registries
// of each size are generated into bench-data/ (git-ignored) around the same ~10k list rows; every step runs as
// a child process so its time and peak memory (max RSS) are its own. The 10k run is the baseline: what a size
// costs beyond it is the registry's own cost, the lists' workbooks being a fixed cost of their own.
// Sizes: 10k, 100k, 1m, 10m, 20m … (ASXH_BENCH_SIZES works too). The 10k baseline is always run.
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = join(ROOT, 'bench-data');
const LIST_ROWS = 3334; // three lists: ~10k person rows, plus the set's duplicates
// The generator keeps a Set of the IDs it has drawn, and V8 Sets stop at 2^24 entries: larger registries are
// generated in parts of at most this many rows, each part under its own province code so IDs never clash.
const PART_ROWS = 10_000_000;
const PART_PROVINCES = ['040', '038', '042', '044', '045', '046'];
const RUN_DATE = '2026-12-01';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
// Without /usr/bin/time, each step prints its own peak memory as it exits.
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxRSS='+process.resourceUsage().maxRSS+'\\n'))`;

function parseArgs(argv) {
  const out = { sizes: process.env.ASXH_BENCH_SIZES ?? '10k,100k,1m,10m', repeat: 1, rounds: 5, regen: false };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--sizes') out.sizes = argv[++i] ?? out.sizes;
    else if (argv[i] === '--repeat') out.repeat = Math.max(1, Number(argv[++i] ?? 1));
    else if (argv[i] === '--rounds') out.rounds = Math.max(1, Number(argv[++i] ?? 5));
    else if (argv[i] === '--regen') out.regen = true;
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('npm run bench -- [--sizes 10k,1m,10m,20m] [--rounds N (whole runs, default 5)] [--repeat N (other steps, default 1)] [--regen]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  const sizes = out.sizes.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const s of sizes) if (!/^\d+(k|m)?$/.test(s)) throw new Error(`cannot read size ${JSON.stringify(s)}: write e.g. 10k, 1m, 20m`);
  if (!sizes.includes('10k')) sizes.unshift('10k');
  return { ...out, sizes: [...new Set(sizes)].sort((a, b) => rows(a) - rows(b)) };
}

function rows(size) {
  const n = Number(size.replace(/[km]$/, ''));
  return size.endsWith('m') ? n * 1_000_000 : size.endsWith('k') ? n * 1000 : n;
}

/** Runs node with args; returns seconds, peak RSS in bytes and the exit status. */
function measure(args, label) {
  const started = process.hrtime.bigint();
  const full = TIME ? [TIME, '-f', '%M %e', process.execPath, ...args] : [process.execPath, '--import', REPORT_RSS, ...args];
  const r = spawnSync(full[0], full.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=16384' } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(`${label} failed (exit ${r.status}):\n${(r.stderr ?? '').slice(-2000)}\n`);
    throw new Error(`${label} failed`);
  }
  let rss = 0;
  const lastLine = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  const m = /^(\d+) ([\d.]+)$/.exec(lastLine);
  if (m) rss = Number(m[1]) * 1024;
  const child = /maxRSS=(\d+)/.exec(r.stderr ?? '');
  if (child) rss = Number(child[1]) * 1024;
  return { seconds, rss, stages: stageTimes(r.stderr ?? '') };
}

/** When each stage began (seconds), from a reconcile's --log-format json lines. */
function stageTimes(stderr) {
  const stages = {};
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const o = JSON.parse(line);
      if (typeof o.stage === 'string' && typeof o.elapsed_ms === 'number') stages[o.stage] = o.elapsed_ms / 1000;
    } catch {
      // not a log line
    }
  }
  return stages;
}

function best(args, label, repeat) {
  let out = null;
  for (let i = 0; i < repeat; i += 1) {
    const r = measure(args, label);
    out = out === null ? r : { seconds: Math.min(out.seconds, r.seconds), rss: Math.max(out.rss, r.rss) };
  }
  return out;
}

async function generate(size, dir, regen) {
  const n = rows(size);
  if (!regen && existsSync(join(dir, 'registry.csv')) && existsSync(join(dir, 'bench.json'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const gen = join(ROOT, 'dist', 'fixtures', 'generator', 'cli.js');
  const first = Math.min(n, PART_ROWS);
  process.stderr.write(`generating ${size}: ${n} registry rows …\n`);
  const r = spawnSync(process.execPath, [gen, '--set', 'bench', '--out', dir, '--registry-rows', String(first), '--list-rows', String(LIST_ROWS), '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`generating ${size} failed`);
  for (let part = 1, left = n - first; left > 0; part += 1) {
    const count = Math.min(left, PART_ROWS);
    const tmp = mkdtempSync(join(DATA, 'part-'));
    const g = spawnSync(process.execPath, [gen, '--set', 'bench', '--seed', String(part + 1), '--out', tmp, '--registry-rows', String(count), '--list-rows', '1', '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (g.status !== 0) throw new Error(`generating part ${part + 1} of ${size} failed`);
    await appendPart(join(tmp, 'registry.csv'), join(dir, 'registry.csv'), PART_PROVINCES[part % PART_PROVINCES.length]);
    rmSync(tmp, { recursive: true, force: true });
    left -= count;
  }
  writeFileSync(join(dir, 'bench.json'), JSON.stringify({ size, rows: n, listRows: LIST_ROWS }));
}

/** Appends a part's rows (not its header) with its IDs moved to another province code; streamed, since a
 * 10 M-row part is longer than the longest string V8 makes. */
async function appendPart(from, to, province) {
  const out = openSync(to, 'a');
  let carry = '';
  let header = true;
  try {
    for await (const chunk of createReadStream(from, { encoding: 'utf8', highWaterMark: 1 << 22 })) {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop() ?? '';
      if (header) {
        lines.shift();
        header = false;
      }
      if (lines.length > 0) writeSync(out, `${lines.map((l) => (l.startsWith('040') ? province + l.slice(3) : l)).join('\n')}\n`);
    }
    if (carry !== '') writeSync(out, `${carry.startsWith('040') ? province + carry.slice(3) : carry}\n`);
  } finally {
    closeSync(out);
  }
}

// The CLI as a user runs it.
const ASXH = join(ROOT, 'bin', 'asxh');
// The registry alone, as reconcile loads it: what the run pays before matching starts.
const LOAD = `
import { loadRegistry } from './dist/src/registry/load-registry.js';
const registry = await loadRegistry(process.argv[1], { runYear: 2026 });
if (registry.size < 1) process.exitCode = 4;
`;
const CSV_PARSE = `
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
let n = 0;
for await (const record of createReadStream(process.argv[1]).pipe(parse({ bom: true, relax_column_count: true }))) n += record.length > 0 ? 1 : 0;
`;

/** The snapshot's five biggest sections, read from its metadata: where its bytes go. */
function biggestSections(path) {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(24);
    readSync(fd, head, 0, 24, 0);
    const meta = Buffer.alloc(head.readUInt32LE(12));
    readSync(fd, meta, 0, meta.length, 24);
    const width = { u8: 1, u16: 2, u32: 4, i32: 4, f64: 8 };
    return JSON.parse(meta.toString('utf8'))
      .sections.map((x) => ({ name: x.name, bytes: x.length * width[x.type] }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5);
  } finally {
    closeSync(fd);
  }
}

function lists(dir) {
  return readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && f !== 'registry.csv').map((f) => join(dir, f));
}

async function benchSize(size, options) {
  const dir = join(DATA, size);
  await generate(size, dir, options.regen);
  const exportPath = join(dir, 'registry.csv');
  const snapshot = join(dir, 'registry.asxhreg');
  const eval_ = (code, ...args) => ['--input-type=module', '-e', code, ...args];
  const result = { size, rows: rows(size), exportBytes: statSync(exportPath).size };
  process.stderr.write(`${size}: csv-parse …\n`);
  result.csvParse = best(eval_(CSV_PARSE, exportPath), 'csv-parse', options.repeat);
  process.stderr.write(`${size}: registry index …\n`);
  result.index = best([ASXH, 'registry', 'index', exportPath, '--out', snapshot, '--run-date', RUN_DATE, '--quiet'], 'index', options.repeat);
  result.snapshotBytes = statSync(snapshot).size;
  result.snapshotSections = biggestSections(snapshot);
  process.stderr.write(`${size}: loading the registry alone …\n`);
  result.loadExport = best(eval_(LOAD, exportPath), 'load (export)', options.repeat);
  result.loadSnapshot = best(eval_(LOAD, snapshot), 'load (snapshot)', options.repeat);
  return result;
}

/**
 * Whole reconcile runs, one round over every size at a time (10k, 1m, 10m, then again …): the machine's drift
 * over minutes then weighs on the baseline as on the size it is subtracted from.
 */
function wholeRuns(results, repeat) {
  const common = ['--run-date', RUN_DATE, '--log-format', 'json', '--force'];
  for (let round = 1; round <= repeat; round += 1) {
    for (const result of results) {
      const dir = join(DATA, result.size);
      for (const [key, registry, out] of [['fromExport', 'registry.csv', 'out-export'], ['fromSnapshot', 'registry.asxhreg', 'out-snapshot']]) {
        process.stderr.write(`${result.size}: reconcile from the ${key === 'fromExport' ? 'export' : 'snapshot'} (round ${round} of ${repeat}) …\n`);
        const m = measure([ASXH, 'reconcile', ...lists(dir), '--registry', join(dir, registry), '--out', join(dir, out), ...common], `reconcile (${registry})`);
        // Up to the end of matching: reading the lists, waiting for the registry, matching. The rest (duplicates,
        // reports, writing the workbooks) does not depend on the registry's size.
        const matched = m.stages.dedupe ?? Number.NaN;
        const was = result[key];
        result[key] =
          was === undefined
            ? { seconds: m.seconds, rss: m.rss, rounds: [m.seconds], matched: [matched], stages: m.stages }
            : { seconds: Math.min(was.seconds, m.seconds), rss: Math.max(was.rss, m.rss), rounds: [...was.rounds, m.seconds], matched: [...was.matched, matched], stages: was.stages };
      }
    }
  }
}

const s = (x) => `${x.toFixed(Math.abs(x) < 1 ? 2 : 1)} s`;
// A difference, signed: timing noise can make a bigger registry look cheaper.
const d = (x) => `${x < 0 ? '' : '+'}${s(x)}`;
const gb = (b) => (b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : `${Math.round(b / 1e6)} MB`);
const pass = (ok) => (ok ? 'PASS' : 'FAIL');

function pairedMedian(size, base) {
  const diffs = size.map((x, i) => x - (base[i] ?? base[0])).sort((a, b) => a - b);
  const mid = diffs.length >> 1;
  return diffs.length % 2 === 1 ? diffs[mid] : (diffs[mid - 1] + diffs[mid]) / 2;
}

/** Every round's difference, for the reader to see the noise. */
function spread(size, base) {
  return size.map((x, i) => d(x - (base[i] ?? base[0]))).join(', ');
}

function report(results) {
  const base = results.find((r) => r.size === '10k');
  const lines = [];
  for (const r of results) {
    lines.push('', `registry ${r.size}: ${r.rows.toLocaleString('en-US')} rows, export ${gb(r.exportBytes)}, snapshot ${gb(r.snapshotBytes)}`);
    lines.push('  step                              time      peak RSS');
    const row = (label, m) => lines.push(`  ${label.padEnd(32)} ${s(m.seconds).padStart(8)}  ${gb(m.rss).padStart(9)}`);
    row('csv-parse read of the export', r.csvParse);
    row('registry index (snapshot build)', r.index);
    row('load registry from the export', r.loadExport);
    row('load registry from the snapshot', r.loadSnapshot);
    row('reconcile from the export', r.fromExport);
    row('reconcile from the snapshot', r.fromSnapshot);
    for (const [label, m] of [['export', r.fromExport], ['snapshot', r.fromSnapshot]]) {
      const st = m.stages;
      const span = (from, to) => (st[from] !== undefined && st[to] !== undefined ? s(st[to] - st[from]) : '?');
      lines.push(`  stages from the ${label} (first round): lists and registry ${span('read', 'match')}, match ${span('match', 'dedupe')}, duplicates and reports ${span('dedupe', 'write')}, writing ${span('write', 'done')}`);
    }
    lines.push(`  snapshot's biggest sections: ${r.snapshotSections.map((x) => `${x.name} ${gb(x.bytes)}`).join(', ')}`);
    if (r !== base) {
      // Fastest run minus fastest 10k run: on this machine noise only ever adds time (other tenants, CPU
      // frequency), so the fastest of a few runs is the nearest to what each costs, as timeit and hyperfine
      // report it. The median of each round's difference is printed beside it, with every round's.
      const fastest = (m) => Math.min(...m);
      const fromExport = fastest(r.fromExport.rounds) - fastest(base.fromExport.rounds);
      const fromSnapshot = fastest(r.fromSnapshot.rounds) - fastest(base.fromSnapshot.rounds);
      const ref = r.csvParse.seconds;
      const loadExport = r.loadExport.seconds - base.loadExport.seconds;
      const loadSnapshot = r.loadSnapshot.seconds - base.loadSnapshot.seconds;
      const medianSnapshot = pairedMedian(r.fromSnapshot.rounds, base.fromSnapshot.rounds);
      const medianExport = pairedMedian(r.fromExport.rounds, base.fromExport.rounds);
      const rounds = r.fromSnapshot.rounds.length;
      const of = `${rounds} round${rounds === 1 ? '' : 's'}`;
      lines.push(`  registry's own cost (minus the 10k run), whole reconcile, fastest runs of ${of}: from the export ${d(fromExport)}, from the snapshot ${d(fromSnapshot)}`);
      lines.push(`    median of the rounds' differences: from the export ${d(medianExport)}, from the snapshot ${d(medianSnapshot)} (rounds from the snapshot: ${spread(r.fromSnapshot.rounds, base.fromSnapshot.rounds)})`);
      const matchedExport = fastest(r.fromExport.matched) - fastest(base.fromExport.matched);
      const matchedSnapshot = fastest(r.fromSnapshot.matched) - fastest(base.fromSnapshot.matched);
      lines.push(`  registry's own cost (minus the 10k run), run up to the end of matching, fastest: from the export ${d(matchedExport)}, from the snapshot ${d(matchedSnapshot)}`);
      lines.push(`    median of the rounds' differences: from the snapshot ${d(pairedMedian(r.fromSnapshot.matched, base.fromSnapshot.matched))} (rounds: ${spread(r.fromSnapshot.matched, base.fromSnapshot.matched)})`);
      lines.push(`  registry's own cost (minus the 10k run), loading only:    from the export ${d(loadExport)}, from the snapshot ${d(loadSnapshot)}`);
      const verdict = (fast, median, limit) => `whole run ${pass(fast < limit)} on the fastest runs, ${pass(median < limit)} on the median of rounds`;
      lines.push(`  target: snapshot adds < 1/10 csv-parse read (${s(ref / 10)}): loading ${pass(loadSnapshot < ref / 10)}, ${verdict(fromSnapshot, medianSnapshot, ref / 10)}`);
      lines.push(`  target: export adds < 1 csv-parse read (${s(ref)}): loading ${pass(loadExport < ref)}, ${verdict(fromExport, medianExport, ref)}`);
      if (r.rows >= 20_000_000) lines.push(`  target: ${r.size} indexed with peak < 12 GB (${gb(r.index.rss)}): ${pass(r.index.rss < 12e9)}`);
    }
  }
  return lines.join('\n');
}

if (process.argv.includes('--province')) {
  const { benchProvince } = await import('./bench-province.mjs');
  await benchProvince(process.argv.slice(2));
  process.exit(0);
}
const options = parseArgs(process.argv.slice(2));
mkdirSync(DATA, { recursive: true });
const results = [];
for (const size of options.sizes) results.push(await benchSize(size, options));
wholeRuns(results, options.rounds);
process.stdout.write(`asxh bench (${new Date().toISOString().slice(0, 10)}, node ${process.version}, peak memory by ${TIME ?? 'resourceUsage'})${report(results)}\n`);
writeFileSync(join(DATA, 'results.json'), JSON.stringify(results, null, 2));
