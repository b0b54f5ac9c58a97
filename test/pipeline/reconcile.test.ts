// The middle of a run is pure: from what was read to every output, in memory, with no file touched.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { prepareList, reconcile, type ReconcileInputs } from '../../src/pipeline.js';
import { readCsv } from '../../src/read/csv.js';
import { readRegistryCsv } from '../../src/registry/read-registry-csv.js';

const LIST = [
  'STT,Họ và tên,Ngày sinh,Giới tính,Số CCCD,Thôn,Đối tượng,Mức trợ cấp,Số tài khoản,Ngân hàng',
  '1,Nguyễn Văn An,12/05/1945,Nam,38045001234,Thôn Đông,BTXH,"1.500.000",0123456789,Agribank',
  '2,TRẦN THỊ BÍCH,1940,Nữ,038140005678,Thôn Đông,BTXH,"1.500.000",,Tiền mặt',
  '3,Lê Văn Cường,1950,Nam,038050009999,Thôn Tây,BTXH,"1.500.000",,Bưu điện',
  '4,Nguyễn Văn An,12/05/1945,Nam,038045001234,Thôn Đông,BTXH,"1.500.000",0123456789,Agribank',
  ',Tổng cộng,,,,,,"6.000.000",,',
].join('\r\n');

const REGISTRY = [
  'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,dia_chi_thuong_tru,trang_thai,ngay_mat',
  '038045001234,NGUYỄN VĂN AN,12/05/1945,Nam,"Thôn Đông, xã An Phú",Còn sống,',
  '038140005678,TRẦN THỊ BÍCH,1940,Nữ,"Thôn Đông, xã An Phú",Đã mất,03/10/2026',
].join('\n');

async function inputs(): Promise<ReconcileInputs> {
  const { settings } = resolveSettings([{ origin: 'test', source: 'flag', values: { runDate: '2026-12-01' } }], new Date());
  const sheet = readCsv(Buffer.from(LIST, 'utf8'), 'an-phu.csv', { encoding: null });
  const list = prepareList({ path: 'an-phu.csv', name: 'an-phu.csv' }, { format: 'csv', sheets: [sheet], skippedSheets: [], sha256: 'x', bytes: LIST.length }, settings);
  const registry = await readRegistryCsv(Buffer.from(REGISTRY, 'utf8'), { runYear: 2026, file: 'dan-cu.csv' });
  return { lists: [list], registry, decisions: null, previousLedger: [], files: [] };
}

describe('reconcile (the pure middle of a run)', () => {
  it('matches, flags the deceased and the duplicate, and pays only the living, once', async () => {
    const { settings } = resolveSettings([{ origin: 'test', source: 'flag', values: { runDate: '2026-12-01', pay: { period: '2026-12' } } }], new Date());
    const run = reconcile(await inputs(), { settings, sources: {}, overrideReason: null, redact: false });
    const byRow = new Map(run.results.map((r) => [r.person.prov.row, r]));
    expect(byRow.get(2)!.status).toBe('matched');
    expect(byRow.get(3)!.flags).toContain('deceased');
    expect(byRow.get(4)!.status).toBe('unmatched');
    expect([byRow.get(2)!.flags.includes('duplicate'), byRow.get(5)!.flags.includes('duplicate')].sort()).toEqual([false, true]);
    expect(run.counts.rows_read).toBe(5);
    expect(run.counts.people).toBe(4);
    expect(run.payments!.bankLines + run.payments!.cashLines).toBe(1);
    expect(run.outputs.map((o) => o.path)).toEqual(expect.arrayContaining(['match-report.csv', 'review.xlsx', 'duplicates.csv', 'payments/ledger.csv', 'report.html']));
  });

  it('gives the same outputs for the same inputs', async () => {
    const { settings } = resolveSettings([{ origin: 'test', source: 'flag', values: { runDate: '2026-12-01' } }], new Date());
    const a = reconcile(await inputs(), { settings, sources: {}, overrideReason: null, redact: false });
    const b = reconcile(await inputs(), { settings, sources: {}, overrideReason: null, redact: false });
    expect(JSON.stringify(a.outputs)).toBe(JSON.stringify(b.outputs));
  });
});
