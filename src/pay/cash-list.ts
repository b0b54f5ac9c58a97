// The cash list for the postal service: one printable sheet per village (the post office pays village by
// village), Vietnamese headers, the programme as the lists write it, a wide column for the receiver's signature
// on rows tall enough to sign, each printed page closed by its own total ("Cộng trang"), the village total in
// figures and words and the signature blocks. Printed on A4 landscape, one page wide, the header repeated on
// every page, every cell boxed.
import type { CellOut, ColumnSpec, OutputFile, SheetSpec } from '../write/output-spec.js';
import { communeIssuer, periodText, villageLine } from './list-titles.js';
import { withPageTotals } from './page-totals.js';
import { sheetName } from './sheet-name.js';
import { totalsFooter } from './signature-rows.js';
import type { PaymentLine } from './types.js';

export const CASH_COLUMNS: readonly ColumnSpec[] = [
  { key: 'stt', header: 'STT', width: 5 },
  { key: 'name', header: 'Họ và tên người hưởng', width: 22, wrap: true },
  { key: 'registry_id', header: 'Số định danh cá nhân', text: true, width: 14 },
  { key: 'programme_name', header: 'Diện hưởng', width: 20, wrap: true },
  { key: 'rep_name', header: 'Người nhận thay', width: 18, wrap: true },
  // Room for a commune's total in bold: 204,000,000 showed ### at 12 and 14 in LibreOffice with Calibri's metrics.
  { key: 'amount', header: 'Số tiền (đồng)', kind: 'integer', width: 16 },
  { key: 'signature', header: 'Ký nhận', width: 22 },
  { key: 'programme', header: 'Mã diện', width: 8 },
  { key: 'line_id', header: 'Mã dòng', text: true, width: 15 },
];
const AMOUNT_COL = CASH_COLUMNS.findIndex((c) => c.key === 'amount');
/** Points: about 1 cm, room for a signature and a name written under it. */
export const SIGNING_ROW_HEIGHT = 30;

export const NO_VILLAGE = 'Không rõ thôn';

export function cashListFile(path: string, lines: readonly PaymentLine[], titles: { issuer: string; period: string }): OutputFile {
  const groups = new Map<string, { commune: string | null; village: string | null; lines: PaymentLine[] }>();
  for (const line of lines) {
    const p = line.result.person;
    const key = `${p.commune ?? ''}\u0000${p.village ?? ''}`;
    const group = groups.get(key) ?? { commune: p.commune, village: p.village, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  const used = new Set<string>();
  const sheets: SheetSpec[] = [...groups.values()].map((g) => {
    const village = g.village ?? NO_VILLAGE;
    const total = g.lines.reduce((s, l) => s + l.amount, 0);
    const totalRow: CellOut[] = Array.from({ length: CASH_COLUMNS.length }, () => null);
    totalRow[1] = `Cộng: ${g.lines.length} người`;
    totalRow[AMOUNT_COL] = total;
    const issuer = communeIssuer(titles.issuer, g.commune);
    return withPageTotals({
      name: sheetName(village, used),
      titleRows: [issuer, 'DANH SÁCH CHI TRẢ TRỢ CẤP BẰNG TIỀN MẶT QUA BƯU ĐIỆN', villageLine(village, g.commune), periodText(titles.period)],
      columns: CASH_COLUMNS,
      rows: g.lines.map((l, i) => [
        i + 1,
        l.result.person.name?.display ?? (l.viaRep ? '' : l.payeeName),
        l.registryId,
        l.result.person.programme ?? l.programme,
        l.viaRep ? l.payeeName : null,
        l.amount,
        null,
        l.programme,
        l.lineId,
      ]),
      footerRows: totalsFooter(totalRow, total, CASH_COLUMNS.length),
      print: { orientation: 'landscape', commune: issuer, period: periodText(titles.period) },
      signing: { rowHeight: SIGNING_ROW_HEIGHT },
    }, { labelCol: 1, label: (n) => `Cộng trang: ${n} người`, sumCols: [AMOUNT_COL] });
  });
  return { path, kind: 'xlsx', sheets };
}
