// Flags as the commune officer reads them; a flag not listed here is shown by its code.
export const FLAG_LABELS_VI: Readonly<Record<string, string>> = {
  name_unaccented: 'tên viết không dấu',
  name_differs: 'tên khác',
  dob_differs: 'ngày sinh khác',
  sex_differs: 'giới tính khác',
  id_sex_mismatch: 'số định danh không hợp giới tính',
  id_year_mismatch: 'số định danh không hợp năm sinh',
  id_conflict: 'số định danh của người khác',
  id_of_relative: 'số định danh của người thân, đã thay bằng số của người này',
  cmnd_conflict: 'số CMND của người khác',
  id_from_cmnd_column: 'số định danh ghi ở cột CMND',
  registry_duplicate_id: 'CSDL có nhiều dòng cùng số',
  name_missing: 'thiếu họ tên',
  id_not_in_registry: 'số định danh không có trong CSDL',
  id_differs: 'số định danh khác',
  id_corrected: 'số định danh đã sửa',
  ambiguous: 'nhiều người giống nhau',
  homonyms: 'trùng tên và năm sinh',
  weak_name: 'tên chỉ khớp một phần',
  deceased: 'đã mất',
  list_says_deceased: 'danh sách ghi đã chết',
  list_says_moved: 'danh sách ghi đã chuyển đi',
  list_says_stopped: 'danh sách ghi cắt/tạm dừng hưởng',
  row_struck: 'dòng bị gạch bỏ',
  row_hidden: 'dòng bị ẩn/lọc',
  list_registry_disagree: 'danh sách ghi đã chết nhưng CSDL còn sống: cần kiểm tra',
  duplicate: 'trùng lĩnh',
  duplicate_review: 'nghi trùng, cần xem',
  decision_stale: 'dòng đã sửa sau quyết định',
  decision_unknown_id: 'quyết định ghi số không có trong CSDL',
  not_in_registry: 'không có trong CSDL (đã xác minh)',
};

export function flagText(flags: readonly string[]): string {
  return flags.map((f) => FLAG_LABELS_VI[f] ?? f).join('; ');
}
