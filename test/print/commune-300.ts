// A commune of 300 people paid in cash, for the print tests: one village, four programmes with their long
// Vietnamese names, some paid through a representative. Every name and ID is invented.
import { buildPayments } from '../../src/pay/build-payments.js';
import type { PaymentsBuilt } from '../../src/pay/types.js';
import { matched, OPTIONS, person, personName, RUN_DATE } from '../pay/fixtures.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Minh'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Hoa', 'Khánh', 'Lan', 'Mơ', 'Nam', 'Phượng', 'Quý'];
const PROGRAMMES = ['Người cao tuổi từ đủ 80 tuổi trở lên', 'Người khuyết tật nặng', 'Người khuyết tật đặc biệt nặng', 'Người đơn thân nghèo đang nuôi con'];

export function commune300(): PaymentsBuilt {
  const results = Array.from({ length: 300 }, (_, i) => {
    const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`;
    const rep = i % 7 === 0 ? { name: personName(`${FAMILY[(i + 3) % FAMILY.length]} Văn Hậu`), personalId: null, account: null } : null;
    const p = person({ row: 8 + i, name, village: 'Thôn Đồng Tâm', commune: 'Xã Quảng Hưng', programme: PROGRAMMES[i % PROGRAMMES.length]!, amount: 500_000 + (i % 5) * 90_000, cash: true, rep });
    return matched(p, `0381${String(40_000_000 + i).padStart(8, '0')}`);
  });
  return buildPayments(results, { ...OPTIONS, issuer: '' }, { runDate: RUN_DATE });
}
