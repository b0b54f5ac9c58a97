// Reads a population-registry export (machine-made CSV: UTF-8 with or without BOM, or UTF-16LE; `,` `;` or tab)
// into a columnar Registry. A path is streamed in 1 MB chunks, so a 1 GB export never sits in memory as text,
// and hashed as it streams: the run's manifest records the export's SHA-256 without reading it twice.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { AsxhError, quote } from '../errors.js';
import { CsvByteScanner } from './csv-byte-scanner.js';
import { CsvLineScanner } from './csv-line-scanner.js';
import type { Registry } from './registry.js';
import { RegistryBuilder } from './registry-builder.js';
import { findRegistryColumns } from './registry-columns.js';

export interface ReadRegistryOptions {
  /** Name shown in messages; defaults to the path's base name, or "registry" for bytes. */
  readonly file?: string;
  /** Year of the payment run (birth dates after it are rejected); defaults to the current year. */
  readonly runYear?: number;
  /** Called after each chunk, for a progress line: bytes read so far and the file's size. */
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

const CHUNK = 1 << 20;
const LF = 10;

export async function readRegistryCsv(source: string | Uint8Array, options: ReadRegistryOptions = {}): Promise<Registry> {
  const file = options.file ?? (typeof source === 'string' ? basename(source) : 'registry');
  const reader = new ChunkReader(file, options.runYear ?? new Date().getUTCFullYear());
  const hash = createHash('sha256');
  let bytes = 0;
  if (typeof source === 'string') {
    let total = 0;
    try {
      const info = await stat(source);
      if (!info.isFile()) throw new Error('not a file');
      total = info.size;
    } catch {
      throw new AsxhError(
        'input_missing',
        { vi: `Không đọc được CSDL dân cư ${quote(source)}: không có tệp này.`, en: `Cannot read the registry ${quote(source)}: no such file.` },
        { vi: 'Kiểm tra lại đường dẫn của --registry.', en: 'Check the --registry path.' },
      );
    }
    for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      reader.push(chunk as Buffer);
      options.onProgress?.(bytes, total);
    }
  } else {
    const all = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    hash.update(all);
    bytes = all.length;
    for (let at = 0; at < all.length; at += CHUNK) reader.push(all.subarray(at, at + CHUNK));
  }
  const registry = reader.finish();
  registry.fileHash = { sha256: hash.digest('hex'), bytes };
  return registry;
}

/**
 * Finds the encoding, the delimiter and the header in the first line, then feeds records to the builder: a
 * UTF-8 export as bytes (CsvByteScanner), a UTF-16 one decoded to text first (CsvLineScanner).
 */
class ChunkReader {
  private encoding: string | null = null;
  private decoder: TextDecoder | null = null;
  private text: CsvLineScanner | null = null;
  private bytes: CsvByteScanner | null = null;
  private pendingText = '';
  private pendingBytes: Buffer[] = [];
  private builder: RegistryBuilder | null = null;

  constructor(
    private readonly file: string,
    private readonly runYear: number,
  ) {}

  push(chunk: Buffer): void {
    if (this.encoding === null) {
      this.encoding = encodingOf(chunk);
      if (this.encoding !== 'utf-8') this.decoder = new TextDecoder(this.encoding);
    }
    if (this.decoder !== null) this.feedText(this.decoder.decode(chunk, { stream: true }));
    else this.feedBytes(chunk);
  }

  finish(): Registry {
    if (this.decoder !== null) {
      this.feedText(this.decoder.decode());
      if (this.text === null && this.pendingText.replace(/^\ufeff/, '').trim() !== '') this.startText(this.pendingText + '\n');
      this.text?.end();
    } else {
      if (this.bytes === null && this.pendingBytes.length > 0) {
        const all = Buffer.concat(this.pendingBytes);
        if (new TextDecoder().decode(all).replace(/^\ufeff/, '').trim() !== '') this.startBytes(Buffer.concat([all, Buffer.from('\n')]));
      }
      this.bytes?.end();
    }
    if (this.builder === null) {
      throw new AsxhError(
        'registry_invalid',
        { vi: `Không dùng được CSDL dân cư ${quote(this.file)}: tệp trống.`, en: `Cannot use the registry ${quote(this.file)}: the file is empty.` },
        { vi: 'Xuất lại CSDL dân cư kèm dòng tiêu đề.', en: 'Export the registry again with its header row.' },
      );
    }
    return this.builder.finish();
  }

  private feedText(text: string): void {
    if (this.text !== null) {
      this.text.push(text);
      return;
    }
    this.pendingText += text;
    if (this.pendingText.indexOf('\n') >= 0) this.startText(this.pendingText);
  }

  private feedBytes(chunk: Buffer): void {
    if (this.bytes !== null) {
      this.bytes.push(chunk);
      return;
    }
    this.pendingBytes.push(chunk);
    if (chunk.indexOf(LF) >= 0) this.startBytes(Buffer.concat(this.pendingBytes));
  }

  private startText(text: string): void {
    const body = text.replace(/^\ufeff/, '');
    const delimiter = this.delimiterOf(body.slice(0, body.indexOf('\n')).replace(/\r$/, ''));
    this.pendingText = '';
    this.text = new CsvLineScanner(delimiter, (fields, record) => {
      if (this.builder === null) this.header(fields);
      else this.builder.addTexts(fields, record);
    });
    this.text.push(body);
  }

  private startBytes(all: Buffer): void {
    const body = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? all.subarray(3) : all;
    const nl = body.indexOf(LF);
    const delimiter = this.delimiterOf(new TextDecoder().decode(body.subarray(0, nl)).replace(/\r$/, ''));
    this.pendingBytes = [];
    const utf8 = new TextDecoder();
    this.bytes = new CsvByteScanner(delimiter, (bytes, starts, ends, count, record) => {
      if (this.builder !== null) {
        this.builder.add(bytes, starts, ends, count, record);
        return;
      }
      const fields: string[] = [];
      for (let k = 0; k < count; k += 1) fields.push(utf8.decode(bytes.subarray(starts[k], ends[k])));
      this.header(fields);
    });
    this.bytes.push(body);
  }

  /** The delimiter, from the first line; it must have decoded cleanly. */
  private delimiterOf(firstLine: string): string {
    if (firstLine.includes('\ufffd')) {
      throw new AsxhError(
        'registry_invalid',
        {
          vi: `Không dùng được CSDL dân cư ${quote(this.file)}: dòng tiêu đề ${quote(firstLine)} không phải UTF-8 hợp lệ (bảng mã Windows?).`,
          en: `Cannot use the registry ${quote(this.file)}: its header ${quote(firstLine)} is not valid UTF-8 (a Windows code page?).`,
        },
        { vi: 'Lưu tệp xuất dạng "CSV UTF-8" rồi thử lại.', en: 'Save the export as "CSV UTF-8" and try again.' },
      );
    }
    return delimiterOf(firstLine);
  }

  private header(fields: string[]): void {
    this.builder = new RegistryBuilder(this.file, fields, findRegistryColumns(fields, this.file), this.runYear);
  }
}

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The candidate that splits the header into the most fields; a machine-made header holds no stray delimiters. */
function delimiterOf(header: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = header.split(d).length;
    if (count > most) {
      most = count;
      best = d;
    }
  }
  return best;
}
