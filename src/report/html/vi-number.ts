// Numbers as Vietnamese officials write them (1.500.000; 97,96%), formatted by hand: Intl depends on the ICU data
// of the machine, and the page must have the same bytes everywhere.

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

/** 1500000 → '1.500.000', -2500 → '-2.500'. Rounded to a whole number first. */
export function formatViInteger(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const whole = Math.round(n);
  const sign = whole < 0 ? '-' : '';
  return sign + groupThousands(BigInt(Math.abs(whole)).toString());
}

/** part/whole as a percentage with two decimals, the way progress is reported: 63005/64316 → '97,96%'; '–' when whole is 0. */
export function formatViPercent(part: number, whole: number): string {
  if (whole === 0) return '–';
  // Integer hundredths of a percent: no floating-point digits can leak into the text.
  const hundredths = Math.round((part * 10000) / whole);
  return `${groupThousands(String(Math.floor(hundredths / 100)))},${String(hundredths % 100).padStart(2, '0')}%`;
}

/** A match score with one decimal and a decimal comma: 11.24 → '11,2', -3.45 → '-3,5'. */
export function formatViScore(score: number): string {
  const tenths = Math.round(score * 10);
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)},${abs % 10}`;
}

/** '2026-12-01' → '01/12/2026'; anything else is shown as given. */
export function formatViDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}
