// A small registry export for one commune (xã Yên Lạc), as the police system writes it: upper-case names,
// year-only dates for some elderly people, a deceased person, five men named Nguyễn Văn Hùng, two women named
// Lê Thị Hoa born the same year, and a mother and son. All IDs and names are invented.
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';
import type { Registry } from '../../src/registry/registry.js';

const HEADER = 'so_dinh_danh,so_cmnd,ho_ten,ngay_sinh,gioi_tinh,dia_chi_thuong_tru,trang_thai,ngay_mat';
const TAIL = 'xã Yên Lạc, tỉnh Ninh Bình';

export const ROWS = {
  hung1950: ['036050001234', '162345678', 'NGUYỄN VĂN HÙNG', '05/03/1950', 'Nam', `Thôn Đông, ${TAIL}`, 'Còn sống', ''],
  hung1962: ['036062004321', '', 'NGUYỄN VĂN HÙNG', '11/07/1962', 'Nam', `Thôn Tây, ${TAIL}`, 'Còn sống', ''],
  hung1975: ['036075005555', '', 'NGUYỄN VĂN HÙNG', '20/01/1975', 'Nam', `Thôn 3, ${TAIL}`, 'Còn sống', ''],
  hung1981: ['036081006666', '', 'NGUYỄN VĂN HÙNG', '09/09/1981', 'Nam', 'Phường Nam Định, tỉnh Ninh Bình', 'Còn sống', ''],
  hung1990: ['036090007777', '', 'NGUYỄN VĂN HÙNG', '30/12/1990', 'Nam', `Thôn Đông, ${TAIL}`, 'Còn sống', ''],
  lan: ['036145002222', '', 'TRẦN THỊ LAN', '1945', 'Nữ', `Thôn Đông, ${TAIL}`, 'Còn sống', ''],
  minh: ['036072003333', '', 'TRẦN VĂN MINH', '15/04/1972', 'Nam', `Thôn Đông, ${TAIL}`, 'Còn sống', ''],
  hoaTay: ['036148008888', '', 'LÊ THỊ HOA', '1948', 'Nữ', `Thôn Tây, ${TAIL}`, 'Còn sống', ''],
  hoaDong: ['036148009999', '', 'LÊ THỊ HOA', '1948', 'Nữ', `Thôn Đông, ${TAIL}`, 'Còn sống', ''],
  xuyen: ['036139421111', '', 'HOÀNG THỊ XUYẾN', '1939', 'Nữ', `Thôn 3, ${TAIL}`, 'Còn sống', ''],
  tu: ['036040002020', '', 'PHẠM VĂN TƯ', '02/02/1940', 'Nam', `Thôn Tây, ${TAIL}`, 'Đã mất', '14/08/2025'],
  thuy: ['036155003030', '162111222', 'ĐẶNG THỊ THỦY', '01/06/1955', 'Nữ', `Thôn Tây, ${TAIL}`, 'Còn sống', ''],
  khai: ['036058004040', '', 'VŨ VĂN KHẢI', '10/10/1958', 'Nam', `Thôn Đông, ${TAIL}`, 'Còn sống', ''],
  nguyet: ['036160005050', '', 'BÙI THỊ NGUYỆT', '23/11/1960', 'Nữ', `Thôn 3, ${TAIL}`, 'Còn sống', ''],
  thang: ['036052006060', '', 'MAI VĂN THẮNG', '08/08/1952', 'Nam', `Thôn Tây, ${TAIL}`, 'Còn sống', ''],
} as const;

export type RowName = keyof typeof ROWS;

function csvField(v: string): string {
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function communeCsv(): string {
  return [HEADER, ...Object.values(ROWS).map((r) => r.map(csvField).join(','))].join('\r\n') + '\r\n';
}

export async function communeRegistry(): Promise<Registry> {
  return readRegistryCsv(new TextEncoder().encode(communeCsv()), { file: 'dancu-yenlac.csv', runYear: 2026 });
}

/** The registry ID of a fixture row. */
export function idOf(row: RowName): string {
  return ROWS[row][0];
}
