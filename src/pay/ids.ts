// Payment IDs are derived, never drawn at random: the same period, programme and registry person always give
// the same line ID, so a re-run reproduces its files byte for byte and a bank that keeps IDs rejects a second
// submission of the same line. The readable prefix says what it is and for which month (L2612… = a line, Dec 2026).
import { createHash } from 'node:crypto';

// Crockford's base32: no I, L, O or U, so an ID read out over the phone cannot be misheard.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const HASH_CHARS = 10;

function hash32(parts: readonly string[], chars: number): string {
  const digest = createHash('sha256').update(parts.join('\u001f')).digest();
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

/** '2026-12' → '2612'. */
function periodTag(period: string): string {
  return period.slice(2, 4) + period.slice(5, 7);
}

/** One payment line: (period, programme, registry person) → e.g. 'L2612K7QF3M9XPA' (15 characters). */
export function lineId(period: string, programme: string, registryId: string): string {
  return `L${periodTag(period)}${hash32(['line', period, programme, registryId], HASH_CHARS)}`;
}

/**
 * One batch: its kind ('bank' BIN or 'cash'), debit account and exact set of lines. The same lines give the same
 * batch ID (a double submission is recognisable); a batch with other lines is another batch.
 */
export function batchId(period: string, kind: string, debitAccountId: string, lineIds: readonly string[]): string {
  const prefix = kind === 'cash' ? 'C' : 'B';
  return `${prefix}${periodTag(period)}${hash32(['batch', period, kind, debitAccountId, ...[...lineIds].sort()], HASH_CHARS)}`;
}

/** An ISO 20022 message or payment-information block over a set of lines (MsgId, PmtInfId: at most 35 characters). */
export function messageId(period: string, scope: string, lineIds: readonly string[]): string {
  return `M${periodTag(period)}${hash32(['message', period, scope, ...[...lineIds].sort()], HASH_CHARS)}`;
}

/**
 * A retry batch: failed lines of earlier batches sent to the bank again. Its ID is new (the bank refuses a batch ID
 * it has had, and a batch of every line of an earlier batch would otherwise get that batch's ID), derived from the
 * batches it retries and its lines, so the same returns run gives the same file, and a retry of a retry (read
 * from retry-ledger.csv, whose batch IDs are these) gets an ID of its own again. 'R2612…': a retry, Dec 2026.
 */
export function retryBatchId(periodTagOf: string, kind: string, debitAccountId: string, retriedBatchIds: readonly string[], lineIds: readonly string[]): string {
  const tag = /^L\d{4}/.test(periodTagOf) ? periodTagOf.slice(1, 5) : '0000';
  return `R${tag}${hash32(['retry', kind, debitAccountId, ...[...new Set(retriedBatchIds)].sort(), '\u0000', ...[...lineIds].sort()], HASH_CHARS)}`;
}
