// Stacked bars of match statuses per commune, drawn here as SVG so the page needs no script and no library.
import { escapeHtml } from './escape-html.js';
import type { CommuneFigures } from './report-figures.js';
import { STATUSES } from './report-figures.js';
import { STATUS_COLOUR, STATUS_VI } from './status-labels.js';
import { formatViInteger } from './vi-number.js';

const LABEL_W = 200;
const BAR_W = 480;
const COUNT_W = 70;
const ROW_H = 26;
const BAR_H = 18;
const LEGEND_H = 28;
const MAX_LABEL = 28;

function shortLabel(text: string): string {
  const chars = [...text];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : text;
}

export function statusChartSvg(communes: readonly CommuneFigures[]): string {
  const width = LABEL_W + BAR_W + COUNT_W;
  const height = LEGEND_H + Math.max(1, communes.length) * ROW_H + 4;
  const most = Math.max(1, ...communes.map((c) => c.figures.people));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="chart-status" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Kết quả đối soát theo xã">`,
  );
  let x = LABEL_W;
  for (const s of STATUSES) {
    parts.push(`<rect x="${x}" y="6" width="12" height="12" fill="${STATUS_COLOUR[s]}"/>`);
    parts.push(`<text x="${x + 16}" y="16">${escapeHtml(STATUS_VI[s])}</text>`);
    x += 120;
  }
  communes.forEach((c, i) => {
    const y = LEGEND_H + i * ROW_H;
    const commune = escapeHtml(c.commune);
    parts.push(`<g data-commune="${commune}">`);
    parts.push(`<text x="${LABEL_W - 8}" y="${y + 14}" text-anchor="end"><title>${commune}</title>${escapeHtml(shortLabel(c.commune))}</text>`);
    let at = LABEL_W;
    for (const s of STATUSES) {
      const n = c.figures.statuses[s];
      if (n === 0) continue;
      // Widths in whole tenths of a pixel: the same bytes on every machine.
      const w = Math.round((n / most) * BAR_W * 10) / 10;
      parts.push(
        `<rect x="${at}" y="${y}" width="${w}" height="${BAR_H}" fill="${STATUS_COLOUR[s]}" data-status="${s}" data-count="${n}"><title>${commune}: ${escapeHtml(STATUS_VI[s])} ${formatViInteger(n)}</title></rect>`,
      );
      if (w >= 28) {
        const fill = s === 'review' ? '#000' : '#fff';
        parts.push(`<text x="${Math.round((at + w / 2) * 10) / 10}" y="${y + 13}" text-anchor="middle" fill="${fill}">${formatViInteger(n)}</text>`);
      }
      at = Math.round((at + w) * 10) / 10;
    }
    parts.push(`<text x="${at + 6}" y="${y + 14}">${formatViInteger(c.figures.people)}</text>`);
    parts.push('</g>');
  });
  parts.push('</svg>');
  return parts.join('');
}
