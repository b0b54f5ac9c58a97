// Reading the config file is the only file access of the config stage; resolve-settings.ts stays pure.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AsxhError, quote } from '../errors.js';
import type { SettingsLayer } from './resolve-settings.js';

export const DEFAULT_CONFIG_NAME = 'asxh.config.json';

/**
 * The layer from `--config FILE`, or from asxh.config.json in the working folder when it exists.
 * A named file that is missing is an error; a missing default file is simply no layer.
 */
export function loadConfigFile(named: string | undefined, cwd: string): SettingsLayer | null {
  const path = resolve(cwd, named ?? DEFAULT_CONFIG_NAME);
  if (!existsSync(path)) {
    if (named === undefined) return null;
    throw new AsxhError('config_unreadable', {
        vi: `Không đọc được tệp cấu hình ${quote(named)}: tệp không tồn tại`,
        en: `Cannot read the config file ${quote(named)}: it does not exist`,
      },
      { vi: 'Kiểm tra lại đường dẫn, hoặc chạy "asxh init" để ghi một tệp cấu hình mẫu.', en: 'Check the path, or run "asxh init" to write a starter config.' },
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new AsxhError('config_unreadable', {
      vi: `Không đọc được tệp cấu hình ${quote(path)}: ${(err as Error).message}`,
      en: `Cannot read the config file ${quote(path)}: ${(err as Error).message}`,
    });
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (err) {
    throw new AsxhError(
      'config_unreadable',
      {
        vi: `Không đọc được tệp cấu hình ${quote(path)}: tệp không đúng cú pháp JSON (${(err as Error).message})`,
        en: `Cannot read the config file ${quote(path)}: it is not valid JSON (${(err as Error).message})`,
      },
      { vi: 'Kiểm tra xem có thiếu dấu phẩy hay dấu ngoặc kép gần chỗ được nêu không.', en: 'Check for a missing comma or quote near the place named.' },
    );
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new AsxhError('config_invalid', {
      vi: `Cấu hình trong ${path} không hợp lệ: tệp phải chứa đúng một đối tượng JSON`,
      en: `Settings from ${path} are not valid: the file must hold one JSON object`,
    });
  }
  return { origin: path, source: 'file', values: withoutComments(values) as Record<string, unknown> };
}

/** Keys starting with "//" or "$" are comments (JSON has none), at any depth, as in the starter config. */
function withoutComments(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith('//') && !k.startsWith('$'))
      .map(([k, v]) => [k, withoutComments(v)]),
  );
}
