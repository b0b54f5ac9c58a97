// The columns of the machine-readable outputs, with what each holds, so the README can be generated from this
// list. Keys are stable: scripts downstream depend on them; add new keys, never rename or reorder old ones.
import type { ColumnSpec } from '../write/output-spec.js';

export interface DocumentedColumn extends ColumnSpec {
  /** One line for the README. */
  readonly description: string;
}

/** cleaned/<base>.cleaned.csv: one line per person, in file, sheet and row order. */
export const CLEANED_CSV_COLUMNS: readonly DocumentedColumn[] = [
  { key: 'source_file', header: 'Tệp gốc', description: 'Input file the person was read from.' },
  { key: 'source_sheet', header: 'Sheet gốc', description: "Sheet name in that file; empty for a CSV input." },
  { key: 'source_row', header: 'Dòng gốc', kind: 'integer', description: 'Row number as Excel or LibreOffice shows it.' },
  { key: 'status', header: 'Trạng thái', description: '`ok`, `warning` or `error`: the worst severity among the problems.' },
  { key: 'name', header: 'Họ và tên (chuẩn hóa)', description: 'Full name, Unicode NFC, one tone-placement style, title case.' },
  { key: 'name_raw', header: 'Họ và tên (gốc)', description: 'Full name as written in the list (legacy fonts already decoded).' },
  { key: 'name_folded', header: 'Họ và tên (không dấu)', description: 'Name in lower case without marks (đ → d), the key names are compared on.' },
  { key: 'birth_date', header: 'Ngày sinh (chuẩn hóa)', description: 'Birth date as `yyyy-mm-dd`, or `yyyy-mm` / `yyyy` when only the month or year is known.' },
  { key: 'birth_date_raw', header: 'Ngày sinh (gốc)', description: 'Birth date as written (from the Nam/Nữ column in the split layout).' },
  { key: 'birth_year', header: 'Năm sinh', kind: 'integer', description: 'Birth year alone.' },
  { key: 'sex', header: 'Giới tính', description: '`M` or `F`; empty when unknown.' },
  { key: 'personal_id', header: 'Số CCCD (chuẩn hóa)', text: true, description: '12-digit personal ID (CCCD), a lost leading zero restored; empty when not valid.' },
  { key: 'personal_id_raw', header: 'Số CCCD (gốc)', text: true, description: 'ID as written in the list.' },
  { key: 'id_kind', header: 'Loại số', description: '`cccd`, `cmnd` (old 9-digit number only), `missing`, `invalid` or `unrecoverable` (digits lost by Excel).' },
  { key: 'old_id', header: 'CMND', text: true, description: 'Old 9-digit CMND number, when given.' },
  { key: 'village', header: 'Thôn', description: 'Village (thôn, xóm, ấp).' },
  { key: 'address', header: 'Địa chỉ', description: 'Address.' },
  { key: 'commune', header: 'Xã', description: 'Commune in 2025 units (the official name, e.g. `Xã Quảng Hòa`) when the 2025 map settles it, else as written.' },
  { key: 'programme', header: 'Đối tượng', description: 'Beneficiary category as written (đối tượng, diện hưởng).' },
  { key: 'amount', header: 'Mức trợ cấp', kind: 'integer', description: "What the row is owed this period in whole VND: the list's total (or amount) column, else the monthly rate plus the arrears, else the rate (a coefficient × the standard level where no rate is written)." },
  { key: 'amount_raw', header: 'Mức trợ cấp (gốc)', description: 'Amount as written (the monthly rate when the list has no amount column).' },
  { key: 'account', header: 'Số tài khoản', text: true, description: 'Bank or Mobile Money account number (text: leading zeros kept).' },
  { key: 'bank_bin', header: 'Mã BIN', text: true, description: '6-digit NAPAS bank identifier (BIN) of the bank recognised.' },
  { key: 'bank_name', header: 'Ngân hàng', description: 'Short name of the bank recognised.' },
  { key: 'cash', header: 'Tiền mặt', description: '`true` when the list says cash through the postal service (Tiền mặt, Bưu điện), else `false`.' },
  { key: 'rep_name', header: 'Người nhận thay', description: 'Name of the representative who receives the payment (người nhận thay, ủy quyền).' },
  { key: 'rep_id', header: 'CCCD người nhận thay', text: true, description: "Representative's personal ID." },
  { key: 'rep_account', header: 'TK người nhận thay', text: true, description: "Representative's account number." },
  { key: 'phone', header: 'Số điện thoại', text: true, description: 'Phone number.' },
  { key: 'note', header: 'Ghi chú', description: 'Note column of the list.' },
  { key: 'problems', header: 'Vấn đề', description: 'Problems found, as `code: message`, separated by ` | `; details in problems.csv.' },
  { key: 'related_name', header: 'Họ tên liệt sĩ/người có công', description: "In a relatives' list: the martyr's or meritorious person's name (never matched or paid)." },
  { key: 'relation', header: 'Quan hệ', description: "The relative's relation to that person (Vợ, Con, Mẹ …), as written." },
  { key: 'name_prefix', header: 'Từ xưng hô', description: 'Courtesy or kinship words written before the name (Cụ, Bà, Ông, LS …), kept out of the compared name.' },
  { key: 'rate', header: 'Mức trợ cấp hằng tháng', kind: 'integer', description: 'The monthly rate, when the list has a rate column beside the amount, arrears or total (or a coefficient and standard level).' },
  { key: 'arrears_months', header: 'Số tháng truy lĩnh', description: 'Months of arrears paid this period.' },
  { key: 'arrears_amount', header: 'Số tiền truy lĩnh', kind: 'integer', description: 'Arrears in whole VND (rate × months when only the months are written).' },
  { key: 'total', header: 'Tổng số tiền (gốc)', kind: 'integer', description: "The list's own total or amount column, read as whole VND." },
  { key: 'commune_written', header: 'Xã (theo danh sách)', description: 'The commune as the list gives it (column, address, title rows, file name or --commune), old name and all.' },
  { key: 'commune_code', header: 'Mã xã 2025', text: true, description: "The 2025 commune's code, when the 2025 map settles it." },
  { key: 'province', header: 'Tỉnh 2025', description: "The 2025 commune's province." },
  { key: 'list_marks', header: 'Danh sách ghi', description: 'What the list itself says against paying the person, as `flag: words`: `list_says_deceased`, `list_says_moved`, `list_says_stopped`, `row_struck`, `row_hidden`.' },
];

/** skipped-rows.csv: every row below a header that is not a person, and every sheet passed over. */
export const SKIPPED_ROWS_CSV_COLUMNS: readonly DocumentedColumn[] = [
  { key: 'source_file', header: 'Tệp gốc', description: 'Input file.' },
  { key: 'source_sheet', header: 'Sheet gốc', description: 'Sheet name; empty for a CSV input.' },
  { key: 'source_row', header: 'Dòng gốc', kind: 'integer', description: 'Row number; empty for a whole sheet.' },
  {
    key: 'reason',
    header: 'Lý do',
    description:
      '`blank`, `subtotal`, `total`, `repeated_header`, `column_numbers`, `footer`, `section` (a heading such as "I. NGƯỜI CAO TUỔI" or "Thôn 1"), `no_person_data`, or `sheet_skipped: <why>` for a whole sheet.',
  },
  { key: 'text', header: 'Nội dung', description: "The row's non-empty cells joined with ` | `." },
];

/** problems.csv: one line per problem found in a cell. */
export const PROBLEMS_CSV_COLUMNS: readonly DocumentedColumn[] = [
  { key: 'source_file', header: 'Tệp gốc', description: 'Input file.' },
  { key: 'source_sheet', header: 'Sheet gốc', description: 'Sheet name; empty for a CSV input.' },
  { key: 'source_row', header: 'Dòng gốc', kind: 'integer', description: 'Row number; empty for a problem of the whole file (`encoding_mixed`).' },
  { key: 'column', header: 'Cột', description: 'The field the problem is about (`personal_id`, `birth_date` …).' },
  { key: 'code', header: 'Mã lỗi', description: 'Stable problem code.' },
  { key: 'severity', header: 'Mức độ', description: '`error`, `warning` or `info`.' },
  { key: 'raw_value', header: 'Giá trị gốc', description: 'The value as written.' },
  { key: 'message', header: 'Mô tả', description: 'What is wrong with the value.' },
];
