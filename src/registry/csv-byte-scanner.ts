// The registry CSV scanner for UTF-8 exports, working on the file's bytes: a record's fields are handed on as
// byte ranges of the chunk they sit in, so a cell becomes a string only when the builder needs one. Records
// are read exactly as CsvLineScanner reads them; the few that hold an escaped quote, text after a closing quote
// or a line break inside quotes are decoded and split by its splitQuoted, then handed on the same way.
import { splitQuoted } from './csv-line-scanner.js';

/** fields i < count lie at bytes[starts[i] … ends[i]); `record` counts records, the header being 1. */
export type ByteRecordHandler = (bytes: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, record: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const utf8 = new TextDecoder();

export class CsvByteScanner {
  private carry: Buffer = Buffer.alloc(0);
  private record = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private readonly delimiter: number;

  constructor(
    private readonly delimiterText: string,
    private readonly onRecord: ByteRecordHandler,
  ) {
    this.delimiter = delimiterText.charCodeAt(0);
  }

  get records(): number {
    return this.record;
  }

  push(chunk: Buffer): void {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(LF, start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && bytes[end - 1] === CR) end -= 1;
      if (end === start) {
        start = nl + 1;
        continue;
      }
      const count = this.split(bytes, start, end);
      if (count >= 0) {
        this.record += 1;
        this.onRecord(bytes, this.starts, this.ends, count, this.record);
        start = nl + 1;
        continue;
      }
      const last = recordEnd(bytes, start);
      if (last < 0) break;
      this.emitQuoted(bytes, start, last);
      start = last + 1;
    }
    // A copy, so the 1 MB chunk is not kept alive by the few bytes of its last, unfinished line.
    this.carry = start === 0 ? bytes : Buffer.from(bytes.subarray(start));
  }

  /** The last record may lack a final line break. */
  end(): void {
    const bytes = this.carry;
    this.carry = Buffer.alloc(0);
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === CR) end -= 1;
    if (end === 0) return;
    const count = this.split(bytes, 0, end);
    if (count < 0) {
      this.emitQuoted(bytes, 0, bytes.length);
      return;
    }
    this.record += 1;
    this.onRecord(bytes, this.starts, this.ends, count, this.record);
  }

  /**
   * Field ranges of the line bytes[start … end), or -1 when it needs splitQuoted: a quote anywhere but around a
   * whole field, or a quoted field that holds a quote or does not close on this line.
   */
  private split(bytes: Uint8Array, start: number, end: number): number {
    const d = this.delimiter;
    let count = 0;
    let i = start;
    for (;;) {
      if (count === this.starts.length) this.widen();
      if (bytes[i] === QUOTE) {
        const q = bytes.indexOf(QUOTE, i + 1);
        if (q < 0 || q >= end) return -1;
        const after = q + 1;
        if (after < end && bytes[after] !== d) return -1; // "" escape, or text after the closing quote
        this.starts[count] = i + 1;
        this.ends[count] = q;
        count += 1;
        if (after >= end) return count;
        i = after + 1;
      } else {
        let j = i;
        for (; j < end; j += 1) {
          const b = bytes[j];
          if (b === d) break;
          if (b === QUOTE) return -1;
        }
        this.starts[count] = i;
        this.ends[count] = j;
        count += 1;
        if (j >= end) return count;
        i = j + 1;
      }
      if (i === end) {
        if (count === this.starts.length) this.widen();
        this.starts[count] = end;
        this.ends[count] = end;
        return count + 1;
      }
    }
  }

  /** A record ending at the line break `last` that holds quotes, decoded and split the general way. */
  private emitQuoted(bytes: Uint8Array, start: number, last: number): void {
    let end = last;
    if (end > start && bytes[end - 1] === CR) end -= 1;
    if (end === start) return;
    const fields = splitQuoted(utf8.decode(bytes.subarray(start, end)), this.delimiterText);
    const encoded = Buffer.from(fields.join(''), 'utf8');
    while (fields.length > this.starts.length) this.widen();
    let at = 0;
    for (let i = 0; i < fields.length; i += 1) {
      this.starts[i] = at;
      at += Buffer.byteLength(fields[i] ?? '', 'utf8');
      this.ends[i] = at;
    }
    this.record += 1;
    this.onRecord(encoded, this.starts, this.ends, fields.length, this.record);
  }

  private widen(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

/** CsvLineScanner's recordEnd on bytes: the line break after an even number of quotes, or -1. */
function recordEnd(bytes: Uint8Array, start: number): number {
  let quotes = 0;
  let from = start;
  for (;;) {
    const nl = bytes.indexOf(LF, from);
    if (nl < 0) return -1;
    for (let i = from; i < nl; i += 1) if (bytes[i] === QUOTE) quotes += 1;
    if (quotes % 2 === 0) return nl;
    from = nl + 1;
  }
}
