// Explanations and exception details are free text that may quote a personal ID or an account number (a
// decision's registry ID, for one). Runs of 9 or more digits are masked like IDs before they reach the page.
import { maskId } from '../mask.js';

export function maskNumbersInText(text: string): string {
  return text.replace(/\d{9,}/g, (run) => maskId(run));
}
