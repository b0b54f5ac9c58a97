// A registry column whose values repeat (addresses: a village's few hundred; names: a few hundred thousand in a
// province of millions), kept as one copy of each distinct text plus a code per row. A cell's bytes are looked
// up as they come from the file; only a value not seen before is decoded and cleaned.
import { cleanText } from '../normalize/text.js';
import { byteKey } from './byte-key.js';
import { isCleanUtf8 } from './clean-utf8.js';
import { NumberHash } from './number-hash.js';
import { TextStore } from './text-store.js';

const utf8 = new TextDecoder();

export class TextDictionary {
  /** Code 0 is '' (empty or missing). */
  readonly store = new TextStore();
  // byteKey of a stored text → its code; a hit is confirmed by comparing the bytes.
  private readonly index = new NumberHash(1024);

  constructor() {
    this.store.add('');
  }

  /** Code of cleanText(the cell's text). */
  code(bytes: Uint8Array, start: number, end: number): number {
    if (end === start) return 0;
    const key = byteKey(bytes, start, end);
    const at = this.index.get(key);
    if (at >= 0 && this.store.equals(at, bytes, start, end)) return at;
    if (!isCleanUtf8(bytes, start, end)) return this.codeOfText(cleanText(utf8.decode(bytes.subarray(start, end))));
    const code = this.store.addBytes(bytes, start, end);
    // Another text with the same key (odds ~2^-52) keeps the slot; this one is stored again when it recurs.
    if (at < 0) this.index.set(key, code);
    return code;
  }

  /**
   * Code of a text that is clean already. Every stored text is clean, and cleanText leaves clean text as it is,
   * so a cell whose bytes equal a stored text has that text's code.
   */
  codeOfText(text: string): number {
    if (text === '') return 0;
    const bytes = Buffer.from(text, 'utf8');
    const key = byteKey(bytes, 0, bytes.length);
    const at = this.index.get(key);
    if (at >= 0 && this.store.equals(at, bytes, 0, bytes.length)) return at;
    const code = this.store.addBytes(bytes, 0, bytes.length);
    if (at < 0) this.index.set(key, code);
    return code;
  }
}
