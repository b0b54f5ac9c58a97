import { renderCsv } from './csv-writer.js';
import type { OutputFile } from './output-spec.js';
import { renderXlsx } from './xlsx-writer.js';

/** The bytes of one output file. Text files are UTF-8 without a BOM. */
export async function renderOutput(file: OutputFile, options: { readonly created: Date }): Promise<Buffer> {
  switch (file.kind) {
    case 'csv':
      return renderCsv(file.columns, file.rows);
    case 'xlsx':
      return renderXlsx(file.sheets, options);
    case 'text':
      return Buffer.from(file.content, 'utf8');
    case 'bytes':
      return file.data;
    case 'copy':
      throw new Error(`a copy of ${JSON.stringify(file.of)} is filled in by renderOutputs`);
    default:
      throw new Error(`unknown output kind ${JSON.stringify((file as { kind?: unknown }).kind)}`);
  }
}
