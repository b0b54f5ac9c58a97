// What officers really write in the "Ngân hàng" column, beyond the names and codes in banks.ts.
// Each name is matched after folding (no marks, đ → d, lower case) and after a leading "Ngân hàng"/"NH"/"TMCP"
// is dropped, against the first words of the cell, so a branch after it ("Agribank chi nhánh Hà Tĩnh") is fine.
// The longest name wins: "Bưu điện Liên Việt" (a bank) beats "Bưu điện" (cash through the post office).
// target is a NAPAS BIN from banks.ts, or 'cash'; display overrides the short name for a BIN that banks.ts lists
// under two names (the bank's current one is shown).
export interface BankAlias {
  readonly target: string;
  readonly display?: string;
  readonly names: readonly string[];
}

export const BANK_ALIASES: ReadonlyArray<BankAlias> = [
  {
    target: '970405',
    names: [
      'Agribank', 'Agri bank', 'NHNo', 'NHNo&PTNT', 'NHNo & PTNT', 'NN&PTNT', 'NN và PTNT', 'Nông nghiệp',
      'Nông nghiệp và Phát triển Nông thôn', 'Nông nghiệp & PTNT', 'Nông nghiệp và PTNT', 'NNPTNT', 'VBARD',
      // "NHNN" alone is the State Bank, which pays nobody; followed by "&PTNT" it is Agribank miswritten.
      'NHNN&PTNT', 'NHNN và PTNT',
    ],
  },
  { target: '970436', names: ['VCB', 'Vietcombank', 'Viet com bank', 'Ngoại thương', 'Ngoại thương Việt Nam'] },
  { target: '970418', names: ['BIDV', 'Đầu tư và Phát triển', 'Đầu tư & Phát triển', 'ĐT&PT', 'Đầu tư'] },
  { target: '970415', names: ['Vietinbank', 'Viettinbank', 'Vietin bank', 'Công thương', 'Công thương Việt Nam', 'CTG', 'ICB'] },
  { target: '970422', names: ['MB', 'MBBank', 'MB Bank', 'Quân đội', 'Quân Đội', 'MBB'] },
  { target: '970407', names: ['Techcombank', 'Techcom bank', 'TCB', 'Kỹ thương', 'Kĩ thương'] },
  { target: '999888', names: ['VBSP', 'NHCSXH', 'CSXH', 'Chính sách xã hội', 'Chính sách', 'NH CS XH'] },
  {
    target: '970449',
    display: 'LPBank',
    names: ['LPBank', 'LP Bank', 'LPB', 'LienVietPostBank', 'LienViet PostBank', 'Lien Viet Post Bank', 'LienViet', 'Liên Việt', 'Bưu điện Liên Việt', 'Lộc Phát'],
  },
  { target: '970403', names: ['Sacombank', 'Sài Gòn Thương Tín', 'STB'] },
  { target: '970416', names: ['ACB', 'Á Châu'] },
  { target: '970432', names: ['VPBank', 'VP Bank', 'Việt Nam Thịnh Vượng'] },
  { target: '970443', names: ['SHB', 'Sài Gòn - Hà Nội', 'Sài Gòn Hà Nội'] },
  { target: '970441', names: ['VIB', 'Quốc tế'] },
  { target: '970423', names: ['TPBank', 'TP Bank', 'Tiên Phong'] },
  { target: '970431', names: ['Eximbank', 'Exim bank'] },
  { target: '970437', names: ['HDBank', 'HD Bank'] },
  { target: '970440', names: ['SeABank', 'Sea Bank', 'Đông Nam Á'] },
  { target: '970426', names: ['MSB', 'Maritime Bank', 'Hàng Hải'] },
  { target: '970414', display: 'MBV', names: ['MBV', 'OceanBank', 'Ocean Bank', 'Đại Dương'] },
  { target: '970406', display: 'Vikki Bank', names: ['DongA Bank', 'DongABank', 'Đông Á', 'Vikki', 'Vikki Bank'] },
  { target: '971005', names: ['Viettel Money', 'ViettelMoney', 'Viettel Pay', 'ViettelPay', 'Viettel'] },
  { target: '971011', names: ['VNPT Money', 'VNPTMoney', 'VNPT Pay', 'VNPTPay', 'VNPT'] },
  { target: '971025', names: ['MoMo', 'Ví MoMo'] },
  {
    target: 'cash',
    names: [
      'Tiền mặt', 'TM', 'Nhận tiền mặt', 'Chi trả tiền mặt', 'Bưu điện', 'Qua bưu điện', 'Chi trả qua bưu điện',
      'Nhận tại bưu điện', 'Nhận qua bưu điện', 'VNPost', 'VN Post', 'Bưu chính', 'Chi trả trực tiếp', 'Trực tiếp',
    ],
  },
];
