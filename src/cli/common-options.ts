// Options every data command shares, and their translation into a settings layer. Flags are the top layer:
// defaults < config file < SOURCE_DATE_EPOCH < flags.
import { Command, Option } from 'commander';
import { loadConfigFile } from '../config/load-config-file.js';
import { resolveSettings, runDateFromEpoch, type Resolved, type SettingsLayer } from '../config/resolve-settings.js';
import { AsxhError, quote } from '../errors.js';

export interface CommonFlags {
  readonly config?: string;
  readonly map?: readonly string[];
  readonly encoding?: string;
  readonly dateOrder?: string;
  readonly runDate?: string;
  readonly lang?: string;
  readonly quiet?: boolean;
  readonly logFormat?: 'text' | 'json';
  readonly province?: string;
  readonly commune?: string;
}

export function addCommonOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'settings file (default: asxh.config.json in this folder, if any)')
    .option('-m, --map <field=header>', 'map a column by hand, e.g. --map name="Chủ hộ" (repeatable)', collect, [])
    .option('--encoding <name>', 'force the encoding of CSV inputs: utf-8, utf-16le, utf-16be, windows-1258')
    .addOption(new Option('--date-order <order>', 'day/month order of written dates').choices(['auto', 'dmy', 'mdy']))
    .option('--run-date <yyyy-mm-dd>', 'date of the run, for reproducible outputs (default: SOURCE_DATE_EPOCH or today)')
    .addOption(new Option('--lang <lang>', 'language of messages, help and workbooks').choices(['vi', 'en']))
    .option('--province <name>', 'the province of the run, for communes of one name in several provinces (default: the registry\'s)')
    .option('--commune <name>', 'the commune of rows whose list names none (title, column, address or file name)')
    .option('-q, --quiet', 'print nothing on stderr but errors')
    .addOption(new Option('--log-format <format>', 'stderr as text, or one JSON object a line (for cron logs)').choices(['text', 'json']).default('text'));
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function mapFlags(pairs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) {
      throw new AsxhError(
        'usage',
        { vi: `Không dùng được --map ${quote(pair)}: cần viết dạng trường="Tên cột"`, en: `Cannot use --map ${quote(pair)}: expected field="Header text"` },
        { vi: 'Ví dụ: --map name="Chủ hộ" --map personal_id="Số CCCD"', en: 'For example: --map name="Chủ hộ" --map personal_id="Số CCCD"' },
      );
    }
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export function resolveFromFlags(flags: CommonFlags, extra: Record<string, unknown> = {}): Resolved {
  const layers: SettingsLayer[] = [];
  const file = loadConfigFile(flags.config, process.cwd());
  if (file) layers.push(file);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') layers.push({ origin: 'SOURCE_DATE_EPOCH', source: 'env', values: { runDate: runDateFromEpoch(epoch) } });
  const values: Record<string, unknown> = { ...extra };
  if (flags.map && flags.map.length > 0) values.map = mapFlags(flags.map);
  if (flags.encoding !== undefined) values.encoding = flags.encoding;
  if (flags.dateOrder !== undefined) values.dateOrder = flags.dateOrder;
  if (flags.runDate !== undefined) values.runDate = flags.runDate;
  if (flags.lang !== undefined) values.lang = flags.lang;
  if (flags.province !== undefined || flags.commune !== undefined) {
    values.place = { ...(flags.province !== undefined ? { province: flags.province } : {}), ...(flags.commune !== undefined ? { commune: flags.commune } : {}) };
  }
  layers.push({ origin: 'the command line', source: 'flag', values });
  return resolveSettings(layers, new Date());
}

/** --out and --force, as every command that writes files takes them. */
export function addOutOptions(command: Command, out = 'folder to write into'): Command {
  return command.requiredOption('-o, --out <dir>', out).option('-f, --force', 'replace files in a folder that is not empty');
}
