// A real commune workbook, damaged every way a file gets damaged on the road from a commune's PC (cut short by a
// failed copy, bytes flipped, parts missing, parts holding garbage), and ZIP files that are no workbook at all:
// the reader returns sheets or a clear AsxhError naming the file, never anything else.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readXlsx } from '../../src/read/xlsx.js';
import { communeWorkbook } from './commune-workbook.js';
import { expectClearRefusal, expectWellFormedSheet, outcome } from './read-outcome.js';
import { readZip, writeZip, type ZipEntry } from './zip-entries.js';

const NAME = 'ds-xã-hòa-bình.xlsx';
const WORKBOOK = await communeWorkbook();
const ENTRIES = readZip(WORKBOOK);
const FILES = ENTRIES.filter((e) => !e.name.endsWith('/'));

async function checkXlsx(bytes: Uint8Array): Promise<void> {
  const result = await outcome(() => readXlsx(bytes, NAME));
  if (result.ok) {
    expect(result.value.sheets.length).toBeGreaterThan(0);
    for (const sheet of result.value.sheets) expectWellFormedSheet(sheet, NAME);
  } else {
    expectClearRefusal(result.error, NAME);
  }
}

describe('the undamaged workbook', () => {
  test('reads as the list it is (the baseline every damage is measured against)', async () => {
    const { sheets } = await readXlsx(writeZip(ENTRIES), NAME);
    expect(sheets.map((s) => s.sheet)).toEqual(['DS T12', 'Tổng hợp']);
    expect(sheets[0]!.rows.slice(6, 10).map((r) => r.cells[1]!.value)).toEqual([
      'Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hữu Phước', 'Đặng Thị Thủy',
    ]);
  });
});

describe('damaged bytes', () => {
  test('cut short at any offset (a copy that did not finish)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: WORKBOOK.length - 1 }), async (end) => {
        await checkXlsx(WORKBOOK.subarray(0, end));
      }),
      { numRuns: 120 },
    );
  });

  test('a few bytes flipped anywhere (a bad USB stick)', async () => {
    const flips = fc.array(fc.tuple(fc.nat({ max: WORKBOOK.length - 1 }), fc.integer({ min: 1, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(flips, async (changes) => {
        const bytes = Buffer.from(WORKBOOK);
        for (const [at, mask] of changes) bytes[at]! ^= mask;
        await checkXlsx(bytes);
      }),
      { numRuns: 100 },
    );
  });

  test('a run of zeros or random bytes written over part of the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: WORKBOOK.length - 1 }),
        fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.integer({ min: 1, max: 4096 }).map((n) => new Uint8Array(n))),
        async (at, junk) => {
          const bytes = Buffer.from(WORKBOOK);
          bytes.set(junk.subarray(0, bytes.length - at), at);
          await checkXlsx(bytes);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('damaged parts inside a sound ZIP', () => {
  test('any set of parts missing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(ENTRIES), async (kept) => {
        await checkXlsx(writeZip(kept));
      }),
      { numRuns: 100 },
    );
  });

  // What a part may hold instead of its XML: a cut-off copy, random bytes or text, XML with bytes flipped.
  const garbage = (data: Buffer): fc.Arbitrary<Buffer> =>
    fc.oneof(
      fc.nat({ max: Math.max(0, data.length - 1) }).map((end) => data.subarray(0, end)),
      fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
      fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s)),
      fc.array(fc.tuple(fc.nat({ max: Math.max(0, data.length - 1) }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 6 }).map(
        (changes) => {
          const copy = Buffer.from(data);
          for (const [at, mask] of changes) if (at < copy.length) copy[at]! ^= mask;
          return copy;
        },
      ),
      fc.constantFrom(Buffer.from(''), Buffer.from('<?xml version="1.0"?>'), Buffer.from('<worksheet><sheetData><row r="-1"><c r="ZZZZZ0" t="s"><v>999999</v></c></row></sheetData></worksheet>')),
    );
  const damagedPart = fc.nat({ max: FILES.length - 1 }).chain((i) => garbage(FILES[i]!.data).map((data) => ({ name: FILES[i]!.name, data })));

  test('one or two parts holding garbage (the workbook, a sheet, the shared strings, the styles …)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damagedPart, { minLength: 1, maxLength: 2 }), async (damage) => {
        const entries: ZipEntry[] = ENTRIES.map((e) => damage.find((d) => d.name === e.name) ?? e);
        await checkXlsx(writeZip(entries));
      }),
      { numRuns: 100 },
    );
  });
});

describe('ZIP files that are not workbooks', () => {
  test('random parts with random names', async () => {
    const entry = fc.record({
      name: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('xl/workbook.xml', 'word/document.xml', 'mimetype', 'xl/worksheets/sheet1.xml', '[Content_Types].xml')),
      data: fc.oneof(fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)), fc.string({ maxLength: 200 }).map((s) => Buffer.from(s))),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 6 }), async (entries) => {
        await checkXlsx(writeZip(entries));
      }),
      { numRuns: 120 },
    );
  });

  test('a Word document (a ZIP without xl/workbook.xml) is refused as no workbook', async () => {
    const docx = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document><w:body><w:p>Danh sách</w:p></w:body></w:document>') },
    ]);
    const result = await outcome(() => readXlsx(docx, NAME));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('input_unsupported');
      expectClearRefusal(result.error, NAME);
    }
  });
});
