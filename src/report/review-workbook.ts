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
import { reviewReason } from './review-reason.js';

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

/** What the decision column takes; the drop-down offers exactly these. */
export const DECISION_CHOICES = ['1', '2', '3', 'Không phải', 'Không có'] as const;

// The list's own values first, then why the row is here and the decision (all within the first 13 columns, on
// the first printed page), then the candidates, the owner of the written ID apart, and the model's workings last.
const LIST_COLUMNS: readonly ColumnSpec[] = [
  { key: REVIEW_KEYS.file, header: 'Tệp nguồn', width: 18, wrap: true },
  { key: REVIEW_KEYS.sheet, header: 'Trang tính', width: 10 },
  { key: REVIEW_KEYS.row, header: 'Dòng', width: 6, kind: 'integer' },
  { key: 'name', header: 'Họ và tên (danh sách)', width: 22, wrap: true },
  { key: 'birth_date', header: 'Ngày sinh', width: 11, text: true },
  { key: 'sex', header: 'Giới tính', width: 8 },
  { key: 'personal_id', header: 'Số CCCD (danh sách)', width: 14, text: true },
  { key: 'village', header: 'Thôn/Địa chỉ', width: 18, wrap: true },
];

const DECISION_COLUMNS: readonly ColumnSpec[] = [
  { key: 'reason', header: 'Lý do xem xét', width: 40, wrap: true },
  { key: REVIEW_KEYS.decision, header: 'Quyết định', width: 12, choices: DECISION_CHOICES },
  { key: REVIEW_KEYS.decidedBy, header: 'Người quyết định', width: 16 },
  { key: REVIEW_KEYS.decidedAt, header: 'Ngày quyết định', width: 12, kind: 'date' },
  { key: REVIEW_KEYS.note, header: 'Ghi chú', width: 20, wrap: true },
];

function candidateColumns(k: number): ColumnSpec[] {
  return [
    { key: REVIEW_KEYS.candidateId(k), header: `Ứng viên ${k}: Số ĐDCN`, width: 14, text: true },
    { key: `candidate_${k}_name`, header: `Ứng viên ${k}: Họ và tên`, width: 22, wrap: true },
    { key: `candidate_${k}_birth_date`, header: `Ứng viên ${k}: Ngày sinh`, width: 11, text: true },
    { key: `candidate_${k}_sex`, header: `Ứng viên ${k}: Giới tính`, width: 8 },
    { key: `candidate_${k}_address`, header: `Ứng viên ${k}: Địa chỉ`, width: 24, wrap: true },
  ];
}

/** The registry person whose ID the row carries, when that is someone else (id_conflict): shown, never offered. */
const OWNER_COLUMNS: readonly ColumnSpec[] = [
  { key: 'id_owner_id', header: 'Chủ của số CCCD ghi trong danh sách: Số ĐDCN', width: 14, text: true },
  { key: 'id_owner_name', header: 'Chủ của số CCCD: Họ và tên', width: 22, wrap: true },
  { key: 'id_owner_birth_date', header: 'Chủ của số CCCD: Ngày sinh', width: 11, text: true },
  { key: 'id_owner_sex', header: 'Chủ của số CCCD: Giới tính', width: 8 },
  { key: 'id_owner_address', header: 'Chủ của số CCCD: Địa chỉ', width: 24, wrap: true },
];

function weightColumns(k: number): ColumnSpec[] {
  return [
    { key: `candidate_${k}_score`, header: `Ứng viên ${k}: Điểm`, width: 7, kind: 'number' },
    { key: `candidate_${k}_explanation`, header: `Ứng viên ${k}: Trọng số của mô hình`, width: 40 },
  ];
}

const TRAILING_COLUMNS: readonly ColumnSpec[] = [
  { key: 'flags', header: 'Dấu hiệu', width: 22 },
  { key: REVIEW_KEYS.fingerprint, header: 'Mã kiểm tra dòng', width: 18, text: true },
];

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export const REVIEW_COLUMNS: readonly ColumnSpec[] = [
  ...LIST_COLUMNS,
  ...DECISION_COLUMNS,
  ...range(CANDIDATES_SHOWN).flatMap(candidateColumns),
  ...OWNER_COLUMNS,
  ...range(CANDIDATES_SHOWN).flatMap(weightColumns),
  ...TRAILING_COLUMNS,
];

const COL = new Map(REVIEW_COLUMNS.map((c, i) => [c.key, i]));

function col(key: string): number {
  const i = COL.get(key);
  if (i === undefined) throw new Error(`no review column ${key}`);
  return i;
}

export const REVIEW_INSTRUCTIONS = [
  'DANH SÁCH CẦN XEM XÉT — ĐỐI SOÁT VỚI CSDL QUỐC GIA VỀ DÂN CƯ',
  'Cột "Quyết định": chọn 1, 2 hoặc 3 để chọn ứng viên đúng; "Không phải" nếu không ứng viên nào là người này; "Không có" nếu người này không có trong CSDL dân cư. Ghi tên người quyết định và ngày.',
  'Sau đó chạy lại: asxh reconcile … --decisions review.xlsx. Ô tô vàng: ứng viên khác với danh sách. "Chủ của số CCCD" là người đang mang số ghi trong danh sách, không phải ứng viên. Không sửa cột "Mã kiểm tra dòng".',
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

/** The registry rows that hold the ID (or CMND) written in the row, when the matcher found it is someone else's. */
function isOwner(r: MatchResult, person: RegistryPerson): boolean {
  const p = r.person;
  if (r.flags.includes('id_conflict')) {
    const written = p.personalId ?? (p.oldId !== null && p.oldId.length === 12 ? p.oldId : null);
    return written !== null && person.id === written;
  }
  if (r.flags.includes('cmnd_conflict')) return p.oldId !== null && person.cmnd === p.oldId;
  return false;
}

export function buildReviewWorkbook(
  results: readonly MatchResult[],
  lookup: (index: number) => RegistryPerson,
  decided: ReadonlyMap<MatchResult, ShownDecision>,
): OutputFile {
  const rows: CellOut[][] = [];
  const highlight: { row: number; col: number }[] = [];
  const width = REVIEW_COLUMNS.length;
  for (const r of results) {
    const shown = decided.get(r);
    if (r.status !== 'review' && !shown) continue;
    const p = r.person;
    const rowIndex = rows.length;
    const row: CellOut[] = Array.from({ length: width }, () => null);
    const set = (key: string, value: CellOut) => {
      row[col(key)] = value;
    };
    set(REVIEW_KEYS.file, p.prov.file);
    set(REVIEW_KEYS.sheet, p.prov.sheet);
    set(REVIEW_KEYS.row, p.prov.row);
    set('name', p.name?.display ?? p.raw.name ?? '');
    set('birth_date', dateText(p.birth));
    set('sex', sexVi(p.sex));
    set('personal_id', p.personalId ?? p.raw.personal_id ?? '');
    set('village', [p.village, p.address].filter(Boolean).join(', '));

    const people = r.candidates.map((c) => ({ c, person: lookup(c.index) }));
    const owner = people.find((x) => isOwner(r, x.person)) ?? null;
    const offered = people.filter((x) => x !== owner && !isOwner(r, x.person)).slice(0, CANDIDATES_SHOWN);
    set('reason', reviewReason(r, owner?.person ?? null, offered.length));
    set(REVIEW_KEYS.decision, shown?.decision || null);
    set(REVIEW_KEYS.decidedBy, shown?.by || null);
    set(REVIEW_KEYS.decidedAt, shown?.at || null);
    set(REVIEW_KEYS.note, shown?.note || null);

    offered.forEach(({ c, person }, i) => {
      const k = i + 1;
      const base = col(REVIEW_KEYS.candidateId(k));
      if (p.name && person.name && foldText(p.name.key) !== foldText(person.name.key)) highlight.push({ row: rowIndex, col: base + 1 });
      if (datesDiffer(p.birth, person.birth)) highlight.push({ row: rowIndex, col: base + 2 });
      if (p.sex && person.sex && p.sex !== person.sex) highlight.push({ row: rowIndex, col: base + 3 });
      if (p.personalId && person.id && p.personalId !== person.id) highlight.push({ row: rowIndex, col: base });
      const dead = person.alive === false ? ` (đã mất${person.deathDate ? ` ${dateText(person.deathDate)}` : ''})` : '';
      set(REVIEW_KEYS.candidateId(k), c.registryId);
      set(`candidate_${k}_name`, `${person.name?.display ?? ''}${dead}`);
      set(`candidate_${k}_birth_date`, dateText(person.birth));
      set(`candidate_${k}_sex`, sexVi(person.sex));
      set(`candidate_${k}_address`, person.address ?? '');
      set(`candidate_${k}_score`, Math.round(c.score * 100) / 100);
      set(`candidate_${k}_explanation`, c.explanation);
    });
    if (owner) {
      const dead = owner.person.alive === false ? ' (đã mất)' : '';
      set('id_owner_id', owner.c.registryId);
      set('id_owner_name', `${owner.person.name?.display ?? ''}${dead}`);
      set('id_owner_birth_date', dateText(owner.person.birth));
      set('id_owner_sex', sexVi(owner.person.sex));
      set('id_owner_address', owner.person.address ?? '');
    }
    set('flags', flagText(r.flags));
    set(REVIEW_KEYS.fingerprint, p.fingerprint);
    rows.push(row);
  }
  return {
    path: 'review.xlsx',
    kind: 'xlsx',
    sheets: [{ name: 'Cần xem xét', columns: REVIEW_COLUMNS, rows, highlight, titleRows: REVIEW_INSTRUCTIONS, print: { orientation: 'landscape' } }],
  };
}
