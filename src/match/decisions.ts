// Review decisions: read back from a filled review.xlsx (--decisions) and applied as method `manual`.
// A decision is keyed by file, sheet and row AND the row's fingerprint: when the row has changed since it was
// decided, the decision no longer applies and the row is reviewed again (flag decision_stale).
import { AsxhError, quote } from '../errors.js';
import { foldText } from '../normalize/fold.js';
import { REVIEW_COLUMNS, REVIEW_KEYS, CANDIDATES_SHOWN, type ShownDecision } from '../report/review-workbook.js';
import type { CellValue, PartialDate, RawSheet } from '../types.js';
import type { MatchResult } from './types.js';

export type Choice = { readonly kind: 'accept'; readonly registryId: string } | { readonly kind: 'reject' } | { readonly kind: 'absent' };

export interface Decision {
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  readonly fingerprint: string;
  readonly choice: Choice;
  /** The decision cell as written, shown again in the next review workbook. */
  readonly written: string;
  readonly by: string;
  readonly at: string;
  readonly note: string;
}

/** What a decided registry person looks like to the matcher: is the ID known, and is that person dead. */
export type RegistryLookup = (registryId: string) => { readonly known: boolean; readonly deathDate: PartialDate | null; readonly dead: boolean };

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Excel's day 0 of the 1900 date system, as JavaScript counts days (serial 60 is the 29 February 1900 that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The date of a decision as an ISO day: a real date cell, or a date the reader gives as Excel's serial number
 * (46361 for 5 December 2026, when the cell is stored as a number), or the text as written.
 */
export function decisionDate(v: CellValue | undefined): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && Number.isFinite(v) && v >= 10_000 && v < 2_958_466) {
    return new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000).toISOString().slice(0, 10);
  }
  const written = text(v);
  if (/^\d{5}(\.\d+)?$/.test(written)) return decisionDate(Number(written));
  return written;
}

const REJECT = ['khong phai', 'not this person', 'no', 'khong'];
const ABSENT = ['khong co', 'khong co trong csdl', 'not in registry', 'not in the registry', 'absent'];

function parseChoice(written: string, candidateIds: readonly string[]): Choice | null | 'bad' {
  const f = foldText(written).replace(/[.:]/g, ' ').replace(/\s+/g, ' ').trim();
  if (f === '') return null;
  const n = /^(?:chon |accept |ung vien |candidate )?([1-9])$/.exec(f);
  if (n) {
    const id = candidateIds[Number(n[1]) - 1];
    return id ? { kind: 'accept', registryId: id } : 'bad';
  }
  if (ABSENT.includes(f)) return { kind: 'absent' };
  if (REJECT.includes(f)) return { kind: 'reject' };
  return 'bad';
}

/** Decisions from the review sheet of a filled review.xlsx. Rows with an empty decision are not decisions. */
export function parseDecisions(sheet: RawSheet, fileName: string): Decision[] {
  const byHeader = new Map<string, string>();
  for (const c of REVIEW_COLUMNS) {
    byHeader.set(foldText(c.header), c.key);
    byHeader.set(foldText(c.key), c.key);
  }
  const headerRow = sheet.rows.find((r) => r.cells.some((c) => text(c.value) && byHeader.get(foldText(text(c.value))) === REVIEW_KEYS.decision));
  if (!headerRow) {
    throw new AsxhError(
      'decisions_invalid',
      {
        vi: `Không đọc được quyết định từ ${quote(fileName)}: không thấy cột ${quote('Quyết định')}`,
        en: `Cannot read decisions from ${quote(fileName)}: no column ${quote('Quyết định')} found`,
      },
      {
        vi: 'Dùng tệp review.xlsx asxh đã ghi, có cột "Quyết định" đã điền.',
        en: 'Pass the review.xlsx that asxh wrote, with the "Quyết định" column filled in.',
      },
    );
  }
  const col = new Map<string, number>();
  headerRow.cells.forEach((c, i) => {
    const key = byHeader.get(foldText(text(c.value)));
    if (key && !col.has(key)) col.set(key, i);
  });
  for (const needed of [REVIEW_KEYS.file, REVIEW_KEYS.row, REVIEW_KEYS.fingerprint]) {
    if (!col.has(needed)) {
      throw new AsxhError(
        'decisions_invalid',
        {
          vi: `Không đọc được quyết định từ ${quote(fileName)}: thiếu cột ${quote(needed)}`,
          en: `Cannot read decisions from ${quote(fileName)}: the column for ${quote(needed)} is missing`,
        },
        { vi: 'Đừng xóa cột nào của review.xlsx.', en: 'Do not delete columns from review.xlsx.' },
      );
    }
  }
  const get = (cells: RawSheet['rows'][number]['cells'], key: string) => text(col.has(key) ? cells[col.get(key)!]?.value : null);
  const out: Decision[] = [];
  for (const r of sheet.rows) {
    if (r.row <= headerRow.row) continue;
    const written = get(r.cells, REVIEW_KEYS.decision);
    const ids = Array.from({ length: CANDIDATES_SHOWN }, (_, k) => get(r.cells, REVIEW_KEYS.candidateId(k + 1)));
    const choice = parseChoice(written, ids);
    if (choice === null) continue;
    if (choice === 'bad') {
      throw new AsxhError(
        'decisions_invalid',
        {
          vi: `Không đọc được quyết định ở ${quote(fileName)} dòng ${r.row}: ${quote(written)} không phải là một quyết định`,
          en: `Cannot read the decision in ${quote(fileName)} row ${r.row}: ${quote(written)} is not a decision`,
        },
        {
          vi: 'Ghi 1, 2 hoặc 3 (ứng viên được chọn), "Không phải" (không ai trong số đó) hoặc "Không có" (không có trong CSDL dân cư).',
          en: 'Write 1, 2 or 3 (the candidate), "Không phải" (none of them) or "Không có" (not in the registry).',
        },
      );
    }
    out.push({
      file: get(r.cells, REVIEW_KEYS.file),
      sheet: get(r.cells, REVIEW_KEYS.sheet),
      row: Number(get(r.cells, REVIEW_KEYS.row)),
      fingerprint: get(r.cells, REVIEW_KEYS.fingerprint),
      choice,
      written,
      by: get(r.cells, REVIEW_KEYS.decidedBy),
      at: col.has(REVIEW_KEYS.decidedAt) ? decisionDate(r.cells[col.get(REVIEW_KEYS.decidedAt)!]?.value) : '',
      note: get(r.cells, REVIEW_KEYS.note),
    });
  }
  return out;
}

function keyOf(file: string, sheet: string, row: number): string {
  return `${file}\u0000${sheet}\u0000${row}`;
}

function who(d: Decision): string {
  const by = d.by ? ` by ${d.by}` : '';
  const at = d.at ? ` on ${d.at}` : '';
  return `${by}${at}`;
}

export interface AppliedDecisions {
  readonly results: MatchResult[];
  /** Results decided by hand, with the decision to show again in the next review workbook. */
  readonly shown: Map<MatchResult, ShownDecision>;
  readonly applied: number;
  readonly stale: number;
}

/** Apply decisions over the matcher's results. The last decision for a row wins. */
export function applyDecisions(results: readonly MatchResult[], decisions: readonly Decision[], lookup: RegistryLookup): AppliedDecisions {
  const byKey = new Map<string, Decision>();
  for (const d of decisions) byKey.set(keyOf(d.file, d.sheet, d.row), d);
  const shown = new Map<MatchResult, ShownDecision>();
  let applied = 0;
  let stale = 0;
  const out = results.map((r): MatchResult => {
    const d = byKey.get(keyOf(r.person.prov.file, r.person.prov.sheet, r.person.prov.row));
    if (!d) return r;
    if (d.fingerprint !== r.person.fingerprint) {
      stale++;
      return { ...r, flags: [...r.flags, 'decision_stale'], explanation: `${r.explanation}; a decision was made for this row, but the row has changed since: review it again` };
    }
    const flags = r.flags.filter((f) => f !== 'deceased');
    let next: MatchResult;
    if (d.choice.kind === 'accept') {
      const found = lookup(d.choice.registryId);
      if (!found.known) {
        stale++;
        return { ...r, flags: [...r.flags, 'decision_unknown_id'], explanation: `${r.explanation}; the decision names ${d.choice.registryId}, which is not in this registry: review it again` };
      }
      next = {
        ...r,
        status: 'matched',
        method: 'manual',
        registryId: d.choice.registryId,
        flags: found.dead ? [...flags, 'deceased'] : flags,
        deathDate: found.dead ? found.deathDate : null,
        explanation: `manual: accepted registry person${who(d)}${d.note ? ` (${d.note})` : ''}; matcher said: ${r.explanation}`,
      };
    } else {
      next = {
        ...r,
        status: 'unmatched',
        method: 'manual',
        registryId: null,
        deathDate: null,
        flags: d.choice.kind === 'absent' ? [...flags, 'not_in_registry'] : flags,
        explanation: `manual: ${d.choice.kind === 'absent' ? 'not in the registry' : 'none of the candidates is this person'}${who(d)}${d.note ? ` (${d.note})` : ''}; matcher said: ${r.explanation}`,
      };
    }
    applied++;
    shown.set(next, { decision: d.written, by: d.by, at: d.at, note: d.note });
    return next;
  });
  return { results: out, shown, applied, stale };
}
