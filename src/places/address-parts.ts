// A written address into its levels, old three-level ("Thôn 3, xã Quảng Hòa, huyện Quảng Xương, tỉnh Thanh Hóa")
// or new two-level ("Thôn 3, xã Quảng Hòa, tỉnh Thanh Hóa"), by the kind word each part starts with; abbreviations
// (X., P., TT., H., TX., TP., T.) count. A last part without one is the province when a province has that name.
import { foldText } from '../normalize/fold.js';
import { cleanText } from '../normalize/text.js';

export interface AddressParts {
  readonly village: string | null;
  readonly commune: string | null;
  readonly district: string | null;
  readonly province: string | null;
}

const VILLAGE = /^(thon|xom|ap|ban|bon|buon|lang|khom|doi|to dan pho|tdp|khu pho|kp|khu|to|pho|so nha|duong|ngo|hem)\b/;
const COMMUNE = /^(xa|phuong|thi tran|dac khu|tt|x|p)\b/;
const DISTRICT = /^(huyen|quan|thi xa|tx|h|q)\b/;
const PROVINCE = /^(tinh|t)\b/;
// "Thành phố" is a province (Hà Nội, Huế …) at the end, a district-level city before it.
const CITY = /^(thanh pho|tp)\b/;

export function addressParts(text: string | null, isProvince: (name: string) => boolean = () => false): AddressParts {
  const parts = { village: null as string | null, commune: null as string | null, district: null as string | null, province: null as string | null };
  if (text === null) return parts;
  const pieces = cleanText(text).split(/\s*[,;–]\s*|\s+-\s+/).filter((p) => p !== '');
  pieces.forEach((piece, i) => {
    const key = foldText(piece).replace(/[^a-z0-9]+/g, ' ').trim();
    const last = i === pieces.length - 1;
    if (COMMUNE.test(key) && parts.commune === null) parts.commune = piece;
    else if (DISTRICT.test(key) && parts.district === null) parts.district = piece;
    else if (PROVINCE.test(key)) parts.province = piece;
    else if (CITY.test(key)) {
      if (last) parts.province = piece;
      else if (parts.district === null) parts.district = piece;
    } else if (VILLAGE.test(key) && parts.village === null && parts.commune === null) parts.village = piece;
    else if (last && parts.province === null && isProvince(piece)) parts.province = piece;
  });
  return parts;
}
