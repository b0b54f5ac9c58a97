// A registry extract delivered as a workbook: a title row, Vietnamese headers, IDs stored as numbers, real dates.
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegistryXlsx } from '../../src/registry/read-registry-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'asxh-registry-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function workbook(rows: unknown[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dan cu');
  for (const r of rows) sheet.addRow(r);
  const path = join(dir, `reg-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

describe('readRegistryXlsx', () => {
  it('finds the header below a title row and reads IDs stored as numbers, dates and statuses', async () => {
    const path = await workbook([
      ['TRÍCH XUẤT CSDL QUỐC GIA VỀ DÂN CƯ - XÃ AN PHÚ'],
      ['Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Địa chỉ thường trú', 'Trạng thái', 'Ngày mất'],
      [38145001234, 'NGUYỄN VĂN AN', new Date(Date.UTC(1945, 4, 12)), 'Nam', 'Thôn Đông, xã An Phú', 'Còn sống', null],
      ['038140005678', 'TRẦN THỊ BÍCH', '1940', 'Nữ', 'Thôn Đông, xã An Phú', 'Đã mất', new Date(Date.UTC(2026, 9, 3))],
      [],
    ]);
    const registry = await readRegistryXlsx(path, { file: 'dan-cu.xlsx', runYear: 2026 });
    expect(registry.size).toBe(2);
    const an = registry.get(registry.findById('038145001234')[0]!);
    expect(an.name?.folded).toBe('nguyen van an');
    expect(an.birth).toEqual({ year: 1945, month: 5, day: 12 });
    expect(an.sex).toBe('M');
    expect(an.alive).toBe(true);
    const bich = registry.get(registry.findById('038140005678')[0]!);
    expect(bich.birth).toEqual({ year: 1940, month: null, day: null });
    expect(bich.alive).toBe(false);
    expect(bich.deathDate).toEqual({ year: 2026, month: 10, day: 3 });
  });

  it('refuses a workbook with no ID and name columns, naming the file', async () => {
    const path = await workbook([['Xã', 'Số người'], ['An Phú', 42]]);
    await expect(readRegistryXlsx(path, { file: 'tong-hop.xlsx', runYear: 2026 })).rejects.toThrow(/"tong-hop.xlsx"/);
  });
});
