// What kind of file an input is, judged by its bytes: officers rename files freely (.xls saved as .xlsx, CSV
// named .xls), so the extension is not trusted. Anything asxh cannot read is refused here with the way out.

import { AsxhError, quote } from '../errors.js';
import { utf16Pattern } from './encoding.js';

export type InputFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SAMPLE = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, needle: Uint8Array, limit = bytes.length): boolean {
  const end = Math.min(limit, bytes.length) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ascii = (s: string): Uint8Array => Buffer.from(s, 'latin1');
// Stream names in a compound file's directory are UTF-16LE.
const utf16le = (s: string): Uint8Array => Buffer.from(s, 'utf16le');

/**
 * 'xlsx' for an Office Open XML workbook, 'xls' for an Excel 97-2003 one, 'ods' for OpenDocument, 'csv' for text;
 * otherwise throws the AsxhError that says what the file is.
 * `name` is the input as reports show it; `path` is used in the conversion command of the hint.
 */
export function sniffFormat(bytes: Uint8Array, name = 'the input', path = name): InputFormat {
  if (isBlank(bytes)) {
    throw new AsxhError(
      'input_empty',
      { vi: `Không đọc được tệp ${quote(name)}: tệp trống.`, en: `Cannot read ${quote(name)}: the file is empty.` },
      {
        vi: 'Kiểm tra đã chọn đúng tệp, và tệp đã được lưu hoặc sao chép trọn vẹn.',
        en: 'Check that you chose the right file and that it was saved or copied completely.',
      },
    );
  }
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) {
    if (contains(bytes, ascii('application/vnd.oasis.opendocument.spreadsheet'), 512)) return 'ods';
    if (contains(bytes, ascii('application/vnd.oasis.opendocument'), 512)) {
      throw new AsxhError(
        'input_unsupported',
        {
          vi: `Không đọc được tệp ${quote(name)}: đây là tệp OpenDocument nhưng không phải bảng tính (một văn bản hoặc hình vẽ).`,
          en: `Cannot read ${quote(name)}: it is an OpenDocument file but not a spreadsheet (a text document or a drawing).`,
        },
        {
          vi: `Đưa danh sách dạng bảng tính: .xlsx, .xls, .ods hoặc CSV (ví dụ: soffice --headless --convert-to xlsx "${path}").`,
          en: `Give the list as a spreadsheet: .xlsx, .xls, .ods or CSV (for example: soffice --headless --convert-to xlsx "${path}").`,
        },
      );
    }
    return 'xlsx';
  }
  if (startsWith(bytes, CFB)) {
    if (contains(bytes, utf16le('EncryptionInfo')) || contains(bytes, utf16le('EncryptedPackage'))) {
      throw new AsxhError(
        'input_encrypted',
        {
          vi: `Không đọc được tệp ${quote(name)}: bảng tính được đặt mật khẩu nên nội dung đã bị mã hóa.`,
          en: `Cannot read ${quote(name)}: the workbook is protected with a password, so its contents are encrypted.`,
        },
        {
          vi: 'Mở tệp bằng Excel, bỏ mật khẩu (File › Info › Protect Workbook › Encrypt with Password, xóa trống ô), lưu dạng .xlsx rồi chạy lại.',
          en: 'Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear the box), save it as .xlsx and run again.',
        },
      );
    }
    // An Excel 97-2003 workbook keeps its sheets in a stream named Workbook (BIFF8) or Book (BIFF5); Word and
    // PowerPoint files have streams of their own. A compound file cut before its directory is read as the .xls
    // it most likely is, and refused as damaged there.
    const office = contains(bytes, utf16le('WordDocument')) || contains(bytes, utf16le('PowerPoint Document'));
    if (!office || contains(bytes, utf16le('Workbook')) || contains(bytes, utf16le('Book'))) return 'xls';
    throw new AsxhError(
      'input_unsupported',
      {
        vi: `Không đọc được tệp ${quote(name)}: đây là tệp Office 97-2003 nhưng không phải bảng tính Excel (tệp Word .doc hoặc của chương trình khác).`,
        en: `Cannot read ${quote(name)}: it is an Office 97-2003 file but not an Excel workbook (a Word .doc or another program's file).`,
      },
      {
          vi: `Đưa danh sách dạng bảng tính: .xlsx, .xls, .ods hoặc CSV (ví dụ: soffice --headless --convert-to xlsx "${path}").`,
          en: `Give the list as a spreadsheet: .xlsx, .xls, .ods or CSV (for example: soffice --headless --convert-to xlsx "${path}").`,
        },
    );
  }
  if (!looksLikeText(bytes)) {
    throw new AsxhError(
      'input_binary',
      {
        vi: `Không đọc được tệp ${quote(name)}: đây không phải bảng tính Excel cũng không phải tệp chữ (CSV); tệp chứa dữ liệu nhị phân.`,
        en: `Cannot read ${quote(name)}: it is neither an Excel workbook nor a text (CSV) file; it holds binary data.`,
      },
      {
        vi: 'Đưa bảng tính .xlsx, .xls, .ods hoặc tệp CSV/TXT; nếu danh sách lấy từ chương trình khác, xuất ra dạng .xlsx hoặc CSV.',
        en: 'Give an .xlsx, .xls or .ods workbook or a CSV/TXT file; if the list comes from another program, export it as .xlsx or CSV.',
      },
    );
  }
  return 'csv';
}

function bomLength(bytes: Uint8Array): number {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 2;
  return 0;
}

/** No bytes, or only white space (NUL too in UTF-16, where every ASCII character carries one). */
function isBlank(bytes: Uint8Array): boolean {
  const start = bomLength(bytes);
  const wide = start === 2 || utf16Pattern(bytes) !== null;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x20 || (b >= 0x09 && b <= 0x0d) || (wide && b === 0)) continue;
    return false;
  }
  return true;
}

function looksLikeText(bytes: Uint8Array): boolean {
  if (bomLength(bytes) > 0 || utf16Pattern(bytes) !== null) return true;
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    // Tab, line feed, form feed, carriage return and the old DOS end-of-file mark are normal in text files.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1a) || b === 0x7f) control++;
  }
  return control <= n * 0.01;
}
