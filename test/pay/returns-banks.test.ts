// `asxh returns` over a ledger of several banks: a result file judges only the lines of its own bank, and the
// failed lines go back out in the layout each bank's batch was sent in. Every name, ID and account is invented.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { registerReturns } from '../../src/cli/returns-command.js';
import { ledgerCsv } from '../../src/pay/ledger-csv.js';
import { GENERIC_TEMPLATE, PAY_DEFAULTS, type BankTemplate, type PayOptions } from '../../src/pay/options.js';
import { parseLedgerCsv } from '../../src/pay/parse-ledger-csv.js';
import { reconcileReturns } from '../../src/pay/reconcile-returns.js';
import type { ReturnRow } from '../../src/pay/return-rows.js';
import { resultBanks } from '../../src/pay/result-bank.js';
import { buildReturnsOutputs } from '../../src/pay/returns-outputs.js';
import type { LedgerLine } from '../../src/pay/types.js';
import type { OutputFile } from '../../src/write/output-spec.js';
import { renderOutput } from '../../src/write/render-output.js';

const created = new Date('2026-12-20T00:00:00Z');
const AGRI_BATCH = 'B2612AGRIAGRIAG';
const VCB_BATCH = 'B2612VCBVCBVCBV';

function line(lineId: string, bankBin: string, account: string, amount: number, accountName: string): LedgerLine {
  return {
    batchId: bankBin === '970405' ? AGRI_BATCH : VCB_BATCH,
    lineId,
    sourceFile: 'ds-xa-tan-lap.xlsx',
    sourceSheet: 'T12',
    sourceRow: 8,
    registryId: `03814000${lineId.slice(-4).replace(/\D/g, '1').padStart(4, '0')}`,
    bankBin,
    account,
    accountName,
    amount,
    description: `TRO CAP BTXH T12 2026 ${lineId}`,
    channel: 'bank',
    programme: 'Bảo trợ xã hội',
    overrideReason: '',
  };
}

// Three Agribank lines, two Vietcombank lines and one paid in cash.
const LEDGER: LedgerLine[] = [
  line('L2612AAAAAAAAAA', '970405', '0011004123456', 750_000, 'NGUYEN THI LUA'),
  line('L2612BBBBBBBBBB', '970405', '5100205123456', 750_000, 'PHAM VAN TUAN'),
  line('L2612CCCCCCCCCC', '970405', '0011004999888', 360_000, 'LO THI XUAN'),
  line('L2612DDDDDDDDDD', '970436', '1012345678', 1_500_000, 'BUI VAN CHIN'),
  line('L2612EEEEEEEEEE', '970436', '1019876543', 810_000, 'MAI VAN BAY'),
  { ...line('L2612FFFFFFFFFF', '', '', 540_000, ''), batchId: 'C2612CASHCASHCA', channel: 'cash' },
];

// Vietcombank's own upload layout: an .xlsx with a title line and its own headers.
const VCB_TEMPLATE: BankTemplate = {
  ...GENERIC_TEMPLATE,
  fileType: 'xlsx',
  sheetName: 'DSCK',
  titleRows: ['DANH SACH CHUYEN KHOAN THEO LO'],
  columns: [
    { header: 'STT', value: 'stt' },
    { header: 'Tai khoan thu huong', value: 'account' },
    { header: 'Ten nguoi thu huong', value: 'account_name' },
    { header: 'So tien', value: 'amount' },
    { header: 'Noi dung', value: 'description' },
    { header: 'Tai khoan nguon', value: 'debit_account' },
    { header: 'Ma KH', value: 'reference' },
  ],
};

const PAY: PayOptions = {
  ...PAY_DEFAULTS,
  bankTemplates: { '970436': VCB_TEMPLATE },
  debitAccounts: [{ id: 'btxh', account: '3700201001234', bankBin: '970405', name: 'UBND xa Tan Lap', programmes: [] }],
};

function ret(over: Partial<ReturnRow>): ReturnRow {
  return { row: 2, lineId: null, account: null, amount: null, bank: null, status: 'paid', statusText: 'Thành công', reason: '', ...over };
}

describe("reconcileReturns with the result file's bank", () => {
  it("judges only that bank's lines: the other bank's and the cash lines are left out, its own unanswered line stays open", () => {
    const outcome = reconcileReturns(
      LEDGER,
      [ret({ row: 2, lineId: 'L2612AAAAAAAAAA' }), ret({ row: 3, account: '5100205123456', amount: 750_000, status: 'failed', statusText: 'Thất bại' })],
      new Set(['970405']),
    );
    expect(outcome.lines.map((o) => [o.line.lineId, o.result])).toEqual([
      ['L2612AAAAAAAAAA', 'paid'],
      ['L2612BBBBBBBBBB', 'failed'],
      ['L2612CCCCCCCCCC', 'no_result'],
    ]);
    expect(outcome.leftOut.map((l) => l.lineId)).toEqual(['L2612DDDDDDDDDD', 'L2612EEEEEEEEEE', 'L2612FFFFFFFFFF']);
  });

  it("does not tie a row to another bank's line, by its line ID or by an account both banks could hold", () => {
    const outcome = reconcileReturns(
      LEDGER,
      [ret({ row: 2, lineId: 'L2612DDDDDDDDDD' }), ret({ row: 3, account: '1019876543', amount: 810_000 })],
      new Set(['970405']),
    );
    expect(outcome.strays.map((s) => [s.row.row, s.kind])).toEqual([
      [2, 'other_bank'],
      [3, 'unknown_line'],
    ]);
    expect(outcome.lines.every((o) => o.result === 'no_result')).toBe(true);
  });
});

describe('resultBanks: the bank told by what the file holds', () => {
  const base = { file: 'ket-qua.xlsx', header: ['Mã tham chiếu', 'Trạng thái'], ledger: LEDGER, pay: PAY };

  it("by the line IDs it echoes: the banks of those lines", () => {
    expect(resultBanks({ ...base, rows: [ret({ lineId: 'L2612EEEEEEEEEE' })] })).toEqual({ bins: new Set(['970436']), by: 'line_ids' });
  });

  it('by a bank column written as a BIN or a name; a file naming two banks judges both', () => {
    const rows = [ret({ bank: '970405' }), ret({ bank: 'Ngân hàng TMCP Ngoại thương Việt Nam' })];
    expect(resultBanks({ ...base, rows })).toEqual({ bins: new Set(['970405', '970436']), by: 'bank_column' });
  });

  it('refuses a bank column that names only banks the ledger does not hold', () => {
    expect(() => resultBanks({ ...base, rows: [ret({ bank: 'BIDV' })] })).toThrow(/BIDV/);
  });
});

async function csvRecords(file: OutputFile): Promise<string[][]> {
  const bytes = await renderOutput(file, { created });
  return parse(bytes.toString('utf8'), { bom: true }) as string[][];
}

describe('retry files: the failed lines in the layout their bank took them', () => {
  const outcome = reconcileReturns(
    LEDGER,
    [
      ret({ row: 2, lineId: 'L2612AAAAAAAAAA' }),
      ret({ row: 3, lineId: 'L2612BBBBBBBBBB', status: 'failed', statusText: 'Thất bại', reason: 'Sai tên chủ tài khoản' }),
      ret({ row: 4, lineId: 'L2612CCCCCCCCCC' }),
      ret({ row: 5, lineId: 'L2612DDDDDDDDDD', status: 'failed', statusText: 'Lỗi', reason: 'Tài khoản đã đóng' }),
      ret({ row: 6, lineId: 'L2612EEEEEEEEEE', status: 'failed', statusText: 'Lỗi', reason: 'Tài khoản không tồn tại' }),
    ],
    new Set(['970405', '970436']),
  );
  const files = buildReturnsOutputs(outcome, PAY);
  const byPath = new Map(files.map((f) => [f.path, f]));

  it('writes one retry file per bank, named after the bank, of the type of its template', () => {
    expect([...byPath.keys()].filter((p) => p.startsWith('retry')).sort()).toEqual(['retry-970405-agribank.csv', 'retry-970436-vietcombank.xlsx', 'retry-ledger.csv']);
    expect(byPath.has('retry.csv')).toBe(false);
  });

  it("Agribank's retry is the generic template: BOM, its header row, its columns, the line keeping its line ID", async () => {
    const file = byPath.get('retry-970405-agribank.csv')!;
    const bytes = await renderOutput(file, { created });
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = await csvRecords(file);
    expect(records[0]).toEqual(['STT', 'So tai khoan', 'Ten chu tai khoan', 'So tien', 'Ma ngan hang (BIN)', 'Ten ngan hang', 'Noi dung', 'Ma tham chieu']);
    expect(records.slice(1)).toEqual([['1', '5100205123456', 'PHAM VAN TUAN', '750000', '970405', 'Agribank', 'TRO CAP BTXH T12 2026 L2612BBBBBBBBBB', 'L2612BBBBBBBBBB']]);
  });

  it("Vietcombank's retry is its own .xlsx: sheet name, title line, headers, the debit account, accounts as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await renderOutput(byPath.get('retry-970436-vietcombank.xlsx')!, { created }));
    const ws = wb.getWorksheet('DSCK')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).getCell(1).value).toBe('DANH SACH CHUYEN KHOAN THEO LO');
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['STT', 'Tai khoan thu huong', 'Ten nguoi thu huong', 'So tien', 'Noi dung', 'Tai khoan nguon', 'Ma KH']);
    expect(values(3)).toEqual([1, '1012345678', 'BUI VAN CHIN', 1_500_000, 'TRO CAP BTXH T12 2026 L2612DDDDDDDDDD', '3700201001234', 'L2612DDDDDDDDDD']);
    expect(values(4)).toEqual([2, '1019876543', 'MAI VAN BAY', 810_000, 'TRO CAP BTXH T12 2026 L2612EEEEEEEEEE', '3700201001234', 'L2612EEEEEEEEEE']);
    expect(ws.rowCount).toBe(4);
  });

  it('retry-ledger.csv reads back as a ledger: the same line IDs, a new batch ID per retry batch, the original batch and the reason beside', async () => {
    const file = byPath.get('retry-ledger.csv')!;
    const text = (await renderOutput(file, { created })).toString('utf8');
    const lines = parseLedgerCsv(text, 'retry-ledger.csv');
    expect(lines.map((l) => [l.lineId, l.amount, l.account])).toEqual([
      ['L2612BBBBBBBBBB', 750_000, '5100205123456'],
      ['L2612DDDDDDDDDD', 1_500_000, '1012345678'],
      ['L2612EEEEEEEEEE', 810_000, '1019876543'],
    ]);
    // A new batch (the bank refuses a batch ID it has had), never one of the original batches.
    const [agri, vcb1, vcb2] = lines.map((l) => l.batchId);
    expect(agri).not.toBe(AGRI_BATCH);
    expect(vcb1).not.toBe(VCB_BATCH);
    expect(vcb1).toBe(vcb2);
    expect(agri).not.toBe(vcb1);
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => [r.retry_of_batch, r.fail_reason])).toEqual([
      [AGRI_BATCH, 'Sai tên chủ tài khoản'],
      [VCB_BATCH, 'Tài khoản đã đóng'],
      [VCB_BATCH, 'Tài khoản không tồn tại'],
    ]);
  });
});

describe('asxh returns: which bank a result file is from', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  async function run(resultName: string, result: string, extra: string[] = [], pay: Partial<PayOptions> | null = null): Promise<{ out: string; report: Record<string, string>[] }> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'asxh-returns-banks-'));
    const ledgerPath = path.join(dir, 'ledger.csv');
    await writeFile(ledgerPath, await renderOutput(ledgerCsv('ledger.csv', LEDGER), { created }));
    const resultPath = path.join(dir, resultName);
    await writeFile(resultPath, result);
    const args = ['returns', resultPath, '--ledger', ledgerPath, '--out', path.join(dir, 'out'), '--run-date', '2026-12-20', '--quiet', ...extra];
    if (pay) {
      await writeFile(path.join(dir, 'asxh.config.json'), JSON.stringify({ pay }));
      args.push('--config', path.join(dir, 'asxh.config.json'));
    }
    const program = new Command('asxh').exitOverride();
    registerReturns(program);
    await program.parseAsync(args, { from: 'user' });
    const out = path.join(dir, 'out');
    const report = parse(await readFile(path.join(out, 'returns-report.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    return { out, report };
  }

  it("tells Agribank's file by its bank column: Vietcombank's and the cash lines are not in its report, Agribank's unanswered line is 'no_result'", async () => {
    const { out, report } = await run(
      'ket-qua.csv',
      'STT,Ngân hàng,Số tài khoản,Số tiền,Trạng thái\r\n1,Agribank,0011004123456,750000,Thành công\r\n2,Agribank,5100205123456,750000,Thất bại\r\n',
    );
    expect(report.map((r) => [r.line_id, r.result])).toEqual([
      ['L2612AAAAAAAAAA', 'paid'],
      ['L2612BBBBBBBBBB', 'failed'],
      ['L2612CCCCCCCCCC', 'no_result'],
    ]);
    const totals = await readFile(path.join(out, 'returns-totals.csv'), 'utf8');
    expect(totals).toContain('ledger,3,1860000');
    expect(totals).toContain('other_banks,3,2850000');
    expect((await readdir(out)).sort()).toEqual(['retry-970405-agribank.csv', 'retry-ledger.csv', 'returns-report.csv', 'returns-totals.csv']);
  });

  it("tells Vietcombank's file by its template's headers", async () => {
    const { report } = await run(
      'ket-qua-vcb.csv',
      'STT,Tai khoan thu huong,Ten nguoi thu huong,So tien,Noi dung,Tai khoan nguon,Ma KH,Trang thai\r\n' +
        '1,1012345678,BUI VAN CHIN,1500000,TRO CAP,3700201001234,,Thanh cong\r\n',
      [],
      { bankTemplates: { '970436': VCB_TEMPLATE } },
    );
    expect(report.map((r) => [r.line_id, r.result])).toEqual([
      ['L2612DDDDDDDDDD', 'paid'],
      ['L2612EEEEEEEEEE', 'no_result'],
    ]);
  });

  it('refuses, exit 2, a file that names no bank and no line of a two-bank ledger; --bank tells it', async () => {
    const result = 'So tai khoan,So tien,Trang thai\r\n1012345678,1500000,OK\r\n';
    await expect(run('ket-qua.csv', result)).rejects.toMatchObject({ code: 'usage', exitCode: 2 });
    await rm(dir, { recursive: true, force: true });
    const { report } = await run('ket-qua.csv', result, ['--bank', 'VCB']);
    expect(report.map((r) => [r.line_id, r.result])).toEqual([
      ['L2612DDDDDDDDDD', 'paid'],
      ['L2612EEEEEEEEEE', 'no_result'],
    ]);
  });

  it('refuses a --bank that the ledger holds no line of', async () => {
    await expect(run('ket-qua.csv', 'So tai khoan,So tien,Trang thai\r\n1012345678,1500000,OK\r\n', ['--bank', '970418'])).rejects.toMatchObject({ code: 'usage' });
  });
});
