// duplicates.csv (one line per group member, the contract for scripts; keys documented in the README),
// duplicates.xlsx (each group's rows together, a blank row between groups, cells that differ from the kept row
// in yellow, so an officer sees at a glance what differs) and shared-accounts.csv.
import type { Lang } from '../config/settings.js';
import { textIn } from '../errors.js';
import { CASH_BANK_LABEL, sexVi } from './labels-vi.js';
import type { DedupeResult, DuplicateGroup, MemberDecision } from '../dedupe/types.js';
import type { MatchResult } from '../match/types.js';
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { formatIsoPartialDate } from './partial-date-text.js';
import { buildSharedAccountsCsv, sharedAccountsSheet } from './shared-accounts.js';

export const DUPLICATE_COLUMNS: readonly ColumnSpec[] = [
  { key: 'group_id', header: 'Mã nhóm', width: 14 },
  { key: 'group_kind', header: 'Loại nhóm', width: 12 },
  { key: 'source_file', header: 'Tệp nguồn', width: 24 },
  { key: 'source_sheet', header: 'Trang tính', width: 14 },
  { key: 'source_row', header: 'Dòng', width: 7, kind: 'integer' },
  { key: 'registry_id', header: 'Số ĐDCN trong CSDL', width: 16, text: true },
  { key: 'reason', header: 'Lý do', width: 20 },
  { key: 'kept', header: 'Giữ lại', width: 8 },
  { key: 'decision', header: 'Quyết định', width: 16 },
  { key: 'score', header: 'Điểm', width: 7, kind: 'number' },
  { key: 'programme', header: 'Đối tượng', width: 20 },
  { key: 'commune', header: 'Xã', width: 14 },
  { key: 'village', header: 'Thôn', width: 14 },
  { key: 'amount', header: 'Mức trợ cấp', width: 12, kind: 'integer' },
  { key: 'name', header: 'Họ và tên', width: 24 },
  { key: 'birth_date', header: 'Ngày sinh', width: 12 },
  { key: 'sex', header: 'Giới tính', width: 8 },
  { key: 'personal_id', header: 'Số CCCD trong danh sách', width: 16, text: true },
  { key: 'account', header: 'Số tài khoản', width: 20, text: true },
  { key: 'bank', header: 'Ngân hàng', width: 12 },
  { key: 'explanation', header: 'Giải thích', width: 60 },
];

const col = (key: string): number => DUPLICATE_COLUMNS.findIndex((c) => c.key === key);

/** Columns compared within a group for the yellow cells: what tells two listings of a person apart. */
const COMPARED = [
  'registry_id', 'programme', 'commune', 'village', 'amount', 'name', 'birth_date', 'sex', 'personal_id', 'account', 'bank',
].map(col);

const KEPT: Readonly<Record<MemberDecision, string>> = { keep: 'yes', keep_allowed: 'yes', review: 'yes', exclude: 'no' };

const VI: Readonly<Record<string, string>> = {
  duplicate: 'Trùng',
  review: 'Cần xem xét',
  same_registry_person: 'Cùng người trong CSDL',
  same_id: 'Cùng số CCCD',
  fuzzy: 'Giống tên, ngày sinh',
  yes: 'Có',
  no: 'Không',
  keep: 'Giữ lại (chi trả)',
  keep_allowed: 'Giữ lại (chế độ được hưởng đồng thời)',
  exclude: 'Loại (không chi trả)',
};


/** A group's lines as duplicates.csv has them: codes, 'cash' for the bank of a cash payee, the English explanation. */
function groupLines(g: DuplicateGroup, results: readonly MatchResult[]): CellOut[][] {
  return g.members.map((m, at) => {
    const r = results[m.index]!;
    const p = r.person;
    return [
      g.id,
      g.kind,
      p.prov.file,
      p.prov.sheet,
      p.prov.row,
      r.status === 'matched' ? (r.registryId ?? '') : '',
      m.reason,
      KEPT[m.decision],
      m.decision,
      m.score === null ? null : Math.round(m.score * 100) / 100,
      p.programme ?? '',
      p.commune ?? '',
      p.village ?? '',
      p.amount,
      p.name?.display ?? p.raw.name ?? '',
      p.birth ? formatIsoPartialDate(p.birth) : '',
      sexVi(p.sex),
      p.personalId ?? '',
      p.account ?? p.rep?.account ?? '',
      p.cash ? 'cash' : (p.bank?.shortName ?? ''),
      at === 0 ? g.explanation : '',
    ];
  });
}

/** Cells of a group's lines that differ from its reference line: the kept row, or the first one in review. */
function differences(lines: readonly CellOut[][], g: DuplicateGroup, firstRow: number): { row: number; col: number }[] {
  const refAt = Math.max(0, g.members.findIndex((m) => m.decision === 'keep'));
  const ref = lines[refAt]!;
  const cells: { row: number; col: number }[] = [];
  lines.forEach((line, at) => {
    if (at === refAt) return;
    for (const c of COMPARED) if ((line[c] ?? '') !== (ref[c] ?? '')) cells.push({ row: firstRow + at, col: c });
  });
  return cells;
}

const TRANSLATED = ['group_kind', 'reason', 'kept', 'decision'].map(col);
/** The workbook names cash as the officer does; the CSV keeps the machine value 'cash'. */
const BANK = col('bank');
const EXPLANATION = col('explanation');

/** duplicates.xlsx's explanations and the cash label follow `lang` (settings.lang); the CSV stays as scripts read it. */
export function buildDuplicateReports(dedupe: DedupeResult, results: readonly MatchResult[], lang: Lang = 'vi'): OutputFile[] {
  const perGroup = dedupe.groups.map((g) => groupLines(g, results));
  const xlsxRows: CellOut[][] = [];
  const highlight: { row: number; col: number }[] = [];
  dedupe.groups.forEach((g, k) => {
    if (k > 0) xlsxRows.push(DUPLICATE_COLUMNS.map(() => null));
    const lines = perGroup[k]!;
    highlight.push(...differences(lines, g, xlsxRows.length));
    const shown = (v: CellOut, c: number, at: number): CellOut => {
      if (TRANSLATED.includes(c)) return VI[String(v)] ?? v;
      if (c === BANK && v === 'cash') return CASH_BANK_LABEL[lang];
      if (c === EXPLANATION && at === 0) return textIn(g.explanationSaid, lang);
      return v;
    };
    lines.forEach((line, at) => xlsxRows.push(line.map((v, c) => shown(v, c, at))));
  });
  return [
    { path: 'duplicates.csv', kind: 'csv', columns: DUPLICATE_COLUMNS, rows: perGroup.flat() },
    {
      path: 'duplicates.xlsx',
      kind: 'xlsx',
      sheets: [
        { name: 'Trùng lặp', columns: DUPLICATE_COLUMNS, rows: xlsxRows, highlight },
        sharedAccountsSheet(dedupe, results),
      ],
    },
    buildSharedAccountsCsv(dedupe, results),
  ];
}
