// match-report.csv (the contract scripts and auditors rely on; keys documented in the README) and
// match-report.xlsx (the same lines for people, Vietnamese headers). One line per person row of every input.
import { MATCH_STATUS_VI, sexVi } from './labels-vi.js';
import type { MatchResult, MatchStatus } from '../match/types.js';
import type { ColumnSpec, OutputFile } from '../write/output-spec.js';
import { flagText } from './flag-labels.js';
import { formatIsoPartialDate } from './partial-date-text.js';

export const MATCH_REPORT_COLUMNS: readonly ColumnSpec[] = [
  { key: 'source_file', header: 'Tệp nguồn', width: 24 },
  { key: 'source_sheet', header: 'Trang tính', width: 14 },
  { key: 'source_row', header: 'Dòng', width: 7, kind: 'integer' },
  { key: 'status', header: 'Kết quả', width: 12 },
  { key: 'registry_id', header: 'Số ĐDCN trong CSDL', width: 16, text: true },
  { key: 'method', header: 'Cách khớp', width: 12 },
  { key: 'score', header: 'Điểm', width: 8, kind: 'number' },
  { key: 'flags', header: 'Cờ', width: 24 },
  { key: 'explanation', header: 'Giải thích', width: 60 },
  { key: 'name', header: 'Họ và tên', width: 24 },
  { key: 'birth_date', header: 'Ngày sinh', width: 12 },
  { key: 'sex', header: 'Giới tính', width: 8 },
  { key: 'personal_id', header: 'Số CCCD trong danh sách', width: 16, text: true },
  { key: 'corrected_id', header: 'Số CCCD đã sửa', width: 16, text: true },
  { key: 'death_date', header: 'Ngày mất', width: 12 },
  { key: 'programme', header: 'Đối tượng', width: 16 },
  { key: 'commune', header: 'Xã', width: 14 },
  { key: 'village', header: 'Thôn', width: 14 },
  { key: 'amount', header: 'Mức trợ cấp', width: 12, kind: 'integer' },
];



/** Scores are rounded to two places so that floating-point noise can never change the report's bytes. */
function scoreCell(score: number | null): number | null {
  return score === null ? null : Math.round(score * 100) / 100;
}

function line(r: MatchResult): (string | number | null)[] {
  const p = r.person;
  return [
    p.prov.file,
    p.prov.sheet,
    p.prov.row,
    r.status,
    r.registryId ?? '',
    r.method,
    scoreCell(r.score),
    r.flags.join(';'),
    r.explanation,
    p.name?.display ?? p.raw.name ?? '',
    p.birth ? formatIsoPartialDate(p.birth) : '',
    sexVi(p.sex),
    p.personalId ?? '',
    r.correctedId ?? '',
    r.deathDate ? formatIsoPartialDate(r.deathDate) : '',
    p.programme ?? '',
    p.commune ?? '',
    p.village ?? '',
    p.amount,
  ];
}

export function buildMatchReport(results: readonly MatchResult[]): OutputFile[] {
  const rows = results.map(line);
  const statusCol = MATCH_REPORT_COLUMNS.findIndex((c) => c.key === 'status');
  const flagsCol = MATCH_REPORT_COLUMNS.findIndex((c) => c.key === 'flags');
  // People read the workbook: statuses and flags in Vietnamese; the CSV keeps the codes scripts rely on.
  const xlsxRows = rows.map((r, n) =>
    r.map((v, i) => (i === statusCol ? (MATCH_STATUS_VI[v as MatchStatus] ?? v) : i === flagsCol ? flagText(results[n]!.flags) : v)),
  );
  const attention = new Set(['review', 'unmatched', 'invalid']);
  const highlight = results.flatMap((r, row) => (attention.has(r.status) || r.flags.includes('deceased') ? [{ row, col: statusCol }] : []));
  return [
    { path: 'match-report.csv', kind: 'csv', columns: MATCH_REPORT_COLUMNS, rows },
    {
      path: 'match-report.xlsx',
      kind: 'xlsx',
      sheets: [{ name: 'Kết quả đối soát', columns: MATCH_REPORT_COLUMNS, rows: xlsxRows, highlight }],
    },
  ];
}
