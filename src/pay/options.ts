// Payment settings. Plain JSON so they can live in asxh.config.json under "pay": bank file layouts are data
// (one template per bank BIN), because every bank has its own upload template and none is published as a standard.

/** The value a bank-file column takes. 'fixed' writes the column's `text` on every line. */
export type BankColumnValue =
  | 'stt'
  | 'account'
  | 'account_name'
  | 'amount'
  | 'bank_bin'
  | 'bank_name'
  | 'description'
  | 'reference'
  | 'batch_id'
  | 'registry_id'
  | 'programme'
  | 'debit_account'
  | 'fixed';

export interface BankColumn {
  readonly header: string;
  readonly value: BankColumnValue;
  /** Only for value 'fixed'. */
  readonly text?: string;
}

export interface BankTemplate {
  readonly fileType: 'csv' | 'xlsx';
  /** XLSX: the worksheet's name (at most 31 characters). */
  readonly sheetName: string;
  /** CSV: the field delimiter. */
  readonly delimiter: ',' | ';' | '\t';
  /** CSV: with or without a byte-order mark. Names and descriptions are plain ASCII either way. */
  readonly encoding: 'utf-8' | 'utf-8-bom';
  /** Lines above the header row, as the bank's template has them (XLSX only). */
  readonly titleRows: readonly string[];
  readonly columns: readonly BankColumn[];
  /** Account holder: capitals, no diacritics (Đ → D), letters and spaces only. The one rule banks share. */
  readonly nameRule: 'upper_ascii';
  readonly nameMax: number;
  /** Some channels take as few as 19 characters. */
  readonly descriptionMax: number;
}

export interface DebitAccount {
  /** Short label for file names and the control sheet, e.g. 'btxh'. */
  readonly id: string;
  readonly account: string;
  /** BIN of the bank that holds the debit account. */
  readonly bankBin: string;
  /** Account holder (the paying office), e.g. 'UBND XA TAN LAP'. */
  readonly name: string;
  /** Programme codes paid from this account; empty: every programme not claimed by another account. */
  readonly programmes: readonly string[];
}

export interface PayOptions {
  /** Payment period 'YYYY-MM'; required at run time (--period). */
  readonly period: string;
  /** Highest amount (VND) paid on one line; larger amounts go to the exceptions for a person to check. */
  readonly amountCap: number;
  /** Payment description: {programme} {mm} {yyyy} {ref} are filled in, then made plain ASCII and cut to the limit. */
  readonly description: string;
  /** Folded programme text (as written in the lists) → short code used in IDs and descriptions. */
  readonly programmeCodes: Readonly<Record<string, string>>;
  /** Bank templates keyed by BIN; banks without one get `genericTemplate`. */
  readonly bankTemplates: Readonly<Record<string, BankTemplate>>;
  readonly genericTemplate: BankTemplate;
  readonly debitAccounts: readonly DebitAccount[];
  /** Title of the issuing office on printed lists, e.g. 'UBND xã Tân Lập'; '' takes it from the lists' commune. */
  readonly issuer: string;
  /** Write the ISO 20022 pain.001.001.09 file too (needs a debit account for every bank line). */
  readonly pain001: boolean;
  /** Requested execution date 'YYYY-MM-DD' for pain.001; '' means the run date. */
  readonly executionDate: string;
}

export const GENERIC_TEMPLATE: BankTemplate = {
  fileType: 'csv',
  sheetName: 'Danh sach',
  delimiter: ',',
  encoding: 'utf-8-bom',
  titleRows: [],
  columns: [
    { header: 'STT', value: 'stt' },
    { header: 'So tai khoan', value: 'account' },
    { header: 'Ten chu tai khoan', value: 'account_name' },
    { header: 'So tien', value: 'amount' },
    { header: 'Ma ngan hang (BIN)', value: 'bank_bin' },
    { header: 'Ten ngan hang', value: 'bank_name' },
    { header: 'Noi dung', value: 'description' },
    { header: 'Ma tham chieu', value: 'reference' },
  ],
  nameRule: 'upper_ascii',
  nameMax: 70,
  descriptionMax: 50,
};

export const PAY_DEFAULTS: PayOptions = {
  period: '',
  amountCap: 10_000_000,
  description: 'TRO CAP {programme} T{mm} {yyyy} {ref}',
  programmeCodes: {
    'bao tro xa hoi': 'BTXH',
    btxh: 'BTXH',
    'nguoi co cong': 'NCC',
    ncc: 'NCC',
  },
  bankTemplates: {},
  genericTemplate: GENERIC_TEMPLATE,
  debitAccounts: [],
  issuer: '',
  pain001: true,
  executionDate: '',
};
