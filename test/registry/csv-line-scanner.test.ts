import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvLineScanner } from '../../src/registry/csv-line-scanner.js';

function scan(chunks: readonly string[], delimiter = ','): string[][] {
  const out: string[][] = [];
  const s = new CsvLineScanner(delimiter, (fields) => out.push(fields));
  for (const c of chunks) s.push(c);
  s.end();
  return out;
}

describe('CsvLineScanner', () => {
  it.each([
    ['a,b,c\n', [['a', 'b', 'c']]],
    ['a,,c\r\n', [['a', '', 'c']]],
    ['a,b,\n', [['a', 'b', '']]],
    ['"Thôn 1, xã A",b\n', [['Thôn 1, xã A', 'b']]],
    ['"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['"two\nlines",x\n', [['two\nlines', 'x']]],
    ['"",x\n', [['', 'x']]],
    ['a,"b"\n\n\nc,d', [['a', 'b'], ['c', 'd']]],
  ])('%j', (text, records) => {
    expect(scan([text])).toEqual(records);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-zA-Zàáạảãđư0-9 ]{0,6}$/),
      fc.stringMatching(/^[a-z,;"\n ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const record = fc.array(field, { minLength: 1, maxLength: 5 }).map((fs) => fs.join(','));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), (records, cuts) => {
        const text = `${records.join('\n')}\n`;
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks: string[] = [];
        let last = 0;
        for (const p of points) {
          chunks.push(text.slice(last, p));
          last = p;
        }
        chunks.push(text.slice(last));
        expect(scan(chunks)).toEqual(scan([text]));
      }),
    );
  });
});
