// One Table → Person[]: every normaliser applied to its cells, in the order the cells help each other
// (the ID first, as its century digit completes two-digit years), findings turned into located Problems.
import { hash } from 'node:crypto';
import { FIELDS, FINGERPRINT_FIELDS } from '../types.js';
import type { Field, Finding, ListMark, Person, Problem, RawCell, Representative, Sex, Table, TableRow, WrittenPlace } from '../types.js';
import { addressParts } from '../places/address-parts.js';
import { normalizeAccount } from './account.js';
import { amountDue } from './amount-due.js';
import { parseChipQr, type ChipQr } from './chip-qr.js';
import { removalIn } from './list-removal.js';
import { programmesAgree } from './programme-agree.js';
import { splitNameWords } from './name-words.js';
import { resolveBank } from './bank.js';
import { ambiguousDayMonth, detectDateOrder, parseBirthDate, type DateOrder } from './birth-date.js';
import { displayCell } from './cell-display.js';
import { finding } from './finding.js';
import { foldText } from './fold.js';
import { normalizeName } from './name.js';
import { checkIdAgainstPerson, idCentury, normalizeOldId, normalizePersonalId } from './personal-id.js';
import { normalizePhone } from './phone.js';
import { normalizeSex } from './sex.js';
import { cleanText } from './text.js';

export interface NormalizeOptions {
  readonly dateOrder: 'auto' | DateOrder;
  readonly date1904: boolean;
  readonly runYear: number;
}

interface DateOrderResult {
  readonly order: DateOrder;
  readonly settled: boolean;
  readonly evidence: string;
}

// What ticks a box in a "Nam" or "Nữ" column that holds marks instead of dates.
const MARKS: ReadonlySet<string> = new Set(['x', 'v', '1', '*', '+', '\u2713', '\u2714']);

function isEmpty(cell: RawCell | undefined): boolean {
  return cell === undefined || cleanText(displayCell(cell)) === '';
}

function isMark(cell: RawCell | undefined): boolean {
  return !isEmpty(cell) && MARKS.has(foldText(displayCell(cell)));
}

/** A sex column headed just "Nam" or "Nữ" (last part of a two-row header) is ticked, not written. */
function tickedSex(table: Table): Sex | null {
  const column = table.columns.find((c) => c.field === 'sex');
  if (column === undefined) return null;
  const last = foldText(column.header.split('/').pop() ?? '');
  if (last === 'nu') return 'F';
  if (last === 'nam') return 'M';
  return null;
}

interface Context {
  readonly options: NormalizeOptions;
  readonly dateOrder: DateOrderResult;
  readonly twoDateColumns: boolean;
  readonly ticked: { readonly sex: Sex; readonly used: boolean } | null;
  readonly titleCommune: string | null;
  readonly titlePlace: { readonly district: string | null; readonly province: string | null };
}

function textField(cell: RawCell | undefined): string | null {
  const text = cleanText(displayCell(cell));
  return text === '' ? null : text;
}

function fingerprint(raw: Readonly<Partial<Record<Field, string>>>): string {
  const cells = FINGERPRINT_FIELDS.filter((f) => raw[f] !== undefined).map((f) => [f, raw[f]]);
  return hash('sha256', JSON.stringify(cells), 'hex').slice(0, 16);
}

/** Birth-date cell and sex from the Nam/Nữ two-column layout: the filled column gives the sex. */
function fromTwoColumns(row: TableRow, add: (field: Field, f: readonly Finding[]) => void): { cell: RawCell | undefined; field: Field; sex: Sex | null } {
  const male = row.cells.birth_date_male;
  const female = row.cells.birth_date_female;
  const plain = { cell: row.cells.birth_date, field: 'birth_date' as Field };
  const dateOf = (cell: RawCell | undefined): RawCell | undefined => (isMark(cell) ? undefined : cell);
  if (!isEmpty(male) && !isEmpty(female)) {
    add('birth_date_male', [finding('sex_both_columns', 'Both the Nam and the Nữ column are filled.')]);
    const cell = dateOf(male) ?? dateOf(female);
    return cell ? { cell, field: cell === male ? 'birth_date_male' : 'birth_date_female', sex: null } : { ...plain, sex: null };
  }
  if (!isEmpty(male)) return dateOf(male) ? { cell: male, field: 'birth_date_male', sex: 'M' } : { ...plain, sex: 'M' };
  if (!isEmpty(female)) return dateOf(female) ? { cell: female, field: 'birth_date_female', sex: 'F' } : { ...plain, sex: 'F' };
  return { ...plain, sex: null };
}

/** The row's chip-card QR string: in the ID or CMND column, or in a column of its own. */
function findQr(row: TableRow): { qr: ChipQr; field: Field | null } | null {
  for (const field of ['personal_id', 'old_id', 'note'] as const) {
    const value = row.cells[field]?.value;
    const qr = typeof value === 'string' ? parseChipQr(value) : null;
    if (qr) return { qr, field };
  }
  for (const other of row.others ?? []) {
    const qr = typeof other.cell.value === 'string' ? parseChipQr(other.cell.value) : null;
    if (qr) return { qr, field: null };
  }
  return null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The row's cells with what a chip card's QR string gives: the ID and old CMND always, the name, birth date,
 * sex and address where the row leaves them empty. Disagreements with the row's own cells are warnings.
 */
function withQr(row: TableRow, ctx: Context, add: (field: Field, f: readonly Finding[]) => void): Readonly<Partial<Record<Field, RawCell>>> {
  const found = findQr(row);
  if (found === null) return row.cells;
  const { qr } = found;
  const cells: Partial<Record<Field, RawCell>> = { ...row.cells };
  const fill = (field: Field, value: string | null): boolean => {
    if (value === null) return false;
    if (!isEmpty(cells[field])) return false;
    cells[field] = { value };
    return true;
  };
  const fromQrColumn = found.field === 'personal_id' || found.field === 'old_id';
  if (fromQrColumn || isEmpty(cells.personal_id)) cells.personal_id = { value: qr.personalId };
  if (found.field === 'old_id') cells.old_id = qr.oldId === null ? { value: null } : { value: qr.oldId };
  else fill('old_id', qr.oldId);
  const birthText = qr.birth ? `${pad2(qr.birth.day)}/${pad2(qr.birth.month)}/${qr.birth.year}` : null;
  const disagree: string[] = [];
  const nameKey = (text: string): string | undefined => normalizeName(splitNameWords(text).name).value?.key;
  if (!fill('name', qr.name) && qr.name !== null && nameKey(displayCell(cells.name)) !== nameKey(qr.name)) disagree.push('name');
  const dateField: Field = ['birth_date_male', 'birth_date_female'].find((f) => !isEmpty(cells[f as Field])) as Field | undefined ?? 'birth_date';
  if (!(dateField === 'birth_date' && fill('birth_date', birthText)) && qr.birth !== null) {
    const own = parseBirthDate(cells[dateField] ?? null, { order: ctx.dateOrder.order, date1904: ctx.options.date1904, century: null, runYear: ctx.options.runYear }).value;
    if (own !== null && (own.year !== qr.birth.year || (own.month !== null && own.month !== qr.birth.month) || (own.day !== null && own.day !== qr.birth.day))) disagree.push('birth date');
  }
  if (qr.sex !== null && !fill('sex', qr.sex === 'M' ? 'Nam' : 'Nữ')) {
    const own = normalizeSex(cells.sex ?? null).value;
    if (own !== null && own !== qr.sex) disagree.push('sex');
  }
  fill('address', qr.address);
  add('personal_id', [finding('qr_read', "A chip card's QR string gave the ID and filled the row's empty fields.")]);
  if (disagree.length > 0) {
    add('personal_id', [finding('qr_disagrees', `The chip card's QR string gives another ${disagree.join(', ')} than the row; the row's own cells are used.`)]);
  }
  return cells;
}

/** What the list itself says against paying the row: notes, a struck-through name, a hidden row. */
function listMarks(row: TableRow, remark: string | null): ListMark[] {
  const marks: ListMark[] = [];
  const texts = [displayCell(row.cells.note), remark ?? '', ...(row.others ?? []).filter((o) => !o.ignored).map((o) => displayCell(o.cell))];
  const seen = new Set<string>();
  for (const text of texts) {
    const note = text === '' ? null : removalIn(text);
    if (note === null) continue;
    const flag = note.kind === 'deceased' ? 'list_says_deceased' : note.kind === 'moved' ? 'list_says_moved' : 'list_says_stopped';
    if (seen.has(flag)) continue;
    seen.add(flag);
    marks.push({ flag, text: cleanText(note.text) });
  }
  if (row.cells.name?.struck === true) marks.push({ flag: 'row_struck', text: 'the name is struck through' });
  if (row.hidden === true) marks.push({ flag: 'row_hidden', text: 'the row is hidden or filtered out in the workbook' });
  return marks;
}

function normalizeRow(row: TableRow, ctx: Context): Person {
  const raw: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const shown = displayCell(row.cells[field]);
    if (shown !== '') raw[field] = shown;
  }
  const problems: Problem[] = [];
  const add = (field: Field, findings: readonly Finding[]): void => {
    for (const f of findings) {
      problems.push({ ...f, file: row.prov.file, sheet: row.prov.sheet, row: row.prov.row, column: field, raw: raw[field] ?? '' });
    }
  };
  const cells = withQr(row, ctx, add);

  // The ID first: its century digit completes two-digit birth years.
  const id = normalizePersonalId(cells.personal_id ?? null);
  add('personal_id', id.findings);
  const old = normalizeOldId(cells.old_id ?? null);
  add('old_id', old.findings);
  let personalId = id.value;
  let idKind = id.kind;
  const oldId = old.value ?? id.cmnd;
  if (personalId === null && idKind === 'missing' && old.value?.length === 12) {
    personalId = old.value;
    idKind = 'cccd';
    add('old_id', [finding('id_from_old_id_column', 'The personal-ID column is empty; the 12-digit ID in the CMND column is used.')]);
  }

  // Birth date, and the sex the Nam/Nữ columns give.
  const two = ctx.twoDateColumns ? fromTwoColumns(row, add) : { cell: cells.birth_date, field: 'birth_date' as Field, sex: null };
  const birthResult = parseBirthDate(two.cell ?? null, {
    order: ctx.dateOrder.order,
    date1904: ctx.options.date1904,
    century: personalId === null ? null : idCentury(personalId),
    runYear: ctx.options.runYear,
  });
  add(two.field, birthResult.findings);
  const birth = birthResult.value;
  if (birth !== null && !ctx.dateOrder.settled && ctx.options.dateOrder === 'auto' && ambiguousDayMonth(two.cell ?? null)) {
    add(two.field, [finding('date_order_unsettled', `Day and month could be swapped (${ctx.dateOrder.evidence}); read as ${ctx.dateOrder.order}.`)]);
  }

  // Sex: the sex column, else the Nam/Nữ columns.
  let sex: Sex | null;
  if (ctx.ticked !== null && isMark(cells.sex)) sex = ctx.ticked.sex;
  else if (ctx.ticked?.used === true && isEmpty(cells.sex)) sex = ctx.ticked.sex === 'F' ? 'M' : 'F';
  else {
    const s = normalizeSex(cells.sex ?? null);
    add('sex', s.findings);
    sex = s.value;
  }
  if (two.sex !== null) {
    if (sex !== null && sex !== two.sex) add('sex', [finding('sex_conflict', 'The sex column and the Nam/Nữ columns disagree; the sex column is used.')]);
    sex ??= two.sex;
  }
  if (personalId !== null) add('personal_id', checkIdAgainstPerson(personalId, sex, birth?.year ?? null));

  const nameValue = cells.name?.value ?? null;
  const words = typeof nameValue === 'string' ? splitNameWords(nameValue) : null;
  const name = normalizeName(words ? words.name : nameValue);
  add('name', name.findings);
  if (words && (words.prefix !== null || words.remark !== null)) {
    const parts = [words.prefix === null ? null : `${quoteText(words.prefix)} before`, words.remark === null ? null : `${quoteText(words.remark)} after`];
    add('name', [finding('name_words_removed', `${parts.filter((p) => p !== null).join(' and ')} the name kept out of the compared name.`)]);
  }

  if (name.value === null && personalId === null && oldId === null && birth === null) {
    const text = Object.values(raw).join(' | ');
    problems.push({
      ...finding('row_no_identity', 'The row has no name, no ID and no birth date.'),
      file: row.prov.file,
      sheet: row.prov.sheet,
      row: row.prov.row,
      column: 'name',
      raw: text,
    });
  } else {
    if (name.value === null && isEmpty(cells.name)) add('name', [finding('name_missing', 'The name cell is empty.')]);
    if (idKind === 'missing' && oldId === null) add('personal_id', [finding('id_missing', 'No personal ID.')]);
    if (birth === null && isEmpty(two.cell)) add(two.field, [finding('date_missing', 'No birth date.')]);
  }

  const due = amountDue(cells);
  const hasMoneyColumns = cells.rate !== undefined || cells.arrears_amount !== undefined || cells.arrears_months !== undefined || cells.coefficient !== undefined;
  // A monthly rate alone is the amount, as the lists before 2026 had it: its problems stay under `amount`.
  const rateIsAmount = cells.rate !== undefined && cells.amount === undefined && cells.arrears_amount === undefined && cells.arrears_months === undefined;
  for (const [field, f] of due.findings) {
    if (field === 'rate' && rateIsAmount) problems.push({ ...f, file: row.prov.file, sheet: row.prov.sheet, row: row.prov.row, column: 'amount', raw: raw.rate ?? '' });
    else add(field, [f]);
  }
  const account = normalizeAccount(cells.account ?? null);
  add('account', account.findings);
  const bank = resolveBank(cells.bank ?? null);
  add('bank', bank.findings);
  const phone = normalizePhone(cells.phone ?? null);
  add('phone', phone.findings);

  const place = writtenPlace(cells, ctx);
  const marks = listMarks(row, words?.remark ?? null);
  if (marks.length > 0) add('name', [finding('list_says_removed', `The list marks the person as removed: ${marks.map((m) => m.text).join('; ')}.`)]);
  const programme = programmeOf(row, cells.programme, add);

  let rep: Representative | null = null;
  if (!isEmpty(cells.rep_name) || !isEmpty(cells.rep_id) || !isEmpty(cells.rep_account)) {
    const repName = normalizeName(cells.rep_name?.value ?? null);
    add('rep_name', repName.findings);
    const repId = normalizePersonalId(cells.rep_id ?? null);
    add('rep_id', repId.findings);
    const repAccount = normalizeAccount(cells.rep_account ?? null);
    add('rep_account', repAccount.findings);
    rep = { name: repName.value, personalId: repId.value, account: repAccount.value };
  }

  return {
    prov: row.prov,
    fingerprint: fingerprint(raw),
    raw,
    name: name.value,
    birth,
    sex,
    personalId,
    idKind,
    oldId,
    village: textField(cells.village) ?? row.context?.village ?? null,
    address: textField(cells.address),
    commune: place.commune,
    programme,
    amount: due.amount,
    account: account.value,
    bank: bank.value?.kind === 'bank' ? bank.value.bank : null,
    cash: bank.value?.kind === 'cash',
    rep,
    phone: phone.value,
    note: textField(cells.note) ?? (words?.remark ?? null),
    problems,
    namePrefix: words?.prefix ?? null,
    relatedName: relatedName(cells.related_name),
    relation: textField(cells.relation),
    money: hasMoneyColumns && !rateIsAmount ? { rate: due.rate, arrearsMonths: due.arrearsMonths, arrearsAmount: due.arrearsAmount, total: due.total } : null,
    listMarks: marks,
    writtenPlace: place,
  };
}

/** The commune, district and province the row's commune column, its address or the list's title rows give. */
function writtenPlace(cells: Readonly<Partial<Record<Field, RawCell>>>, ctx: Context): WrittenPlace {
  const title = ctx.titlePlace;
  const address = addressParts(textField(cells.address));
  const column = textField(cells.commune);
  if (column !== null) {
    // A commune column may hold "Xã Quảng Hòa, huyện Quảng Xương".
    const own = addressParts(column);
    return {
      commune: own.commune ?? column,
      district: own.district ?? address.district ?? title.district,
      province: own.province ?? address.province ?? title.province,
      from: 'column',
    };
  }
  if (address.commune !== null) {
    return { commune: address.commune, district: address.district ?? title.district, province: address.province ?? title.province, from: 'address' };
  }
  return { commune: ctx.titleCommune, district: title.district, province: title.province ?? address.province, from: ctx.titleCommune === null ? null : 'title' };
}

function relatedName(cell: RawCell | undefined): string | null {
  const text = textField(cell);
  if (text === null) return null;
  const name = normalizeName(splitNameWords(text).name).value;
  return name?.display ?? text;
}

function quoteText(text: string): string {
  return `"${text}"`;
}

/** The programme column, else the section heading above the row; a column that disagrees is a warning. */
function programmeOf(row: TableRow, cell: RawCell | undefined, add: (field: Field, f: readonly Finding[]) => void): string | null {
  const written = textField(cell);
  const heading = row.context?.programme ?? null;
  if (written === null) return heading;
  if (heading !== null && !programmesAgree(written, heading)) {
    add('programme', [finding('section_programme_differs', `The programme column says "${written}" but the section heading at row ${row.context?.programmeRow ?? '?'} says "${heading}".`)]);
  }
  return written;
}

export function normalizeTable(table: Table, options: NormalizeOptions): { people: Person[]; dateOrder: DateOrderResult } {
  const dateFields: readonly Field[] = ['birth_date', 'birth_date_male', 'birth_date_female'];
  const dateOrder: DateOrderResult =
    options.dateOrder === 'auto'
      ? detectDateOrder(table.rows.flatMap((r) => dateFields.map((f) => r.cells[f] ?? null)))
      : { order: options.dateOrder, settled: true, evidence: `day/month order given as ${options.dateOrder}` };
  const tickedAs = tickedSex(table);
  const ctx: Context = {
    options,
    dateOrder,
    twoDateColumns: table.columns.some((c) => c.field === 'birth_date_male' || c.field === 'birth_date_female'),
    // A blank in a "Nữ" tick column means Nam only if the column is ticked somewhere: an unused column says nothing.
    ticked: tickedAs === null ? null : { sex: tickedAs, used: table.rows.some((r) => isMark(r.cells.sex)) },
    titleCommune: table.titleCommune ?? null,
    titlePlace: table.titlePlace ?? { district: null, province: null },
  };
  return { people: table.rows.map((row) => normalizeRow(row, ctx)), dateOrder };
}
