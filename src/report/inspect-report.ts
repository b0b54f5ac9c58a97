// The text `asxh inspect` prints for one list. Pure: a prepared list in, lines out. Names, IDs and accounts
// in the sample rows are masked, since this goes to a terminal.
import { sexVi } from './labels-vi.js';
import type { ChalkInstance } from 'chalk';
import type { ListSheet, PreparedList } from '../pipeline.js';
import { columnLetter } from './column-letter.js';
import { maskAccount, maskId, maskName } from './mask.js';

export interface InspectOptions {
  readonly sample: number;
  readonly colour: ChalkInstance;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function formatCounts(counts: [string, number][]): string {
  return counts.map(([k, n]) => `${k} ${n}`).join(', ');
}

function rowsLabel(rows: readonly number[]): string {
  if (rows.length === 0) return 'none';
  return rows.length === 1 ? `row ${rows[0]}` : `rows ${rows[0]}–${rows[rows.length - 1]}`;
}

function describeSheet(s: ListSheet, options: InspectOptions): string[] {
  const c = options.colour;
  const t = s.table;
  const out: string[] = [];
  const title = s.raw.sheet ? `sheet ${JSON.stringify(s.raw.sheet)}` : 'table';
  out.push(`  ${c.bold(title)}: header ${rowsLabel(t.headerRows)}${t.numberRow ? `, column numbers in row ${t.numberRow}` : ''}`);
  if (s.raw.encoding) out.push(`    encoding: ${s.raw.encoding}, delimiter ${JSON.stringify(s.raw.delimiter ?? ',')}`);
  if (s.raw.fonts.length > 0) out.push(`    fonts: ${s.raw.fonts.join(', ')}`);
  // One line per kind of legacy text, not per column: an official list in .VnTime has it in every column.
  const kinds = new Map<string, { columns: number[]; cells: number }>();
  for (const l of s.raw.legacy) {
    const kind = `${l.encoding.toUpperCase()}${l.upper ? ' (capital font)' : ''}, found by ${l.source}`;
    const k = kinds.get(kind) ?? { columns: [], cells: 0 };
    k.columns.push(l.column);
    k.cells += l.cells;
    kinds.set(kind, k);
  }
  for (const [kind, k] of kinds) {
    const cols = [...new Set(k.columns)].sort((a, b) => a - b).map(columnLetter).join(', ');
    out.push(`    legacy text: ${kind}, ${k.cells} cells decoded in column${k.columns.length > 1 ? 's' : ''} ${cols}`);
  }
  for (const w of s.raw.warnings) out.push(`    ${c.yellow(`warning: ${w}`)}`);
  out.push('    columns:');
  const fields = new Set(t.columns.map((col) => col.field));
  const rateIsPaid = !fields.has('amount') && !fields.has('arrears_amount') && !fields.has('arrears_months');
  for (const col of t.columns) {
    const note = col.how === 'map' ? ' (mapped by hand)' : col.field === 'rate' && rateIsPaid ? ' (the monthly rate: the amount paid)' : '';
    const target = col.field
      ? `${col.field}${note}`
      : c.dim(col.how === 'ignored' ? `not used: ${col.ignored}` : 'not used');
    out.push(`      ${columnLetter(col.index).padEnd(3)} ${(col.header || '(no header)').padEnd(34)} → ${target}`);
  }
  const context = t.rows.find((r) => r.context)?.context;
  if (!fields.has('village') && context?.village && t.rows.every((r) => r.context?.village === context.village)) {
    out.push(`    village of every row: ${JSON.stringify(context.village)} (from the sheet name or title)`);
  }
  const sections = t.skipped.filter((r) => r.reason === 'section');
  if (sections.length > 0) out.push(`    sections: ${sections.map((r) => `row ${r.prov.row} ${JSON.stringify(r.text)}`).join(', ')}`);
  const removed = s.people.filter((p) => (p.listMarks ?? []).length > 0);
  if (removed.length > 0) out.push(`    marked as removed by the list: ${formatCounts(countBy(removed.flatMap((p) => p.listMarks ?? []), (m) => m.flag))} (never paid)`);
  out.push(`    rows read ${t.rowsRead} = ${s.people.length} people + ${t.skipped.length} skipped${t.skipped.length ? ` (${formatCounts(countBy(t.skipped, (r) => r.reason))})` : ''}`);
  out.push(`    date order: ${s.dateOrder.order}${s.dateOrder.settled ? '' : ' (not settled by the data)'}; ${s.dateOrder.evidence}`);
  const problems = s.people.flatMap((p) => p.problems);
  if (problems.length > 0) out.push(`    problems: ${formatCounts(countBy(problems, (p) => p.code))}`);
  const sample = s.people.slice(0, options.sample);
  if (sample.length > 0) {
    out.push('    sample (masked):');
    for (const p of sample) {
      const birth = p.birth ? [p.birth.day, p.birth.month, p.birth.year].filter((x) => x !== null).join('/') : '?';
      const parts = [
        maskName(p.name?.display) || '?',
        birth,
        sexVi(p.sex) || '?',
        maskId(p.personalId) || `(${p.idKind})`,
        p.amount !== null ? p.amount.toLocaleString('vi-VN') : '-',
        p.cash ? 'tiền mặt' : p.bank ? `${p.bank.shortName} ${maskAccount(p.account)}` : '-',
      ];
      out.push(`      row ${p.prov.row}: ${parts.join(' · ')}`);
    }
  }
  return out;
}

export function describeList(list: PreparedList, options: InspectOptions): string {
  const c = options.colour;
  const out: string[] = [];
  out.push(c.bold(`${list.input.name}`) + `  (${list.format}, ${list.bytes.toLocaleString('en-US')} bytes, sha256 ${list.sha256.slice(0, 12)}…)`);
  for (const s of list.sheets) out.push(...describeSheet(s, options));
  for (const s of list.skippedSheets) out.push(`  ${c.dim(`sheet ${JSON.stringify(s.sheet)}: skipped, ${s.reason}`)}`);
  return out.join('\n');
}
