// Which column of a registry export holds what. Exports differ by province and by year; headers are compared
// folded, with punctuation and underscores read as spaces, so "Số định danh cá nhân", "SO_DINH_DANH" and
// "so dinh danh" are one alias.
import { AsxhError, quote } from '../errors.js';
import { foldText } from '../normalize/fold.js';

export type RegistryField = 'id' | 'cmnd' | 'name' | 'birth' | 'sex' | 'address' | 'status' | 'death';

/** Aliases in order of preference: a file with both "dia_chi_thuong_tru" and "dia_chi" uses the first. */
export const REGISTRY_ALIASES: Readonly<Record<RegistryField, readonly string[]>> = {
  id: [
    'so dinh danh', 'so dinh danh ca nhan', 'ma dinh danh', 'ma dinh danh ca nhan', 'so ddcn', 'ddcn', 'so cccd',
    'cccd', 'so can cuoc', 'so can cuoc cong dan', 'can cuoc cong dan', 'personal id', 'id number',
  ],
  cmnd: ['so cmnd', 'cmnd', 'so chung minh nhan dan', 'chung minh nhan dan', 'so cmt', 'cmt'],
  name: ['ho ten', 'ho va ten', 'ho ten cong dan', 'ho va ten cong dan', 'hoten', 'full name', 'name'],
  birth: ['ngay sinh', 'ngay thang nam sinh', 'nam sinh', 'ngay sinh nam sinh', 'birth date', 'date of birth', 'dob'],
  sex: ['gioi tinh', 'gioi', 'sex', 'gender'],
  address: [
    'dia chi thuong tru', 'noi thuong tru', 'thuong tru', 'dia chi', 'noi o hien tai', 'noi o', 'address',
  ],
  status: ['trang thai', 'tinh trang', 'trang thai cong dan', 'tinh trang song chet', 'status'],
  death: ['ngay mat', 'ngay chet', 'ngay tu', 'ngay qua doi', 'ngay mat tich', 'death date', 'date of death'],
};

export type RegistryColumns = Readonly<Record<RegistryField, number>>;

function headerKey(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Column index (0-based) of each field, -1 when absent. Throws when the ID or the name column is missing. */
export function findRegistryColumns(header: readonly string[], file: string): RegistryColumns {
  const keys = header.map(headerKey);
  const found = {} as Record<RegistryField, number>;
  for (const field of Object.keys(REGISTRY_ALIASES) as RegistryField[]) {
    found[field] = -1;
    for (const alias of REGISTRY_ALIASES[field]) {
      const at = keys.indexOf(alias);
      if (at >= 0) {
        found[field] = at;
        break;
      }
    }
  }
  const missing = (['id', 'name'] as const).filter((f) => found[f] < 0);
  if (missing.length > 0) {
    const what = missing.map((f) => (f === 'id' ? 'personal ID' : 'full name')).join(' and ');
    const whatVi = missing.map((f) => (f === 'id' ? 'số định danh' : 'họ tên')).join(' và ');
    throw new AsxhError(
      'registry_invalid',
      {
        vi: `Không dùng được CSDL dân cư ${quote(file)}: không có cột ${whatVi} trong các tiêu đề ${quote(header.join(', '))}.`,
        en: `Cannot use the registry ${quote(file)}: no ${what} column among its headers ${quote(header.join(', '))}.`,
      },
      {
        vi: 'Xuất CSDL dân cư kèm dòng tiêu đề nêu tên các cột, ví dụ so_dinh_danh, so_cmnd, ho_ten, ngay_sinh, gioi_tinh, dia_chi_thuong_tru, trang_thai, ngay_mat.',
        en: 'Export the registry with a header row naming the columns, e.g. so_dinh_danh, so_cmnd, ho_ten, ngay_sinh, gioi_tinh, dia_chi_thuong_tru, trang_thai, ngay_mat.',
      },
    );
  }
  return found;
}
