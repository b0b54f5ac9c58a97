// How a CSV/TXT file's bytes are encoded. Officers' files come as UTF-8 (with or without BOM), UTF-16LE from
// Excel's "Unicode text", or the Vietnamese Windows code page 1258. Legacy-font bytes (TCVN3, VNI) are not valid
// UTF-8 either: they too land on the single-byte path, where the CSV reader looks at them column by column.

export type DetectedEncoding = 'utf-8-bom' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export interface EncodingGuess {
  readonly encoding: DetectedEncoding;
  /** 'low' when the guess rests on little evidence (a few non-ASCII bytes). */
  readonly confidence: 'high' | 'low';
  /** In English, for warnings and `inspect`. */
  readonly reason: string;
}

const SAMPLE = 64 * 1024;
// Fewer non-ASCII bytes than this and a Windows-1258 guess is reported as unsure.
const FEW_BYTES = 20;

/** UTF-16 without a BOM shows as NUL bytes in every other position (the high byte of ASCII characters). */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.3 && evenNul <= pairs * 0.05) return 'utf-16le';
  if (evenNul >= pairs * 0.3 && oddNul <= pairs * 0.05) return 'utf-16be';
  return null;
}

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', confidence: 'high', reason: 'UTF-8 byte order mark' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: 'utf-16le', confidence: 'high', reason: 'UTF-16LE byte order mark' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: 'utf-16be', confidence: 'high', reason: 'UTF-16BE byte order mark' };
  }
  const utf16 = utf16Pattern(bytes);
  if (utf16 !== null) {
    return { encoding: utf16, confidence: 'high', reason: `NUL bytes in every other position (${utf16} without BOM)` };
  }
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  if (high === 0) return { encoding: 'utf-8', confidence: 'high', reason: 'plain ASCII' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', confidence: 'high', reason: 'valid UTF-8' };
  } catch {
    return {
      encoding: 'windows-1258',
      confidence: high < FEW_BYTES ? 'low' : 'high',
      reason: `not valid UTF-8; read as Windows-1258 from ${high} non-ASCII byte${high === 1 ? '' : 's'}`,
    };
  }
}
