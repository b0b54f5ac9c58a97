import type { Finding } from '../types.js';
import { PROBLEM_CODES, type ProblemCode } from './problem-codes.js';

/** A finding whose severity comes from the catalogue, so one code never has two severities. */
export function finding(code: ProblemCode, message: string): Finding {
  return { code, severity: PROBLEM_CODES[code].severity, message };
}
