// The outputs of `clean`: for each input list, a cleaned XLSX for people (original beside normalised values,
// a status and the problems of each person) and a cleaned CSV for machines (stable English keys, see
// cleaned-columns.ts); for the whole run, skipped-rows.csv and problems.csv. Pure: the write stage writes them.
// Everything is in file order as given, then sheet order, then row number, so re-runs give the same bytes.
import { PROBLEM_CODES, type ProblemCode } from '../normalize/problem-codes.js';
import { sexVi } from './labels-vi.js';
import type { Field, PartialDate, Person, Problem, SkippedRow, SkippedSheet, Table } from '../types.js';
import type { CellOut, ColumnSpec, OutputFile, SheetSpec } from '../write/output-spec.js';
import { cleanedBaseNames } from './cleaned-base-names.js';
import { CLEANED_CSV_COLUMNS } from './cleaned-columns.js';
import { formatIsoPartialDate } from './partial-date-text.js';
import { personStatus, STATUS_LABELS_VI } from './person-status.js';
import { problemsCsv } from './problems-csv.js';
import { skippedRowsCsv } from './skipped-rows-csv.js';

export interface CleanInput {
  readonly file: string;
  readonly sheets: readonly { readonly sheet: string; readonly table: Table; readonly people: readonly Person[]; readonly warnings?: readonly string[] }[];
}

/** Problems of a whole file, written as `code: message` among the reader's warnings (problems.csv, row empty). */
const FILE_PROBLEM_CODES: readonly ProblemCode[] = ['encoding_mixed'];

function fileProblems(file: string, sheet: string, warnings: readonly string[]): Problem[] {
  const out: Problem[] = [];
  for (const w of warnings) {
    const code = FILE_PROBLEM_CODES.find((c) => w.startsWith(`${c}: `));
    if (code === undefined) continue;
    out.push({ code, severity: PROBLEM_CODES[code].severity, file, sheet, row: 0, column: '', raw: '', message: w.slice(code.length + 2) });
  }
  return out;
}

/** The one worksheet of a cleaned XLSX; the source sheet is a column, so a workbook of many sheets reads as one list. */
export const CLEANED_SHEET_NAME = 'Danh sách';

type XlsxColumn = ColumnSpec & {
  readonly value: (p: Person, stt: number) => CellOut;
  /** Shown only when some person of the list has a value: the columns of the 2026 shapes. */
  readonly optional?: boolean;
};

const CASH_LABEL = 'Tiền mặt (bưu điện)';

const XLSX_COLUMNS: readonly XlsxColumn[] = [
  { key: 'stt', header: 'STT', width: 6, value: (_, stt) => stt },
  { key: 'name_raw', header: 'Họ và tên (gốc)', value: (p) => p.raw.name ?? null },
  { key: 'name', header: 'Họ và tên (chuẩn hóa)', value: (p) => p.name?.display ?? null },
  { key: 'birth_date_raw', header: 'Ngày sinh (gốc)', text: true, value: (p) => rawBirth(p) },
  { key: 'birth_date', header: 'Ngày sinh (chuẩn hóa)', text: true, value: (p) => (p.birth ? vietnamesePartialDate(p.birth) : null) },
  { key: 'sex', header: 'Giới tính', value: (p) => sexVi(p.sex) || null },
  { key: 'personal_id_raw', header: 'Số CCCD (gốc)', text: true, value: (p) => p.raw.personal_id ?? null },
  { key: 'personal_id', header: 'Số CCCD (chuẩn hóa)', text: true, value: (p) => p.personalId },
  { key: 'old_id', header: 'CMND', text: true, value: (p) => p.oldId },
  { key: 'village', header: 'Thôn/Địa chỉ', value: (p) => joinDistinct([p.village, p.address]) },
  { key: 'commune', header: 'Xã', value: (p) => p.commune },
  { key: 'commune_written', header: 'Xã (theo danh sách)', optional: true, value: (p) => p.commune2025?.written ?? null },
  { key: 'programme', header: 'Đối tượng', value: (p) => p.programme },
  { key: 'related_name', header: 'Họ tên liệt sĩ/người có công', optional: true, value: (p) => p.relatedName ?? null },
  { key: 'relation', header: 'Quan hệ', optional: true, value: (p) => p.relation ?? null },
  { key: 'rate', header: 'Mức trợ cấp hằng tháng', kind: 'integer', optional: true, value: (p) => p.money?.rate ?? null },
  { key: 'arrears_months', header: 'Số tháng truy lĩnh', optional: true, value: (p) => p.money?.arrearsMonths ?? null },
  { key: 'arrears_amount', header: 'Số tiền truy lĩnh', kind: 'integer', optional: true, value: (p) => p.money?.arrearsAmount ?? null },
  { key: 'amount', header: 'Mức trợ cấp', kind: 'integer', value: (p) => p.amount },
  { key: 'list_marks', header: 'Danh sách ghi đã cắt/chết/chuyển', optional: true, value: (p) => listMarksText(p) },
  { key: 'account', header: 'Số tài khoản', text: true, value: (p) => p.account },
  { key: 'bank_raw', header: 'Ngân hàng (gốc)', value: (p) => p.raw.bank ?? null },
  { key: 'bank_name', header: 'Ngân hàng', value: (p) => (p.cash ? CASH_LABEL : (p.bank?.shortName ?? null)) },
  { key: 'bank_bin', header: 'Mã BIN', text: true, value: (p) => p.bank?.bin ?? null },
  { key: 'rep_name', header: 'Người nhận thay', value: (p) => p.rep?.name?.display ?? null },
  { key: 'rep_id', header: 'CCCD người nhận thay', text: true, value: (p) => p.rep?.personalId ?? null },
  { key: 'rep_account', header: 'TK người nhận thay', text: true, value: (p) => p.rep?.account ?? null },
  { key: 'phone', header: 'Số điện thoại', text: true, value: (p) => p.phone },
  { key: 'note', header: 'Ghi chú', value: (p) => p.note },
  { key: 'status', header: 'Trạng thái', value: (p) => STATUS_LABELS_VI[personStatus(p)] },
  { key: 'problems', header: 'Vấn đề', width: 60, value: (p) => problemsText(p.problems) },
  { key: 'source_sheet', header: 'Sheet gốc', value: (p) => p.prov.sheet },
  { key: 'source_row', header: 'Dòng gốc', width: 9, value: (p) => p.prov.row },
];

const CSV_VALUES: Readonly<Record<string, (p: Person) => CellOut>> = {
  source_file: (p) => p.prov.file,
  source_sheet: (p) => p.prov.sheet,
  source_row: (p) => p.prov.row,
  status: (p) => personStatus(p),
  name: (p) => p.name?.display ?? null,
  name_raw: (p) => p.raw.name ?? null,
  name_folded: (p) => p.name?.folded ?? null,
  birth_date: (p) => (p.birth ? formatIsoPartialDate(p.birth) : null),
  birth_date_raw: (p) => rawBirth(p),
  birth_year: (p) => p.birth?.year ?? null,
  sex: (p) => p.sex,
  personal_id: (p) => p.personalId,
  personal_id_raw: (p) => p.raw.personal_id ?? null,
  id_kind: (p) => p.idKind,
  old_id: (p) => p.oldId,
  village: (p) => p.village,
  address: (p) => p.address,
  commune: (p) => p.commune,
  programme: (p) => p.programme,
  amount: (p) => p.amount,
  amount_raw: (p) => p.raw.amount ?? p.raw.rate ?? null,
  account: (p) => p.account,
  bank_bin: (p) => p.bank?.bin ?? null,
  bank_name: (p) => p.bank?.shortName ?? null,
  cash: (p) => (p.cash ? 'true' : 'false'),
  rep_name: (p) => p.rep?.name?.display ?? null,
  rep_id: (p) => p.rep?.personalId ?? null,
  rep_account: (p) => p.rep?.account ?? null,
  phone: (p) => p.phone,
  note: (p) => p.note,
  problems: (p) => problemsText(p.problems),
  related_name: (p) => p.relatedName ?? null,
  relation: (p) => p.relation ?? null,
  name_prefix: (p) => p.namePrefix ?? null,
  rate: (p) => p.money?.rate ?? null,
  arrears_months: (p) => p.money?.arrearsMonths ?? null,
  arrears_amount: (p) => p.money?.arrearsAmount ?? null,
  total: (p) => p.money?.total ?? null,
  list_marks: (p) => listMarksText(p),
  commune_written: (p) => p.writtenPlace?.commune ?? null,
  commune_code: (p) => p.commune2025?.code || null,
  province: (p) => p.commune2025?.province ?? null,
};

function listMarksText(p: Person): string | null {
  const marks = p.listMarks ?? [];
  return marks.length === 0 ? null : marks.map((m) => `${m.flag}: ${m.text}`).join(' | ');
}

// Problems about a field light up the normalised cell of that field in the XLSX.
const HIGHLIGHT_COLUMN: Readonly<Partial<Record<Field, string>>> = {
  name: 'name',
  birth_date: 'birth_date',
  birth_date_male: 'birth_date',
  birth_date_female: 'birth_date',
  sex: 'sex',
  personal_id: 'personal_id',
  old_id: 'old_id',
  village: 'village',
  address: 'village',
  commune: 'commune',
  programme: 'programme',
  amount: 'amount',
  rate: 'rate',
  arrears_amount: 'arrears_amount',
  arrears_months: 'arrears_months',
  account: 'account',
  bank: 'bank_name',
  rep_name: 'rep_name',
  rep_id: 'rep_id',
  rep_account: 'rep_account',
  phone: 'phone',
  note: 'note',
};

export function buildCleanOutputs(inputs: readonly CleanInput[], skippedSheets: readonly SkippedSheet[]): OutputFile[] {
  const outputs: OutputFile[] = [];
  const skipped: (SkippedRow | SkippedSheet)[] = [];
  const problems: Problem[] = [];
  const bases = cleanedBaseNames(inputs.map((i) => i.file));

  inputs.forEach((input, i) => {
    const people = input.sheets.flatMap((s) => byRow(s.people, (p) => p.prov.row));
    outputs.push(cleanedXlsx(`cleaned/${bases[i]}.cleaned.xlsx`, people));
    outputs.push(cleanedCsv(`cleaned/${bases[i]}.cleaned.csv`, people));
    for (const s of input.sheets) problems.push(...fileProblems(input.file, s.sheet, s.warnings ?? []));
    for (const p of people) problems.push(...p.problems);
    for (const s of input.sheets) skipped.push(...byRow(s.table.skipped, (r) => r.prov.row));
    skipped.push(...skippedSheets.filter((s) => s.file === input.file));
  });
  const known = new Set(inputs.map((i) => i.file));
  skipped.push(...skippedSheets.filter((s) => !known.has(s.file)));

  outputs.push(skippedRowsCsv(skipped), problemsCsv(problems));
  return outputs;
}

function cleanedXlsx(path: string, people: readonly Person[]): OutputFile {
  const columns = XLSX_COLUMNS.filter((c) => !c.optional || people.some((p, i) => c.value(p, i + 1) !== null));
  const colIndex = new Map(columns.map((c, i) => [c.key, i]));
  const highlight: { row: number; col: number }[] = [];
  people.forEach((p, row) => {
    const cols = new Set<number>();
    for (const problem of p.problems) {
      if (problem.severity === 'info') continue;
      const key = HIGHLIGHT_COLUMN[problem.column as Field];
      const col = key === undefined ? undefined : colIndex.get(key);
      if (col !== undefined) cols.add(col);
    }
    for (const col of [...cols].sort((a, b) => a - b)) highlight.push({ row, col });
  });
  const sheet: SheetSpec = {
    name: CLEANED_SHEET_NAME,
    // Beside the monthly rate, the amount is what this period pays, rate and arrears together.
    columns: columns.map(({ value: _value, optional: _optional, ...spec }) =>
      spec.key === 'amount' && colIndex.has('rate') ? { ...spec, header: 'Số tiền chi kỳ này' } : spec,
    ),
    rows: people.map((p, i) => columns.map((c) => c.value(p, i + 1))),
    freezeHeader: true,
    highlight,
  };
  return { path, kind: 'xlsx', sheets: [sheet] };
}

function cleanedCsv(path: string, people: readonly Person[]): OutputFile {
  return {
    path,
    kind: 'csv',
    columns: CLEANED_CSV_COLUMNS,
    rows: people.map((p) => CLEANED_CSV_COLUMNS.map((c) => CSV_VALUES[c.key]!(p))),
  };
}

/** A stable sort by row number: the stages keep sheet order, this makes sure of it. */
function byRow<T>(items: readonly T[], row: (item: T) => number): T[] {
  return items.map((item, i) => ({ item, i })).sort((a, b) => row(a.item) - row(b.item) || a.i - b.i).map((x) => x.item);
}

function rawBirth(p: Person): string | null {
  return p.raw.birth_date ?? p.raw.birth_date_male ?? p.raw.birth_date_female ?? null;
}

/** `07/03/1945`, `03/1945` or `1945`: the order Vietnamese lists use, never an invented day. */
function vietnamesePartialDate(date: PartialDate): string {
  const dd = (n: number): string => String(n).padStart(2, '0');
  const year = String(date.year).padStart(4, '0');
  if (date.month === null) return year;
  if (date.day === null) return `${dd(date.month)}/${year}`;
  return `${dd(date.day)}/${dd(date.month)}/${year}`;
}

function joinDistinct(values: readonly (string | null)[]): string | null {
  const kept = [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
  return kept.length === 0 ? null : kept.join(', ');
}

function problemsText(problems: readonly Problem[]): string | null {
  return problems.length === 0 ? null : problems.map((p) => `${p.code}: ${p.message}`).join(' | ');
}
