// Personal data shown on a terminal or in a log is masked: enough left to find the row, not to use the number.

/** '038190001234' → '038*******34'. */
export function maskId(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 5) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}

/** '0123456789012' → '**********012'. */
export function maskAccount(account: string | null | undefined): string {
  if (!account) return '';
  if (account.length <= 3) return '*'.repeat(account.length);
  return `${'*'.repeat(account.length - 3)}${account.slice(-3)}`;
}

/** 'Nguyễn Văn Hùng' → 'N. V. Hùng': the given name alone tells a person apart in a list, not outside it. */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return `${words[0]!.slice(0, 1)}.`;
  return [...words.slice(0, -1).map((w) => `${w.slice(0, 1)}.`), words[words.length - 1]].join(' ');
}
