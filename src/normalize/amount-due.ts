// What a row is owed this period, from the money columns a list has. A 2026 list may give a monthly rate, the
// arrears (months and/or amount) for months missed, and the total; or only a coefficient and the standard level.
// The total is what is paid; without one, the rate plus the arrears; a coefficient × the standard level gives the
// rate where none is written. The figures are checked against each other, never silently preferred.
import type { Finding, Normalized, RawCell } from '../types.js';
import { finding } from './finding.js';
import { parseAmount } from './money.js';
import { cleanText } from './text.js';
import { displayCell } from './cell-display.js';

export interface MoneyCells {
  readonly amount?: RawCell | undefined;
  readonly rate?: RawCell | undefined;
  readonly arrears_months?: RawCell | undefined;
  readonly arrears_amount?: RawCell | undefined;
  readonly coefficient?: RawCell | undefined;
  readonly standard_level?: RawCell | undefined;
}

export interface AmountDue {
  /** What is paid this period (integer VND), or null. */
  readonly amount: number | null;
  readonly rate: number | null;
  readonly arrearsMonths: number | null;
  readonly arrearsAmount: number | null;
  /** The list's own total (its amount or total column). */
  readonly total: number | null;
  /** Which field each finding is about. */
  readonly findings: readonly (readonly [field: 'amount' | 'rate' | 'arrears_months' | 'arrears_amount' | 'coefficient', Finding])[];
}

/** A coefficient or a count of months: "1,5", "1.5", 2 or "3 tháng". */
export function parseDecimal(cell: RawCell | undefined): Normalized<number> {
  const v = cell?.value ?? null;
  if (v === null) return { value: null, findings: [] };
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? { value: v, findings: [] } : { value: null, findings: [finding('amount_unreadable', 'Not a number.')] };
  const text = cleanText(displayCell(cell)).replace(/\s*(tháng|thang|th)\.?$/i, '');
  if (text === '' || text === '-') return { value: null, findings: [] };
  if (!/^\d+([.,]\d+)?$/.test(text)) return { value: null, findings: [finding('amount_unreadable', 'Not a number.')] };
  return { value: Number(text.replace(',', '.')), findings: [] };
}

export function amountDue(cells: MoneyCells): AmountDue {
  const findings: [AmountDue['findings'][number][0], Finding][] = [];
  const money = (field: 'amount' | 'rate' | 'arrears_amount', cell: RawCell | undefined): number | null => {
    const parsed = parseAmount(cell ?? null);
    for (const f of parsed.findings) findings.push([field, f]);
    return parsed.value;
  };
  const total = money('amount', cells.amount);
  let rate = money('rate', cells.rate);
  const arrearsAmountWritten = money('arrears_amount', cells.arrears_amount);
  const months = parseDecimal(cells.arrears_months);
  for (const f of months.findings) findings.push(['arrears_months', f]);
  const arrearsMonths = months.value;

  if (rate === null && cells.coefficient !== undefined && cells.standard_level !== undefined) {
    const coefficient = parseDecimal(cells.coefficient);
    for (const f of coefficient.findings) findings.push(['coefficient', f]);
    const level = money('rate', cells.standard_level);
    if (coefficient.value !== null && level !== null) {
      rate = Math.round(coefficient.value * level);
      findings.push(['rate', finding('rate_from_coefficient', `No monthly rate is written; ${coefficient.value} × ${level} = ${rate} đồng is used.`)]);
    }
  }

  let arrearsAmount = arrearsAmountWritten;
  if (arrearsAmount === null && arrearsMonths !== null && arrearsMonths > 0 && rate !== null) arrearsAmount = Math.round(rate * arrearsMonths);
  if (arrearsAmountWritten !== null && arrearsMonths !== null && rate !== null && Math.round(rate * arrearsMonths) !== arrearsAmountWritten) {
    findings.push([
      'arrears_amount',
      finding('arrears_mismatch', `The arrears ${arrearsAmountWritten} đồng are not the rate ${rate} × ${arrearsMonths} months = ${Math.round(rate * arrearsMonths)}.`),
    ]);
  }
  const hasArrears = cells.arrears_amount !== undefined || cells.arrears_months !== undefined;
  if (total !== null && hasArrears && rate !== null && total !== rate + (arrearsAmount ?? 0)) {
    findings.push([
      'amount',
      finding('total_mismatch', `The total ${total} đồng is not the rate ${rate} + the arrears ${arrearsAmount ?? 0} = ${rate + (arrearsAmount ?? 0)}; the total is paid.`),
    ]);
  }
  let amount = total;
  if (amount === null && rate !== null) amount = rate + (hasArrears ? (arrearsAmount ?? 0) : 0);
  return { amount, rate, arrearsMonths, arrearsAmount, total, findings };
}
