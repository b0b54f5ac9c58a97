// The records handed from one stage to the next. Each stage takes one of these and returns the next:
//   read → RawSheet → layout → Table → normalize → Person → match → MatchResult → dedupe → pay
// Every record keeps its Provenance so any output line can be traced back to a cell.
import type { Said } from './errors.js';

export type CellValue = string | number | boolean | Date | null;

/** Where a record came from, as a person opening the file sees it. */
export interface Provenance {
  /** The input's name as reports show it: the base name, or the path below the --lists folder. */
  readonly file: string;
  /** Sheet name; '' for CSV. */
  readonly sheet: string;
  /** 1-based row number as Excel or LibreOffice shows it; a CSV's first record is row 1. */
  readonly row: number;
}

// ---------------------------------------------------------------- read

export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr';

/** The file formats read: Office Open XML (.xlsx/.xlsm), Excel 97-2003 (.xls, BIFF5/8), OpenDocument (.ods), text. */
export type SheetFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface RawCell {
  /**
   * The cell's value. Text is already decoded from legacy fonts and in NFC; formulas give their cached result;
   * rich text is joined; real Excel dates are Date objects (UTC midnight of the calendar day shown).
   */
  readonly value: CellValue;
  /** Excel number format when the cell has a non-General one ('@' means stored as text). */
  readonly numFmt?: string;
  /** The cell's text is struck through (its font, or every run of its rich text): officers strike out people. */
  readonly struck?: boolean;
}

export interface LegacyColumn {
  /** 0-based column index in the sheet. */
  readonly column: number;
  readonly encoding: LegacyEncoding;
  /** How it was recognised: the cells' font names, or characters only that encoding produces. */
  readonly source: 'font' | 'characters';
  /** Capital-letter font (.VnTimeH …): decoded text was upper-cased. */
  readonly upper: boolean;
  /** Number of cells decoded. */
  readonly cells: number;
}

export interface RawRow {
  /** 1-based row number as the person sees it. */
  readonly row: number;
  /** cells[c] is column c (0-based). Missing or empty cells are null values. */
  readonly cells: readonly RawCell[];
  /** The row is hidden, or filtered out by an autofilter, in the workbook (never set for CSV). */
  readonly hidden?: boolean;
}

export interface MergeRange {
  /** 1-based, inclusive, as Excel numbers them. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface RawSheet {
  readonly file: string;
  /** Sheet name; '' for CSV. */
  readonly sheet: string;
  readonly format: SheetFormat;
  /** CSV only: the encoding read with, e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'windows-1258'. */
  readonly encoding?: string;
  /** CSV only: ',', ';' or '\t'. */
  readonly delimiter?: string;
  /** XLSX only: the workbook uses the 1904 date system. */
  readonly date1904: boolean;
  /** Distinct font names used by non-empty cells (XLSX). */
  readonly fonts: readonly string[];
  readonly legacy: readonly LegacyColumn[];
  /**
   * Every row from the first to the last non-empty one, blank ones included. Cells of a merged range all carry
   * the value of its top-left cell.
   */
  readonly rows: readonly RawRow[];
  readonly merges: readonly MergeRange[];
  /** Things the reader was unsure of (for example an encoding guessed with low confidence), in English. */
  readonly warnings: readonly string[];
}

/** A sheet of a workbook that holds no beneficiary table, or any other part of an input that was passed over. */
export interface SkippedSheet {
  readonly file: string;
  readonly sheet: string;
  readonly reason: string;
}

// ---------------------------------------------------------------- layout

export const FIELDS = [
  'stt',
  'name',
  'birth_date',
  'birth_date_male',
  'birth_date_female',
  'sex',
  'personal_id',
  'old_id',
  'village',
  'address',
  'commune',
  'programme',
  'amount',
  'account',
  'bank',
  'rep_name',
  'rep_id',
  'rep_account',
  'phone',
  'note',
  // Fields of the 2026 shapes, kept after the older ones (the row fingerprint and scripts use the order).
  'related_name',
  'relation',
  'rate',
  'arrears_months',
  'arrears_amount',
  'coefficient',
  'standard_level',
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields a row's fingerprint is taken over: those of the first layouts, so old review decisions still apply. */
export const FINGERPRINT_FIELDS: readonly Field[] = FIELDS.slice(0, FIELDS.indexOf('related_name'));

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  readonly index: number;
  /** Header text as the person sees it (two-row headers joined with ' / '). */
  readonly header: string;
  readonly field: Field | null;
  /**
   * How the field was chosen: a built-in alias, a --map flag or config entry, not mapped, or recognised as a
   * column that is deliberately not used (the ID's issue date, a beneficiary code …: see `ignored`).
   */
  readonly how: 'alias' | 'map' | 'none' | 'ignored';
  /** For how = 'ignored': what the column holds and why it is not used, in English. */
  readonly ignored?: string;
}

export const SKIP_REASONS = [
  'blank',
  'subtotal',
  'total',
  'repeated_header',
  'column_numbers',
  'footer',
  'section',
  'no_person_data',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface SkippedRow {
  readonly prov: Provenance;
  readonly reason: SkipReason;
  /** The row's non-empty cells joined with ' | ', to show in skipped-rows.csv. */
  readonly text: string;
}

/** A cell of a column mapped to no field: still read for notes that remove a person and for QR strings. */
export interface OtherCell {
  readonly header: string;
  readonly cell: RawCell;
  /** The column is one recognised as deliberately not used (an issue date, a code …). */
  readonly ignored: boolean;
}

/** What the rows above a person row (section headings) or the sheet (its name, its title) say about it. */
export interface RowContext {
  /** The programme heading the row's section: its text as written, without the numbering. */
  readonly programme: string | null;
  /** The section row that gave the programme, as Excel numbers it. */
  readonly programmeRow: number | null;
  /** The village heading the row's section, or the sheet's village. */
  readonly village: string | null;
}

export interface TableRow {
  readonly prov: Provenance;
  readonly cells: Readonly<Partial<Record<Field, RawCell>>>;
  /** Non-empty cells of the unmapped columns, in column order. */
  readonly others?: readonly OtherCell[];
  readonly context?: RowContext;
  /** The row is hidden or filtered out in the workbook. */
  readonly hidden?: boolean;
}

export interface Table {
  readonly file: string;
  readonly sheet: string;
  /** Row numbers of the header (one or two rows). */
  readonly headerRows: readonly number[];
  /** Row number of the row of column numbers (1, 2, 3 …) under the header, if any. */
  readonly numberRow: number | null;
  readonly columns: readonly ColumnMapping[];
  /** Candidate person rows, in sheet order. */
  readonly rows: readonly TableRow[];
  readonly skipped: readonly SkippedRow[];
  /** Rows below the header: rows.length + skipped.length. */
  readonly rowsRead: number;
  /** The commune the title rows name ("UBND XÃ AN PHÚ" → "An Phú"), for lists without a commune column. */
  readonly titleCommune?: string | null;
  /** The district and province the title rows name ("UBND HUYỆN …", "TỈNH …"), for communes of one name. */
  readonly titlePlace?: { readonly district: string | null; readonly province: string | null };
}

// ---------------------------------------------------------------- normalize

export type Severity = 'error' | 'warning' | 'info';

/** A bad or doubtful value in one cell: data, collected into problems.csv, never thrown. */
export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  /** The field the problem is about. */
  readonly column: string;
  readonly raw: string;
  /** In English, as problems.csv has it. */
  readonly message: string;
  /** The message in both languages, where a stage gives one (entitlement findings, shown in exceptions.xlsx). */
  readonly messageSaid?: Said;
}

/** A finding of a normaliser before it is given a location. */
export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/** The result of one pure normaliser: the clean value (null when there is none) and what it noticed. */
export interface Normalized<T> {
  readonly value: T | null;
  readonly findings: readonly Finding[];
}

export type Sex = 'M' | 'F';

/** A birth date that may be known only to the year. Never invent a day or month. */
export interface PartialDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

export interface PersonName {
  /** For people: NFC, one tone-placement style, title case. */
  readonly display: string;
  /** Accented comparison key: lower case, one tone style, single spaces. */
  readonly key: string;
  /** Unaccented comparison key: key without marks, đ → d. */
  readonly folded: string;
  /** Folded family name (first word), middle words and given name (last word). */
  readonly family: string;
  readonly middle: string;
  readonly given: string;
}

export type IdKind = 'cccd' | 'cmnd' | 'missing' | 'invalid' | 'unrecoverable';

export interface BankRef {
  readonly bin: string;
  readonly shortName: string;
}

export interface Representative {
  readonly name: PersonName | null;
  readonly personalId: string | null;
  readonly account: string | null;
}

export interface Person {
  readonly prov: Provenance;
  /** SHA-256 (hex, first 16 chars) of the row's raw cells: a changed row no longer matches old decisions. */
  readonly fingerprint: string;
  /** The cells as the person sees them, by field. */
  readonly raw: Readonly<Partial<Record<Field, string>>>;
  readonly name: PersonName | null;
  readonly birth: PartialDate | null;
  readonly sex: Sex | null;
  /** A well-formed 12-digit personal ID (a lost leading zero restored), else null. */
  readonly personalId: string | null;
  readonly idKind: IdKind;
  /** A 9-digit CMND (or a 12-digit number written in the CMND column). */
  readonly oldId: string | null;
  readonly village: string | null;
  readonly address: string | null;
  readonly commune: string | null;
  readonly programme: string | null;
  /** Integer VND. */
  readonly amount: number | null;
  readonly account: string | null;
  readonly bank: BankRef | null;
  /** The bank column says cash through the postal service ("Tiền mặt", "Bưu điện"). */
  readonly cash: boolean;
  readonly rep: Representative | null;
  readonly phone: string | null;
  readonly note: string | null;
  readonly problems: readonly Problem[];
  /** Courtesy or kinship words written before the name ("Cụ", "Bà", "LS"), kept out of the compared name. */
  readonly namePrefix?: string | null;
  /** In a relatives' list: the martyr's or meritorious person's name, never matched or paid. */
  readonly relatedName?: string | null;
  readonly relation?: string | null;
  /** The money columns besides the amount paid, where the list has them. */
  readonly money?: MoneyFigures | null;
  /** What the list itself says against paying the person; never paid when non-empty. */
  readonly listMarks?: readonly ListMark[];
  /** The commune, district and province as the list gives them (column, address or title), before the 2025 map. */
  readonly writtenPlace?: WrittenPlace;
  /** The commune in 2025 units, when the map settles it (`commune` then holds its name). */
  readonly commune2025?: Commune2025 | null;
}

export interface WrittenPlace {
  readonly commune: string | null;
  readonly district: string | null;
  readonly province: string | null;
  /** Where the commune was read: its column, the address, the title rows, the file or sheet name, or the settings. */
  readonly from: 'column' | 'address' | 'title' | 'name' | 'settings' | null;
}

export interface Commune2025 {
  /** Official name, with its kind: "Xã Quảng Hòa". */
  readonly name: string;
  readonly code: string;
  readonly province: string;
  /** The old commune as written in the list, when it is not the new one. */
  readonly written: string | null;
  /** An old commune divided between several new ones, not yet settled by the village or the registry address. */
  readonly divided?: readonly string[];
  /** The old communes that went into it: a registry address in the old form names one of them. */
  readonly merged?: readonly string[];
}

export interface MoneyFigures {
  /** Integer VND a month. */
  readonly rate: number | null;
  readonly arrearsMonths: number | null;
  readonly arrearsAmount: number | null;
  /** The list's own total or amount column. */
  readonly total: number | null;
}

export const LIST_MARK_FLAGS = ['list_says_deceased', 'list_says_moved', 'list_says_stopped', 'row_struck', 'row_hidden'] as const;
export type ListMarkFlag = (typeof LIST_MARK_FLAGS)[number];

export interface ListMark {
  readonly flag: ListMarkFlag;
  /** The words that say so, as written, or what was seen ("the name is struck through"). */
  readonly text: string;
}
