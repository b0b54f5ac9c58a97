// Official lists state every total in words too ("Bằng chữ: …"), so a figure altered by hand shows.
// Conventions (the northern standard used in State documents):
//   - "mười" for 10–19, "mươi" for the tens from 20; "mốt" for a final 1 after twenty and up (hai mươi mốt),
//     "một" after mười (mười một); "lăm" for a final 5 after any ten (mười lăm, hai mươi lăm), "năm" elsewhere;
//     a final 4 stays "bốn" (hai mươi bốn), which every reader accepts, where "tư" is regional.
//   - "linh" (not the southern "lẻ") when the tens are zero: một trăm linh năm.
//   - A group after the first is read in full: 1 005 000 = một triệu không trăm linh năm nghìn; groups of zeros are
//     left out: 1 000 500 = một triệu năm trăm.
//   - Scales nghìn, triệu, tỷ; above a tỷ the scales repeat (nghìn tỷ).
//   - "đồng chẵn" when the amount is whole thousands (nothing odd after the last scale word), else "đồng".

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/** One group of three digits (0 < n < 1000). full: read "không trăm" and "linh" as a group after the first does. */
function groupWords(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  const hasHundreds = full || h > 0;
  if (hasHundreds) words.push(digit(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (hasHundreds) words.push('linh');
      words.push(digit(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  } else {
    words.push(digit(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digit(u));
  }
  return words;
}

/** 0 < n < 1e9; leading: the first group of the whole number (read short: "năm nghìn", not "không trăm linh năm nghìn"). */
function belowBillion(n: number, leading: boolean): string[] {
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, 'nghìn'],
    [n % 1000, ''],
  ];
  const words: string[] = [];
  let first = leading;
  for (const [value, scale] of groups) {
    if (value === 0) continue;
    words.push(...groupWords(value, !first));
    if (scale) words.push(scale);
    first = false;
  }
  return words;
}

function numberWords(n: number, leading: boolean): string[] {
  if (n < BILLION) return belowBillion(n, leading);
  const high = Math.floor(n / BILLION);
  const low = n % BILLION;
  return [...numberWords(high, leading), 'tỷ', ...(low > 0 ? belowBillion(low, false) : [])];
}

/** 1500000 → 'Một triệu năm trăm nghìn đồng chẵn'. Whole, non-negative, safe-integer VND amounts only. */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`amountInWords takes a whole, non-negative number of đồng, got ${amount}`);
  }
  const words = amount === 0 ? ['không'] : numberWords(amount, true);
  words.push('đồng');
  if (amount > 0 && amount % 1000 === 0) words.push('chẵn');
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
