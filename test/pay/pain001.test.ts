import { describe, expect, it } from 'vitest';
import { buildPayments } from '../../src/pay/build-payments.js';
import { PAIN001_NAMESPACE } from '../../src/pay/pain001.js';
import { AGRIBANK, matched, OPTIONS, person, RUN_DATE, VCB } from './fixtures.js';
import { all, child, parseXml, type XmlNode } from './xml-tree.js';

// Sequences of the pain.001.001.09 message definition (CustomerCreditTransferInitiationV09), in schema order,
// and which of their elements are mandatory. Only the types asxh writes are listed.
const SEQUENCES: Record<string, { order: string[]; required: string[] }> = {
  Document: { order: ['CstmrCdtTrfInitn'], required: ['CstmrCdtTrfInitn'] },
  CstmrCdtTrfInitn: { order: ['GrpHdr', 'PmtInf', 'SplmtryData'], required: ['GrpHdr', 'PmtInf'] },
  GrpHdr: { order: ['MsgId', 'CreDtTm', 'Authstn', 'NbOfTxs', 'CtrlSum', 'InitgPty', 'FwdgAgt'], required: ['MsgId', 'CreDtTm', 'NbOfTxs', 'InitgPty'] },
  PmtInf: {
    order: ['PmtInfId', 'PmtMtd', 'BtchBookg', 'NbOfTxs', 'CtrlSum', 'PmtTpInf', 'ReqdExctnDt', 'PoolgAdjstmntDt', 'Dbtr', 'DbtrAcct', 'DbtrAgt', 'DbtrAgtAcct', 'InstrForDbtrAgt', 'UltmtDbtr', 'ChrgBr', 'ChrgsAcct', 'ChrgsAcctAgt', 'CdtTrfTxInf'],
    required: ['PmtInfId', 'PmtMtd', 'ReqdExctnDt', 'Dbtr', 'DbtrAcct', 'DbtrAgt', 'CdtTrfTxInf'],
  },
  PmtTpInf: { order: ['InstrPrty', 'SvcLvl', 'LclInstrm', 'CtgyPurp'], required: [] },
  CdtTrfTxInf: {
    order: ['PmtId', 'PmtTpInf', 'Amt', 'XchgRateInf', 'ChrgBr', 'ChqInstr', 'UltmtDbtr', 'IntrmyAgt1', 'IntrmyAgt1Acct', 'IntrmyAgt2', 'IntrmyAgt2Acct', 'IntrmyAgt3', 'IntrmyAgt3Acct', 'CdtrAgt', 'CdtrAgtAcct', 'Cdtr', 'CdtrAcct', 'UltmtCdtr', 'InstrForCdtrAgt', 'InstrForDbtrAgt', 'Purp', 'RgltryRptg', 'Tax', 'RltdRmtInf', 'RmtInf', 'SplmtryData'],
    required: ['PmtId', 'Amt', 'Cdtr'],
  },
  PmtId: { order: ['InstrId', 'EndToEndId', 'UETR'], required: ['EndToEndId'] },
  DbtrAcct: { order: ['Id', 'Tp', 'Ccy', 'Nm', 'Prxy'], required: [] },
  CdtrAcct: { order: ['Id', 'Tp', 'Ccy', 'Nm', 'Prxy'], required: [] },
  FinInstnId: { order: ['BICFI', 'ClrSysMmbId', 'LEI', 'Nm', 'PstlAdr', 'Othr'], required: [] },
  ClrSysMmbId: { order: ['ClrSysId', 'MmbId'], required: ['MmbId'] },
};
const MAX_LENGTH: Record<string, number> = { MsgId: 35, PmtInfId: 35, InstrId: 35, EndToEndId: 35, MmbId: 35, Nm: 140, Ustrd: 140 };

function checkTree(node: XmlNode, problems: string[]): void {
  const seq = SEQUENCES[node.name];
  if (seq) {
    let last = -1;
    for (const c of node.children) {
      const at = seq.order.indexOf(c.name);
      if (at < 0) problems.push(`<${c.name}> is not allowed in <${node.name}>`);
      else if (at < last) problems.push(`<${c.name}> is out of order in <${node.name}>`);
      last = Math.max(last, at);
    }
    for (const r of seq.required) if (!node.children.some((c) => c.name === r)) problems.push(`<${node.name}> lacks <${r}>`);
  }
  const max = MAX_LENGTH[node.name];
  if (max !== undefined && (node.text.length === 0 || node.text.length > max)) problems.push(`<${node.name}> is ${node.text.length} characters`);
  node.children.forEach((c) => checkTree(c, problems));
}

function run() {
  const results = [
    matched(person({ name: 'Nguyễn Thị Lụa', account: '0011004123456', bank: AGRIBANK, amount: 750_000 }), '038140001101'),
    matched(person({ name: 'Trần Văn Đức', account: '0071000654321', bank: VCB, amount: 1_500_000, programme: 'Người có công' }), '038150001102'),
    matched(person({ name: 'Lò Thị Xuân', account: '0011004999888', bank: AGRIBANK, amount: 360_000 }), '038145001103'),
    matched(person({ name: 'Lò Văn Pá', amount: 360_000 }), '038145001104'), // cash: never in pain.001
  ];
  const options = {
    ...OPTIONS,
    debitAccounts: [
      { id: 'btxh', account: '3700201001234', bankBin: '970405', name: 'UBND xã Tân Lập', programmes: ['BTXH'] },
      { id: 'ncc', account: '3700201005678', bankBin: '970405', name: 'UBND xã Tân Lập - NCC', programmes: ['NCC'] },
    ],
  };
  const built = buildPayments(results, options, { runDate: RUN_DATE });
  const file = built.files.find((f) => f.path === 'payments/pain001-2026-12.xml');
  if (!file || file.kind !== 'text') throw new Error('no pain.001 file');
  return { built, xml: file.content };
}

describe('pain.001.001.09', () => {
  it('is well formed and follows the message definition: element order, required elements, length limits', () => {
    const { xml } = run();
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const doc = parseXml(xml);
    expect(doc.name).toBe('Document');
    expect(doc.attrs.xmlns).toBe(PAIN001_NAMESPACE);
    const problems: string[] = [];
    checkTree(doc, problems);
    expect(problems).toEqual([]);
  });

  it('carries the number of transactions and a control sum equal to the sum of the lines, per message and per debit account', () => {
    const doc = parseXml(run().xml);
    const init = child(doc, 'CstmrCdtTrfInitn');
    const hdr = child(init, 'GrpHdr');
    const amounts = all(doc, 'InstdAmt');
    expect(amounts.every((a) => a.attrs.Ccy === 'VND')).toBe(true);
    expect(child(hdr, 'NbOfTxs').text).toBe('3');
    // 750 000 + 1 500 000 + 360 000, worked out by hand; the cash line is not a transfer.
    expect(child(hdr, 'CtrlSum').text).toBe('2610000');
    expect(amounts.reduce((s, a) => s + Number(a.text), 0)).toBe(2_610_000);
    expect(child(hdr, 'CreDtTm').text).toBe('2026-12-01T00:00:00');

    const blocks = init.children.filter((c) => c.name === 'PmtInf');
    expect(blocks).toHaveLength(2); // one per debit account
    for (const block of blocks) {
      const txs = block.children.filter((c) => c.name === 'CdtTrfTxInf');
      expect(child(block, 'NbOfTxs').text).toBe(String(txs.length));
      const sum = txs.reduce((s, t) => s + Number(child(child(t, 'Amt'), 'InstdAmt').text), 0);
      expect(child(block, 'CtrlSum').text).toBe(String(sum));
    }
    const btxh = blocks.find((b) => all(b, 'DbtrAcct')[0]!.children[0]!.children[0]!.children[0]!.text === '3700201001234')!;
    expect(child(btxh, 'CtrlSum').text).toBe('1110000');
    expect(child(child(btxh, 'ReqdExctnDt'), 'Dt').text).toBe('2026-12-01');
  });

  it('gives each transfer its ledger line ID as EndToEndId, the creditor in capitals and the bank by BIN', () => {
    const { built, xml } = run();
    const doc = parseXml(xml);
    const ends = all(doc, 'EndToEndId').map((e) => e.text).sort();
    expect(ends).toEqual(built.ledger.filter((l) => l.channel === 'bank').map((l) => l.lineId).sort());
    expect(new Set(ends).size).toBe(3);
    const names = all(doc, 'Cdtr').map((c) => child(c, 'Nm').text).sort();
    expect(names).toEqual(['LO THI XUAN', 'NGUYEN THI LUA', 'TRAN VAN DUC']);
    const bins = all(doc, 'CdtrAgt').map((a) => all(a, 'MmbId')[0]!.text).sort();
    expect(bins).toEqual(['970405', '970405', '970436']);
  });

  it('is left out, with a note, when a bank line has no debit account to pay from', () => {
    const r = matched(person({ account: '0011004123456', bank: AGRIBANK }), '038140001105');
    const built = buildPayments([r], { ...OPTIONS, debitAccounts: [] }, { runDate: RUN_DATE });
    expect(built.files.some((f) => f.path.endsWith('.xml'))).toBe(false);
    expect(built.summary.notes.join(' ')).toContain('pain.001');
  });
});
