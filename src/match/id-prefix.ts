// What is left of an ID Excel showed as "3.80412E+10": the mantissa's digits are real (the last one rounded),
// the rest became zeros.
// Enough of them give the province, G and YY (first six digits), a good blocking key and a weak agreement level.

const SCIENTIFIC = /^(\d+)[.,]?(\d*)e\+?(\d+)$/i;

/** The first six digits of the 12-digit ID a scientific-notation text stood for, when they survive; else null. */
export function idPrefixFromScientific(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const m = SCIENTIFIC.exec(raw.trim().replace(/\s+/g, ''));
  if (m === null) return null;
  const whole = m[1] ?? '';
  const known = whole + (m[2] ?? '');
  const length = whole.length + Number(m[3]);
  if (length > 12 || length < 10) return null;
  const digits = '0'.repeat(12 - length) + known.slice(0, -1);
  return digits.length >= 6 ? digits.slice(0, 6) : null;
}
