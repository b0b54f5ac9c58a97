// review.xlsx: each row a person must decide, with the list's values beside up to three registry candidates,
// the cells where a candidate differs from the list highlighted, and a decision column. Rows already decided
// by hand are included with their decision filled in, so the workbook passed back with --decisions is the
// whole record of decisions and can be changed later.
import { sexVi } from './labels-vi.js';
import { foldText } from '../normalize/fold.js';
import type { RegistryPerson } from '../registry/registry.js';
import type { MatchResult } from '../match/types.js';
import type { PartialDate } from '../types.js';
import type { CellOut, ColumnSpec, OutputFile } from '../write/output-spec.js';
import { flagText } from './flag-labels.js';
import { formatIsoPartialDate } from './partial-date-text.js';

export const CANDIDATES_SHOWN = 3;

/** Keys of the columns the decisions reader looks for; the header texts may be translated, these may not. */
export const REVIEW_KEYS = {
  file: 'source_file',
  sheet: 'source_sheet',
  row: 'source_row',
  fingerprint: 'fingerprint',
  decision: 'decision',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
  note: 'decision_note',
  candidateId: (k: number) => `candidate_${k}_id`,
} as const;

const LIST_COLUMNS: readonly ColumnSpec[] = [
  { key: REVIEW_KEYS.file, header: 'Tệp nguồn', width: 22 },
  { key: REVIEW_KEYS.sheet, header: 'Trang tính', width: 12 },
  { key: REVIEW_KEYS.row, header: 'Dòng', width: 6, kind: 'integer' },
  { key: 'flags', header: 'Lý do xem xét', width: 22 },
  { key: 'name', header: 'Họ và tên (danh sách)', width: 22 },
  { key: 'birth_date', header: 'Ngày sinh', width: 11, text: true },
  { key: 'sex', header: 'Giới tính', width: 8 },
  { key: 'personal_id', header: 'Số CCCD (danh sách)', width: 15, text: true },
  { key: 'village', header: 'Thôn/Địa chỉ', width: 18 },
];

function candidateColumns(k: number): ColumnSpec[] {
  return [
    { key: REVIEW_KEYS.candidateId(k), header: `Ứng viên ${k}: Số ĐDCN`, width: 15, text: true },
    { key: `candidate_${k}_name`, header: `Ứng viên ${k}: Họ và tên`, width: 22 },
    { key: `candidate_${k}_birth_date`, header: `Ứng viên ${k}: Ngày sinh`, width: 11, text: true },
    { key: `candidate_${k}_sex`, header: `Ứng viên ${k}: Giới tính`, width: 8 },
    { key: `candidate_${k}_address`, header: `Ứng viên ${k}: Địa chỉ`, width: 24 },
    { key: `candidate_${k}_score`, header: `Ứng viên ${k}: Điểm`, width: 7, kind: 'number' },
    { key: `candidate_${k}_explanation`, header: `Ứng viên ${k}: Giải thích`, width: 40 },
  ];
}

const DECISION_COLUMNS: readonly ColumnSpec[] = [
  { key: REVIEW_KEYS.decision, header: 'Quyết định', width: 14 },
  { key: REVIEW_KEYS.decidedBy, header: 'Người quyết định', width: 16 },
  { key: REVIEW_KEYS.decidedAt, header: 'Ngày quyết định', width: 12, text: true },
  { key: REVIEW_KEYS.note, header: 'Ghi chú', width: 24 },
  { key: REVIEW_KEYS.fingerprint, header: 'Mã kiểm tra dòng', width: 18, text: true },
];

export const REVIEW_COLUMNS: readonly ColumnSpec[] = [
  ...LIST_COLUMNS,
  ...Array.from({ length: CANDIDATES_SHOWN }, (_, i) => candidateColumns(i + 1)).flat(),
  ...DECISION_COLUMNS,
];

export const REVIEW_INSTRUCTIONS = [
  'DANH SÁCH CẦN XEM XÉT — ĐỐI SOÁT VỚI CSDL QUỐC GIA VỀ DÂN CƯ',
  'Cột "Quyết định": ghi 1, 2 hoặc 3 để chọn ứng viên đúng; "Không phải" nếu không ứng viên nào là người này; "Không có" nếu người này không có trong CSDL dân cư. Ghi tên người quyết định và ngày.',
  'Sau đó chạy lại: asxh reconcile … --decisions review.xlsx. Ô tô vàng: ứng viên khác với danh sách. Không sửa cột "Mã kiểm tra dòng".',
];

/** How a hand decision is shown again in the decision column. */
export interface ShownDecision {
  readonly decision: string;
  readonly by: string;
  readonly at: string;
  readonly note: string;
}


function dateText(d: PartialDate | null): string {
  return d ? formatIsoPartialDate(d) : '';
}

function datesDiffer(a: PartialDate | null, b: PartialDate | null): boolean {
  if (!a || !b) return false;
  if (a.year !== b.year) return true;
  if (a.month !== null && b.month !== null && a.month !== b.month) return true;
  return a.day !== null && b.day !== null && a.day !== b.day;
}

export function buildReviewWorkbook(
  results: readonly MatchResult[],
  lookup: (index: number) => RegistryPerson,
  decided: ReadonlyMap<MatchResult, ShownDecision>,
): OutputFile {
  const rows: CellOut[][] = [];
  const highlight: { row: number; col: number }[] = [];
  const firstCandidateCol = LIST_COLUMNS.length;
  const perCandidate = candidateColumns(1).length;
  for (const r of results) {
    const shown = decided.get(r);
    if (r.status !== 'review' && !shown) continue;
    const p = r.person;
    const rowIndex = rows.length;
    const row: CellOut[] = [
      p.prov.file,
      p.prov.sheet,
      p.prov.row,
      flagText(r.flags),
      p.name?.display ?? p.raw.name ?? '',
      dateText(p.birth),
      sexVi(p.sex),
      p.personalId ?? p.raw.personal_id ?? '',
      [p.village, p.address].filter(Boolean).join(', '),
    ];
    for (let k = 0; k < CANDIDATES_SHOWN; k++) {
      const c = r.candidates[k];
      if (!c) {
        row.push('', '', '', '', '', null, '');
        continue;
      }
      const person = lookup(c.index);
      const base = firstCandidateCol + k * perCandidate;
      if (p.name && person.name && foldText(p.name.key) !== foldText(person.name.key)) highlight.push({ row: rowIndex, col: base + 1 });
      if (datesDiffer(p.birth, person.birth)) highlight.push({ row: rowIndex, col: base + 2 });
      if (p.sex && person.sex && p.sex !== person.sex) highlight.push({ row: rowIndex, col: base + 3 });
      if (p.personalId && person.id && p.personalId !== person.id) highlight.push({ row: rowIndex, col: base });
      const dead = person.alive === false ? ` (đã mất${person.deathDate ? ` ${dateText(person.deathDate)}` : ''})` : '';
      row.push(
        c.registryId,
        `${person.name?.display ?? ''}${dead}`,
        dateText(person.birth),
        sexVi(person.sex),
        person.address ?? '',
        Math.round(c.score * 100) / 100,
        c.explanation,
      );
    }
    row.push(shown?.decision ?? '', shown?.by ?? '', shown?.at ?? '', shown?.note ?? '', p.fingerprint);
    rows.push(row);
  }
  return {
    path: 'review.xlsx',
    kind: 'xlsx',
    sheets: [{ name: 'Cần xem xét', columns: REVIEW_COLUMNS, rows, highlight, titleRows: REVIEW_INSTRUCTIONS }],
  };
}
