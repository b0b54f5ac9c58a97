// The cash list for the postal service: one printable sheet per village (the post office pays village by
// village), Vietnamese headers, a column for the receiver's signature, the village total in figures and words
// and the signature blocks. Printed on A4 landscape, one page wide, the header repeated on every page.
import type { ColumnSpec, OutputFile, SheetSpec } from '../write/output-spec.js';
import { sheetName } from './sheet-name.js';
import { totalsFooter } from './signature-rows.js';
import type { PaymentLine } from './types.js';

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'stt', header: 'STT', width: 5 },
  { key: 'name', header: 'Họ và tên người hưởng', width: 26 },
  { key: 'registry_id', header: 'Số định danh cá nhân', text: true, width: 15 },
  { key: 'programme', header: 'Diện hưởng', width: 10 },
  { key: 'rep_name', header: 'Người nhận thay', width: 22 },
  { key: 'amount', header: 'Số tiền (đồng)', kind: 'integer', width: 13 },
  { key: 'line_id', header: 'Mã dòng', text: true, width: 17 },
  { key: 'signature', header: 'Ký nhận', width: 20 },
];
const AMOUNT_COL = 5;

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
  const [yyyy, mm] = titles.period.split('-');
  const sheets: SheetSpec[] = [...groups.values()].map((g) => {
    const village = g.village ?? NO_VILLAGE;
    const total = g.lines.reduce((s, l) => s + l.amount, 0);
    const totalRow = Array.from({ length: COLUMNS.length }, () => null as string | number | null);
    totalRow[1] = `Cộng: ${g.lines.length} người`;
    totalRow[AMOUNT_COL] = total;
    return {
      name: sheetName(village, used),
      titleRows: [
        titles.issuer,
        'DANH SÁCH CHI TRẢ TRỢ CẤP BẰNG TIỀN MẶT QUA BƯU ĐIỆN',
        `Thôn: ${village}${g.commune ? ` - ${g.commune}` : ''}`,
        `Tháng ${Number(mm)} năm ${yyyy}`,
      ],
      columns: COLUMNS,
      rows: g.lines.map((l, i) => [
        i + 1,
        l.result.person.name?.display ?? (l.viaRep ? '' : l.payeeName),
        l.registryId,
        l.programme,
        l.viaRep ? l.payeeName : null,
        l.amount,
        l.lineId,
        null,
      ]),
      footerRows: totalsFooter(totalRow, total, COLUMNS.length),
      print: { orientation: 'landscape', fitToWidth: true, repeatHeader: true },
    };
  });
  return { path, kind: 'xlsx', sheets };
}
