// Histogram of match scores, stacked by status. Only fuzzy and id_corrected scores are drawn: they are log2
// posterior odds, on one scale; an id/cmnd score is a sum of comparison weights without the prior, on another
// scale, so mixing them would put the two kinds of rows side by side as if comparable. The page says so.
import type { MatchResult, MatchStatus } from '../../match/types.js';
import { escapeHtml } from './escape-html.js';
import { STATUSES } from './report-figures.js';
import { STATUS_COLOUR, STATUS_VI } from './status-labels.js';
import { formatViInteger, formatViScore } from './vi-number.js';

export const HISTOGRAM_METHODS: readonly string[] = ['fuzzy', 'id_corrected'];
const LO = -20;
const HI = 40;
const STEP = 2;
const BINS = (HI - LO) / STEP + 2; // one open bin below LO and one above HI
const LEFT = 44;
const BIN_W = 20;
const PLOT_H = 200;
const TOP = 30;
const BOTTOM = 40;

function binOf(score: number): number {
  if (score < LO) return 0;
  if (score >= HI) return BINS - 1;
  return 1 + Math.floor((score - LO) / STEP);
}

function binLabel(bin: number): string {
  if (bin === 0) return `< ${LO}`;
  if (bin === BINS - 1) return `≥ ${HI}`;
  const from = LO + (bin - 1) * STEP;
  return `${from} đến < ${from + STEP}`;
}

/** x of a score on the axis (open bins excluded). */
function xOf(score: number): number {
  return LEFT + BIN_W + ((score - LO) / STEP) * BIN_W;
}

export interface Histogram {
  readonly svg: string;
  /** Rows drawn. */
  readonly drawn: number;
  /** Rows with a score on the other scale (id, cmnd, manual), left out. */
  readonly leftOut: number;
}

export function scoreHistogramSvg(results: readonly MatchResult[], thresholds?: { match: number; review: number }): Histogram {
  const counts: Record<MatchStatus, number>[] = Array.from({ length: BINS }, () => ({ matched: 0, review: 0, unmatched: 0, invalid: 0 }));
  let drawn = 0;
  let leftOut = 0;
  for (const r of results) {
    if (r.score === null) continue;
    if (!HISTOGRAM_METHODS.includes(r.method)) {
      leftOut += 1;
      continue;
    }
    counts[binOf(r.score)]![r.status] += 1;
    drawn += 1;
  }
  const totals = counts.map((c) => STATUSES.reduce((s, k) => s + c[k], 0));
  const most = Math.max(1, ...totals);
  const width = LEFT + BINS * BIN_W + 10;
  const height = TOP + PLOT_H + BOTTOM;
  const base = TOP + PLOT_H;
  const p: string[] = [];
  p.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-scores" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Phân bố điểm khớp">`,
  );
  let lx = LEFT;
  for (const s of STATUSES) {
    p.push(`<rect x="${lx}" y="6" width="12" height="12" fill="${STATUS_COLOUR[s]}"/><text x="${lx + 16}" y="16">${escapeHtml(STATUS_VI[s])}</text>`);
    lx += 120;
  }
  p.push(`<line x1="${LEFT}" y1="${base}" x2="${width - 10}" y2="${base}" stroke="#333"/>`);
  p.push(`<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${base}" stroke="#333"/>`);
  p.push(`<text x="${LEFT - 4}" y="${TOP + 4}" text-anchor="end">${formatViInteger(most)}</text>`);
  p.push(`<text x="${LEFT - 4}" y="${base}" text-anchor="end">0</text>`);
  counts.forEach((c, bin) => {
    const x = LEFT + bin * BIN_W;
    let y = base;
    p.push(`<g data-bin="${bin}" data-count="${totals[bin]}">`);
    for (const s of STATUSES) {
      if (c[s] === 0) continue;
      const h = Math.round((c[s] / most) * PLOT_H * 10) / 10;
      y = Math.round((y - h) * 10) / 10;
      p.push(
        `<rect x="${x + 1}" y="${y}" width="${BIN_W - 2}" height="${h}" fill="${STATUS_COLOUR[s]}" data-status="${s}" data-count="${c[s]}"><title>${escapeHtml(binLabel(bin))}: ${escapeHtml(STATUS_VI[s])} ${formatViInteger(c[s])}</title></rect>`,
      );
    }
    p.push('</g>');
  });
  for (let v = LO; v <= HI; v += 10) {
    const x = xOf(v);
    p.push(`<line x1="${x}" y1="${base}" x2="${x}" y2="${base + 4}" stroke="#333"/><text x="${x}" y="${base + 16}" text-anchor="middle">${v}</text>`);
  }
  p.push(`<text x="${LEFT + (BINS * BIN_W) / 2}" y="${base + 34}" text-anchor="middle">điểm (bit, log₂ tỷ số khả năng)</text>`);
  if (thresholds) {
    // Labels on two lines: the thresholds are often close enough for their labels to overlap.
    for (const [value, label, dy] of [
      [thresholds.review, 'ngưỡng xem xét', 10],
      [thresholds.match, 'ngưỡng khớp', 24],
    ] as const) {
      if (value < LO || value > HI) continue;
      const x = Math.round(xOf(value) * 10) / 10;
      p.push(
        `<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${base}" stroke="#1565c0" stroke-dasharray="4 3"/><text x="${x + 3}" y="${TOP + dy}" fill="#1565c0" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(label)} ${formatViScore(value)}</text>`,
      );
    }
  }
  p.push('</svg>');
  return { svg: p.join(''), drawn, leftOut };
}
