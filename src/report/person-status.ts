import type { Person } from '../types.js';

export type PersonStatus = 'ok' | 'warning' | 'error';

/** Labels shown to people in the XLSX outputs. */
export const STATUS_LABELS_VI: Readonly<Record<PersonStatus, string>> = {
  ok: 'Hợp lệ',
  warning: 'Cần xem',
  error: 'Lỗi',
};

/** The worst severity among the person's problems; 'info' findings leave a person ok. */
export function personStatus(person: Pick<Person, 'problems'>): PersonStatus {
  if (person.problems.some((p) => p.severity === 'error')) return 'error';
  if (person.problems.some((p) => p.severity === 'warning')) return 'warning';
  return 'ok';
}
