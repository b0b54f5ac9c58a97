// exceptions.xlsx: every row that is not paid, with why, so that nobody is left out silently; and, on a second
// sheet, what the entitlement checks of the period found (src/rules), paid or not, for the officer to check.
// As printed to sign (with titles), each page ends with its own total and the list with the total in words.
import type { Lang } from '../config/settings.js';
import { textIn } from '../errors.js';
import type { MatchResult } from '../match/types.js';
import { ENTITLEMENT_CODES } from '../rules/check-entitlement.js';
import type { CellOut, ColumnSpec, OutputFile, SheetSpec } from '../write/output-spec.js';
import { periodText } from './list-titles.js';
import { addable, withPageTotals } from './page-totals.js';
import { REASON_LABELS } from './reason-labels.js';
import { totalsFooter } from './signature-rows.js';
import type { Exclusion } from './types.js';

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'stt', header: 'STT', width: 5 },
  { key: 'source_file', header: 'Tệp' },
  { key: 'source_sheet', header: 'Trang tính' },
  { key: 'source_row', header: 'Dòng', kind: 'integer', width: 7 },
  { key: 'name', header: 'Họ và tên' },
  { key: 'personal_id', header: 'Số định danh cá nhân', text: true },
  { key: 'programme', header: 'Diện hưởng' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
  { key: 'reason', header: 'Mã lý do' },
  { key: 'reason_label', header: 'Lý do', width: 30, wrap: true },
  { key: 'detail', header: 'Chi tiết', width: 40, wrap: true },
];

const NAME_COL = COLUMNS.findIndex((c) => c.key === 'source_file');
const AMOUNT_COL = COLUMNS.findIndex((c) => c.key === 'amount');

/** The printed list: page totals, then the number of rows and their amount in figures and words, and the signatures. */
function printed(sheet: SheetSpec): SheetSpec {
  // Amounts that are wrong (a reason not to pay) are not added.
  const total = sheet.rows.reduce((s, r) => s + addable(r[AMOUNT_COL]), 0);
  const totalRow: CellOut[] = COLUMNS.map(() => null);
  totalRow[NAME_COL] = `Tổng cộng: ${sheet.rows.length} trường hợp`;
  totalRow[AMOUNT_COL] = total;
  return withPageTotals(
    { ...sheet, footerRows: totalsFooter(totalRow, total, COLUMNS.length) },
    { labelCol: NAME_COL, label: (n) => `Cộng trang: ${n} trường hợp`, sumCols: [AMOUNT_COL] },
  );
}

function asPrinted(toSign: boolean, sheet: SheetSpec): SheetSpec {
  return toSign ? printed(sheet) : sheet;
}

const CHECK_COLUMNS: readonly ColumnSpec[] = [
  { key: 'stt', header: 'STT', width: 5 },
  { key: 'source_file', header: 'Tệp' },
  { key: 'source_sheet', header: 'Trang tính' },
  { key: 'source_row', header: 'Dòng', kind: 'integer', width: 7 },
  { key: 'name', header: 'Họ và tên' },
  { key: 'programme', header: 'Diện hưởng' },
  { key: 'rate', header: 'Mức hằng tháng', kind: 'integer' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
  { key: 'paid', header: 'Chi trả' },
  { key: 'code', header: 'Mã' },
  { key: 'severity', header: 'Mức độ' },
  { key: 'detail', header: 'Chi tiết', width: 40, wrap: true },
];

/** The entitlement findings of the paid and unpaid rows alike, one line each, in the order of the results. */
function checkRows(results: readonly MatchResult[], exclusions: readonly Exclusion[], lang: Lang): (string | number | null)[][] {
  const unpaid = new Set(exclusions.map((e) => e.result.person.prov));
  const rows: (string | number | null)[][] = [];
  for (const r of results) {
    const p = r.person;
    for (const problem of p.problems) {
      if (!ENTITLEMENT_CODES.has(problem.code)) continue;
      const paid = unpaid.has(p.prov) ? 'Không' : 'Có';
      rows.push([rows.length + 1, p.prov.file, p.prov.sheet, p.prov.row, p.name?.display ?? p.raw.name ?? null, p.programme, p.money?.rate ?? null, p.amount, paid, problem.code, problem.severity, textIn(problem.messageSaid ?? problem.message, lang)]);
    }
  }
  return rows;
}

export function exceptionsFile(
  path: string,
  exclusions: readonly Exclusion[],
  results: readonly MatchResult[] = [],
  titles: { readonly issuer: string; readonly period: string } | null = null,
  /** The language of "Chi tiết" (settings.lang); headers and reason labels are Vietnamese either way. */
  lang: Lang = 'vi',
): OutputFile {
  const print = titles ? { commune: titles.issuer, period: periodText(titles.period) } : {};
  return {
    path,
    kind: 'xlsx',
    sheets: [
      asPrinted(titles !== null, {
        name: 'Không chi trả',
        ...(titles ? { titleRows: [titles.issuer, 'DANH SÁCH CÁC TRƯỜNG HỢP KHÔNG CHI TRẢ', periodText(titles.period)] } : {}),
        print,
        signing: {},
        columns: COLUMNS,
        rows: exclusions.map((e, i) => {
          const p = e.result.person;
          return [
            i + 1,
            p.prov.file,
            p.prov.sheet,
            p.prov.row,
            p.name?.display ?? p.raw.name ?? null,
            e.result.registryId ?? p.personalId ?? p.raw.personal_id ?? null,
            p.programme,
            p.amount,
            e.reason,
            REASON_LABELS[e.reason],
            textIn(e.detail, lang),
          ];
        }),
      }),
      { name: 'Kiểm tra mức hưởng', columns: CHECK_COLUMNS, rows: checkRows(results, exclusions, lang), print },
    ],
  };
}
