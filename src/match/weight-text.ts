/** A weight as explanations print it: sign always shown, one decimal ("+6.1", "-2.0", "+0.0"). */
export function weightText(w: number): string {
  const r = Math.round(w * 10) / 10;
  return `${r < 0 ? '-' : '+'}${Math.abs(r).toFixed(1)}`;
}

/** A total as explanations print it: one decimal, sign only when negative ("11.2", "-3.4"). */
export function totalText(w: number): string {
  const r = Math.round(w * 10) / 10;
  return (r === 0 ? 0 : r).toFixed(1);
}
