// The categories of the rules table a row's programme text (Đối tượng, Diện hưởng, or the section heading above
// it) can stand for, however the officer wrote it: "Người cao tuổi từ đủ 80 tuổi trở lên", "NCT từ 80 tuổi",
// "KT nặng", "KTĐBN", "Trẻ mồ côi", "Thân nhân liệt sĩ", "Thương binh" … Text is compared folded (no marks,
// lower case, đ → d), word by word. Where the text fits several categories, all of them are returned and every
// rate of those categories is acceptable; the person's age then narrows them (check-entitlement.ts).
import { foldText } from '../normalize/fold.js';

export interface ProgrammeCategories {
  /** Category codes of the rules table. */
  readonly codes: readonly string[];
  /** Amounts paid on top of any of `codes` on the same line (a martyr's relative's upkeep, a war invalid's extra). */
  readonly extras: readonly string[];
  /**
   * The table holds only points of a finer scale (war invalids: every percentage 21-100 has its own amount):
   * an amount between the lowest and the highest is not questioned.
   */
  readonly scale: boolean;
  /** The rate is per child raised (single poor parents): whole multiples of it are right. */
  readonly perUnit: boolean;
}

interface Pattern {
  readonly test: RegExp;
  readonly codes: (key: string) => readonly string[];
  readonly extras?: readonly string[];
  readonly scale?: boolean;
  readonly perUnit?: boolean;
}

const has = (key: string, re: RegExp): boolean => re.test(key);
const fixed = (...codes: string[]) => () => codes;

const ELDERLY = [
  'elderly_80plus_no_pension',
  'elderly_poor_nosupporter_60_80',
  'elderly_poor_nosupporter_80plus',
  'elderly_75_80_poor_ethnic_area',
  'elderly_poor_community_foster',
];
const DISABLED = / (khuyet tat|nkt|kt|ktn|nktn|ktdbn|nktdbn|ktdb|nktdb) /;
const ESPECIALLY = / (dac biet nang|dbn|ktdbn|nktdbn|ktdb|nktdb) /;
const CHILD = / (tre em|tre|te|mo coi|bi bo roi|nguon nuoi duong|duoi 16 tuoi) /;
const RELATIVE = / (than nhan|tuat|vo|chong|cha|me|bo|con|nguoi tho cung) /;
const POOR_ALONE = / (ho ngheo|can ngheo|khong co nguoi phung duong|khong nguoi phung duong|khong co nguoi co nghia vu|co don|khong noi nuong tua) /;

// First match wins: the more specific patterns come first.
const PATTERNS: readonly Pattern[] = [
  {
    test: / (huu tri xa hoi|huu tri xh|tro cap huu tri|httxh|tchtxh) /,
    codes: (k) => (has(k, / 70 | ngheo /) ? ['sp_70_75_poor'] : has(k, / 75 /) ? ['sp_75plus'] : ['sp_75plus', 'sp_70_75_poor']),
  },
  // Meritorious people and their relatives: their words are the surest, so they come before the social ones.
  { test: / phuc vu .*(me viet nam anh hung|bmvnah|me vnah)/, codes: fixed('nguoi_phuc_vu_bmvnah') },
  { test: / phuc vu .*(thuong binh|tb)/, codes: fixed('nguoi_phuc_vu_tb_81plus', 'nguoi_phuc_vu_tb_81plus_dbn') },
  { test: / (me viet nam anh hung|bmvnah|me vnah|mvnah) /, codes: fixed('ba_me_vnah', 'ba_me_vnah_phu_cap'), extras: ['ba_me_vnah_phu_cap'] },
  { test: / anh hung /, codes: fixed('anh_hung_llvt_ld') },
  { test: / (liet si|liet sy|ls|tnls) /, codes: martyrsRelatives, extras: ['tuat_nuoi_duong'] },
  {
    test: / (benh binh|bb) /,
    codes: (k) => (has(k, RELATIVE) ? ['than_nhan_tb_bb_cdhh_61plus_tuat'] : ['benh_binh_41_50', 'benh_binh_51_60', 'benh_binh_61_70', 'benh_binh_71_80', 'benh_binh_81_90', 'benh_binh_91_100']),
  },
  {
    test: / (chat doc hoa hoc|chat doc da cam|cdhh|da cam|dioxin) /,
    codes: (k) =>
      has(k, / (con|con de) /) ? ['con_cdhh_61_80', 'con_cdhh_81plus'] : has(k, / (than nhan|tuat) /) ? ['than_nhan_tb_bb_cdhh_61plus_tuat'] : ['cdhh_21_40', 'cdhh_41_60', 'cdhh_61_80', 'cdhh_81plus'],
  },
  {
    test: / (thuong binh|tb|cstb|tbb) /,
    codes: (k) => (has(k, / (than nhan|tuat) /) ? ['than_nhan_tb_bb_cdhh_61plus_tuat'] : ['tb_21pct', 'tb_41pct', 'tb_61pct', 'tb_81pct', 'tb_100pct']),
    extras: ['tb_81plus_phu_cap', 'tb_81plus_dac_biet_nang_phu_cap'],
    scale: true,
  },
  {
    test: / (hoat dong cach mang|lao thanh cach mang|tien khoi nghia|hdcm|can bo lao thanh) /,
    codes: (k) => (has(k, / (than nhan|tuat) /) ? ['than_nhan_hdcm_pre1945_tuat'] : ['hdcm_pre1945_thoat_ly', 'hdcm_pre1945_khong_thoat_ly', 'hdcm_1945_khoi_nghia']),
  },
  { test: / (bi dich bat|tu day) /, codes: fixed('bi_dich_bat_tu_day') },
  { test: / (huan chuong khang chien|hckc) /, codes: fixed('huan_chuong_khang_chien') },
  { test: / (ky niem chuong|co cong voi nuoc) /, codes: fixed('ky_niem_chuong_tqgc_pre1945') },
  // Social assistance.
  { test: / (cao tuoi|nct) .*cong dong |cong dong .*(cao tuoi|nct) /, codes: fixed('elderly_poor_community_foster') },
  {
    test: / (mang thai|nuoi con|36 thang) /,
    codes: (k) => (has(k, DISABLED) ? ['care_pwd_pregnant_or_1child_u36m', 'care_pwd_pregnant_and_child_or_2children_u36m'] : []),
  },
  {
    test: / (cham soc|nuoi duong|nhan nuoi) .*(khuyet tat|nkt|kt|ktdbn|nktdbn)|(khuyet tat|nkt|kt|ktdbn|nktdbn) .*(cham soc|nhan nuoi) /,
    codes: fixed('care_hh_pwd_especially_severe', 'foster_pwd_especially_severe', 'foster_child_pwd_especially_severe'),
  },
  {
    test: DISABLED,
    codes: (k) =>
      has(k, ESPECIALLY)
        ? ['pwd_especially_severe', 'pwd_especially_severe_child_or_elderly']
        : has(k, / (nang|ktn|nktn) /)
          ? ['pwd_severe', 'pwd_severe_child_or_elderly']
          : ['pwd_especially_severe', 'pwd_especially_severe_child_or_elderly', 'pwd_severe', 'pwd_severe_child_or_elderly'],
  },
  { test: / hiv /, codes: (k) => (has(k, CHILD) ? ['child_hiv_poor_u4', 'child_hiv_poor_4_16'] : ['hiv_poor_no_income']) },
  { test: / (don than|nuoi con mot minh) /, codes: fixed('single_poor_parent_per_child'), perUnit: true },
  { test: / (nhan cham soc|nhan nuoi duong|ho nhan|nhan nuoi) /, codes: fixed('foster_child_u4', 'foster_child_4_16_or_elderly') },
  {
    test: CHILD,
    codes: (k) => (has(k, / (duoi 3 tuoi|u3) /) ? ['child_u3_poor_ethnic_area'] : ['child_nosupport_u4', 'child_nosupport_4_16', 'youth_nosupport_16_22_study']),
  },
  { test: / (nguoi cao tuoi|cao tuoi|nct|nguoi gia|(60|7[0-9]|8[0-9]|9[0-9]) tuoi|80\+|tren 80) /, codes: elderly },
];

function martyrsRelatives(key: string): readonly string[] {
  if (has(key, / (2|hai|02) liet si /)) return ['than_nhan_2_liet_si'];
  if (has(key, / (3|ba|03) liet si /)) return ['than_nhan_3plus_liet_si'];
  if (has(key, / (tai gia|lay chong khac|lay vo khac) /)) return ['vo_chong_liet_si_tai_gia'];
  if (has(key, / nuoi duong /)) return ['tuat_nuoi_duong', 'than_nhan_1_liet_si', 'than_nhan_2_liet_si', 'than_nhan_3plus_liet_si'];
  return ['than_nhan_1_liet_si', 'than_nhan_2_liet_si', 'than_nhan_3plus_liet_si', 'vo_chong_liet_si_tai_gia'];
}

function elderly(key: string): readonly string[] {
  if (has(key, / (dtts|dan toc thieu so|mien nui|dac biet kho khan) /)) return ['elderly_75_80_poor_ethnic_area'];
  const eighty = has(key, / (80|80\+|tren 80) /);
  if (has(key, POOR_ALONE)) {
    if (has(key, / (60 .*80|duoi 80) /)) return ['elderly_poor_nosupporter_60_80'];
    return eighty ? ['elderly_poor_nosupporter_80plus'] : ['elderly_poor_nosupporter_60_80', 'elderly_poor_nosupporter_80plus'];
  }
  if (eighty) return ['elderly_80plus_no_pension'];
  return ELDERLY;
}

/** The folded words of a programme text, padded with spaces so that patterns can ask for whole words. */
export function programmeKey(text: string): string {
  return ` ${foldText(text).replace(/[^a-z0-9+]+/g, ' ').replace(/(\d)\s*\+/g, '$1+ ').replace(/\s+/g, ' ').trim()} `;
}

/** The categories a programme text stands for, or null when it fits none (or names only a whole programme). */
export function programmeCategories(text: string | null): ProgrammeCategories | null {
  if (text === null || text.trim() === '') return null;
  const key = programmeKey(text);
  for (const p of PATTERNS) {
    if (!p.test.test(key)) continue;
    const codes = p.codes(key);
    if (codes.length === 0) continue;
    return { codes, extras: p.extras ?? [], scale: p.scale ?? false, perUnit: p.perUnit ?? false };
  }
  return null;
}
