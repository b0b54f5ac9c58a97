// Column headers seen in commune beneficiary lists, written as officers write them. They are compared after
// folding (case, tone and vowel marks ignored, đ → d) with punctuation and underscores read as spaces, so
// "HỌ VÀ TÊN", "Ho va ten" and "ho_ten" need no entries of their own. A header with a part in brackets
// ("Số tiền (đồng)", "Ghi chú (nếu có)") is tried again without it.
import type { Field } from '../types.js';

export interface ColumnAlias {
  readonly field: Field;
  readonly headers: readonly string[];
  /**
   * Wins over rank-0 aliases of the same field when a sheet has both. Only amount uses it: a list with
   * "Mức trợ cấp" (the monthly rate) and "Thành tiền" (rate × months) pays the latter.
   */
  readonly rank?: number;
}

export const COLUMN_ALIASES: readonly ColumnAlias[] = [
  { field: 'stt', headers: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'Thứ tự'] },
  {
    field: 'name',
    headers: [
      'Họ và tên', 'Họ tên', 'Tên', 'Họ và tên đối tượng', 'Họ tên đối tượng', 'Tên đối tượng',
      'Họ và tên người hưởng', 'Họ tên người hưởng', 'Họ và tên người được hưởng', 'Họ và tên người hưởng trợ cấp',
      'Họ và tên đối tượng hưởng', 'Họ tên người có công', 'Họ và tên người có công',
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
    field: 'amount',
    headers: ['Mức trợ cấp', 'Mức hưởng', 'Mức trợ cấp hàng tháng', 'Mức trợ cấp, trợ giúp', 'Mức chi', 'Mức trợ cấp/tháng'],
  },
  {
    field: 'amount',
    rank: 1,
    headers: [
      'Số tiền', 'Thành tiền', 'Số tiền được hưởng', 'Số tiền hưởng', 'Số tiền chi trả', 'Số tiền được nhận',
      'Số tiền nhận', 'Số tiền trợ cấp', 'Tổng số tiền', 'Tổng tiền', 'Kinh phí chi trả',
    ],
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
