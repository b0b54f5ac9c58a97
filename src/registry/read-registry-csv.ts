// Reads a population-registry export (machine-made CSV: UTF-8 with or without BOM, or UTF-16LE; `,` `;` or tab)
// into a columnar Registry. A path is streamed in 1 MB chunks, so a 1 GB export never sits in memory as text.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TextDecoder } from 'node:util';
import { AsxhError, quote } from '../errors.js';
import { CsvLineScanner } from './csv-line-scanner.js';
import type { Registry } from './registry.js';
import { RegistryBuilder } from './registry-builder.js';
import { findRegistryColumns } from './registry-columns.js';

export interface ReadRegistryOptions {
  /** Name shown in messages; defaults to the path's base name, or "registry" for bytes. */
  readonly file?: string;
  /** Year of the payment run (birth dates after it are rejected); defaults to the current year. */
  readonly runYear?: number;
}

const CHUNK = 1 << 20;

export async function readRegistryCsv(source: string | Uint8Array, options: ReadRegistryOptions = {}): Promise<Registry> {
  const file = options.file ?? (typeof source === 'string' ? basename(source) : 'registry');
  const reader = new ChunkReader(file, options.runYear ?? new Date().getUTCFullYear());
  if (typeof source === 'string') {
    try {
      const info = await stat(source);
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      throw new AsxhError('input_missing', `Cannot read the registry ${quote(source)}: no such file.`, 'Check the --registry path.');
    }
    for await (const chunk of createReadStream(source, { highWaterMark: CHUNK })) reader.push(chunk as Buffer);
  } else {
    for (let at = 0; at < source.length; at += CHUNK) reader.push(source.subarray(at, at + CHUNK));
  }
  return reader.finish();
}

/** Decodes bytes, finds the delimiter and the header in the first line, then feeds records to the builder. */
class ChunkReader {
  private decoder: TextDecoder | null = null;
  private scanner: CsvLineScanner | null = null;
  private pending = '';
  private builder: RegistryBuilder | null = null;

  constructor(
    private readonly file: string,
    private readonly runYear: number,
  ) {}

  push(bytes: Uint8Array): void {
    if (this.decoder === null) this.decoder = new TextDecoder(encodingOf(bytes));
    this.feed(this.decoder.decode(bytes, { stream: true }));
  }

  finish(): Registry {
    if (this.decoder !== null) this.feed(this.decoder.decode());
    if (this.scanner === null && this.pending.replace(/^\ufeff/, '').trim() !== '') this.start(this.pending + '\n');
    this.scanner?.end();
    if (this.builder === null) {
      throw new AsxhError('registry_invalid', `Cannot use the registry ${quote(this.file)}: the file is empty.`, 'Export the registry again with its header row.');
    }
    return this.builder.finish();
  }

  private feed(text: string): void {
    if (this.scanner !== null) {
      this.scanner.push(text);
      return;
    }
    this.pending += text;
    if (this.pending.indexOf('\n') >= 0) this.start(this.pending);
  }

  private start(text: string): void {
    const body = text.replace(/^\ufeff/, '');
    const firstLine = body.slice(0, body.indexOf('\n')).replace(/\r$/, '');
    if (firstLine.includes('\ufffd')) {
      throw new AsxhError(
        'registry_invalid',
        `Cannot use the registry ${quote(this.file)}: its header ${quote(firstLine)} is not valid UTF-8 (a Windows code page?).`,
        'Save the export as "CSV UTF-8" and try again.',
      );
    }
    const delimiter = delimiterOf(firstLine);
    this.pending = '';
    this.scanner = new CsvLineScanner(delimiter, (fields, record) => {
      if (this.builder === null) {
        const columns = findRegistryColumns(fields, this.file);
        this.builder = new RegistryBuilder(this.file, fields, columns, this.runYear);
        return;
      }
      this.builder.add(fields, record);
    });
    this.scanner.push(body);
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
