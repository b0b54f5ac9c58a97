import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AsxhError } from '../../src/errors.js';
import { buildPayments } from '../../src/pay/build-payments.js';
import type { PayOptions } from '../../src/pay/options.js';
import { parseLedgerCsv } from '../../src/pay/parse-ledger-csv.js';
import type { OutputFile } from '../../src/write/output-spec.js';
import { renderOutput } from '../../src/write/render-output.js';
import { AGRIBANK, matched, OPTIONS, person, personName, RUN_DATE, VCB } from './fixtures.js';

const created = new Date(`${RUN_DATE}T00:00:00Z`);

const RESULTS = [
  matched(person({ row: 8, name: 'Nguyễn Thị Lụa', account: '0011004123456', bank: AGRIBANK, raw: { account: '0011004123456' }, amount: 750_000 }), '038140001201'),
  matched(person({ row: 9, name: 'Trần Văn Đức', account: '0071000654321', bank: VCB, raw: { account: '0071000654321' }, amount: 1_500_000, programme: 'Người có công' }), '038150001202'),
  matched(person({ row: 10, name: 'Lò Văn Pá', amount: 360_000, village: 'Bản Mường' }), '038145001203'),
  matched(person({ row: 11, name: 'Hoàng Thị Hoa', amount: 750_000, rep: { name: personName('Hoàng Văn Nam'), personalId: null, account: null } }), '038138001204'),
  matched(person({ row: 12, name: 'Đinh Văn Sáu', account: '0011004777666', bank: AGRIBANK, amount: 750_000 }), '038130001205', { flags: ['deceased'] }),
  matched(person({ row: 13, name: 'Vũ Thị Tám', amount: 750_000 }), '038141001206', { status: 'review', method: 'fuzzy' }),
  matched(
    person({
      row: 14,
      name: 'Phạm Thị Mơ',
      bank: AGRIBANK,
      amount: 750_000,
      raw: { rep_account: '5100205123456' },
      rep: { name: personName('Phạm Văn Tuấn'), personalId: '038085001234', account: '5100205123456' },
    }),
    '038135001207',
  ),
];

function file(files: readonly OutputFile[], path: string): OutputFile {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} among ${files.map((x) => x.path).join(', ')}`);
  return f;
}

async function bytes(files: readonly OutputFile[], path: string): Promise<Buffer> {
  return renderOutput(file(files, path), { created });
}

async function workbook(files: readonly OutputFile[], path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytes(files, path)) as unknown as ArrayBuffer);
  return wb;
}

function csvRecords(buf: Buffer): Record<string, string>[] {
  return parse(buf.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
}

function cellText(ws: ExcelJS.Worksheet, row: number): string[] {
  const values = ws.getRow(row).values as unknown[];
  return values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
}

describe('buildPayments: the files of one run, read back', () => {
  const built = buildPayments(RESULTS, OPTIONS, { runDate: RUN_DATE });

  it('writes one batch per bank, a cash list, pain.001, the control sheet, the ledger and the exceptions', () => {
    expect(built.files.map((f) => f.path).sort()).toEqual([
      'payments/bank-970405-agribank.csv',
      'payments/bank-970436-vietcombank.csv',
      'payments/cash-list.xlsx',
      'payments/control.xlsx',
      'payments/exceptions.xlsx',
      'payments/ledger.csv',
      'payments/pain001-2026-12.xml',
    ]);
    expect(built.summary).toMatchObject({ bankLines: 3, bankAmount: 3_000_000, cashLines: 2, cashAmount: 1_110_000, exceptions: 2, override: null });
    expect(built.summary.byReason.deceased).toBe(1);
    expect(built.summary.byReason.review_pending).toBe(1);
  });

  it("Agribank's file: the representative's account and name, amounts as integers, plain descriptions with the line ID", async () => {
    const rows = csvRecords(await bytes(built.files, 'payments/bank-970405-agribank.csv'));
    expect(rows.map((r) => [r['STT'], r['So tai khoan'], r['Ten chu tai khoan'], r['So tien'], r['Ma ngan hang (BIN)']])).toEqual([
      ['1', '0011004123456', 'NGUYEN THI LUA', '750000', '970405'],
      ['2', '5100205123456', 'PHAM VAN TUAN', '750000', '970405'],
    ]);
    expect(rows.reduce((s, r) => s + Number(r['So tien']), 0)).toBe(1_500_000);
    for (const r of rows) {
      expect(r['Noi dung']).toMatch(/^TRO CAP BTXH T12 2026 L2612[0-9A-Z]{10}$/);
      expect(r['Noi dung']!.endsWith(r['Ma tham chieu']!)).toBe(true);
    }
    const ledgerIds = built.ledger.filter((l) => l.bankBin === '970405').map((l) => l.lineId);
    expect(rows.map((r) => r['Ma tham chieu'])).toEqual(ledgerIds);
  });

  it('ledger.csv reads back to the same lines, one per payment, totalling what the batches total', async () => {
    const lines = parseLedgerCsv((await bytes(built.files, 'payments/ledger.csv')).toString('utf8'));
    expect(lines).toEqual(built.ledger);
    expect(lines.map((l) => [l.sourceRow, l.channel, l.account, l.accountName, l.amount])).toEqual([
      [8, 'bank', '0011004123456', 'NGUYEN THI LUA', 750_000],
      [14, 'bank', '5100205123456', 'PHAM VAN TUAN', 750_000],
      [9, 'bank', '0071000654321', 'TRAN VAN DUC', 1_500_000],
      [10, 'cash', '', 'LO VAN PA', 360_000],
      [11, 'cash', '', 'HOANG VAN NAM', 750_000],
    ]);
    expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(4_110_000);
    // One batch ID per bank file, another for the cash list.
    expect(new Set(lines.map((l) => l.batchId)).size).toBe(3);
    expect(lines[0]!.batchId).toBe(lines[1]!.batchId);
    expect(lines[3]!.batchId).toMatch(/^C2612/);
  });

  it('control.xlsx: lines and totals per bank and programme, equal to the line sums, in figures and words, with signature blocks', async () => {
    const ws = (await workbook(built.files, 'payments/control.xlsx')).getWorksheet('Tổng hợp')!;
    expect(cellText(ws, 4)).toEqual(['STT', 'Hình thức', 'Ngân hàng', 'Mã lô', 'Diện hưởng', 'Mã diện', 'Số người', 'Số tiền (đồng)', 'Bằng chữ']);
    const data = [5, 6, 7].map((r) => cellText(ws, r));
    // The programme as the lists write it, its short code beside for machines.
    expect(data.map((d) => [d[1], d[2], d[4], d[5], d[6], d[7], d[8]])).toEqual([
      ['Chuyển khoản', 'Agribank', 'BTXH', 'BTXH', '2', '1500000', 'Một triệu năm trăm nghìn đồng chẵn'],
      ['Chuyển khoản', 'Vietcombank', 'Người có công', 'NCC', '1', '1500000', 'Một triệu năm trăm nghìn đồng chẵn'],
      ['Tiền mặt', 'Bưu điện', 'BTXH', 'BTXH', '2', '1110000', 'Một triệu một trăm mười nghìn đồng chẵn'],
    ]);
    const ledgerSum = built.ledger.reduce((s, l) => s + l.amount, 0);
    expect(ws.getCell('H8').value).toBe(ledgerSum); // total row, closing the table
    expect(ws.getCell('G8').value).toBe(5);
    expect(ws.getCell('H8').border?.bottom?.style).toBe('thin');
    expect(ws.getCell('B9').value).toBe('Bằng chữ: Bốn triệu một trăm mười nghìn đồng chẵn');
    const footer = [11, 12].flatMap((r) => cellText(ws, r)).join('|');
    for (const signer of ['Người lập biểu', 'Kế toán', 'Chủ tịch UBND xã', '(Ký tên, đóng dấu)']) expect(footer).toContain(signer);
    expect(ws.getCell('A1').value).toBe('UBND XÃ TÂN LẬP');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:4' });
    expect(ws.headerFooter.oddHeader).toBe('&LUBND XÃ TÂN LẬP&RTháng 12 năm 2026');
    expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
  });

  it('cash list: one printable sheet per village, Vietnamese headers, a Ký nhận column, the total in words', async () => {
    const wb = await workbook(built.files, 'payments/cash-list.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Bản Mường', 'Thôn Đông']);
    const ws = wb.getWorksheet('Thôn Đông')!;
    expect(ws.getCell('A2').value).toBe('DANH SÁCH CHI TRẢ TRỢ CẤP BẰNG TIỀN MẶT QUA BƯU ĐIỆN');
    // "Thôn Đông" is the village's name: not "Thôn: Thôn Đông".
    expect(String(ws.getCell('A3').value)).toMatch(/^Thôn Đông( - |$)/);
    expect(ws.getCell('A4').value).toBe('Tháng 12 năm 2026');
    const header = cellText(ws, 5);
    expect(header).toEqual(['STT', 'Họ và tên người hưởng', 'Số định danh cá nhân', 'Diện hưởng', 'Người nhận thay', 'Số tiền (đồng)', 'Ký nhận', 'Mã diện', 'Mã dòng']);
    expect(cellText(ws, 6).slice(0, 6)).toEqual(['1', 'Hoàng Thị Hoa', '038138001204', 'BTXH', 'Hoàng Văn Nam', '750000']);
    expect(cellText(ws, 6)[7]).toBe('BTXH');
    expect(ws.getCell('C6').numFmt).toBe('@');
    // Boxed rows tall enough to sign, in a wide signature column.
    expect(ws.getRow(6).height).toBeGreaterThanOrEqual(28);
    expect(ws.getColumn(7).width).toBeGreaterThanOrEqual(20);
    for (const c of ['A', 'B', 'G', 'I']) expect(ws.getCell(`${c}6`).border?.left?.style, c).toBe('thin');
    expect(ws.getCell('G5').border?.top?.style).toBe('thin');
    expect(ws.getCell('F7').value).toBe(750_000); // the total closes the table
    expect(ws.getCell('F7').border?.bottom?.style).toBe('thin');
    expect(ws.getCell('B8').value).toBe('Bằng chữ: Bảy trăm năm mươi nghìn đồng chẵn');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:5');
  });

  it('exceptions.xlsx lists every row not paid with its reason in Vietnamese', async () => {
    const ws = (await workbook(built.files, 'payments/exceptions.xlsx')).getWorksheet('Không chi trả')!;
    expect(ws.getCell('A1').value).toBe('UBND XÃ TÂN LẬP');
    expect(cellText(ws, 4)[9]).toBe('Lý do');
    expect([5, 6].map((r) => { const c = cellText(ws, r); return [c[3], c[4], c[8], c[9]]; })).toEqual([
      ['12', 'Đinh Văn Sáu', 'deceased', 'Đã chết theo CSDL quốc gia về dân cư'],
      ['13', 'Vũ Thị Tám', 'review_pending', 'Chờ xác minh: chưa có quyết định đối soát'],
    ]);
    expect(ws.getCell('J5').border?.left?.style).toBe('thin');
    // As a list to sign: the number of rows and their amounts in figures and words, then the signatures.
    // Two rows of 750,000 đồng each (the fixtures above).
    expect(cellText(ws, 7)[1]).toBe('Tổng cộng: 2 trường hợp');
    expect(ws.getCell('H7').value).toBe(1_500_000);
    expect(ws.getCell('B8').value).toBe('Bằng chữ: Một triệu năm trăm nghìn đồng chẵn');
    expect(cellText(ws, 10).join('|')).toContain('Người lập biểu');
    expect(ws.rowCount).toBe(11);
  });

  it('a re-run gives the same IDs and the same bytes in every file', async () => {
    const again = buildPayments(RESULTS, OPTIONS, { runDate: RUN_DATE });
    expect(again.ledger).toEqual(built.ledger);
    for (const f of built.files) {
      expect((await bytes(again.files, f.path)).equals(await bytes(built.files, f.path)), f.path).toBe(true);
    }
  });
});

describe('paying exactly once', () => {
  const first = buildPayments(RESULTS, OPTIONS, { runDate: RUN_DATE });

  it('a second run for the same period with the first ledger pays nobody twice, and pays a newcomer', () => {
    const newcomer = matched(person({ row: 30, name: 'Mai Văn Bảy', amount: 500_000 }), '038139001299');
    const second = buildPayments([...RESULTS, newcomer], OPTIONS, { runDate: '2026-12-15', previousLedger: first.ledger });
    expect(second.ledger.map((l) => l.sourceRow)).toEqual([30]);
    expect(second.summary.byReason.already_paid).toBe(5);
    const paidTwice = second.ledger.filter((l) => first.ledger.some((f) => f.lineId === l.lineId));
    expect(paidTwice).toEqual([]);
  });

  it('the next month is a new period: everyone is paid again, under new line IDs', () => {
    const next = buildPayments(RESULTS, { ...OPTIONS, period: '2027-01' }, { runDate: '2027-01-02', previousLedger: first.ledger });
    expect(next.ledger).toHaveLength(5);
    expect(next.ledger.every((l) => l.lineId.startsWith('L2701'))).toBe(true);
  });

  it('an override with a reason pays again and records who and why', () => {
    const again = buildPayments(RESULTS, OPTIONS, { runDate: RUN_DATE, previousLedger: first.ledger, override: { reason: 'Lô 1 bị ngân hàng trả lại toàn bộ' } });
    expect(again.ledger).toHaveLength(5);
    expect(again.summary.override).toEqual({ reason: 'Lô 1 bị ngân hàng trả lại toàn bộ', lineIds: first.ledger.map((l) => l.lineId) });
  });

  it('a person paid in a first batch under one programme is not paid again under another in a later run (issue 13)', async () => {
    const luaAgain = matched(person({ row: 40, file: 'ds-ncc.xlsx', name: 'Nguyễn Thị Lụa', account: '0011004123456', bank: AGRIBANK, amount: 900_000, programme: 'Người có công' }), '038140001201');
    // The first ledger as a later run reads it: written to CSV and parsed back.
    const issued = parseLedgerCsv((await bytes(first.files, 'payments/ledger.csv')).toString('utf8'));
    expect(issued.find((l) => l.registryId === '038140001201')).toMatchObject({ programme: 'BTXH', overrideReason: '' });
    const second = buildPayments([luaAgain], OPTIONS, { runDate: '2026-12-15', previousLedger: issued });
    expect(second.ledger).toEqual([]);
    expect(second.exclusions[0]).toMatchObject({ reason: 'already_paid' });
    const allowed = buildPayments([luaAgain], OPTIONS, { runDate: '2026-12-15', previousLedger: issued, allowedProgrammePairs: [['BTXH', 'Người có công']] });
    expect(allowed.ledger.map((l) => l.sourceRow)).toEqual([40]);
    const reason = 'Quyết định 12/QĐ-UBND: chi bổ sung';
    const overridden = buildPayments([luaAgain], OPTIONS, { runDate: '2026-12-15', previousLedger: issued, override: { reason } });
    expect(overridden.ledger).toHaveLength(1);
    expect(overridden.summary.override).toEqual({ reason, lineIds: [overridden.ledger[0]!.lineId] });
    const back = parseLedgerCsv((await bytes(overridden.files, 'payments/ledger.csv')).toString('utf8'));
    expect(back[0]).toMatchObject({ overrideReason: reason, programme: 'Người có công' });
  });

  it('reads a ledger written before the programme and override_reason columns', () => {
    const old = 'batch_id,line_id,source_file,source_sheet,source_row,registry_id,bank_bin,account,account_name,amount,description,channel\r\nB1,L2612X,a.xlsx,T12,8,038140001201,970405,0011004123456,NGUYEN THI LUA,750000,TC,bank\r\n';
    const [line] = parseLedgerCsv(old);
    expect(line).toMatchObject({ lineId: 'L2612X', registryId: '038140001201' });
    expect(line!.programme).toBeUndefined();
  });

  it('refuses an override without a reason, and a period that is not YYYY-MM', () => {
    expect(() => buildPayments(RESULTS, OPTIONS, { runDate: RUN_DATE, previousLedger: first.ledger, override: { reason: '  ' } })).toThrow(AsxhError);
    for (const period of ['', '12/2026', '2026-13', '2026-1']) {
      try {
        buildPayments(RESULTS, { ...OPTIONS, period }, { runDate: RUN_DATE });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AsxhError);
        expect((err as AsxhError).code).toBe('usage');
        expect((err as AsxhError).message).toContain(JSON.stringify(period));
      }
    }
  });
});

describe('bank templates are data', () => {
  const vcbTemplate: PayOptions['genericTemplate'] = {
    fileType: 'xlsx',
    sheetName: 'ChiLuong',
    delimiter: ',',
    encoding: 'utf-8',
    titleRows: ['DANH SACH CHI LUONG'],
    columns: [
      { header: 'So TK huong', value: 'account' },
      { header: 'Ten nguoi huong', value: 'account_name' },
      { header: 'So tien', value: 'amount' },
      { header: 'Noi dung CK', value: 'description' },
      { header: 'Loai tien', value: 'fixed', text: 'VND' },
    ],
    nameRule: 'upper_ascii',
    nameMax: 35,
    descriptionMax: 19,
  };
  const options: PayOptions = { ...OPTIONS, bankTemplates: { '970436': vcbTemplate } };

  it("writes a bank's own XLSX layout: its sheet, title, headers and columns; account as text, 19-character description", async () => {
    const built = buildPayments(RESULTS, options, { runDate: RUN_DATE });
    const wb = await workbook(built.files, 'payments/bank-970436-vietcombank.xlsx');
    const ws = wb.getWorksheet('ChiLuong')!;
    expect(ws.getCell('A1').value).toBe('DANH SACH CHI LUONG');
    expect(cellText(ws, 2)).toEqual(['So TK huong', 'Ten nguoi huong', 'So tien', 'Noi dung CK', 'Loai tien']);
    expect(ws.getCell('A3').value).toBe('0071000654321');
    expect(ws.getCell('A3').numFmt).toBe('@');
    expect(ws.getCell('B3').value).toBe('TRAN VAN DUC');
    expect(ws.getCell('C3').value).toBe(1_500_000);
    const description = String(ws.getCell('D3').value);
    expect(description.length).toBeLessThanOrEqual(19);
    expect(description).toBe(`TRO ${built.ledger.find((l) => l.bankBin === '970436')!.lineId}`);
    expect(ws.getCell('E3').value).toBe('VND');
    // Agribank has no template of its own: it keeps the generic CSV.
    expect(built.files.some((f) => f.path === 'payments/bank-970405-agribank.csv')).toBe(true);
  });

  it('splits a bank into one file per debit account when programmes are paid from different accounts', () => {
    const twoAccounts: PayOptions = {
      ...OPTIONS,
      debitAccounts: [
        { id: 'btxh', account: '3700201001234', bankBin: '970405', name: 'UBND xã Tân Lập', programmes: ['BTXH'] },
        { id: 'ncc', account: '3700201005678', bankBin: '970405', name: 'UBND xã Tân Lập', programmes: ['NCC'] },
      ],
    };
    const ncc = matched(person({ row: 40, name: 'Bùi Văn Chín', account: '0011004555444', bank: AGRIBANK, amount: 2_000_000, programme: 'NCC' }), '038147001240');
    const built = buildPayments([...RESULTS, ncc], twoAccounts, { runDate: RUN_DATE });
    const paths = built.files.map((f) => f.path).filter((p) => p.includes('agribank'));
    expect(paths.sort()).toEqual(['payments/bank-970405-agribank-btxh.csv', 'payments/bank-970405-agribank-ncc.csv']);
    const batches = built.summary.batches.filter((b) => b.bankBin === '970405');
    expect(batches.map((b) => [b.debitAccountId, b.lines, b.amount])).toEqual([
      ['btxh', 2, 1_500_000],
      ['ncc', 1, 2_000_000],
    ]);
  });
});
