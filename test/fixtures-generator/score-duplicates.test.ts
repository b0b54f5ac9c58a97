// The duplicate figures the quality script and the benches print are only as honest as their scoring: a list of
// one sheet per village has a row 13 on every sheet, and two such rows are not one person.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scoreDuplicateRun } from '../../fixtures/generator/evaluate.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const person = (sheet: string, row: number, registryId: string, traits: string[] = []) => ({ kind: 'person', sheet, row, registryId, traits });

describe('scoreDuplicateRun', () => {
  it('tells rows of the same number on two sheets apart, and finds a listed-twice row on its own sheet', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'asxh-score-'));
    const file = 'ds-theo-thon.xlsx';
    const truth = {
      file,
      rows: [
        person('Thôn Hạ', 12, '036044349922'),
        person('Thôn Hạ', 13, '036127063846'),
        person('Xóm Mới', 12, '036146695894'),
        // Listed twice in Xóm Mới: the trait names the file and row, not the sheet.
        person('Xóm Mới', 13, '036146695894', [`duplicate_of:${file}#12`]),
        // One person on two rows of Xóm 6, one of them row 13 too.
        person('Xóm 6', 13, '036213692596'),
        person('Xóm 6', 16, '036213692596'),
      ],
    };
    writeFileSync(path.join(dir, `${file}.truth.json`), JSON.stringify(truth));
    const head = 'group_id,group_kind,source_file,source_sheet,source_row';
    writeFileSync(path.join(dir, 'duplicates.csv'), `${head}\nD-1,duplicate,${file},Xóm Mới,12\nD-1,duplicate,${file},Xóm Mới,13\nD-2,duplicate,${file},Xóm 6,13\nD-2,duplicate,${file},Xóm 6,16\n`);
    const score = scoreDuplicateRun(dir, dir)!;
    // Read by file and row alone, the three rows numbered 12, 13 and 16 were one cluster: 3 true pairs, 2 found.
    expect(score.truthPairs).toBe(2);
    expect(score.rightPairs).toBe(2);
    expect(score.recall).toBe(1);
    expect(score.precision).toBe(1);
  });
});
