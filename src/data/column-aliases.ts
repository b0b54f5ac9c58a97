// Column headers seen in commune beneficiary lists, written as officers write them. They are compared after
// folding (case, tone and vowel marks ignored, đ → d) with punctuation and underscores read as spaces, so
// "HỌ VÀ TÊN", "Ho va ten" and "ho_ten" need no entries of their own. A header with a part in brackets
// ("Số tiền (đồng)", "Ghi chú (nếu có)") is tried again without it.
import type { Field } from '../types.js';

export interface ColumnAlias {
  readonly field: Field;
  readonly headers: readonly string[];
  /**
   * Wins over lower-ranked aliases of the same field when a sheet has both: a total ("Tổng số tiền") over an
   * amount ("Số tiền"), a relative's name over a plain name.
   */
  readonly rank?: number;
  /**
   * relative: the relative who is paid in a relatives' list; receiver: who receives, a relative only beside a
   * martyr's column; meritorious: the meritorious person, the beneficiary unless a relative's column stands beside it.
   */
  readonly role?: 'relative' | 'receiver' | 'meritorious';
}

export const COLUMN_ALIASES: readonly ColumnAlias[] = [
  { field: 'stt', headers: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'Thứ tự'] },
  {
    field: 'name',
    headers: [
      'Họ và tên', 'Họ tên', 'Tên', 'Họ và tên đối tượng', 'Họ tên đối tượng', 'Tên đối tượng',
      'Họ và tên người hưởng', 'Họ tên người hưởng', 'Họ và tên người được hưởng', 'Họ và tên người hưởng trợ cấp',
      'Họ và tên đối tượng hưởng',
    ],
  },
  {
    // In a relatives' list the person paid is the relative: these win over a plain name column.
    field: 'name',
    rank: 2,
    role: 'relative',
    headers: [
      'Họ và tên thân nhân', 'Họ tên thân nhân', 'Tên thân nhân', 'Thân nhân', 'Họ và tên thân nhân liệt sĩ',
      'Họ tên thân nhân liệt sĩ', 'Thân nhân liệt sĩ', 'Họ tên thân nhân người có công', 'Họ và tên thân nhân người có công',
      'Thân nhân người có công', 'Người thờ cúng', 'Họ tên người thờ cúng', 'Họ và tên người thờ cúng',
    ],
  },
  {
    // Who receives, named without saying a relative: the relative paid only beside a martyr's or meritorious
    // person's column; elsewhere a plain name column wins (see map-columns.ts).
    field: 'name',
    rank: 2,
    role: 'receiver',
    headers: ['Người hưởng', 'Người hưởng trợ cấp', 'Người được hưởng', 'Người nhận', 'Họ tên người nhận', 'Họ và tên người nhận', 'Người nhận trợ cấp'],
  },
  {
    // The meritorious person is the beneficiary of an ordinary NCC list, but only named beside a relative who is
    // paid in a relatives' list (see map-columns.ts).
    field: 'name',
    role: 'meritorious',
    headers: ['Họ tên người có công', 'Họ và tên người có công', 'Tên người có công', 'Người có công'],
  },
  {
    field: 'related_name',
    headers: [
      'Họ tên liệt sĩ', 'Họ và tên liệt sĩ', 'Tên liệt sĩ', 'Liệt sĩ', 'Họ tên LS', 'Họ và tên LS', 'Tên LS',
      'Họ tên liệt sỹ', 'Họ và tên liệt sỹ', 'Liệt sỹ',
    ],
  },
  {
    field: 'relation',
    headers: [
      'Quan hệ', 'Quan hệ với liệt sĩ', 'Quan hệ với liệt sỹ', 'Quan hệ với LS', 'QH với LS', 'Quan hệ với người có công',
      'Quan hệ với NCC', 'Mối quan hệ', 'Quan hệ gia đình', 'Quan hệ với đối tượng', 'Quan hệ thân nhân',
    ],
  },
  {
    field: 'birth_date',
    headers: [
      'Ngày sinh', 'Năm sinh', 'Ngày, tháng, năm sinh', 'Ngày tháng năm sinh', 'Ngày tháng sinh', 'Sinh ngày',
      'NS', 'NTNS', 'Ngày sinh/Năm sinh',
    ],
  },
  { field: 'sex', headers: ['Giới tính', 'Giới', 'GT', 'Nam/Nữ', 'Phái'] },
  {
    field: 'personal_id',
    headers: [
      'Số CCCD', 'CCCD', 'CCCD/CMND', 'CMND/CCCD', 'Số CCCD/CMND', 'Số CMND/CCCD', 'Số định danh cá nhân',
      'Định danh cá nhân', 'Số ĐDCN', 'ĐDCN', 'Mã định danh', 'Mã định danh cá nhân', 'Mã số định danh', 'Số định danh',
      'CCCD/ĐDCN', 'Số CCCD/ĐDCN', 'Số định danh cá nhân/CCCD', 'Căn cước công dân', 'Số căn cước công dân',
      'Căn cước', 'Số căn cước', 'CCCD/CMND/ĐDCN',
    ],
  },
  {
    field: 'old_id',
    headers: ['CMND', 'Số CMND', 'CMND cũ', 'Số CMND cũ', 'Chứng minh nhân dân', 'Số chứng minh nhân dân', 'Số CMT'],
  },
  {
    field: 'village',
    headers: [
      'Thôn', 'Thôn/xóm', 'Thôn, xóm', 'Xóm', 'Tổ dân phố', 'TDP', 'Ấp', 'Bản', 'Thôn/Tổ', 'Thôn/Tổ dân phố',
      'Tổ/Thôn', 'Thôn/Bản', 'Thôn/Ấp', 'Ấp/Khu phố', 'Khu phố', 'Tổ',
    ],
  },
  {
    // "Quê quán" (home town) is left out on purpose: it is not where the person lives.
    field: 'address',
    headers: [
      'Địa chỉ', 'Nơi cư trú', 'Nơi ở', 'Nơi ở hiện nay', 'Nơi ở hiện tại', 'Chỗ ở hiện nay', 'Địa chỉ thường trú',
      'Nơi thường trú', 'Địa chỉ cư trú', 'Địa chỉ liên hệ', 'Trú quán', 'Hộ khẩu thường trú', 'HKTT',
      'Nơi đăng ký thường trú',
    ],
  },
  {
    field: 'commune',
    headers: ['Xã', 'Phường', 'Thị trấn', 'Xã/phường', 'Xã, phường', 'Phường/Xã', 'Xã/Thị trấn', 'Xã/Phường/Thị trấn'],
  },
  {
    field: 'programme',
    headers: [
      'Đối tượng', 'Diện hưởng', 'Diện', 'Diện đối tượng', 'Loại đối tượng', 'Loại đối tượng hưởng', 'Đối tượng hưởng',
      'Chế độ', 'Chế độ hưởng', 'Nhóm đối tượng', 'Diện chính sách', 'Phân loại đối tượng',
    ],
  },
  {
    // The monthly rate. What is paid this period is `amount` when the list has such a column (see person.ts).
    field: 'rate',
    headers: [
      'Mức trợ cấp', 'Mức hưởng', 'Mức trợ cấp hàng tháng', 'Mức trợ cấp hằng tháng', 'Mức trợ cấp, trợ giúp', 'Mức chi',
      'Mức trợ cấp/tháng', 'Mức TC', 'Mức TCHT', 'Trợ cấp hàng tháng', 'Trợ cấp hằng tháng', 'Mức hưởng hàng tháng',
      'Mức hưởng hằng tháng', 'Mức trợ giúp', 'Mức trợ giúp hàng tháng', 'Mức trợ cấp xã hội', 'Mức trợ cấp ưu đãi',
      'Số tiền hàng tháng', 'Số tiền trợ cấp hàng tháng', 'Mức trợ cấp một tháng',
    ],
  },
  {
    field: 'amount',
    rank: 1,
    headers: [
      'Số tiền', 'Thành tiền', 'Số tiền được hưởng', 'Số tiền hưởng', 'Số tiền chi trả', 'Số tiền được nhận',
      'Số tiền nhận', 'Số tiền trợ cấp', 'Kinh phí chi trả', 'Số tiền thực nhận', 'Thực nhận', 'Thực lĩnh',
    ],
  },
  {
    // A total beside a rate and arrears is what is paid this period.
    field: 'amount',
    rank: 2,
    headers: [
      'Tổng số tiền', 'Tổng tiền', 'Tổng số tiền được nhận', 'Tổng số tiền được hưởng', 'Tổng số tiền chi trả',
      'Tổng số tiền nhận', 'Tổng cộng số tiền', 'Tổng số tiền thực nhận', 'Tổng số tiền được lĩnh', 'Tổng cộng tiền',
      'Tổng số tiền chi trả kỳ này', 'Số tiền chi trả kỳ này', 'Tổng cộng',
    ],
  },
  {
    field: 'arrears_amount',
    headers: ['Truy lĩnh', 'Truy lãnh', 'Truy trả', 'Số tiền truy lĩnh', 'Tiền truy lĩnh', 'Truy lĩnh trợ cấp', 'Số tiền truy trả'],
  },
  { field: 'arrears_months', headers: ['Số tháng truy lĩnh', 'Số tháng truy trả', 'Tháng truy lĩnh'] },
  { field: 'coefficient', headers: ['Hệ số', 'Hệ số trợ cấp', 'Hệ số hưởng', 'Hệ số trợ giúp', 'HS'] },
  {
    field: 'standard_level',
    headers: ['Mức chuẩn', 'Mức chuẩn trợ giúp xã hội', 'Mức chuẩn TGXH', 'Mức chuẩn trợ cấp', 'Mức trợ cấp chuẩn'],
  },
  {
    field: 'account',
    headers: [
      'Số tài khoản', 'Tài khoản', 'Số TK', 'STK', 'TK', 'TK ngân hàng', 'Số TK ngân hàng', 'Tài khoản ngân hàng',
      'Số tài khoản ngân hàng', 'Số tài khoản nhận tiền', 'Số tài khoản/ví điện tử', 'Số tài khoản/Mobile Money',
    ],
  },
  {
    field: 'bank',
    headers: [
      'Ngân hàng', 'Tên ngân hàng', 'Mở tại ngân hàng', 'Mở tại', 'Mở tại NH', 'Tại ngân hàng', 'NH', 'Tên NH',
      'Nơi mở TK', 'Nơi mở tài khoản', 'Ngân hàng mở TK', 'Ngân hàng mở tài khoản',
    ],
  },
  { field: 'phone', headers: ['Số điện thoại', 'Điện thoại', 'SĐT', 'ĐT', 'Số ĐT', 'ĐTDĐ', 'Điện thoại liên hệ', 'SĐT liên hệ'] },
  { field: 'note', headers: ['Ghi chú', 'GC'] },
];

/**
 * Words that make a header about the person who collects the money for the beneficiary. What is left of the
 * header says which of that person's fields it is: "Số CCCD người nhận thay" is rep_id, "Người nhận thay" alone is
 * rep_name; a header group "Người nhận thay" over "Họ tên" / "Số CCCD" / "Số tài khoản" works the same way.
 */
export const REPRESENTATIVE_MARKERS: readonly string[] = [
  'Người nhận thay', 'Nhận thay', 'Người nhận hộ', 'Nhận hộ', 'Người nhận tiền thay', 'Người được ủy quyền',
  'Người được ủy quyền nhận', 'Được ủy quyền', 'Người giám hộ', 'Giám hộ', 'Người đại diện',
];

/**
 * A group header over sub-columns of arrears ("Truy lĩnh" over "Số tháng" / "Số tiền"): its sub-columns are the
 * arrears, not the amount paid.
 */
export const ARREARS_GROUPS: readonly string[] = ['Truy lĩnh', 'Truy lãnh', 'Truy trả', 'Truy lĩnh trợ cấp', 'Số tiền truy lĩnh'];
/** Sub-headers under an arrears group. */
export const ARREARS_SUB: readonly (readonly [string, Field | null])[] = [
  ['Số tháng', 'arrears_months'], ['Tháng', 'arrears_months'], ['Số tháng truy lĩnh', 'arrears_months'],
  ['Số tiền', 'arrears_amount'], ['Thành tiền', 'arrears_amount'], ['Tiền', 'arrears_amount'], ['Số tiền truy lĩnh', 'arrears_amount'],
  ['Từ tháng', null], ['Đến tháng', null], ['Thời gian', null], ['Lý do', null],
];

/**
 * Group headers over the martyr's (or meritorious person's) own columns in a relatives' list: a name below is
 * `related_name`, anything else below (birth year, date of death, unit) is not used.
 */
export const RELATED_GROUPS: readonly string[] = ['Liệt sĩ', 'Liệt sỹ', 'Thông tin liệt sĩ', 'Người có công', 'Thông tin người có công'];
/** Group headers over the columns of the relative who is paid: the fields below are the beneficiary's. */
export const RELATIVE_GROUPS: readonly string[] = ['Thân nhân', 'Thân nhân liệt sĩ', 'Thân nhân người có công', 'Người hưởng', 'Người nhận', 'Người hưởng trợ cấp'];

export interface IgnoredColumn {
  readonly headers: readonly string[];
  /** What the column holds and why it is not used, in English (shown by `asxh inspect`). */
  readonly why: string;
}

/**
 * Columns recognised so that they are never taken for the birth date, the ID, the name or the amount, though
 * their headers look like those: `asxh inspect` lists them as not used, with the reason.
 */
export const IGNORED_COLUMNS: readonly IgnoredColumn[] = [
  {
    why: "the ID card's issue date, not the birth date",
    headers: ['Ngày cấp', 'Ngày cấp CCCD', 'Ngày cấp CMND', 'Ngày cấp CCCD/CMND', 'Ngày, tháng, năm cấp', 'Ngày tháng năm cấp', 'Cấp ngày', 'Ngày cấp thẻ'],
  },
  { why: "the ID card's place of issue", headers: ['Nơi cấp', 'Nơi cấp CCCD', 'Nơi cấp CMND', 'Cấp tại', 'Nơi cấp CCCD/CMND'] },
  {
    why: 'when the benefit started or the period it covers, not a birth date',
    headers: [
      'Ngày hưởng', 'Hưởng từ tháng', 'Hưởng từ ngày', 'Thời điểm hưởng', 'Thời gian hưởng', 'Ngày bắt đầu hưởng',
      'Tháng bắt đầu hưởng', 'Thời điểm bắt đầu hưởng', 'Từ tháng', 'Đến tháng', 'Thời gian truy lĩnh', 'Ngày quyết định',
      'Tháng hưởng', 'Năm hưởng',
    ],
  },
  {
    why: 'a file or beneficiary code, not the personal ID',
    headers: [
      'Mã đối tượng', 'Mã ĐT', 'Mã số đối tượng', 'Số hồ sơ', 'Mã hồ sơ', 'Số quyết định', 'Số QĐ', 'Mã số', 'Mã BHXH',
      'Mã số BHXH', 'Số sổ', 'Số sổ trợ cấp', 'Số thẻ BHYT', 'Mã hộ', 'Mã hộ gia đình', 'Số bằng Tổ quốc ghi công', 'Số bằng TQGC',
    ],
  },
  { why: 'ethnicity, religion or nationality', headers: ['Dân tộc', 'Tôn giáo', 'Quốc tịch'] },
  { why: 'the home town, not where the person lives', headers: ['Quê quán', 'Nguyên quán'] },
  {
    why: "the martyr's own details, not the beneficiary's",
    headers: [
      'Năm hy sinh', 'Ngày hy sinh', 'Ngày tháng năm hy sinh', 'Ngày, tháng, năm hy sinh', 'Nơi hy sinh', 'Năm sinh liệt sĩ',
      'Ngày sinh liệt sĩ', 'Quê quán liệt sĩ', 'Cấp bậc', 'Chức vụ', 'Đơn vị', 'Cấp bậc, chức vụ', 'Đơn vị khi hy sinh',
    ],
  },
  { why: 'the degree or kind of disability', headers: ['Tỷ lệ thương tật', 'Tỷ lệ tổn thương cơ thể', 'Mức độ khuyết tật', 'Dạng tật', 'Dạng khuyết tật'] },
  { why: 'the signature column', headers: ['Ký nhận', 'Chữ ký', 'Ký tên', 'Ký nhận tiền', 'Người nhận ký'] },
];
