// Why a row is not paid, as the commune officer reads it in exceptions.xlsx.
import type { ExclusionReason } from './types.js';

export const REASON_LABELS: Readonly<Record<ExclusionReason, string>> = {
  list_removed: 'Danh sách ghi đã chết, chuyển đi, cắt hoặc tạm dừng hưởng (hoặc dòng bị gạch, bị ẩn)',
  duplicate: 'Trùng lĩnh (dòng trùng, không chi)',
  review_pending: 'Chờ xác minh: chưa có quyết định đối soát',
  unmatched: 'Không tìm thấy trong CSDL quốc gia về dân cư',
  invalid: 'Thiếu hoặc sai thông tin định danh',
  deceased: 'Đã chết theo CSDL quốc gia về dân cư',
  no_amount: 'Chưa có mức trợ cấp',
  amount_not_positive: 'Số tiền không hợp lệ',
  amount_over_cap: 'Số tiền vượt mức trần một dòng',
  unknown_bank: 'Không xác định được ngân hàng',
  bad_account: 'Số tài khoản không hợp lệ hoặc thiếu',
  no_name: 'Thiếu họ tên người nhận',
  already_paid: 'Đã có trong bảng kê chi trả đã phát hành của kỳ này',
};
