// How the name of a commune, district or province is compared: folded, the kind of unit and its abbreviations
// dropped ("Xã Quảng Hòa", "X. Quảng Hoà", "xa quang hoa" all give "quang hoa"), except before a bare number
// ("Phường 3" stays "phuong 3": every city has a Phường 3).
import { foldText } from '../normalize/fold.js';
import { toneStyle } from '../normalize/text.js';

const KIND = /^(xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho|tinh|tp|tx|tt|x|p|h|q|t)(?:\s+|$)/;

export function unitKind(text: string): string | null {
  const key = foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();
  return KIND.exec(key)?.[1] ?? null;
}

export function unitKey(text: string): string {
  const key = foldText(text).replace(/[^a-z0-9]+/g, ' ').trim();
  const bare = key.replace(KIND, '');
  if (bare === '') return key;
  if (/^\d+$/.test(bare)) {
    const kind = KIND.exec(key)?.[1] ?? '';
    const full: Record<string, string> = { x: 'xa', p: 'phuong', tt: 'thi tran', q: 'quan', h: 'huyen' };
    return `${full[kind] ?? kind} ${bare}`.trim();
  }
  return bare;
}

/** unitKey with the marks kept (lower case, NFC, one tone style): "Quảng Hưng" and "Quang Hưng" differ. */
export function markedKey(text: string): string {
  const folded = unitKey(text).split(' ');
  const words = toneStyle(text.normalize('NFC').toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ');
  return words.slice(words.length - folded.length).join(' ');
}
