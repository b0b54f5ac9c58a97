// Test helper: encode text the way Windows-1258 stores Vietnamese. The code page has â ê ô ơ ư ă đ precomposed but
// the five tones only as combining marks, so iconv-lite alone turns "ễ" into "?": split the tones off first.
import iconv from 'iconv-lite';

const VOWEL_MARKS = /[\u0302\u0306\u031b]/g;

export function encodeWindows1258(text: string): Buffer {
  const split = text.normalize('NFD').replace(/(\p{L})([\u0300-\u036f]+)/gu, (_m, base: string, marks: string) => {
    const vowel = marks.match(VOWEL_MARKS)?.join('') ?? '';
    const tones = marks.replace(VOWEL_MARKS, '');
    return (base + vowel).normalize('NFC') + tones;
  });
  const bytes = iconv.encode(split, 'windows1258');
  if (iconv.decode(bytes, 'windows1258').normalize('NFC') !== text.normalize('NFC')) {
    throw new Error('test text cannot be written in Windows-1258');
  }
  return bytes;
}
