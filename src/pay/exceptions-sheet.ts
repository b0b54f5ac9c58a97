// exceptions.xlsx: every row that is not paid, with why, so that nobody is left out silently.
import type { ColumnSpec, OutputFile } from '../write/output-spec.js';
import { REASON_LABELS } from './reason-labels.js';
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
  { key: 'reason_label', header: 'Lý do' },
  { key: 'detail', header: 'Chi tiết' },
];

export function exceptionsFile(path: string, exclusions: readonly Exclusion[]): OutputFile {
  return {
    path,
    kind: 'xlsx',
    sheets: [
      {
        name: 'Không chi trả',
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
            e.detail,
          ];
        }),
      },
    ],
  };
}
