// Why a row is in review.xlsx, in plain Vietnamese, for the officer who decides: one sentence per finding,
// naming the people concerned, never the model's weights (those stay in their own columns).
import type { MatchResult } from '../match/types.js';
import type { RegistryPerson } from '../registry/registry.js';
import type { PartialDate } from '../types.js';

function born(d: PartialDate | null): string {
  if (!d) return '';
  return d.day !== null && d.month !== null ? `, sinh ${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}` : `, sinh ${d.year}`;
}

function who(p: RegistryPerson | null): string {
  if (!p) return 'một người khác';
  return `${p.name?.display ?? '(không rõ tên)'}${born(p.birth)}`;
}

const FLAG_SENTENCES: Readonly<Record<string, string>> = {
  registry_duplicate_id: 'CSDL dân cư có nhiều dòng cùng số định danh này: chọn dòng đúng.',
  name_missing: 'Danh sách không ghi họ tên: kiểm tra người mang số định danh này.',
  ambiguous: 'Có nhiều người trong CSDL giống người này gần như nhau: chọn người đúng.',
  homonyms: 'Nhiều người trong CSDL trùng họ tên và năm sinh với người này.',
  weak_name: 'Họ tên chỉ giống một phần với người tìm được.',
  id_differs: 'Số CCCD trong danh sách khác với số của người tìm được.',
  id_not_in_registry: 'Số CCCD trong danh sách không có trong CSDL dân cư.',
  name_differs: 'Họ tên khác với người tìm được.',
  dob_differs: 'Ngày sinh khác với người tìm được.',
  sex_differs: 'Giới tính khác với người tìm được.',
  id_sex_mismatch: 'Số CCCD không hợp với giới tính ghi trong danh sách.',
  id_year_mismatch: 'Số CCCD không hợp với năm sinh ghi trong danh sách.',
  deceased: 'CSDL ghi người tìm được đã mất.',
  decision_stale: 'Dòng này đã sửa sau khi có quyết định: cần xem lại.',
  decision_unknown_id: 'Quyết định trước ghi một số không có trong CSDL: cần xem lại.',
  list_says_deceased: 'Danh sách ghi người này đã chết.',
};

/**
 * The sentences for one row. owner: the registry person who holds the row's ID (id_conflict / cmnd_conflict);
 * candidates: how many other registry people are offered.
 */
export function reviewReason(r: MatchResult, owner: RegistryPerson | null, candidates: number): string {
  const out: string[] = [];
  if (r.flags.includes('id_conflict') || r.flags.includes('cmnd_conflict')) {
    const what = r.flags.includes('id_conflict') ? 'Số CCCD' : 'Số CMND';
    out.push(`${what} này thuộc về người khác: ${who(owner)}.`);
    out.push(candidates > 0 ? 'Các ứng viên là những người trong CSDL giống người trong danh sách: chọn người đúng, hoặc ghi "Không phải" / "Không có".' : 'Không tìm thấy người nào khác giống rõ trong CSDL.');
  }
  for (const f of r.flags) {
    const s = FLAG_SENTENCES[f];
    if (s && !out.includes(s)) out.push(s);
  }
  if (r.method === 'manual') out.push('Đã có quyết định bằng tay (xem cột "Quyết định"); sửa nếu cần.');
  if (out.length === 0) {
    out.push(candidates > 0 ? 'Ứng viên 1 giống người trong danh sách nhưng chưa đủ chắc để tự khớp: xác nhận hoặc chọn người khác.' : 'Không tìm được người đủ giống trong CSDL.');
  }
  return out.join(' ');
}
