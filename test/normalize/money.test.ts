import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/normalize/money.js';
import type { CellValue } from '../../src/types.js';
import { runCli, tempDir } from '../e2e/run-cli.js';

const amount = (value: CellValue) => {
  const r = parseAmount({ value });
  return { value: r.value, codes: r.findings.map((f) => f.code) };
};

describe('parseAmount', () => {
  it.each([
    ['dots for thousands', '1.500.000', 1_500_000],
    ['commas for thousands', '1,500,000', 1_500_000],
    ['spaces for thousands', '1 500 000', 1_500_000],
    ['NBSP for thousands', '1\u00a0500\u00a0000', 1_500_000],
    ['đ glued on', '1.500.000đ', 1_500_000],
    ['đ after a space', '1.500.000 đ', 1_500_000],
    ['đồng', '1.500.000 đồng', 1_500_000],
    ['VNĐ', '540.000 VNĐ', 540_000],
    ['VND', '540,000 VND', 540_000],
    ['per month', '2.160.000đ/tháng', 2_160_000],
    ['per month without a currency word', '1.500.000/tháng', 1_500_000],
    ['plain digits', '1500000', 1_500_000],
    ['360.000 is 360 thousand, not 360', '360.000', 360_000],
    ['1.500 is one thousand five hundred', '1.500', 1_500],
    ['zero decimals, Vietnamese style', '1.500.000,00', 1_500_000],
    ['zero decimals, English style', '1,500,000.00', 1_500_000],
    ['a number cell', 1_500_000, 1_500_000],
    ['float noise from =1000000*0.1*3', 1_000_000 * 0.1 * 3, 300_000],
    ['zero', 0, 0],
  ])('%s', (_why, raw, expected) => {
    expect(amount(raw)).toEqual({ value: expected, codes: [] });
  });

  it.each([
    ['half a đồng', 1_500_000.5, 'amount_not_integer'],
    ['1.5 (million?)', '1.5', 'amount_not_integer'],
    ['a decimal comma', '2,75', 'amount_not_integer'],
    ['negative number', -360_000, 'amount_negative'],
    ['negative text', '-360.000', 'amount_negative'],
    ['words', 'một triệu', 'amount_unreadable'],
    ['broken grouping', '1.50.000', 'amount_unreadable'],
    ['a date', new Date(Date.UTC(2026, 0, 1)), 'amount_unreadable'],
  ])('%s', (_why, raw, code) => {
    expect(amount(raw)).toEqual({ value: null, codes: [code] });
  });

  it.each([[null], [''], ['  '], ['-']])('empty %j: no amount and no finding (eligibility decides later)', (raw) => {
    expect(amount(raw)).toEqual({ value: null, codes: [] });
  });
});

describe('parseAmount with unit words', () => {
  it.each([
    ['decimal comma, millions', '1,5 triệu', 1_500_000],
    ['decimal point, millions', '1.5 triệu', 1_500_000],
    ['whole millions', '1 triệu', 1_000_000],
    ['millions then thousands', '2 triệu 250 nghìn', 2_250_000],
    ['nghìn', '500 nghìn', 500_000],
    ['ngàn (southern spelling)', '500 ngàn', 500_000],
    ['ng', '500ng', 500_000],
    ['k', '750k', 750_000],
    ['tr then one digit: the next hundred-thousands', '1tr5', 1_500_000],
    ['triệu then one digit, spaced', '1 triệu 5', 1_500_000],
    ['tr then three digits', '1tr250', 1_250_000],
    ['tr then two digits fill from the left', '1tr05', 1_050_000],
    ['k then one digit: the next hundreds', '5k5', 5_500],
    ['"5 nghìn" after triệu is five thousand, unlike a bare 5', '1 triệu 5 nghìn', 1_005_000],
    ['decimal before tr', '1,5tr', 1_500_000],
    ['a thousands group before nghìn', '1.500 nghìn', 1_500_000],
    ['a space group before nghìn', '1 500 nghìn', 1_500_000],
    ['a thousands group before triệu (the budget style for billions)', '1.500 triệu', 1_500_000_000],
    ['one decimal digit before nghìn', '1.5 nghìn', 1_500],
    ['a group then a decimal comma', '1.250,5 nghìn', 1_250_500],
    ['below one million', '0,75 triệu', 750_000],
    ['three decimals after a leading 0 are no thousands group', '0,750 triệu', 750_000],
    ['currency and month after the unit', '2,25 triệu đồng/tháng', 2_250_000],
    ['đ after the unit', '500 nghìn đ', 500_000],
    ['VNĐ after the unit', '1,5 triệu VNĐ', 1_500_000],
    ['per month after the unit', '2 triệu/tháng', 2_000_000],
    ['capitals', '1 TRIỆU', 1_000_000],
    ['capital K, spaced', '750 K', 750_000],
    ['capitals glued', '1TR5', 1_500_000],
    ['NBSP before the unit', '1,5\u00a0triệu', 1_500_000],
    ['marks typed as combining characters', '1,5 trie\u0302\u0323u', 1_500_000],
    ['zero', '0 triệu', 0],
    ['rưỡi: and a half', '1 triệu rưỡi', 1_500_000],
    ['rưởi, the other spelling, glued to tr', '2tr rưởi', 2_500_000],
    ['rưỡi after nghìn', '1 nghìn rưỡi', 1_500],
    ['tr with a dot', '1,5 tr.', 1_500_000],
    ['tr with a dot then digits', '1tr.5', 1_500_000],
    ['k with a dot and đ', '750k. đ', 750_000],
  ])('%s: %j', (_why, raw, expected) => {
    expect(amount(raw)).toEqual({ value: expected, codes: ['amount_in_words'] });
  });

  it('tells the officer how the amount was read, without raising the row above info', () => {
    const r = parseAmount({ value: ' 1,5  triệu ' });
    expect(r.value).toBe(1_500_000);
    expect(r.findings).toEqual([{ code: 'amount_in_words', severity: 'info', message: 'The amount "1,5 triệu" was read as 1500000 đồng.' }]);
  });

  it.each([
    ['half a đồng', '1,2345 nghìn', 'amount_not_integer'],
    ['a decimal without a unit is never guessed to be millions', '1,5', 'amount_not_integer'],
    ['negative', '-1 triệu', 'amount_negative'],
    ['an unknown unit (tỷ)', '1 tỷ', 'amount_unreadable'],
    ['rưỡi alone', 'rưỡi', 'amount_unreadable'],
    ['rưỡi before the unit', '1 rưỡi triệu', 'amount_unreadable'],
    ['rưỡi after a decimal', '1,5 triệu rưỡi', 'amount_unreadable'],
    ['trăm is not read', '1 triệu 5 trăm', 'amount_unreadable'],
    ['thousands before millions', '2 nghìn 250 triệu', 'amount_unreadable'],
    ['two units of the same size', '2 triệu 250 tr', 'amount_unreadable'],
    ['a thousand or more thousands after triệu', '2 triệu 1250 nghìn', 'amount_unreadable'],
    ['four digits after tr', '1tr5000', 'amount_unreadable'],
    ['a decimal and then digits', '1,5tr5', 'amount_unreadable'],
    ['one mark as both group and decimal', '1.500.5 nghìn', 'amount_unreadable'],
    ['digits split by a space', '1 2 triệu', 'amount_unreadable'],
    ['a unit alone', 'triệu', 'amount_unreadable'],
    ['a mark with no digits after it', '1. triệu', 'amount_unreadable'],
    ['too many digits to be exact', '99999999999 triệu', 'amount_unreadable'],
  ])('%s: %j', (_why, raw, code) => {
    expect(amount(raw)).toEqual({ value: null, codes: [code] });
  });
});

// A quoted-field CSV reader, enough for the tool's own output.
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\n') {
      rows.push([...row, field.replace(/\r$/, '')]);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

function records(path: string): Record<string, string>[] {
  const [header = [], ...rows] = csvRows(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

describe('asxh clean on a list with amounts in words', () => {
  it('writes the amounts in đồng to the cleaned CSV and the readings to problems.csv', () => {
    const tmp = tempDir();
    try {
      // Year-only birth dates keep the rows free of other warnings, so the status shows what the amount does.
      const list = [
        'STT,Họ và tên,Năm sinh,Giới tính,Số CCCD,Mức trợ cấp',
        '1,Nguyễn Văn An,1950,Nam,001050012345,"1,5 triệu"',
        '2,Trần Thị Bình,1948,Nữ,001148012346,1tr250',
        '3,Lê Văn Cường,1955,Nam,001055012347,2 triệu 250 nghìn đồng/tháng',
        '4,Phạm Thị Dung,1960,Nữ,001160012348,750k',
        '5,Hoàng Văn Em,1962,Nam,001062012349,"1,5"',
        '6,Đỗ Thị Gấm,1949,Nữ,001149012350,1.500.000',
      ].join('\n');
      writeFileSync(join(tmp.dir, 'xa-an-phu.csv'), `${list}\n`);
      const out = join(tmp.dir, 'out');
      const r = runCli(['clean', join(tmp.dir, 'xa-an-phu.csv'), '--out', out, '--run-date', '2026-12-01', '--lang', 'en']);
      expect(r.stderr).toContain('6 rows read = 6 people');

      const cleaned = records(join(out, 'cleaned', 'xa-an-phu.cleaned.csv'));
      expect(cleaned.map((p) => [p.name, p.amount, p.status])).toEqual([
        ['Nguyễn Văn An', '1500000', 'ok'],
        ['Trần Thị Bình', '1250000', 'ok'],
        ['Lê Văn Cường', '2250000', 'ok'],
        ['Phạm Thị Dung', '750000', 'ok'],
        ['Hoàng Văn Em', '', 'error'],
        ['Đỗ Thị Gấm', '1500000', 'ok'],
      ]);

      const amountProblems = records(join(out, 'problems.csv')).filter((p) => p.column === 'amount');
      expect(amountProblems.map((p) => [p.source_row, p.code, p.severity, p.raw_value, p.message])).toEqual([
        ['2', 'amount_in_words', 'info', '1,5 triệu', 'The amount "1,5 triệu" was read as 1500000 đồng.'],
        ['3', 'amount_in_words', 'info', '1tr250', 'The amount "1tr250" was read as 1250000 đồng.'],
        ['4', 'amount_in_words', 'info', '2 triệu 250 nghìn đồng/tháng', 'The amount "2 triệu 250 nghìn đồng/tháng" was read as 2250000 đồng.'],
        ['5', 'amount_in_words', 'info', '750k', 'The amount "750k" was read as 750000 đồng.'],
        ['6', 'amount_not_integer', 'error', '1,5', 'The amount has a fractional part; VND has no minor unit.'],
      ]);
    } finally {
      tmp.cleanup();
    }
  });
});
