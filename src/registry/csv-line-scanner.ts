// A scanner for the machine-made CSV of a registry export, fed chunk by chunk so a 1 GB file never sits in memory.
// csv-parse is correct for any CSV but allocates per field through a generic state machine; a registry has
// millions of plain lines and only a few quoted fields, so lines without a quote take the split() fast path.

export type CsvRecordHandler = (fields: string[], record: number) => void;

export class CsvLineScanner {
  private carry = '';
  private record = 0;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: CsvRecordHandler,
  ) {}

  /** Records seen so far (blank lines not counted); the header is record 1. */
  get records(): number {
    return this.record;
  }

  push(chunk: string): void {
    const text = this.carry.length > 0 ? this.carry + chunk : chunk;
    let start = 0;
    // The next quote is found once and reused while lines pass below it: searching afresh per line would scan
    // to the end of a quote-free chunk for every line.
    let quote = text.indexOf('"');
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      if (quote < 0 || quote > nl) {
        this.emit(text, start, nl);
        start = nl + 1;
        continue;
      }
      const end = recordEnd(text, start);
      if (end < 0) break;
      this.emit(text, start, end);
      start = end + 1;
      quote = text.indexOf('"', start);
    }
    this.carry = start === 0 ? text : text.slice(start);
  }

  /** The last record may lack a final line break. */
  end(): void {
    if (this.carry.length > 0) this.emit(this.carry, 0, this.carry.length);
    this.carry = '';
  }

  private emit(text: string, start: number, end: number): void {
    if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    if (end === start) return; // blank line
    const line = text.slice(start, end);
    this.record += 1;
    this.onRecord(line.indexOf('"') < 0 ? line.split(this.delimiter) : splitQuoted(line, this.delimiter), this.record);
  }
}

/**
 * Index of the line break that ends the record starting at `start`, or -1 when the text ends first. A line break
 * inside quotes does not end a record: the record ends at the first break after an even number of quotes
 * (an escaped "" adds two, so the parity rule holds).
 */
function recordEnd(text: string, start: number): number {
  let quotes = 0;
  let from = start;
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) return -1;
    let q = text.indexOf('"', from);
    while (q >= 0 && q < nl) {
      quotes += 1;
      q = text.indexOf('"', q + 1);
    }
    if (quotes % 2 === 0) return nl;
    from = nl + 1;
  }
}

/** The fields of one record that holds quotes (the text between its line breaks, without them). */
export function splitQuoted(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  const d = delimiter.charCodeAt(0);
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          value += line.slice(j); // unbalanced quote: keep what is there
          j = n;
          break;
        }
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      const next = line.indexOf(delimiter, j);
      const tail = next < 0 ? line.slice(j) : line.slice(j, next);
      fields.push(value + tail);
      if (next < 0) return fields;
      i = next + 1;
    } else {
      let next = i;
      while (next < n && line.charCodeAt(next) !== d) next += 1;
      fields.push(line.slice(i, next));
      if (next >= n) return fields;
      i = next + 1;
    }
    if (i === n) {
      fields.push('');
      return fields;
    }
  }
}
