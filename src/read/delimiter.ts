// The field delimiter of a CSV/TXT file. Vietnamese-locale Excel writes ';', "Unicode text" uses tabs, others ','.
// Title rows above the table have few delimiters, so the choice rests on which delimiter gives the same column
// count (more than one) on most of the first records, counted outside quotes.

export type Delimiter = ',' | ';' | '\t';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];
const RECORDS = 50;

export function detectDelimiter(text: string): Delimiter {
  let best: { delimiter: Delimiter; share: number; columns: number } = { delimiter: ',', share: 0, columns: 1 };
  for (const delimiter of CANDIDATES) {
    const counts = fieldCounts(text, delimiter, RECORDS);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const n of counts) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    let columns = 1;
    let times = 0;
    for (const [n, k] of frequency) if (n > 1 && (k > times || (k === times && n > columns))) [columns, times] = [n, k];
    const share = times / counts.length;
    if (share > best.share || (share === best.share && share > 0 && columns > best.columns)) {
      best = { delimiter, share, columns };
    }
  }
  return best.delimiter;
}

/** Fields per non-blank record for the first `max` records; a quoted field may hold delimiters and line breaks. */
function fieldCounts(text: string, delimiter: string, max: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let blank = true;
  let quoted = false;
  for (let i = 0; i < text.length && counts.length < max; i++) {
    const ch = text[i];
    if (ch === '"') {
      quoted = !quoted;
      blank = false;
    } else if (quoted) {
      continue;
    } else if (ch === delimiter) {
      fields++;
      blank = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (!blank) counts.push(fields);
      fields = 1;
      blank = true;
    } else if (ch !== ' ') {
      blank = false;
    }
  }
  if (!blank && counts.length < max) counts.push(fields);
  return counts;
}
