import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../src/layout/match-header.js';
import type { Field } from '../../src/types.js';

/** The field a header names through the built-in aliases, or null. */
const fieldForHeader = (header: string): Field | null => matchHeader(header)?.field ?? null;

describe('matchHeader: the field a header names', () => {
  const cases: ReadonlyArray<readonly [string, Field | null]> = [
    // The ways officers write the same column.
    ['STT', 'stt'],
    ['Số TT', 'stt'],
    ['Số thứ tự', 'stt'],
    ['Họ và tên', 'name'],
    ['HỌ VÀ TÊN', 'name'],
    ['Ho va ten', 'name'],
    ['ho_ten', 'name'],
    ['Họ tên đối tượng', 'name'],
    ['Họ và tên người hưởng', 'name'],
    ['Họ và\ntên', 'name'],
    ['Ngày sinh', 'birth_date'],
    ['Năm sinh', 'birth_date'],
    ['Ngày, tháng, năm sinh', 'birth_date'],
    ['NGAY_SINH', 'birth_date'],
    ['NS', 'birth_date'],
    ['Năm sinh nam', 'birth_date_male'],
    ['Ngày sinh (Nữ)', 'birth_date_female'],
    ['Giới tính', 'sex'],
    ['Nam/Nữ', 'sex'],
    ['GT', 'sex'],
    ['Số CCCD', 'personal_id'],
    ['CCCD/CMND', 'personal_id'],
    ['Số định danh cá nhân', 'personal_id'],
    ['Số ĐDCN', 'personal_id'],
    ['So DDCN', 'personal_id'],
    ['Số ÐDCN', 'personal_id'], // Icelandic eth typed for Đ
    ['so_cccd', 'personal_id'],
    ['CCCD/ĐDCN', 'personal_id'],
    ['Mã định danh', 'personal_id'],
    ['CMND', 'old_id'],
    ['Số CMND cũ', 'old_id'],
    ['Thôn/xóm', 'village'],
    ['Tổ dân phố', 'village'],
    ['Ấp', 'village'],
    ['Bản', 'village'],
    ['Địa chỉ thường trú', 'address'],
    ['Nơi cư trú', 'address'],
    ['Xã/Phường/Thị trấn', 'commune'],
    ['Diện hưởng', 'programme'],
    ['Đối tượng', 'programme'],
    ['Mức trợ cấp hàng tháng', 'rate'],
    ['Số tiền (đồng)', 'amount'],
    ['Thành tiền', 'amount'],
    ['Số tài khoản', 'account'],
    ['STK', 'account'],
    ['TK ngân hàng', 'account'],
    ['Mở tại ngân hàng', 'bank'],
    ['Nơi mở TK', 'bank'],
    ['NH', 'bank'],
    ['SĐT', 'phone'],
    ['Ghi chú (nếu có)', 'note'],
    // Headers about the person who collects the money for the beneficiary.
    ['Người nhận thay', 'rep_name'],
    ['Họ tên người nhận thay', 'rep_name'],
    ['Người được uỷ quyền', 'rep_name'],
    ['Người giám hộ', 'rep_name'],
    ['Số CCCD người nhận thay', 'rep_id'],
    ['CCCD của người được ủy quyền', 'rep_id'],
    ['Số tài khoản người nhận thay', 'rep_account'],
    // Not a column the pipeline uses: left for --map rather than guessed.
    ['Quan hệ với người nhận thay', null],
    ['Quê quán', null],
    ['Ký nhận', null],
    ['Số đối tượng', null],
    ['DANH SÁCH CHI TRẢ TRỢ CẤP XÃ HỘI THÁNG 12 NĂM 2026', null],
    ['Tháng 12 năm 2026', null],
    ['Nam', null],
    ['', null],
  ];
  it.each(cases)('%j → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});

describe('name headers with words of their own', () => {
  it.each([
    ['Họ tên chủ hộ', 'name'],
    ['HỌ VÀ TÊN NGƯỜI CAO TUỔI', 'name'],
    ['Họ tên người nhận thay', 'rep_name'],
    ['Họ tên (ghi rõ)', 'name'],
  ])('%s → %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });
});
