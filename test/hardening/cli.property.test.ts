// The user's view of a damaged file: `asxh inspect FILE` ends with exit 0/1 (read) or 3 (refused), names the
// file, and never shows a stack trace or an internal error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, tempDir } from '../e2e/run-cli.js';
import { communeWorkbook } from './commune-workbook.js';
import { writeZip } from './zip-entries.js';

const { dir, cleanup } = tempDir('asxh-hardening-cli-');
afterAll(cleanup);

// `npm test` builds dist/ before the tests run; a test that rebuilt it would race the other CLI tests.
const WORKBOOK = await communeWorkbook();

// Damaged inputs a commune officer might really send, each with the name it would carry.
const damagedArb: fc.Arbitrary<{ name: string; bytes: Buffer }> = fc.oneof(
  fc.integer({ min: 1, max: WORKBOOK.length - 1 }).map((end) => ({ name: 'ds xã Hòa Bình.xlsx', bytes: WORKBOOK.subarray(0, end) })),
  fc.array(fc.nat({ max: WORKBOOK.length - 1 }), { minLength: 1, maxLength: 5 }).map((at) => {
    const bytes = Buffer.from(WORKBOOK);
    for (const i of at) bytes[i]! ^= 0x5a;
    return { name: 'ds-thon-dong.xlsx', bytes };
  }),
  fc.uint8Array({ minLength: 1, maxLength: 400 }).map((b) => ({ name: 'danh sach.xls', bytes: Buffer.from(b) })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((s) => ({ name: 'ds-t12.csv', bytes: Buffer.from(s) })),
  fc.constant({ name: 'ho-so.xlsx', bytes: writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]) }),
);

describe('asxh inspect on a damaged file', () => {
  test('exit 0, 1 or 3, the file named, no stack trace', () => {
    let n = 0;
    fc.assert(
      fc.property(damagedArb, ({ name, bytes }) => {
        const sub = join(dir, String(++n));
        const path = join(sub, name);
        mkdirSync(sub, { recursive: true });
        writeFileSync(path, bytes);
        const r = runCli(['inspect', path], { cwd: sub });
        expect([0, 1, 3]).toContain(r.code);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stderr).not.toContain('internal error');
        expect(r.code === 3 ? r.stderr : r.stdout).toContain(name);
      }),
      { seed: 16, numRuns: 20 },
    );
  }, 120_000);
});
