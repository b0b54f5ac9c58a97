// Hostile text through every output a spreadsheet program opens: read back the way Excel and LibreOffice read a
// CSV (an unquoted CR or LF ends the row, whatever the file's own line ends), no field may start with a formula
// character once leading spaces and controls are skipped, unless it is the guarded text, and no row may appear
// that was not written.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankBatchFile } from '../../src/pay/bank-batch-file.js';
import { escapeHtml, escapeHtmlText } from '../../src/report/html/escape-html.js';
import { renderCsv } from '../../src/write/csv-writer.js';
import { guardCell } from '../../src/write/formula-guard.js';
import type { CellOut, ColumnSpec } from '../../src/write/output-spec.js';
import { renderXlsx } from '../../src/write/xlsx-writer.js';

const PIECES = [
  '=', '+', '-', '@', '\t', '\r', '\n', '\r\n', ' ', '\u0000', '\u0001', '\u001f', '\u007f', '\u00a0', '\u200b', '\ufeff',
  '\u2028', '\u3000', '\uff1d', '"', "'", ',', ';', 'a', 'ễ', '3+4', 'HYPERLINK("x")', 'SUM(A1)', 'cmd|/c calc',
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const cell: fc.Arbitrary<CellOut> = fc.oneof({ weight: 6, arbitrary: hostile }, { weight: 1, arbitrary: fc.integer() }, { weight: 1, arbitrary: fc.constant(null) });

/** Leading characters a spreadsheet may skip before it looks for a formula. */
const SKIPPED = /^[\s\p{Cc}\p{Cf}\p{Z}]*/u;
function runsAsFormula(field: string): boolean {
  if (field.startsWith("'")) return false;
  if (/^[\t\r]/.test(field)) return true;
  return /^[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(field.replace(SKIPPED, ''));
}

/** As a spreadsheet program reads a CSV: CR, LF and CRLF all end an unquoted record. */
function spreadsheetParse(text: string, delimiter = ','): string[][] {
  return parse(text.replace(/^\ufeff/, ''), { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
}

const expected = (v: CellOut) => {
  const g = guardCell(v);
  return g === null ? '' : String(g);
};

const columns: ColumnSpec[] = [
  { key: 'name', header: 'Họ và tên' },
  { key: 'amount', header: 'Số tiền', kind: 'integer' },
  { key: 'note', header: 'Ghi chú' },
];

describe('formula guard over hostile strings', () => {
  it('a written CSV reads back with as many rows as written and no field that runs as a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), (rows) => {
        const back = spreadsheetParse(renderCsv(columns, rows).toString('utf8'));
        expect(back.length).toBe(rows.length + 1);
        for (let r = 0; r < rows.length; r++) {
          expect(back[r + 1]).toEqual(rows[r]!.map(expected));
          // A negative number stays a number (Excel reads -1 as minus one, not as a formula).
          back[r + 1]!.forEach((field, c) => {
            if (typeof rows[r]![c] === 'string') expect(runsAsFormula(field), JSON.stringify(field)).toBe(false);
          });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a bank CSV file (its own delimiter) is guarded and quoted the same way', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';', '\t'), (names, delimiter) => {
        const lines = names.map((n, i) => ({ accountName: n, amount: 100_000 + i, lineId: `L${i}`, account: '0011', bank: null }));
        const file = bankBatchFile(
          { batchId: 'B1', path: 'x.csv', lines: lines as never },
          { fileType: 'csv', delimiter, encoding: 'utf-8', columns: [{ value: 'account_name', header: 'Tên' }, { value: 'amount', header: 'Số tiền' }] } as never,
        );
        const back = spreadsheetParse((file as { content: string }).content, delimiter);
        expect(back.length).toBe(names.length + 1);
        for (let i = 0; i < names.length; i++) {
          expect(back[i + 1]![0]).toBe(expected(names[i]!));
          expect(runsAsFormula(back[i + 1]![0]!)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('XLSX cells and report.html text use the same guard', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 5 }), async (texts) => {
        const buf = await renderXlsx([{ name: 'S', columns: [{ key: 'note', header: 'Ghi chú' }], rows: texts.map((t) => [t]) }], { created: new Date(0) });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(buf as unknown as ArrayBuffer);
        const ws = wb.getWorksheet('S')!;
        texts.forEach((t, i) => {
          const v = ws.getCell(i + 2, 1).value;
          if (typeof v === 'string') expect(runsAsFormula(v), JSON.stringify(v)).toBe(false);
          expect(escapeHtmlText(t)).toBe(escapeHtml(String(guardCell(t))));
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('guard cases from issue 13', () => {
  it.each([['\u0001\t'], ['\r=3+4 '], [' \t=1'], ['\u0000+1+1'], ['\n@SUM(A1)'], ['\u200b=1'], ['\ufeff-2'], ['\u00a0=1'], ['\uff1d1+1']])('guards %j', (v) => {
    expect(guardCell(v)).toBe(`'${v}`);
  });

  it('a cell with a bare CR is quoted, so the next row cannot start with a live formula', () => {
    const text = renderCsv(columns, [['\r=3+4', 1, 'x']]).toString('utf8');
    expect(text).toBe('\ufeffname,amount,note\r\n"\'\r=3+4",1,x\r\n');
  });
});
