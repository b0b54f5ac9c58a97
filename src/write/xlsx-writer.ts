// XLSX for people: bold Vietnamese headers, the header row frozen, IDs and accounts stored as text (numFmt '@'
// and a string value, so opening and saving in Excel cannot turn 038190001234 into 3.8019E+10 again), amounts
// with thousands separators, doubtful cells filled light yellow. The same sheets and date give the same bytes.
//
// The parts are written as text straight from the sheet specs and deflated as they are made (zip-writer.ts):
// a sheet of 178,000 rows and 28 columns takes 4.0 s, against 11.1 s through exceljs's streaming writer, which
// builds an object for every cell and row before it writes it. Only the features asxh's sheets use are written.
import { quote } from '../errors.js';
import { columnLetter } from '../report/column-letter.js';
import { guardCell } from './formula-guard.js';
import type { CellOut, ColumnSpec, SheetSpec } from './output-spec.js';
import { NUM_FMT, StyleTable, type Look } from './xlsx-styles.js';
import { ZipWriter } from './zip-writer.js';

const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
/** Characters of sheet XML gathered before they go to the compressor. */
const PIECE = 1 << 16;

export interface RenderXlsxOptions {
  readonly created: Date;
}

const LOOK = {
  plain: { numFmt: NUM_FMT.general },
  plainLit: { numFmt: NUM_FMT.general, lit: true },
  text: { numFmt: NUM_FMT.text },
  textLit: { numFmt: NUM_FMT.text, lit: true },
  integer: { numFmt: NUM_FMT.integer },
  integerLit: { numFmt: NUM_FMT.integer, lit: true },
  date: { numFmt: NUM_FMT.date },
  bold: { numFmt: NUM_FMT.general, bold: true },
  centredBold: { numFmt: NUM_FMT.general, bold: true, centred: true, middle: true },
  header: { numFmt: NUM_FMT.general, bold: true, middle: true, wrap: true },
  headerBoxed: { numFmt: NUM_FMT.general, bold: true, centred: true, middle: true, wrap: true, boxed: true },
} satisfies Record<string, Look>;

export async function renderXlsx(sheets: readonly SheetSpec[], options: RenderXlsxOptions): Promise<Buffer> {
  checkSheetNames(sheets);
  const zip = new ZipWriter(options.created);
  const styles = new StyleTable();
  await zip.part('[Content_Types].xml', [contentTypes(sheets.length)]);
  await zip.part('_rels/.rels', [ROOT_RELS]);
  await zip.part('docProps/core.xml', [coreXml(options.created)]);
  await zip.part('docProps/app.xml', [appXml(sheets)]);
  const titles: string[] = [];
  for (const [i, spec] of sheets.entries()) {
    const headerRow = (spec.titleRows?.length ?? 0) + 1;
    const widths = spec.columns.map((column, c) => column.width ?? fittedWidth(column, spec.rows, c));
    const setup = pageSetupOf(spec, headerRow, widths);
    if (setup.printTitlesRow) titles.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${sheetRef(spec.name)}!$1:$${headerRow}`)}</definedName>`);
    await zip.part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(spec, headerRow, widths, setup, styles));
  }
  await zip.part('xl/workbook.xml', [workbookXml(sheets, titles)]);
  await zip.part('xl/_rels/workbook.xml.rels', [workbookRels(sheets.length)]);
  await zip.part('xl/styles.xml', [styles.xml()]);
  return zip.finish();
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`;

function contentTypes(sheets: number): string {
  let overrides = '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>';
  for (let i = 1; i <= sheets; i += 1) overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${SHEET_TYPE}"/>`;
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
  );
}

/** The run date as created, modified and printed, never the clock: the same bytes every run. */
function coreXml(created: Date): string {
  const when = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>asxh</dc:creator><cp:lastModifiedBy>asxh</cp:lastModifiedBy><cp:lastPrinted>${when}</cp:lastPrinted>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

function appXml(sheets: readonly SheetSpec[]): string {
  const names = sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join('');
  return (
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>asxh</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>'
  );
}

function workbookXml(sheets: readonly SheetSpec[], titles: readonly string[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/>` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets>` +
    (titles.length > 0 ? `<definedNames>${titles.join('')}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}

function workbookRels(sheets: number): string {
  let rels = '';
  for (let i = 1; i <= sheets; i += 1) rels += `<Relationship Id="rId${i}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  rels += `<Relationship Id="rId${sheets + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`;
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>`;
}

/** A sheet name as a formula names it: always quoted, an apostrophe doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// Every sheet prints on A4 (paperSize 9 in the OOXML numbering), one page wide and as many tall as needed
// (fitToHeight 0), the title and header rows repeated on every page, with a wide left margin for a binder and
// the commune, the period and "Trang x/y" in the page header and footer.
const A4 = 9;
/** Inches. 2.5 cm on the left for the binder's holes, 1 cm on the right. */
const MARGINS = { left: 0.98, right: 0.39, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Above this many characters of column widths, a portrait A4 page would print the text too small: landscape. */
const PORTRAIT_MAX_WIDTH = 100;

export interface PageSetup {
  readonly paperSize: number;
  readonly orientation: 'portrait' | 'landscape';
  readonly margins: typeof MARGINS;
  readonly fitToPage?: boolean;
  readonly fitToWidth?: number;
  readonly fitToHeight?: number;
  /** Rows repeated at the top of every printed page, "1:3". */
  readonly printTitlesRow?: string;
}

export function pageSetupOf(spec: SheetSpec, headerRow: number, widths: readonly number[]): PageSetup {
  const print = spec.print ?? {};
  const wide = widths.reduce((s, w) => s + w, 0) > PORTRAIT_MAX_WIDTH;
  return {
    paperSize: A4,
    orientation: print.orientation ?? (wide ? 'landscape' : 'portrait'),
    margins: MARGINS,
    ...(print.fitToWidth ?? true ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    ...(print.repeatHeader ?? true ? { printTitlesRow: `1:${headerRow}` } : {}),
  };
}

/** The text of a page header or footer section: '&' is the code character there. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

function headerFooterXml(spec: SheetSpec): string {
  const { commune, period } = spec.print ?? {};
  const left = commune ? `&L${headerText(commune)}` : '';
  const right = period ? `&R${headerText(period)}` : '';
  const header = left || right ? `<oddHeader>${escapeXml(`${left}${right}`)}</oddHeader>` : '';
  return `<headerFooter>${header}<oddFooter>${escapeXml('&L&A&CTrang &P/&N')}</oddFooter></headerFooter>`;
}

function printXml(setup: PageSetup): string {
  const m = setup.margins;
  const fit = setup.fitToPage ? ` fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"` : '';
  return (
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${setup.paperSize}"${fit} orientation="${setup.orientation}"/>`
  );
}

function bordered(base: Look, boxed: boolean, wrap: boolean): Look {
  if (!boxed && !wrap) return base;
  return { ...base, boxed: boxed || base.boxed, middle: true, wrap: wrap || base.wrap };
}

/**
 * A column's looks: [lit][number][bold]. Text columns are text whatever the value; dates get their format unless
 * doubtful; an amount only when it is a number.
 */
function columnLooks(column: ColumnSpec, boxed: boolean, styles: StyleTable): number[][][] {
  const wrap = Boolean(column.wrap);
  const lookOf = (lit: boolean, number: boolean): Look => {
    if (column.text) return bordered(lit ? LOOK.textLit : LOOK.text, boxed, wrap);
    if (column.kind === 'date' && !lit) return bordered(LOOK.date, boxed, wrap);
    if (number && column.kind === 'integer') return bordered(lit ? LOOK.integerLit : LOOK.integer, boxed, wrap);
    return bordered(lit ? LOOK.plainLit : LOOK.plain, boxed, wrap);
  };
  return [false, true].map((lit) => [false, true].map((number) => [styles.id(lookOf(lit, number)), styles.id({ ...lookOf(lit, number), bold: true })]));
}

/** One cell's XML; `s` 0 is left out. Strings are inline (no shared-string table to grow with the rows), spaces kept. */
function cellXml(ref: string, style: number, value: CellOut): string {
  const s = style === 0 ? '' : ` s="${style}"`;
  if (value === null) return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeText(String(value))}</t></is></c>`;
}

function colsXml(widths: readonly number[]): string {
  let out = '';
  for (let c = 0; c < widths.length; ) {
    let last = c;
    while (last + 1 < widths.length && widths[last + 1] === widths[c]) last += 1;
    out += `<col min="${c + 1}" max="${last + 1}" width="${widths[c]}" customWidth="1"/>`;
    c = last + 1;
  }
  return out ? `<cols>${out}</cols>` : '';
}

function* sheetXml(spec: SheetSpec, headerRow: number, widths: readonly number[], setup: PageSetup, styles: StyleTable): Generator<string> {
  const titles = spec.titleRows ?? [];
  const boxed = spec.signing !== undefined;
  const width = spec.columns.length;
  const letters = Array.from({ length: Math.max(1, width) }, (_, c) => columnLetter(c));
  const lastColumn = letters[letters.length - 1]!;
  const merges: string[] = [];
  const freeze = spec.freezeHeader ?? true;

  let out = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
  if (setup.fitToPage) out += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  if (freeze) {
    out += `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`;
  }
  out += `<sheetFormatPr defaultRowHeight="15"/>${colsXml(widths)}<sheetData>`;

  titles.forEach((title, t) => {
    const r = t + 1;
    // On a list to sign, the lines under the issuer are centred over the table, as official lists are.
    const centred = boxed && t > 0 && width > 1;
    if (centred) merges.push(`A${r}:${lastColumn}${r}`);
    out += `<row r="${r}">${cellXml(`A${r}`, styles.id(centred ? LOOK.centredBold : LOOK.bold), guardCell(title))}</row>`;
  });
  const headerStyle = styles.id(boxed ? LOOK.headerBoxed : LOOK.header);
  out += `<row r="${headerRow}"${spec.paging ? ` ht="${spec.paging.headerHeight}" customHeight="1"` : ''}>`;
  spec.columns.forEach((column, c) => {
    out += cellXml(`${letters[c]}${headerRow}`, headerStyle, guardCell(column.header));
  });
  out += '</row>';

  const looks = spec.columns.map((column) => columnLooks(column, boxed, styles));
  const highlighted = new Set(
    (spec.highlight ?? []).filter(({ row, col }) => row >= 0 && row < spec.rows.length && col >= 0 && col < width).map(({ row, col }) => row * width + col),
  );
  const pageEnds = new Set(spec.paging?.breaks ?? []);
  const pageTotals = new Set(spec.paging?.totals ?? []);
  const span = spec.paging?.labelSpan;
  const breaks: number[] = [];
  for (let r = 0; r < spec.rows.length; r += 1) {
    const values = spec.rows[r]!;
    const n = headerRow + 1 + r;
    const height = spec.paging?.rowHeights[r] ?? spec.signing?.rowHeight;
    const bold = pageTotals.has(r) ? 1 : 0;
    let cells = '';
    for (let c = 0; c < width; c += 1) {
      const column = spec.columns[c]!;
      const raw = values[c] ?? null;
      const lit = highlighted.size > 0 && highlighted.has(r * width + c);
      // Empty text cells get '@' too, so a value typed in later is kept as text; on a list to sign every cell
      // is drawn, the empty signature cell most of all.
      if (raw === null && !column.text && column.kind !== 'date' && !lit && !boxed) continue;
      const value = raw !== null && column.text ? String(raw) : raw;
      const style = looks[c]![lit ? 1 : 0]![typeof value === 'number' ? 1 : 0]![bold]!;
      cells += cellXml(`${letters[c]}${n}`, style, guardCell(value));
    }
    if (cells || height) out += `<row r="${n}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`;
    if (pageEnds.has(r)) breaks.push(n);
    // A page total's label is merged over the empty cells beside it, so it reads on one line.
    if (span && bold && span[1] > span[0]) merges.push(`${letters[span[0]]}${n}:${columnLetter(span[1])}${n}`);
    if (out.length >= PIECE) {
      yield out;
      out = '';
    }
  }

  // A boxed first footer row (the total) closes the table; otherwise the footer follows one blank row.
  const attached = boxed && spec.footerRows?.[0]?.boxed === true;
  const footerStart = headerRow + spec.rows.length + (attached ? 1 : 2);
  (spec.footerRows ?? []).forEach((footer, f) => {
    const n = footerStart + f;
    const cells = footer.boxed ? Array.from({ length: width }, (_, c) => footer.cells[c] ?? null) : footer.cells;
    let row = '';
    cells.forEach((value, c) => {
      if ((value === null || value === undefined) && !footer.boxed) return;
      const integer = typeof value === 'number' && spec.columns[c]?.kind === 'integer';
      const look: Look = { numFmt: integer ? NUM_FMT.integer : NUM_FMT.general, bold: footer.bold, italic: footer.italic, boxed: footer.boxed, middle: footer.boxed };
      row += cellXml(`${columnLetter(c)}${n}`, styles.id(look), guardCell(value ?? null));
    });
    if (row) out += `<row r="${n}">${row}</row>`;
  });
  out += '</sheetData>';

  if (merges.length > 0) out += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  out += validationsXml(spec, headerRow, letters);
  out += printXml(setup) + headerFooterXml(spec);
  // Across every column (16383, as Excel writes it).
  if (breaks.length > 0) out += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  yield `${out}</worksheet>`;
}

function validationsXml(spec: SheetSpec, headerRow: number, letters: readonly string[]): string {
  if (spec.rows.length === 0) return '';
  const items: string[] = [];
  spec.columns.forEach((column, c) => {
    if (!column.choices || column.choices.length === 0) return;
    const range = `${letters[c]}${headerRow + 1}:${letters[c]}${headerRow + spec.rows.length}`;
    const shown = column.choices.join(' / ');
    items.push(
      `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorStyle="stop" prompt="${escapeXml(shown)}" error="${escapeXml(`Chọn một trong: ${shown}`)}" sqref="${range}">` +
        `<formula1>${escapeXml(`"${column.choices.join(',')}"`)}</formula1></dataValidation>`,
    );
  });
  return items.length > 0 ? `<dataValidations count="${items.length}">${items.join('')}</dataValidations>` : '';
}

// What XML 1.0 cannot hold (most control characters, lone surrogates, U+FFFE/U+FFFF) is dropped. A quote needs
// escaping in attributes only; cells are element text, and messages quote values ("…") by the thousand.
const INVALID = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF';
const TEXT_NEEDS = new RegExp(`[&<>${INVALID}\\uD800-\\uDFFF]`);
const TEXT_ESCAPED = new RegExp(`[&<>]|[${INVALID}]|\\p{Cs}`, 'gu');
const ATTR_NEEDS = new RegExp(`[&<>"${INVALID}\\uD800-\\uDFFF]`);
const ATTR_ESCAPED = new RegExp(`[&<>"]|[${INVALID}]|\\p{Cs}`, 'gu');
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const entity = (ch: string): string => ENTITY[ch] ?? '';

/** Text for an element's content. */
export function escapeText(text: string): string {
  return TEXT_NEEDS.test(text) ? text.replace(TEXT_ESCAPED, entity) : text;
}

/** Text for an attribute's value (in double quotes) or an element's content. */
export function escapeXml(text: string): string {
  return ATTR_NEEDS.test(text) ? text.replace(ATTR_ESCAPED, entity) : text;
}

// Excel's rules for a sheet name, checked here since Excel would
// refuse to open the file.
const SHEET_NAME = /^(?!')[^[\]:*?/\\]{1,31}(?<!')$/;

function checkSheetNames(sheets: readonly SheetSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (!SHEET_NAME.test(name)) {
      throw new Error(`Cannot name a sheet ${quote(name)}: Excel takes 1 to 31 characters, none of [ ] : * ? / \\, not starting or ending with '.`);
    }
    // Excel compares sheet names without case.
    if (seen.has(name.toLowerCase())) throw new Error(`Cannot name two sheets ${quote(name)} in one workbook.`);
    seen.add(name.toLowerCase());
  }
}

export function fittedWidth(column: ColumnSpec, rows: readonly (readonly CellOut[])[], c: number): number {
  // Header words wrap, so only the longest word of the header has to fit.
  let longest = Math.max(...column.header.split(/\s+/).map((w) => w.length));
  for (const row of rows) {
    const value = row[c];
    if (value === null || value === undefined) continue;
    const length = typeof value === 'string' ? value.length : column.kind === 'integer' ? value.toLocaleString('en-US').length : String(value).length;
    if (length > longest) longest = length;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}
