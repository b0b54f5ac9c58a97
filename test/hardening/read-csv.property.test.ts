// Damaged and odd text files thrown at the CSV reader, directly and through readInput from a real file: the
// only outcomes are sheets or a clear AsxhError naming the file, and a readable file loses no record.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsv } from '../../src/read/csv.js';
import { readInput } from '../../src/read/read-input.js';
import { encodeWindows1258 } from '../read/windows-1258.js';
import { expectClearRefusal, expectWellFormedSheet, outcome } from './read-outcome.js';

const NAME = 'ds-xã-hòa-bình.csv';
const dir = mkdtempSync(join(tmpdir(), 'asxh-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function onDisk(bytes: Uint8Array): string {
  const path = join(dir, `input-${++fileNo}.csv`);
  writeFileSync(path, bytes);
  return path;
}

/** readCsv on the bytes: a well-formed sheet or a clear refusal, nothing else. */
async function checkCsv(bytes: Uint8Array): Promise<void> {
  const result = await outcome(() => readCsv(bytes, NAME, {}));
  if (result.ok) expectWellFormedSheet(result.value, NAME);
  else expectClearRefusal(result.error, NAME);
}

/** readInput on the bytes saved as a file: the same, whatever format the bytes sniff as. */
async function checkInput(bytes: Uint8Array): Promise<void> {
  const result = await outcome(() => readInput(onDisk(bytes), NAME, {}));
  if (result.ok) {
    expect(result.value.bytes).toBe(bytes.length);
    for (const sheet of result.value.sheets) expectWellFormedSheet(sheet, NAME);
  } else {
    expectClearRefusal(result.error, NAME);
  }
}

// Pieces officers' files are made of, and the debris damaged ones hold.
const PIECES = [
  'STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD', 'Số tiền', 'Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Đặng Thị Thủy',
  '02/09/1945', '1945', '001045000123', '1.500.000', 'Tổng cộng', 'Cộng thôn Đông', 'NguyÔn V¨n A', 'Nguyeãn Vaên A',
  ',', ';', '\t', '"', '""', '\n', '\r\n', '\r', '\u0000', '\ufeff', '\ud800', '\udfff', '\u00ad', '\u00a0', ' ',
];
const textArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);
const encodeArb = fc.constantFrom<(text: string) => Buffer>(
  (t) => Buffer.from(t, 'utf8'),
  (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  (t) => Buffer.from(t, 'utf16le'),
  (t) => Buffer.from(t, 'latin1'),
);

describe('any bytes, any text', () => {
  test('random bytes: sheets or a clear refusal, from memory and from a file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await checkCsv(bytes);
        await checkInput(bytes);
      }),
      { numRuns: 150 },
    );
  });

  test('random text (lone surrogates, NUL, BOMs, quotes, delimiters) in every encoding', async () => {
    await fc.assert(
      fc.asyncProperty(textArb, encodeArb, async (text, encode) => {
        const bytes = encode(text);
        await checkCsv(bytes);
        await checkInput(bytes);
      }),
      { numRuns: 300 },
    );
  });

  test('the user naming any encoding, known or not', async () => {
    const encodingArb = fc.oneof(
      fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'VNI', 'abc', 'viqr', 'latin1', ' ', 'x-unknown'),
      fc.string({ maxLength: 12 }),
    );
    await fc.assert(
      fc.asyncProperty(textArb, encodeArb, encodingArb, async (text, encode, encoding) => {
        const result = await outcome(() => readCsv(encode(text), NAME, { encoding }));
        if (result.ok) expectWellFormedSheet(result.value, NAME);
        else expectClearRefusal(result.error, NAME);
      }),
      { numRuns: 200 },
    );
  });
});

// Vietnamese values with everything a CSV writer must quote: delimiters, quotes, line breaks.
const WORDS = ['Nguyễn', 'Văn', 'Thị', 'Hường', 'Đông', 'Hòa', 'thôn 3', '1.500.000', '02/09/1945', '001045000123', 'Ghi chú'];
const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...WORDS, ',', ';', '\t', '"', '\n', '\r\n', ' '), { maxLength: 6 }).map((w) => w.join('')) },
);

describe('no lost record', () => {
  test('a CSV written with proper quoting reads back record for record, value for value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 6 }).chain((width) =>
          fc.array(fc.array(valueArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 25 }),
        ),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom'),
        async (records, delimiter, encoding) => {
          const text = stringify(records, { delimiter, quoted: true, record_delimiter: 'windows' });
          const body = Buffer.from(text, encoding === 'utf16le-bom' ? 'utf16le' : 'utf8');
          const bom = encoding === 'utf8-bom' ? [0xef, 0xbb, 0xbf] : encoding === 'utf16le-bom' ? [0xff, 0xfe] : [];
          const bytes = Buffer.concat([Buffer.from(bom), body]);
          // Trailing records with nothing in them are not rows; every other record is, blank ones included.
          let last = records.length;
          while (last > 0 && records[last - 1]!.every((v) => v === '')) last--;
          const result = await outcome(() => readCsv(bytes, NAME, {}));
          if (last === 0) {
            expect(result.ok).toBe(false);
            if (!result.ok) expectClearRefusal(result.error, NAME);
            return;
          }
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const sheet = result.value;
          expect(sheet.delimiter).toBe(delimiter);
          expect(sheet.rows.map((r) => r.cells.map((c) => c.value))).toEqual(
            records.slice(0, last).map((record) => record.map((v) => (v === '' ? null : v.normalize('NFC')))),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('files that are too big to look at by eye', () => {
  const header = 'STT;Họ và tên;Ngày sinh;Ghi chú\r\n';

  test('a 1 MB line: one cell holding a megabyte of text is kept whole', () => {
    const note = 'Nguyễn Văn An '.repeat(75_000);
    const sheet = readCsv(Buffer.from(`${header}1;Nguyễn Văn An;1945;${note}\r\n2;Lê Hữu Phước;1940;\r\n`), NAME, {});
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[1]!.cells[3]!.value).toBe(note);
    expect(sheet.rows[2]!.cells[1]!.value).toBe('Lê Hữu Phước');
  });

  test('a 1 MB line of 50 000 fields: as wide as it is, every record still there', () => {
    const wide = 'Nguyễn Văn An 1945;'.repeat(50_000);
    const sheet = readCsv(Buffer.from(`${header}1;Nguyễn Văn An;1945;ok\r\n${wide}\r\n`), NAME, {});
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[0]!.cells).toHaveLength(50_001);
    expect(sheet.rows[1]!.cells.slice(0, 4).map((c) => c.value)).toEqual(['1', 'Nguyễn Văn An', '1945', 'ok']);
    expect(sheet.rows[2]!.cells[49_999]!.value).toBe('Nguyễn Văn An 1945');
  });

  test('200 000 records (a whole district in one CSV): every one becomes a row', () => {
    // Found by hardening: the table width was taken with Math.max(...records), which overflowed the stack.
    const lines = Array.from({ length: 200_000 }, (_, i) => `Người ${i + 1}`);
    const sheet = readCsv(Buffer.from('Họ và tên\r\n' + lines.join('\r\n')), NAME, {});
    expect(sheet.rows).toHaveLength(200_001);
    expect(sheet.rows[200_000]!.cells.map((c) => c.value)).toEqual(['Người 200000']);
  });

  test('a quoted cell with a thousand line breaks (Alt+Enter) is one row, as Excel shows it', () => {
    const note = Array.from({ length: 1000 }, (_, i) => `dòng ${i}`).join('\n');
    const sheet = readCsv(Buffer.from(`${header}1;Nguyễn Văn An;1945;"${note}"\r\n2;Lê Hữu Phước;1940;\r\n`), NAME, {});
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(sheet.rows[1]!.cells[3]!.value).toBe(note);
  });
});

describe('broken text files met in the field', () => {
  test('half UTF-8, half Windows-1258 (two exports pasted together): every line is a row, both halves read right', () => {
    const utf8 = Buffer.from('STT;Họ và tên;Năm sinh\r\n1;Nguyễn Văn An;1945\r\n2;Trần Thị Bích Ngọc;1950\r\n');
    const cp1258 = encodeWindows1258('3;Lê Hữu Phước;1940\r\n4;Đặng Thị Thủy;1938\r\n');
    const sheet = readCsv(Buffer.concat([utf8, cp1258]), NAME, {});
    expect(sheet.rows).toHaveLength(5);
    expect(sheet.encoding).toBe('mixed (utf-8 + windows-1258)');
    expect(sheet.rows.slice(1).map((r) => r.cells[1]!.value)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hữu Phước', 'Đặng Thị Thủy']);
  });

  test('two UTF-8 exports joined with cat: the BOM in the middle stays in its cell and loses no row', () => {
    const part = '\ufeffSTT,Họ và tên,Năm sinh\r\n1,Nguyễn Văn An,1945\r\n';
    const sheet = readCsv(Buffer.from(part + part), NAME, {});
    expect(sheet.rows).toHaveLength(4);
    expect(sheet.rows[0]!.cells[0]!.value).toBe('STT');
    expect(sheet.rows[3]!.cells[1]!.value).toBe('Nguyễn Văn An');
  });

  test('a NUL byte in the first 64 KB: refused as binary, the file named', async () => {
    const result = await outcome(() => readInput(onDisk(Buffer.from('STT,Họ và tên\r\n1,Nguyễn\u0000Văn An\r\n')), NAME, {}));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('input_binary');
      expectClearRefusal(result.error, NAME);
    }
  });

  test('lone surrogates in UTF-16 text: read, never thrown', () => {
    const text = 'STT\tHọ và tên\r\n1\tNguy\ud800ễn Văn An\r\n2\t\udfffLê Hữu Phước\r\n';
    const sheet = readCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), NAME, {});
    expect(sheet.rows).toHaveLength(3);
    expect(String(sheet.rows[2]!.cells[1]!.value)).toContain('Lê Hữu Phước');
  });

  test.each([
    ['only delimiters', ';;;;\r\n;;;;\r\n;;\r\n'],
    ['only quoted empty fields', '"","",""\r\n"",""\r\n'],
    ['only white space and a BOM', '\ufeff   \r\n\t\r\n'],
  ])('%s: refused as empty, the file named', (_label, text) => {
    const error = (() => {
      try {
        readCsv(Buffer.from(text), NAME, {});
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).not.toBeNull();
    expectClearRefusal(error as never, NAME);
    expect((error as { code: string }).code).toBe('input_empty');
  });

  // One outcome each, the one an officer can act on.
  test.each([
    ['a quote never closed', 'STT,Họ và tên\r\n1,"Nguyễn Văn An\r\n2,Lê Hữu Phước\r\n'],
    ['only quotes', '"""""""'],
  ])('%s: refused as damaged (input_corrupt), naming the file and the open quote, no rows half-read', async (_label, text) => {
    const result = await outcome(() => readCsv(Buffer.from(text), NAME, {}));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectClearRefusal(result.error, NAME);
    expect(result.error.code).toBe('input_corrupt');
    expect(result.error.message).toMatch(/quote/i);
  });

  test('a quote closed in mid-field: read, the cell kept as typed, quotes included', async () => {
    const sheet = await readCsv(Buffer.from('STT,Họ và tên\r\n1,"Nguyễn" Văn An\r\n'), NAME, {});
    expectWellFormedSheet(sheet, NAME);
    expect(sheet.rows.map((r) => r.cells.map((c) => c.value))).toEqual([['STT', 'Họ và tên'], ['1', '"Nguyễn" Văn An']]);
  });
});
