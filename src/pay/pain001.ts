// ISO 20022 pain.001.001.09 (CustomerCreditTransferInitiationV09) for banks and payment hubs that take it.
// Elements are written in the order the message definition's sequences require, only with the ones a domestic
// VND transfer needs: one PmtInf per debit account, one CdtTrfTxInf per line with its EndToEndId (the line ID,
// so a return can be traced to its line). Banks are named by their NAPAS BIN as a clearing-system member ID.
// The creation time is the run date at midnight: the same run gives the same bytes.
import type { OutputFile } from '../write/output-spec.js';
import { messageId } from './ids.js';
import type { DebitAccount } from './options.js';
import { accountHolderName, plainAscii } from './text-rules.js';
import type { PaymentLine } from './types.js';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export interface Pain001Input {
  readonly path: string;
  readonly period: string;
  /** 'YYYY-MM-DD' */
  readonly runDate: string;
  /** 'YYYY-MM-DD' */
  readonly executionDate: string;
  /** Initiating party (the paying office). */
  readonly initiator: string;
  /** Bank lines, each with its debit account. */
  readonly lines: readonly PaymentLine[];
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Max35Text, Max140Text …: the schema's length limits. */
function limit(text: string, max: number): string {
  return esc(text.slice(0, max));
}

function agent(bin: string): string[] {
  return ['<FinInstnId>', '<ClrSysMmbId>', `<MmbId>${limit(bin, 35)}</MmbId>`, '</ClrSysMmbId>', '</FinInstnId>'];
}

function account(id: string): string[] {
  return ['<Id>', '<Othr>', `<Id>${limit(id, 34)}</Id>`, '</Othr>', '</Id>'];
}

function paymentInfo(input: Pain001Input, debit: DebitAccount, lines: readonly PaymentLine[]): string[] {
  const total = lines.reduce((s, l) => s + l.amount, 0);
  const out = [
    '<PmtInf>',
    `<PmtInfId>${limit(messageId(input.period, `pmtinf:${debit.id}`, lines.map((l) => l.lineId)), 35)}</PmtInfId>`,
    '<PmtMtd>TRF</PmtMtd>',
    '<BtchBookg>false</BtchBookg>',
    `<NbOfTxs>${lines.length}</NbOfTxs>`,
    `<CtrlSum>${total}</CtrlSum>`,
    // SSBE: social security benefit (ExternalCategoryPurpose1Code).
    '<PmtTpInf>', '<CtgyPurp>', '<Cd>SSBE</Cd>', '</CtgyPurp>', '</PmtTpInf>',
    '<ReqdExctnDt>', `<Dt>${input.executionDate}</Dt>`, '</ReqdExctnDt>',
    '<Dbtr>', `<Nm>${limit(accountHolderName(debit.name, 140), 140)}</Nm>`, '</Dbtr>',
    '<DbtrAcct>', ...account(debit.account), '<Ccy>VND</Ccy>', '</DbtrAcct>',
    '<DbtrAgt>', ...agent(debit.bankBin), '</DbtrAgt>',
    // DEBT: the paying office bears the charges, so the beneficiary receives the full allowance.
    '<ChrgBr>DEBT</ChrgBr>',
  ];
  for (const line of lines) {
    out.push(
      '<CdtTrfTxInf>',
      '<PmtId>', `<InstrId>${limit(line.lineId, 35)}</InstrId>`, `<EndToEndId>${limit(line.lineId, 35)}</EndToEndId>`, '</PmtId>',
      '<Amt>', `<InstdAmt Ccy="VND">${line.amount}</InstdAmt>`, '</Amt>',
      '<CdtrAgt>', ...agent(line.bank?.bin ?? ''), '</CdtrAgt>',
      '<Cdtr>', `<Nm>${limit(line.accountName, 140)}</Nm>`, '</Cdtr>',
      '<CdtrAcct>', ...account(line.account ?? ''), '</CdtrAcct>',
      '<RmtInf>', `<Ustrd>${limit(line.description, 140)}</Ustrd>`, '</RmtInf>',
      '</CdtTrfTxInf>',
    );
  }
  out.push('</PmtInf>');
  return out;
}

/** Indents the flat element list two spaces per level, for people who open the file. */
function indent(parts: readonly string[]): string {
  let depth = 0;
  const lines: string[] = [];
  for (const part of parts) {
    const closing = part.startsWith('</');
    const opening = !closing && !part.includes('</') && !part.endsWith('/>');
    if (closing) depth--;
    lines.push(`${'  '.repeat(depth)}${part}`);
    if (opening) depth++;
  }
  return lines.join('\n');
}

export function pain001File(input: Pain001Input): OutputFile {
  const byDebit = new Map<string, { debit: DebitAccount; lines: PaymentLine[] }>();
  for (const line of input.lines) {
    const debit = line.debit!;
    const group = byDebit.get(debit.id) ?? { debit, lines: [] };
    group.lines.push(line);
    byDebit.set(debit.id, group);
  }
  const total = input.lines.reduce((s, l) => s + l.amount, 0);
  const parts = [
    `<Document xmlns="${PAIN001_NAMESPACE}">`,
    '<CstmrCdtTrfInitn>',
    '<GrpHdr>',
    `<MsgId>${limit(messageId(input.period, 'msg', input.lines.map((l) => l.lineId)), 35)}</MsgId>`,
    `<CreDtTm>${input.runDate}T00:00:00</CreDtTm>`,
    `<NbOfTxs>${input.lines.length}</NbOfTxs>`,
    `<CtrlSum>${total}</CtrlSum>`,
    '<InitgPty>', `<Nm>${limit(accountHolderName(plainAscii(input.initiator), 140), 140)}</Nm>`, '</InitgPty>',
    '</GrpHdr>',
    ...[...byDebit.values()].flatMap((g) => paymentInfo(input, g.debit, g.lines)),
    '</CstmrCdtTrfInitn>',
    '</Document>',
  ];
  return { path: input.path, kind: 'text', content: `<?xml version="1.0" encoding="UTF-8"?>\n${indent(parts)}\n` };
}
