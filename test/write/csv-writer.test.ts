import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/write/csv-writer.js';
import type { ColumnSpec } from '../../src/write/output-spec.js';

const columns: ColumnSpec[] = [
  { key: 'name', header: 'Họ và tên' },
  { key: 'personal_id', header: 'Số CCCD', text: true },
  { key: 'amount', header: 'Mức trợ cấp', kind: 'integer' },
  { key: 'note', header: 'Ghi chú' },
];

function readBack(buf: Buffer): string[][] {
  return parse(buf.toString('utf8').replace(/^\ufeff/, ''), { relax_column_count: false }) as string[][];
}

describe('renderCsv', () => {
  it('starts with a UTF-8 BOM so Excel on Windows shows Vietnamese letters', () => {
    const buf = renderCsv(columns, [['Trần Thị Bích', '038190001234', 1500000, null]]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes the English keys as header and ends every line with CRLF', () => {
    const text = renderCsv(columns, [['Lê Văn Đức', '001085012345', 500000, 'ủy quyền cho con']]).toString('utf8');
    expect(text).toBe('\ufeffname,personal_id,amount,note\r\nLê Văn Đức,001085012345,500000,ủy quyền cho con\r\n');
  });

  it('keeps IDs with their leading zero, empty cells empty, and quotes commas, quotes and line breaks', () => {
    const rows = [
      ['Nguyễn Văn "Tý", con', '001085012345', null, 'dòng 1\ndòng 2'],
      ['Phạm Thị Hoà', '079301004567', 0, null],
    ];
    expect(readBack(renderCsv(columns, rows))).toEqual([
      ['name', 'personal_id', 'amount', 'note'],
      ['Nguyễn Văn "Tý", con', '001085012345', '', 'dòng 1\ndòng 2'],
      ['Phạm Thị Hoà', '079301004567', '0', ''],
    ]);
  });

  it('guards every dangerous prefix so a spreadsheet opening the CSV shows text, not a formula', () => {
    const notes = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'];
    const rows = notes.map((n) => ['Hoàng Văn Nam', '038190001234', 100, n]);
    const back = readBack(renderCsv(columns, rows)).slice(1);
    expect(back.map((r) => r[3])).toEqual(["'=1+1", "'+1+1", "'-1+1", "'@SUM(A1)", "'\t=1", "'\r=1"]);
  });

  it('reads back every row of a file of several megabytes (encoded in pieces), Vietnamese letters whole at every piece end', () => {
    // Four-byte and three-byte letters on every row, so that any piece ending mid-letter would garble one.
    const rows = Array.from({ length: 40_000 }, (_, i) => [`Nguyễn Thị Ánh ${i} 𠀀`, String(i).padStart(12, '0'), i, i % 7 === 0 ? 'đã chết, "báo" ngày 3' : null]);
    const buf = renderCsv(columns, rows);
    expect(buf.length).toBeGreaterThan(2_000_000);
    const back = readBack(buf);
    expect(back).toHaveLength(40_001);
    expect(back[40_000]).toEqual(['Nguyễn Thị Ánh 39999 𠀀', '000000039999', '39999', '']);
    expect(back[39_999]).toEqual(['Nguyễn Thị Ánh 39998 𠀀', '000000039998', '39998', 'đã chết, "báo" ngày 3']);
    expect(buf.toString('utf8')).not.toContain('\ufffd');
  });

  it('gives the same bytes for the same rows', () => {
    const rows = [['Đỗ Thị Mai', '036195001111', 2250000, null]];
    expect(renderCsv(columns, rows).equals(renderCsv(columns, rows))).toBe(true);
  });
});

describe('stringifyCsv against csv-stringify', () => {
  it('gives the bytes csv-stringify gave with the options asxh used, on 3,000 hostile records, for , ; and tab', async () => {
    const { stringify } = await import('csv-stringify/sync');
    const { stringifyCsv } = await import('../../src/write/csv-writer.js');
    const { guardCell } = await import('../../src/write/formula-guard.js');
    const alphabet = ['a', 'Đ', '"', ',', ';', '\t', '\r', '\n', ' ', '=', '1', '\u00a0', ''];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(next() * 6) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
    for (const delimiter of [',', ';', '\t']) {
      const records = Array.from({ length: 1000 }, () => Array.from({ length: 1 + Math.floor(next() * 5) }, word));
      // What csv-writer.ts called before it wrote CSV itself: the guarded texts through csv-stringify.
      const guarded = records.map((r) => r.map((v) => String(guardCell(v) ?? '')));
      const oracle = stringify(guarded, { delimiter, record_delimiter: '\r\n', quoted_match: [/[\r\n]/, /^\s|\s$/] });
      expect(stringifyCsv(records, delimiter)).toBe(oracle);
    }
  });
});
