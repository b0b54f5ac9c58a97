import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { registerReturns } from '../../src/cli/returns-command.js';
import { AsxhError } from '../../src/errors.js';
import { ledgerCsv } from '../../src/pay/ledger-csv.js';
import { parseLedgerCsv } from '../../src/pay/parse-ledger-csv.js';
import { reconcileReturns } from '../../src/pay/reconcile-returns.js';
import { returnRowsFromSheet, type ReturnRow } from '../../src/pay/return-rows.js';
import { returnStatus } from '../../src/pay/return-status.js';
import { buildReturnsOutputs } from '../../src/pay/returns-outputs.js';
import type { LedgerLine } from '../../src/pay/types.js';
import type { CellValue, RawSheet } from '../../src/types.js';
import type { OutputFile } from '../../src/write/output-spec.js';
import { renderOutput } from '../../src/write/render-output.js';

const created = new Date('2026-12-20T00:00:00Z');

function line(lineId: string, account: string, amount: number, over: Partial<LedgerLine> = {}): LedgerLine {
  return {
    batchId: 'B2612K7QF3M9XPA',
    lineId,
    sourceFile: 'ds-xa-tan-lap.xlsx',
    sourceSheet: 'T12',
    sourceRow: 8,
    registryId: '038140001201',
    bankBin: '970405',
    account,
    accountName: 'NGUYEN THI LUA',
    amount,
    description: `TRO CAP BTXH T12 2026 ${lineId}`,
    channel: 'bank',
    programme: 'BTXH',
    overrideReason: '',
    ...over,
  };
}

const LEDGER: LedgerLine[] = [
  line('L2612AAAAAAAAAA', '0011004123456', 750_000),
  line('L2612BBBBBBBBBB', '5100205123456', 750_000, { accountName: 'PHAM VAN TUAN', sourceRow: 14 }),
  line('L2612CCCCCCCCCC', '0011004999888', 360_000, { accountName: 'LO THI XUAN', sourceRow: 15 }),
  line('L2612DDDDDDDDDD', '0011004555444', 1_500_000, { accountName: 'BUI VAN CHIN', sourceRow: 16 }),
  line('L2612EEEEEEEEEE', '0011004333222', 750_000, { accountName: 'MAI VAN BAY', sourceRow: 17 }),
];

function sheet(rows: CellValue[][], name = 'ket-qua.xlsx'): RawSheet {
  return {
    file: name,
    sheet: 'KetQua',
    format: 'xlsx',
    date1904: false,
    fonts: [],
    legacy: [],
    rows: rows.map((cells, i) => ({ row: i + 1, cells: cells.map((value) => ({ value })) })),
    merges: [],
    warnings: [],
  };
}

function ret(over: Partial<ReturnRow>): ReturnRow {
  return { row: 2, lineId: null, account: null, amount: null, bank: null, status: 'paid', statusText: 'Thành công', reason: '', ...over };
}

describe('returnStatus: the bank result in its own words', () => {
  it.each<[string, 'paid' | 'failed' | null, string]>([
    ['Thành công', 'paid', ''],
    ['THÀNH CÔNG', 'paid', ''],
    ['thanh cong', 'paid', ''],
    ['success', 'paid', ''],
    ['OK', 'paid', ''],
    ['Thất bại', 'failed', ''],
    ['Failed', 'failed', ''],
    ['Lỗi: sai tên chủ tài khoản', 'failed', 'sai tên chủ tài khoản'],
    ['Không thành công (tài khoản đã đóng)', 'failed', 'tài khoản đã đóng'],
    ['Đang xử lý', null, 'Đang xử lý'],
    ['', null, ''],
  ])('%j → %s', (text, status, rest) => {
    expect(returnStatus(text)).toEqual({ status, rest });
  });
});

describe("returnRowsFromSheet: finding the columns of a bank's result file", () => {
  it('reads a Vietnamese result sheet under its title rows: reference, account, amount, result, reason; not its total row', () => {
    const rows = returnRowsFromSheet(
      sheet([
        ['NGÂN HÀNG NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN'],
        ['KẾT QUẢ CHI LƯƠNG THEO LÔ'],
        [],
        ['STT', 'Mã tham chiếu', 'Số tài khoản', 'Tên tài khoản', 'Số tiền', 'Trạng thái', 'Lý do'],
        [1, 'L2612AAAAAAAAAA', '0011004123456', 'NGUYEN THI LUA', '750.000', 'Thành công', null],
        [2, 'l2612bbbbbbbbbb', 5100205123456, 'PHAM VAN TUAN', 750000, 'Thất bại', 'Tài khoản đã đóng'],
        [],
        ['Tổng cộng', null, null, null, '1.500.000', null, null],
      ]),
    );
    expect(rows).toEqual([
      { row: 5, lineId: 'L2612AAAAAAAAAA', account: '0011004123456', amount: 750_000, bank: null, status: 'paid', statusText: 'Thành công', reason: '' },
      { row: 6, lineId: 'L2612BBBBBBBBBB', account: '5100205123456', amount: 750_000, bank: null, status: 'failed', statusText: 'Thất bại', reason: 'Tài khoản đã đóng' },
    ]);
  });

  it('finds the line ID in the transfer text when the bank echoes only that', () => {
    const rows = returnRowsFromSheet(
      sheet([
        ['Account number', 'Account name', 'Amount', 'Description', 'Status'],
        ['0011004999888', 'LO THI XUAN', 360000, 'TRO CAP BTXH T12 2026 L2612CCCCCCCCCC', 'success'],
      ]),
    );
    expect(rows[0]).toMatchObject({ lineId: 'L2612CCCCCCCCCC', account: '0011004999888', amount: 360_000, status: 'paid' });
  });

  it('refuses a file with no result column, saying what it looked for', () => {
    expect(() => returnRowsFromSheet(sheet([['STT', 'Họ tên', 'Số tiền'], [1, 'A', 1000]]))).toThrow(AsxhError);
    try {
      returnRowsFromSheet(sheet([['STT', 'Họ tên', 'Số tiền']]));
      expect.unreachable();
    } catch (err) {
      expect((err as AsxhError).code).toBe('input_no_header');
      expect((err as AsxhError).message).toContain('"ket-qua.xlsx / KetQua"');
    }
  });
});

describe('reconcileReturns', () => {
  it('marks paid and failed lines, by line ID or by account and amount; lines not answered stay open', () => {
    const outcome = reconcileReturns(LEDGER, [
      ret({ row: 2, lineId: 'L2612AAAAAAAAAA', amount: 750_000 }),
      ret({ row: 3, lineId: 'L2612BBBBBBBBBB', status: 'failed', statusText: 'Thất bại', reason: 'Tài khoản đã đóng' }),
      ret({ row: 4, account: '0011004999888', amount: 360_000 }),
    ]);
    expect(outcome.lines.map((o) => [o.line.lineId, o.result, o.returnRow])).toEqual([
      ['L2612AAAAAAAAAA', 'paid', 2],
      ['L2612BBBBBBBBBB', 'failed', 3],
      ['L2612CCCCCCCCCC', 'paid', 4],
      ['L2612DDDDDDDDDD', 'no_result', null],
      ['L2612EEEEEEEEEE', 'no_result', null],
    ]);
    expect(outcome.lines[1]!.reason).toBe('Tài khoản đã đóng');
    expect(outcome.strays).toEqual([]);
  });

  it('flags rows for no ledger line, amounts that differ, unclear results and results that disagree', () => {
    const outcome = reconcileReturns(LEDGER, [
      ret({ row: 2, lineId: 'L2612ZZZZZZZZZZ', account: '0011004123456', amount: 750_000 }), // another run's line
      ret({ row: 3, account: '0099999999999', amount: 500_000 }),
      ret({ row: 4, lineId: 'L2612DDDDDDDDDD', amount: 1_050_000 }),
      ret({ row: 5, account: '0011004333222', amount: 750_000, status: null, statusText: 'Đang xử lý' }),
      ret({ row: 6, lineId: 'L2612AAAAAAAAAA' }),
      ret({ row: 7, lineId: 'L2612AAAAAAAAAA', status: 'failed', statusText: 'Lỗi' }),
    ]);
    expect(outcome.strays.map((s) => [s.row.row, s.kind])).toEqual([
      [2, 'unknown_line'],
      [3, 'unknown_line'],
      [7, 'repeated_result'],
    ]);
    const byId = new Map(outcome.lines.map((o) => [o.line.lineId, o]));
    expect(byId.get('L2612DDDDDDDDDD')).toMatchObject({ result: 'amount_mismatch', returnedAmount: 1_050_000 });
    expect(byId.get('L2612DDDDDDDDDD')!.reason).toContain('1500000');
    expect(byId.get('L2612EEEEEEEEEE')!.result).toBe('unclear');
    expect(byId.get('L2612AAAAAAAAAA')!.result).toBe('conflict');
  });

  it('ties an account that got one transfer to its line even when the bank reports another amount', () => {
    const outcome = reconcileReturns(LEDGER, [ret({ row: 9, account: '0011004555444', amount: 1_000_000 })]);
    expect(outcome.lines[3]).toMatchObject({ result: 'amount_mismatch', returnRow: 9 });
  });
});

async function csv(file: OutputFile): Promise<Record<string, string>[]> {
  return parse((await renderOutput(file, { created })).toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
}

describe('returns outputs', () => {
  const outcome = reconcileReturns(LEDGER, [
    ret({ row: 2, lineId: 'L2612AAAAAAAAAA' }),
    ret({ row: 3, lineId: 'L2612BBBBBBBBBB', status: 'failed', statusText: 'Thất bại', reason: 'Sai tên chủ tài khoản' }),
    ret({ row: 4, lineId: 'L2612CCCCCCCCCC', status: 'failed', statusText: 'Lỗi', reason: 'Tài khoản không tồn tại' }),
    ret({ row: 5, account: '0099999999999', amount: 500_000 }),
  ]);
  const files = buildReturnsOutputs(outcome);

  it('retry-ledger.csv holds the failed lines only, in ledger columns (readable as a ledger) with the reason', async () => {
    const retry = files.find((f) => f.path === 'retry-ledger.csv')!;
    const rows = await csv(retry);
    expect(rows.map((r) => [r.line_id, r.amount, r.fail_reason])).toEqual([
      ['L2612BBBBBBBBBB', '750000', 'Sai tên chủ tài khoản'],
      ['L2612CCCCCCCCCC', '360000', 'Tài khoản không tồn tại'],
    ]);
    // The same lines, sent again in a batch of their own.
    const asLedger = parseLedgerCsv((await renderOutput(retry, { created })).toString('utf8'));
    expect(asLedger.map((l) => ({ ...l, batchId: LEDGER[0]!.batchId }))).toEqual([LEDGER[1], LEDGER[2]]);
    expect(asLedger[0]!.batchId).toMatch(/^R2612/);
  });

  it('returns-totals.csv: lines and amounts per result, adding up to the ledger', async () => {
    const totals = Object.fromEntries((await csv(files.find((f) => f.path === 'returns-totals.csv')!)).map((r) => [r.result, [Number(r.lines), Number(r.amount)]]));
    expect(totals.ledger).toEqual([5, 4_110_000]);
    expect(totals.paid).toEqual([1, 750_000]);
    expect(totals.failed).toEqual([2, 1_110_000]);
    expect(totals.no_result).toEqual([2, 2_250_000]);
    expect(totals.unknown_line).toEqual([1, 500_000]);
  });

  it('returns-report.csv: every ledger line with its result, then the rows that fit no line', async () => {
    const rows = await csv(files.find((f) => f.path === 'returns-report.csv')!);
    expect(rows.map((r) => [r.line_id, r.result])).toEqual([
      ['L2612AAAAAAAAAA', 'paid'],
      ['L2612BBBBBBBBBB', 'failed'],
      ['L2612CCCCCCCCCC', 'failed'],
      ['L2612DDDDDDDDDD', 'no_result'],
      ['L2612EEEEEEEEEE', 'no_result'],
      ['', 'unknown_line'],
    ]);
    expect(rows[5]).toMatchObject({ account: '0099999999999', returned_amount: '500000', return_row: '5' });
  });
});

describe('asxh returns', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  it('reads a CSV result file against the ledger and writes the report, the retry list and the totals', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'asxh-returns-'));
    const ledgerPath = path.join(dir, 'ledger.csv');
    await writeFile(ledgerPath, await renderOutput(ledgerCsv('ledger.csv', LEDGER), { created }));
    const returnPath = path.join(dir, 'ket-qua-agribank.csv');
    await writeFile(
      returnPath,
      '\ufeffSTT;Mã tham chiếu;Số tài khoản;Số tiền;Trạng thái;Lý do\r\n' +
        '1;L2612AAAAAAAAAA;0011004123456;750.000;Thành công;\r\n' +
        '2;L2612BBBBBBBBBB;5100205123456;750.000;Thất bại;Tài khoản đã đóng\r\n' +
        '3;L2612CCCCCCCCCC;0011004999888;360.000;OK;\r\n' +
        '4;L2612DDDDDDDDDD;0011004555444;1.500.000;success;\r\n' +
        '5;L2612EEEEEEEEEE;0011004333222;750.000;Thành công;\r\n',
    );
    const out = path.join(dir, 'doi-chieu');
    const program = new Command('asxh').exitOverride();
    registerReturns(program);
    await program.parseAsync(['returns', returnPath, '--ledger', ledgerPath, '--out', out, '--run-date', '2026-12-20', '--quiet'], { from: 'user' });

    const retry = parseLedgerCsv(await readFile(path.join(out, 'retry-ledger.csv'), 'utf8'));
    expect(retry.map((l) => l.lineId)).toEqual(['L2612BBBBBBBBBB']);
    // The ledger is Agribank's only: its file judges all of it, and the retry is in Agribank's (generic) template.
    const upload = await readFile(path.join(out, 'retry-970405-agribank.csv'), 'utf8');
    expect(upload.split('\r\n')[1]).toBe('1,5100205123456,PHAM VAN TUAN,750000,970405,Agribank,TRO CAP BTXH T12 2026 L2612BBBBBBBBBB,L2612BBBBBBBBBB');
    const totals = await readFile(path.join(out, 'returns-totals.csv'), 'utf8');
    expect(totals).toContain('paid,4,3360000');
    expect(totals).toContain('failed,1,750000');
    // A failed line needs someone to act: exit code 1.
    expect(process.exitCode).toBe(1);
  });

  it('refuses a ledger that is not an asxh ledger', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'asxh-returns-'));
    const ledgerPath = path.join(dir, 'ledger.csv');
    await writeFile(ledgerPath, 'STT,Họ tên,Số tiền\r\n1,Nguyễn Thị Lụa,750000\r\n');
    const program = new Command('asxh').exitOverride();
    registerReturns(program);
    await expect(
      program.parseAsync(['returns', ledgerPath, '--ledger', ledgerPath, '--out', path.join(dir, 'o'), '--run-date', '2026-12-20', '-q'], { from: 'user' }),
    ).rejects.toMatchObject({ code: 'input_corrupt' });
  });
});
