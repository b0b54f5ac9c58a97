import type { Field } from '../types.js';
import { matchHeader } from './match-header.js';

/**
 * The field a header names through the built-in aliases ("Họ và tên", "HO_TEN", "Số CCCD/CMND" …), or null.
 * Case, tone marks and punctuation do not matter.
 */
export function fieldForHeader(headerText: string): Field | null {
  return matchHeader(headerText)?.field ?? null;
}
