// What `--help` says, in Vietnamese (the default) and English (`--lang en`), side by side so that a translator
// reads both at once. Commander parses before any action runs, so main.ts picks the language from argv and
// localiseHelp() puts these texts on the commands the register*() functions built. A text missing here stays as
// its command registered it (English). The Examples/Writes texts under each command's options live only here.
import { Help, type Command, type HelpConfiguration } from 'commander';
import type { EventEmitter } from 'node:events';
import type { Lang } from '../config/settings.js';
import type { Said } from '../errors.js';

interface CommandHelp {
  readonly description: Said;
  /** Argument name → description. */
  readonly arguments?: Readonly<Record<string, Said>>;
  /** Long flag → description; wins over COMMON_OPTIONS for this command. */
  readonly options?: Readonly<Record<string, Said>>;
  /** Examples and what the command writes, printed under the options. */
  readonly after?: Said;
}

const LISTS: Said = { vi: 'danh sách của xã (.xlsx, .csv, .txt)', en: 'commune lists (.xlsx, .csv, .txt)' };

/** Options several commands share (common-options.ts, commander's own --help and --version). */
const COMMON_OPTIONS: Readonly<Record<string, Said>> = {
  '--help': { vi: 'hiện trợ giúp của lệnh', en: 'display help for command' },
  '--version': { vi: 'hiện số phiên bản', en: 'output the version number' },
  '--config': {
    vi: 'tệp cấu hình (mặc định: asxh.config.json trong thư mục này, nếu có)',
    en: 'settings file (default: asxh.config.json in this folder, if any)',
  },
  '--map': {
    vi: 'tự chỉ định cột, ví dụ --map name="Chủ hộ" (dùng được nhiều lần)',
    en: 'map a column by hand, e.g. --map name="Chủ hộ" (repeatable)',
  },
  '--encoding': {
    vi: 'bắt buộc bảng mã của tệp CSV: utf-8, utf-16le, utf-16be, windows-1258',
    en: 'force the encoding of CSV inputs: utf-8, utf-16le, utf-16be, windows-1258',
  },
  '--date-order': { vi: 'thứ tự ngày/tháng của ngày viết tay', en: 'day/month order of written dates' },
  '--run-date': {
    vi: 'ngày chạy, để kết quả chạy lại giống hệt (mặc định: SOURCE_DATE_EPOCH hoặc hôm nay)',
    en: 'date of the run, for reproducible outputs (default: SOURCE_DATE_EPOCH or today)',
  },
  '--lang': { vi: 'ngôn ngữ của thông báo, trợ giúp và bảng tính', en: 'language of messages, help and workbooks' },
  '--province': {
    vi: 'tỉnh của lần chạy, khi nhiều tỉnh có xã cùng tên (mặc định: tỉnh của CSDL dân cư)',
    en: "the province of the run, for communes of one name in several provinces (default: the registry's)",
  },
  '--commune': {
    vi: 'xã của các dòng mà danh sách không ghi xã (ở tiêu đề, cột, địa chỉ hay tên tệp)',
    en: 'the commune of rows whose list names none (title, column, address or file name)',
  },
  '--quiet': { vi: 'không in gì ra stderr ngoài lỗi', en: 'print nothing on stderr but errors' },
  '--log-format': {
    vi: 'stderr dạng chữ, hoặc mỗi dòng một đối tượng JSON (cho nhật ký cron)',
    en: 'stderr as text, or one JSON object a line (for cron logs)',
  },
  '--out': { vi: 'thư mục ghi kết quả', en: 'folder to write into' },
  '--force': { vi: 'ghi đè tệp trong thư mục đã có nội dung', en: 'replace files in a folder that is not empty' },
};

/** Keyed by the command's path: '' is asxh itself, 'registry index' a subcommand. */
export const HELP_TEXTS: Readonly<Record<string, CommandHelp>> = {
  '': {
    description: {
      vi:
        'Đối soát danh sách đối tượng của xã (Excel/CSV) với CSDL quốc gia về dân cư và lập danh sách chi trả không dùng tiền mặt.\n' +
        'Reconcile commune beneficiary lists with the population registry and prepare cashless payments (--lang en).',
      en:
        'Reconcile commune beneficiary lists (Excel/CSV) with the population registry and prepare cashless payments.\n' +
        'Đối soát danh sách đối tượng với CSDL quốc gia về dân cư và lập danh sách chi trả không dùng tiền mặt.',
    },
    after: {
      vi: `
Ví dụ:
  asxh inspect ds-xa-an-phu.xlsx                 công cụ đọc danh sách thế nào: bảng mã, dòng tiêu đề, các cột
  asxh clean ds-*.xlsx --out cleaned             danh sách đã làm sạch, dòng bỏ qua và các lỗi
  asxh reconcile ds-*.xlsx --registry dan-cu.csv --out ket-qua --period 2026-12
                                                 đối soát mọi người với CSDL dân cư và
                                                 lập các tệp chi trả tháng 12/2026
  asxh returns ket-qua-ngan-hang.xlsx --ledger ket-qua/payments/ledger.csv --out tra-ve
                                                 ghi kết quả của ngân hàng vào bảng kê
  asxh verify ket-qua                            chạy lại một kết quả cũ và so từng byte

Mã thoát: 0 xong, không có dòng nào cần người xem; 1 xong, có dòng cần người xem; 2 lỗi cách dùng hoặc cấu hình;
3 không đọc được một tệp đầu vào; 4 lỗi nội bộ; 5 chạy theo thư mục và có danh sách không đọc được;
6 không ghi được kết quả (ổ đĩa đầy, chỉ đọc, không có quyền). Chạy "asxh LỆNH --help" để xem tùy chọn của
một lệnh.`,
      en: `
Examples:
  asxh inspect ds-xa-an-phu.xlsx                 what the tool sees in a list: encoding, header, columns
  asxh clean ds-*.xlsx --out cleaned             cleaned workbooks, skipped rows and problems
  asxh reconcile ds-*.xlsx --registry dan-cu.csv --out ket-qua --period 2026-12
                                                 match everyone to the population registry and
                                                 write the payment files for December 2026
  asxh returns ket-qua-ngan-hang.xlsx --ledger ket-qua/payments/ledger.csv --out tra-ve
                                                 mark the bank's results on the ledger
  asxh verify ket-qua                            re-run a past result and compare byte for byte

Exit codes: 0 all clean, 1 finished with rows that need a person's attention, 2 usage or settings error,
3 an input file could not be read, 4 internal error, 5 folder mode and a list could not be read,
6 the output could not be written (disk full, read-only, no permission). Run "asxh COMMAND --help" for a
command's options.`,
    },
  },
  help: { description: { vi: 'hiện trợ giúp của lệnh', en: 'display help for command' } },
  inspect: {
    description: {
      vi: 'Cho biết mỗi danh sách được đọc thế nào: bảng mã, phông chữ, dòng tiêu đề, cách nhận cột, số dòng, vài dòng mẫu (đã che)',
      en: 'Show how each list is read: encoding, fonts, header rows, column mapping, row counts, sample rows (masked)',
    },
    arguments: { files: LISTS },
    options: { '--sample': { vi: 'số dòng đã chuẩn hóa in ra cho mỗi trang tính', en: 'how many normalised rows to show per sheet' } },
    after: {
      vi: `
Ví dụ:
  asxh inspect ds-xa-an-phu.xlsx
  asxh inspect ds.csv --encoding windows-1258      bắt buộc bảng mã của tệp CSV
  asxh inspect ds.xlsx --map name="Chủ hộ"          khi một cột không được nhận ra`,
      en: `
Examples:
  asxh inspect ds-xa-an-phu.xlsx
  asxh inspect ds.csv --encoding windows-1258      force the encoding of a CSV
  asxh inspect ds.xlsx --map name="Chủ hộ"          when a column is not recognised`,
    },
  },
  clean: {
    description: {
      vi: 'Ghi danh sách đã làm sạch (.xlsx cho người đọc, .csv cho máy), skipped-rows.csv và problems.csv',
      en: 'Write cleaned lists (.xlsx for people, .csv for machines), skipped-rows.csv and problems.csv',
    },
    arguments: { files: LISTS },
    after: {
      vi: `
Ví dụ:
  asxh clean ds-xa-an-phu.xlsx --out sach
  asxh clean lists/*.xlsx lists/*.csv --out sach --force

Ghi vào thư mục: cleaned/<danh sách>.cleaned.xlsx và .csv, skipped-rows.csv, problems.csv.`,
      en: `
Examples:
  asxh clean ds-xa-an-phu.xlsx --out sach
  asxh clean lists/*.xlsx lists/*.csv --out sach --force

Writes into the folder: cleaned/<list>.cleaned.xlsx and .csv, skipped-rows.csv, problems.csv.`,
    },
  },
  reconcile: {
    description: {
      vi: 'Đối soát từng người trong danh sách với CSDL dân cư, theo số định danh và gần đúng khi số sai, kèm lý do',
      en: 'Match every person of the lists to the population registry, by ID and fuzzily when the ID fails, and say why',
    },
    arguments: {
      lists: { vi: 'danh sách của xã (.xlsx, .xlsm, .xls, .ods, .csv, .txt)', en: 'commune lists (.xlsx, .xlsm, .xls, .ods, .csv, .txt)' },
    },
    options: {
      '--registry': {
        vi: 'tệp xuất từ CSDL dân cư (CSV hoặc XLSX), hoặc bản chỉ mục lập bằng "asxh registry index"',
        en: 'population-registry export (CSV or XLSX), or a snapshot from "asxh registry index"',
      },
      '--out': {
        vi: 'thư mục ghi kết quả (với --lists: thư mục gốc của các lần chạy theo ngày)',
        en: 'folder to write into (with --lists: the root of dated run folders)',
      },
      '--lists': {
        vi: 'chạy theo lô: mọi danh sách (.xlsx/.xlsm/.xls/.ods/.csv/.tsv/.txt) trong cây thư mục này; tệp khác được bỏ qua, mỗi tệp kèm lý do',
        en: 'batch mode: every list (.xlsx/.xlsm/.xls/.ods/.csv/.tsv/.txt) in this folder tree; others are passed over, each named with its reason',
      },
      '--decisions': {
        vi: 'tệp review.xlsx đã điền: áp dụng các quyết định trong đó (phương thức manual)',
        en: 'a filled review workbook: apply its decisions (method manual)',
      },
      '--period': {
        vi: 'tháng chi trả: lập thêm các tệp chi trả (lô chuyển khoản, danh sách tiền mặt, bảng kê)',
        en: 'month paid: also write the payment files (bank batches, cash list, ledger)',
      },
      '--paid-ledger': {
        vi: 'bảng kê các khoản đã chi: không ai trong đó được chi lần nữa (dùng được nhiều lần)',
        en: 'ledger of payments already issued: nobody in it is paid again (repeatable)',
      },
      '--override-reason': {
        vi: 'vẫn chi lại cho người có trong --paid-ledger, vì lý do này (ghi vào manifest)',
        en: 'pay again people found in --paid-ledger, for this reason (recorded in the manifest)',
      },
      '--force': { vi: 'ghi đè các tệp của lần chạy trước trong thư mục kết quả', en: 'replace the files of an earlier run in the output folder' },
      '--redact': {
        vi: 'che số định danh và số tài khoản trong mọi tệp kết quả, để chia sẻ',
        en: 'mask IDs and account numbers in every output, for sharing',
      },
    },
    after: {
      vi: `
Ví dụ:
  asxh reconcile xa-an-phu.xlsx xa-binh-minh.xlsx --registry dan-cu.csv --out ket-qua
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --decisions ket-qua/review.xlsx --force
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --period 2026-12 --paid-ledger thang-12-lo-1/payments/ledger.csv
  asxh reconcile --lists /data/xa --registry dan-cu.csv --out /data/ket-qua --quiet     chạy hằng đêm bằng cron
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --run-date 2026-12-01     chạy lại đúng một lần trước

Ghi: match-report.csv (cho máy), match-report.xlsx, review.xlsx (các dòng cần quyết định), cleaned/,
skipped-rows.csv, problems.csv và manifest.json (cấu hình, mã kiểm tra của đầu vào và kết quả, số đếm);
với --period thêm payments/: tệp lô chuyển khoản, XML pain.001, danh sách tiền mặt, control.xlsx, ledger.csv,
exceptions.xlsx. Với --lists, mỗi lần chạy ghi vào OUT/<ngày chạy>/ và OUT/latest trỏ tới lần chạy đầy đủ mới
nhất; danh sách không đọc được thì bỏ qua (stderr, manifest.json, report.html) và lần chạy kết thúc với mã 5.`,
      en: `
Examples:
  asxh reconcile xa-an-phu.xlsx xa-binh-minh.xlsx --registry dan-cu.csv --out ket-qua
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --decisions ket-qua/review.xlsx --force
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --period 2026-12 --paid-ledger thang-12-lo-1/payments/ledger.csv
  asxh reconcile --lists /data/xa --registry dan-cu.csv --out /data/ket-qua --quiet     nightly, from cron
  asxh reconcile ds.xlsx --registry dan-cu.csv --out ket-qua --run-date 2026-12-01     reproduce a run

Writes: match-report.csv (for scripts), match-report.xlsx, review.xlsx (rows to decide), cleaned/,
skipped-rows.csv, problems.csv and manifest.json (settings, input and output checksums, counts);
with --period also payments/: bank batch files, pain.001 XML, cash list, control.xlsx, ledger.csv, exceptions.xlsx.
With --lists, each run goes to OUT/<run date>/ and OUT/latest points at the newest complete run; a list that
cannot be read is passed over (stderr, manifest.json, report.html) and the run ends with exit code 5.`,
    },
  },
  dedupe: {
    description: {
      vi: 'Tìm người có tên nhiều lần (trong một danh sách, giữa các xã và các chế độ) và tài khoản nhiều người dùng chung',
      en: 'Find everyone listed more than once (within a list, across communes and programmes) and accounts shared by different people',
    },
    arguments: { files: LISTS },
    after: {
      vi: `
Ví dụ:
  asxh dedupe ds-btxh-xa-an-phu.xlsx ds-ncc-xa-an-phu.xlsx --out trung
  asxh dedupe lists/*.xlsx --out trung --force

Không có CSDL dân cư, hai dòng là cùng một người khi cùng số định danh, hoặc đủ giống nhau về họ tên, ngày sinh
và giới tính (dedupe.fuzzyThreshold trong cấu hình). Có CSDL dân cư thì "asxh reconcile" cũng tìm trùng, và nối
thêm các dòng khớp với cùng một người trong CSDL.

Ghi vào thư mục: duplicates.csv (mỗi dòng của mỗi nhóm một dòng), duplicates.xlsx (các nhóm đặt cạnh nhau,
chỗ khác nhau tô vàng) và shared-accounts.csv. Mã thoát 1 khi có trùng hoặc có tài khoản dùng chung.`,
      en: `
Examples:
  asxh dedupe ds-btxh-xa-an-phu.xlsx ds-ncc-xa-an-phu.xlsx --out trung
  asxh dedupe lists/*.xlsx --out trung --force

Without a registry, rows are the same person when they share a personal ID, or agree on name, birth date and
sex closely enough (dedupe.fuzzyThreshold in the settings). With a registry, "asxh reconcile" finds duplicates
too, and also links rows matched to the same registry person.

Writes into the folder: duplicates.csv (one line per row of each group), duplicates.xlsx (groups side by side,
differences in yellow) and shared-accounts.csv. Exit code 1 when duplicates or shared accounts are found.`,
    },
  },
  registry: { description: { vi: 'Làm việc với tệp xuất từ CSDL dân cư', en: 'Work with the population-registry export' } },
  'registry index': {
    description: {
      vi: 'Lập bản chỉ mục của tệp xuất CSDL dân cư, để reconcile --registry nạp trong chốc lát',
      en: 'Build a snapshot of a registry export that reconcile --registry loads in a moment',
    },
    arguments: { export: { vi: 'tệp xuất từ CSDL dân cư (CSV hoặc XLSX)', en: 'population-registry export (CSV or XLSX)' } },
    options: {
      '--out': {
        vi: 'tệp chỉ mục sẽ ghi (bản chỉ mục cũ ở đó được thay)',
        en: 'snapshot file to write (an earlier snapshot there is replaced)',
      },
      '--run-date': {
        vi: 'ngày của các lần chạy sẽ dùng nó: ngày sinh sau ngày này bị loại (mặc định: hôm nay)',
        en: 'date of the runs it is for: later birth dates are rejected (default: today)',
      },
      '--log-format': { vi: 'stderr dạng chữ, hoặc mỗi dòng một đối tượng JSON', en: 'stderr as text, or one JSON object a line' },
    },
    after: {
      vi: `
Ví dụ:
  asxh registry index dan-cu.csv --out dan-cu.asxhreg
  asxh reconcile ds-*.xlsx --registry dan-cu.asxhreg --out ket-qua

Bản chỉ mục ghi mã SHA-256 của tệp xuất và phiên bản asxh này. reconcile không nhận bản chỉ mục do phiên bản
khác lập, hoặc khi tệp xuất (nếu nằm cạnh bản chỉ mục) đã thay đổi: khi đó chạy lại index.
Bản chỉ mục chứa mọi số định danh và họ tên của CSDL: giữ nó cẩn thận như chính tệp xuất.`,
      en: `
Examples:
  asxh registry index dan-cu.csv --out dan-cu.asxhreg
  asxh reconcile ds-*.xlsx --registry dan-cu.asxhreg --out ket-qua

The snapshot records the export's SHA-256 and this asxh's version. reconcile refuses a snapshot made by
another version, or one whose export (when it sits beside the snapshot) has changed since: run index again.
The snapshot holds every ID and name of the registry: keep it as safe as the export.`,
    },
  },
  returns: {
    description: {
      vi: 'Đánh dấu các dòng của bảng kê đã chi hay lỗi theo tệp kết quả của ngân hàng, và liệt kê các dòng lỗi để chi lại',
      en: "Mark ledger lines paid or failed from a bank's result file, and list the failed lines to pay again",
    },
    arguments: { 'return-file': { vi: 'tệp kết quả của ngân hàng (.xlsx, .csv)', en: "the bank's result file (.xlsx, .csv)" } },
    options: {
      '--ledger': {
        vi: 'ledger.csv của lần chi trả mà tệp kết quả trả lời',
        en: 'ledger.csv of the payment run the result file answers',
      },
      '--bank': {
        vi: 'ngân hàng của tệp kết quả (mã BIN hoặc tên, ví dụ 970405 hay Agribank), khi tệp không tự cho biết',
        en: "the bank the result file is from (BIN or name, e.g. 970405 or Agribank), when the file does not tell",
      },
    },
    after: {
      vi: `
Ví dụ:
  asxh returns ket-qua-agribank.xlsx --ledger ket-qua/payments/ledger.csv --out doi-chieu

Tệp kết quả cần một cột kết quả (Trạng thái, Kết quả, Status: "Thành công", "Thất bại", "Lỗi", "success",
"failed", "OK") và hoặc mã tham chiếu của dòng (Mã tham chiếu, Reference), hoặc số tài khoản và số tiền.
Một tệp kết quả chỉ xét các dòng của ngân hàng mình: ngân hàng được nhận ra từ --bank, cột ngân hàng, tiêu đề cột
theo mẫu của ngân hàng hoặc mã dòng trong tệp; tệp không cho biết ngân hàng mà sổ chi có nhiều ngân hàng thì bị từ chối.
Ghi vào thư mục: returns-report.csv, returns-totals.csv, retry-<BIN>-<ngân hàng>.csv|.xlsx (các dòng lỗi theo mẫu
lô của ngân hàng đó, để gửi lại) và retry-ledger.csv (các dòng đó theo cột của sổ chi).`,
      en: `
Examples:
  asxh returns ket-qua-agribank.xlsx --ledger ket-qua/payments/ledger.csv --out doi-chieu

The result file needs a result column (Trạng thái, Kết quả, Status: "Thành công", "Thất bại", "Lỗi", "success",
"failed", "OK") and either the line reference (Mã tham chiếu, Reference) or the account and amount.
A result file judges the lines of its own bank only: the bank is told by --bank, a bank column, the headers of
the bank's template or the line IDs it echoes; a file that tells none against a ledger of several banks is refused.
Writes into the folder: returns-report.csv, returns-totals.csv, retry-<BIN>-<bank>.csv|.xlsx (the failed lines in
that bank's batch template, to upload again) and retry-ledger.csv (the same lines in ledger columns).`,
    },
  },
  verify: {
    description: {
      vi: 'Kiểm tra một lần chạy cũ: đầu vào không đổi, và chạy lại cho đúng từng byte kết quả',
      en: 'Check a past run: its inputs are unchanged, and re-running them gives the same outputs byte for byte',
    },
    arguments: {
      'run-dir': {
        vi: 'thư mục do asxh reconcile ghi (có manifest.json)',
        en: 'a folder written by asxh reconcile (holds manifest.json)',
      },
    },
    options: {
      '--base': {
        vi: 'thư mục gốc của đường dẫn đầu vào đã ghi (mặc định: tìm từ thư mục kết quả, nếu không thì thư mục đang đứng)',
        en: 'folder the recorded input paths are relative to (default: found from the run folder, else the working folder)',
      },
      '--quiet': { vi: 'không in gì ngoài lỗi', en: 'print nothing but errors' },
      '--lang': {
        vi: 'ngôn ngữ của thông báo (lần chạy lại giữ ngôn ngữ của lần chạy cũ)',
        en: 'language of the messages (the re-run keeps the language of the run)',
      },
    },
    after: {
      vi: `
Ví dụ:
  asxh verify ket-qua
  asxh verify /data/ket-qua/2026-12-01 --base /data

Mã thoát 0 khi mọi kết quả giống hệt; 1 khi một đầu vào đã đổi hoặc một kết quả khác đi (liệt kê từng tệp).`,
      en: `
Examples:
  asxh verify ket-qua
  asxh verify /data/ket-qua/2026-12-01 --base /data

Exit 0 when every output is identical; 1 when an input changed or an output differs (each one is listed).`,
    },
  },
  init: {
    description: {
      vi: 'Ghi tệp asxh.config.json mẫu vào thư mục này, mọi cấu hình ở giá trị mặc định',
      en: 'Write a starter asxh.config.json in this folder, with every setting at its default',
    },
    options: {
      '--force': { vi: 'ghi đè tệp cấu hình đã có', en: 'replace an existing config file' },
      '--lang': { vi: 'ngôn ngữ của thông báo', en: 'language of the messages' },
    },
  },
  config: {
    description: {
      vi: 'Hiện cấu hình đã tổng hợp (mặc định < tệp cấu hình < tùy chọn) và mỗi giá trị lấy từ đâu',
      en: 'Show the resolved settings (defaults < config file < flags) and where each value came from',
    },
    options: { '--print': { vi: 'in cấu hình (việc mặc định)', en: 'print the settings (the default action)' } },
  },
};

const TITLES_VI: Readonly<Record<string, string>> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Đối số:',
  'Global Options:': 'Tùy chọn chung:',
};

/** Commander's own words in the help (titles, "(default: …)", "(choices: …)") in Vietnamese. */
export const VIETNAMESE_HELP: HelpConfiguration = {
  styleTitle: (title: string) => TITLES_VI[title] ?? title,
  optionDescription(option) {
    return Help.prototype.optionDescription.call(this, option).replace(/\(choices: /, '(chọn: ').replace(/(\(|, )default: /, '$1mặc định: ');
  },
  argumentDescription(argument) {
    return Help.prototype.argumentDescription.call(this, argument).replace(/\(choices: /, '(chọn: ').replace(/(\(|, )default: /, '$1mặc định: ');
  },
};

/** Puts the texts of `lang` on `program` and every command under it (the help command included). */
export function localiseHelp(program: Command, lang: Lang): void {
  const walk = (command: Command, path: string): void => {
    const help = HELP_TEXTS[path];
    if (help) {
      command.description(help.description[lang]);
      for (const argument of command.registeredArguments) {
        const said = help.arguments?.[argument.name()];
        if (said) argument.description = said[lang];
      }
      if (help.after) {
        // The English the command registered is replaced, not printed twice.
        (command as unknown as EventEmitter).removeAllListeners('afterHelp');
        command.addHelpText('after', help.after[lang]);
      }
    }
    command.helpOption('-h, --help', COMMON_OPTIONS['--help']![lang]);
    if (command.commands.length > 0) command.helpCommand('help [command]', HELP_TEXTS.help!.description[lang]);
    for (const option of command.options) {
      const said = (option.long ? (help?.options?.[option.long] ?? COMMON_OPTIONS[option.long]) : undefined);
      if (said) option.description = said[lang];
    }
    for (const sub of command.commands) walk(sub, path === '' ? sub.name() : `${path} ${sub.name()}`);
  };
  walk(program, '');
}
