// `asxh reconcile` on the committed fixture sets: the matching targets of the issue, the output contract,
// byte-identical re-runs, verify, redaction and batch mode.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRun, formatQuality, type QualityReport } from '../../fixtures/generator/evaluate.js';
import { BIN, fixture, runCli, tempDir } from './run-cli.js';

const listsOf = (dir: string) => readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry')).sort().map((f) => join(dir, f));
const reconcile = (set: string, out: string, extra: string[] = []) =>
  runCli(['reconcile', ...listsOf(fixture(set)), '--registry', fixture(set, 'registry.csv'), '--out', out, '--run-date', '2026-12-01', ...extra]);

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const quality: Record<string, QualityReport> = {};
const runs: Record<string, ReturnType<typeof runCli>> = {};

beforeAll(() => {
  for (const set of ['small', 'demo']) {
    runs[set] = reconcile(set, join(tmp.dir, set));
    quality[set] = evaluateRun(join(tmp.dir, set), fixture(set));
    process.stdout.write(`${formatQuality(`reconcile fixtures/${set}`, quality[set]!)}\n`);
  }
});

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = createHash('sha256').update(readFileSync(join(d, e.name))).digest('hex');
    }
  };
  walk(dir, '');
  return out;
}

describe.each(['small', 'demo'])('matching quality on fixtures/%s', (set) => {
  it('finishes with exit 1 (rows to review) and loses no row', () => {
    expect(runs[set]!.code).toBe(1);
    expect(quality[set]!.rows.lost).toBe(0);
    expect(quality[set]!.rows.twice).toBe(0);
  });

  it('meets the targets: precision >= 99.9 %, recall >= 97 %, review <= 3 %, no wrong ID accepted', () => {
    const m = quality[set]!.match!;
    expect(m.precision).toBeGreaterThanOrEqual(0.999);
    expect(m.recall).toBeGreaterThanOrEqual(0.97);
    expect(m.reviewRate).toBeLessThanOrEqual(0.03);
    expect(m.wrongIdAccepted).toBe(0);
  });

  it('finds the rows that are one person: pair precision and recall >= 99 %', () => {
    const d = quality[set]!.duplicates!;
    expect(d.truthPairs).toBeGreaterThan(5);
    expect(d.precision).toBeGreaterThanOrEqual(0.99);
    expect(d.recall).toBeGreaterThanOrEqual(0.99);
  });

  it('flags every deceased person the registry knows of', () => {
    const m = quality[set]!.match!;
    expect(m.deceasedTruth).toBeGreaterThan(0);
    expect(m.deceasedFlagged).toBe(m.deceasedTruth);
  });
});

describe('the output contract', () => {
  const dir = () => join(tmp.dir, 'small');

  it('writes one match-report line per person row, with the documented columns and values', () => {
    const rows = parse(readFileSync(join(dir(), 'match-report.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(quality.small!.rows.persons);
    const cols = Object.keys(rows[0]!);
    expect(cols.slice(0, 9)).toEqual(['source_file', 'source_sheet', 'source_row', 'status', 'registry_id', 'method', 'score', 'flags', 'explanation']);
    for (const r of rows) {
      expect(['matched', 'review', 'unmatched', 'invalid']).toContain(r.status);
      expect(['id', 'cmnd', 'id_corrected', 'fuzzy', 'manual', '']).toContain(r.method);
      expect(r.explanation.length).toBeGreaterThan(0);
      if (r.status === 'matched') expect(r.registry_id).toMatch(/^\d{12}$/);
    }
    const methods = new Set(rows.map((r) => r.method));
    for (const m of ['id', 'fuzzy', 'id_corrected']) expect(methods, m).toContain(m);
  });

  it('writes the people files, the review workbook and a manifest with checksums of every input and output', () => {
    for (const f of ['match-report.xlsx', 'review.xlsx', 'skipped-rows.csv', 'problems.csv', 'manifest.json']) expect(existsSync(join(dir(), f)), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir(), 'manifest.json'), 'utf8'));
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest.runDate).toBe('2026-12-01');
    expect(manifest.inputs.filter((i: { role: string }) => i.role === 'list')).toHaveLength(listsOf(fixture('small')).length);
    const registry = manifest.inputs.find((i: { role: string }) => i.role === 'registry');
    expect(registry.sha256).toBe(createHash('sha256').update(readFileSync(fixture('small', 'registry.csv'))).digest('hex'));
    const onDisk = hashes(dir());
    for (const o of manifest.outputs) expect(onDisk[o.name], o.name).toBe(o.sha256);
    expect(manifest.counts.status_matched + manifest.counts.status_review + manifest.counts.status_unmatched + manifest.counts.status_invalid).toBe(quality.small!.rows.persons);
  });

  it('keeps outputs readable by their owner only', () => {
    expect(statSync(join(dir(), 'match-report.csv')).mode & 0o077).toBe(0);
  });

  it('refuses to write over an earlier run without --force', () => {
    const again = reconcile('small', dir());
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});

describe('printing', () => {
  it('prints every sheet of every workbook of a run on A4, one page wide, its header rows repeated, "Trang x/y" in the footer', async () => {
    const books = Object.keys(hashes(join(tmp.dir, 'demo'))).filter((f) => f.endsWith('.xlsx'));
    expect(books).toContain('review.xlsx');
    for (const f of books) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(tmp.dir, 'demo', f));
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup, `${f} ${ws.name}`).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
        expect(ws.pageSetup.printTitlesRow, `${f} ${ws.name}`).toMatch(/^1:\d+$/);
        expect(ws.pageSetup.margins?.left, `${f} ${ws.name}`).toBeGreaterThan(0.9);
        expect(ws.headerFooter.oddFooter, `${f} ${ws.name}`).toContain('Trang &P/&N');
        const width = ws.columns.reduce((s, c) => s + (c.width ?? 9), 0);
        if (width > 100) expect(ws.pageSetup.orientation, `${f} ${ws.name}`).toBe('landscape');
      }
    }
  });
});

describe('payments of a real run', () => {
  it('pays nobody who is deceased, a non-kept duplicate, in review or unmatched, and each payable row once', () => {
    const out = join(tmp.dir, 'paid');
    expect(reconcile('demo', out, ['--period', '2026-12']).code).toBe(1);
    const rows = parse(readFileSync(join(out, 'match-report.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const ledger = parse(readFileSync(join(out, 'payments', 'ledger.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const byRow = new Map(rows.map((r) => [`${r.source_file}|${r.source_sheet}|${r.source_row}`, r]));
    const paidRows = new Set<string>();
    for (const l of ledger) {
      const key = `${l.source_file}|${l.source_sheet}|${l.source_row}`;
      expect(paidRows.has(key), key).toBe(false);
      paidRows.add(key);
      const r = byRow.get(key)!;
      expect(r.status, key).toBe('matched');
      for (const flag of ['deceased', 'duplicate', 'duplicate_review']) expect(r.flags.split(';'), key).not.toContain(flag);
      expect(l.registry_id).toBe(r.registry_id);
    }
    expect(ledger.length).toBeGreaterThan(0);
    // No programme pair is allowed by default: one registry person, one payment.
    const registryIds = ledger.map((l) => l.registry_id);
    expect(new Set(registryIds).size).toBe(registryIds.length);
  });

  it('pays nobody twice when the first ledger of the period is passed back', () => {
    const first = join(tmp.dir, 'paid');
    const second = join(tmp.dir, 'paid-again');
    expect(reconcile('demo', second, ['--period', '2026-12', '--paid-ledger', join(first, 'payments', 'ledger.csv')]).code).toBe(1);
    const ledger = parse(readFileSync(join(second, 'payments', 'ledger.csv')), { bom: true, columns: true }) as unknown[];
    expect(ledger).toHaveLength(0);
  });
});

describe('reproducible runs', () => {
  it('gives byte-identical outputs for the same inputs and settings', () => {
    const second = join(tmp.dir, 'small-again');
    reconcile('small', second);
    expect(hashes(second)).toEqual(hashes(join(tmp.dir, 'small')));
  });

  it('verify reproduces a run, and finds a changed output', () => {
    const ok = runCli(['verify', join(tmp.dir, 'small'), '--lang', 'en']);
    expect(ok.stderr).toContain('Verified');
    expect(ok.code).toBe(0);
    const copy = join(tmp.dir, 'small-again');
    writeFileSync(join(copy, 'problems.csv'), `${readFileSync(join(copy, 'problems.csv'), 'utf8')}x\n`);
    const bad = runCli(['verify', copy, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('output differs: problems.csv');
  });
});

describe('--redact', () => {
  it('masks every ID and account in the shareable outputs', () => {
    const out = join(tmp.dir, 'redacted');
    reconcile('small', out, ['--redact']);
    for (const f of ['match-report.csv', 'cleaned/ncc-dien-hong.cleaned.csv']) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toMatch(/(^|,)0\d{11}(,|$)/m);
      expect(text, f).toMatch(/\d{3}\*{7}\d{2}/);
    }
  });
});

describe('--log-format json, as a nightly cron log reads it', () => {
  it('says when each stage of the run started, in order, one line each, no personal data', () => {
    const r = reconcile('demo', join(tmp.dir, 'json-log'), ['--log-format', 'json']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string; stage?: string; elapsed_ms?: number });
    const stages = lines.filter((l) => l.stage !== undefined);
    expect(stages.map((l) => l.stage)).toEqual(['read', 'registry', 'match', 'dedupe', 'reports', 'communes', 'write', 'done']);
    const times = stages.map((l) => l.elapsed_ms ?? -1);
    expect(times.every((t, i) => t >= 0 && (i === 0 || t >= (times[i - 1] ?? 0)))).toBe(true);
    // Stage lines name files and counts, never a person: no ID-like digit run in them.
    for (const l of stages) expect(l.msg).not.toMatch(/\d{9}/);
    // The done line carries the night's counts as fields, as the manifest has them.
    const done = stages.at(-1) as unknown as Record<string, number>;
    const manifest = JSON.parse(readFileSync(join(tmp.dir, 'json-log', 'manifest.json'), 'utf8')) as { counts: Record<string, number> };
    expect(done).toMatchObject({ files_read: 3, rows: manifest.counts.rows_read, people: manifest.counts.people, matched: manifest.counts.status_matched, review: manifest.counts.status_review });
  });

  it('writes a failed run as one JSON line with its stable code', () => {
    const r = runCli(['reconcile', join(tmp.dir, 'no-such-list.xlsx'), '--registry', fixture('demo', 'registry.csv'), '--out', join(tmp.dir, 'json-fail'), '--log-format', 'json']);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; code?: string });
    expect(lines.at(-1)).toMatchObject({ level: 'error', code: 'input_missing' });
  });
});

describe('batch mode', () => {
  it('reconciles a folder into a dated run folder and points latest at it', () => {
    const root = join(tmp.dir, 'runs');
    const r = runCli(['reconcile', '--lists', fixture('demo'), '--registry', fixture('demo', 'registry.csv'), '--out', root, '--run-date', '2026-12-01', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(root, 'latest.txt'), 'utf8').trim()).toBe('2026-12-01');
    expect(existsSync(join(root, '2026-12-01', 'match-report.csv'))).toBe(true);
    expect(existsSync(join(root, '.asxh.lock'))).toBe(false);
    const again = runCli(['reconcile', '--lists', fixture('demo'), '--registry', fixture('demo', 'registry.csv'), '--out', root, '--run-date', '2026-12-01']);
    expect(again.code).toBe(2);
  });

  it('refuses a run while another holds the lock', async () => {
    const root = join(tmp.dir, 'locked');
    runCli(['reconcile', '--lists', fixture('demo'), '--registry', fixture('demo', 'registry.csv'), '--out', root, '--run-date', '2026-12-02', '--quiet']);
    // A live asxh process holds the lock (one started as bin/asxh is, kept waiting). A live process that is not
    // asxh (this test's own) would not: its lock is stale.
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', BIN, 'reconcile'], { stdio: 'ignore' });
    try {
      await new Promise((r) => holder.once('spawn', r));
      writeFileSync(join(root, '.asxh.lock'), `${holder.pid}\n`);
      const r = runCli(['reconcile', '--lists', fixture('demo'), '--registry', fixture('demo', 'registry.csv'), '--out', root, '--run-date', '2026-12-03']);
      expect(r.code).toBe(2);
      // Vietnamese by default (test/batch/batch-mode.test.ts checks the English).
      expect(r.stderr).toContain('lỗi [output_locked]: Không bắt đầu được lần chạy trong');
      expect(r.stderr).toContain('đang được một lần chạy asxh khác');
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
