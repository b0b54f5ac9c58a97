// The lists to sign as a printer prints them: LibreOffice renders the cash list and the control sheet of a
// 300-person commune to PDF, and the page count is what A4 landscape, one page wide, gives, each page closed by
// its own total. Skipped where soffice is not installed, unless CI=1 (then its absence is a failure).
import { execFileSync, spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOutput } from '../../src/write/render-output.js';
import { commune300 } from './commune-300.js';

function findSoffice(): string | null {
  for (const candidate of [process.env.SOFFICE, '/usr/bin/soffice', 'soffice', 'libreoffice'].filter(Boolean) as string[]) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return candidate;
  }
  return null;
}

const soffice = findSoffice();
const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0 ? 'pdftotext' : null;
const ci = process.env.CI === '1' || process.env.CI === 'true';
const dir = mkdtempSync(join(tmpdir(), 'asxh-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PdfPage {
  /** x of each vertical rule (the table's column borders), rounded to the point. */
  readonly columnRules: readonly number[];
  /** y of each horizontal rule, top first. */
  readonly rowRules: readonly number[];
}

interface Pdf {
  readonly pages: number;
  /** Width and height of the first page, in points. */
  readonly size: readonly [number, number];
  /** The drawn table of each page, from LibreOffice's content streams (one per page, in page order). */
  readonly tables: readonly PdfPage[];
}

function readPdf(path: string): Pdf {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  const pages = (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(text);
  const tables: PdfPage[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(bytes.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    if (!/ re\b/.test(content) || !/Tf/.test(content)) continue;
    const lines = [...content.matchAll(/([\d.]+) ([\d.]+) m\s+([\d.]+) ([\d.]+) l/g)].map((l) => l.slice(1, 5).map(Number) as [number, number, number, number]);
    const uniq = (xs: number[]) => [...new Set(xs.map((x) => Math.round(x)))];
    tables.push({
      columnRules: uniq(lines.filter(([x1, , x2]) => Math.abs(x1 - x2) < 0.01).map(([x]) => x)).sort((a, b) => a - b),
      rowRules: uniq(lines.filter(([, y1, , y2]) => Math.abs(y1 - y2) < 0.01).map(([, y]) => y)).sort((a, b) => b - a),
    });
  }
  return { pages, size: box ? [Number(box[3]) - Number(box[1]), Number(box[4]) - Number(box[2])] : [0, 0], tables };
}

async function renderPdf(name: string, path: string): Promise<Pdf> {
  const built = commune300();
  const file = built.files.find((f) => f.path === path)!;
  writeFileSync(join(dir, name), await renderOutput(file, { created: new Date('2026-12-01T00:00:00Z') }));
  // A profile of its own, so a LibreOffice already open on the machine does not take the job.
  execFileSync(soffice!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, name)], { stdio: 'ignore', timeout: 180_000 });
  return readPdf(join(dir, name.replace(/\.xlsx$/, '.pdf')));
}

// A4 landscape in points.
const A4_LANDSCAPE = [841.9, 595.3];

describe.skipIf(!soffice && !ci)('printed on A4 by LibreOffice', () => {
  it('finds soffice (CI=1 requires it)', () => {
    expect(soffice).not.toBeNull();
  });

  it('prints the cash list of 300 people one page wide on A4 landscape, as many pages as its signing rows need', async () => {
    const pdf = await renderPdf('cash-list.xlsx', 'payments/cash-list.xlsx');
    expect(pdf.size[0]).toBeCloseTo(A4_LANDSCAPE[0]!, 0);
    expect(pdf.size[1]).toBeCloseTo(A4_LANDSCAPE[1]!, 0);
    expect(pdf.tables.length).toBe(pdf.pages);
    // One page wide: every page holding the table draws all of its 10 column rules (9 columns), at the same
    // places, inside the printable width (A4 less the 2.5 cm and 1 cm side margins).
    const first = pdf.tables[0]!;
    expect(first.columnRules.length).toBe(10);
    expect(first.columnRules[0]!).toBeGreaterThanOrEqual(Math.floor(0.98 * 72) - 1);
    expect(first.columnRules[9]!).toBeLessThanOrEqual(A4_LANDSCAPE[0]! - Math.floor(0.39 * 72) + 1);
    for (const page of pdf.tables.slice(0, -1)) expect(page.columnRules).toEqual(first.columnRules);
    // Rows tall enough to sign: 30 pt, scaled by fit-to-width no smaller than 0.6 (the fonts LibreOffice
    // substitutes set the exact scale; DejaVu for Calibri gives about 0.7).
    // (The first person's row: the page ends with its total, a lower row.)
    const pitch = first.rowRules[1]! - first.rowRules[2]!;
    expect(pitch).toBeGreaterThanOrEqual(0.6 * 30);
    // Page 1 holds the header row (two rules), its people and the page's total ("Cộng trang"); every page as
    // many: 300 people take that many pages, one more when the total and the signatures fall on a page of their
    // own. (Checked by hand on LibreOffice 7.4 with pdftotext: 11 people and "Cộng trang" on each of 28 pages.)
    const rows = first.rowRules.length - 2;
    expect(rows).toBeGreaterThanOrEqual(12);
    const expected = Math.ceil(300 / (rows - 1));
    expect(pdf.pages).toBeGreaterThanOrEqual(expected);
    expect(pdf.pages).toBeLessThanOrEqual(expected + 1);
    // Where pdftotext is at hand: every printed page ends its table with "Cộng trang", the pages' people and
    // amounts adding up to the list's (300 people, 204,000,000 đồng).
    if (pdftotext) {
      let people = 0;
      let amount = 0;
      for (let page = 1; page <= pdf.pages; page++) {
        const text = execFileSync(pdftotext, ['-f', String(page), '-l', String(page), '-layout', join(dir, 'cash-list.pdf'), '-'], { encoding: 'utf8' });
        const totals = [...text.matchAll(/Cộng trang: (\d+) người\s+([\d,]+)/g)];
        expect(totals.length, `page ${page}`).toBe(1);
        people += Number(totals[0]![1]);
        amount += Number(totals[0]![2]!.replace(/,/g, ''));
      }
      expect([people, amount]).toEqual([300, 204_000_000]);
    }
  }, 240_000);

  it('prints the control sheet of that commune on one A4 landscape page', async () => {
    const pdf = await renderPdf('control.xlsx', 'payments/control.xlsx');
    expect(pdf.size[0]).toBeCloseTo(A4_LANDSCAPE[0]!, 0);
    expect(pdf.pages).toBe(1);
  }, 240_000);
});
