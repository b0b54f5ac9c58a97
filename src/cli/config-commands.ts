// `asxh init` writes a starter config with every setting at its default and a comment on each group;
// `asxh config --print` shows the resolved settings and where each value came from.
import { Option, type Command } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { DEFAULT_CONFIG_NAME } from '../config/load-config-file.js';
import { DEFAULT_SETTINGS, type Lang } from '../config/settings.js';
import { AsxhError, EXIT, quote } from '../errors.js';
import { addCommonOptions, resolveFromFlags, type CommonFlags } from './common-options.js';
import { runLang } from './run-lang.js';

export function starterConfig(): string {
  const { runDate: _runDate, ...rest } = DEFAULT_SETTINGS;
  const body = {
    '//': 'asxh settings. Keys starting with // are comments. Flags on the command line win over this file.',
    '// map': 'Columns the tool does not recognise: field name → header text as it stands in the list, e.g. {"name": "Chủ hộ", "birth_date": "Sinh"}.',
    '// dateOrder': 'auto: settle day/month order per file from the data; dmy or mdy to force it.',
    '// encoding': 'null: detect the encoding of CSV lists; or utf-8, utf-16le, windows-1258 to force it.',
    '// lang': 'Language of the closing summary on the terminal: vi or en.',
    '// match': 'Matcher thresholds (bits of evidence) and Fellegi–Sunter probabilities; see the README, section Matching.',
    '// dedupe': 'Duplicates: keep "registry_commune" or "first"; allowedProgrammePairs e.g. [["Thương binh", "Người cao tuổi"]].',
    '// pay': 'Payments: period YYYY-MM (or --period), amountCap in VND, bankTemplates keyed by BIN, debitAccounts for pain.001.',
    '// rules': 'Entitlement checks of the period: standardLevels [{"programme": "btxh", "from": "2026-07-01", "level": 540000}] override the national table; provinceLevels [{"programme": "btxh", "from": "2024-07-01", "level": 650000}] or [{"category": "sp_75plus", "from": "2025-07-01", "amount": 650000}] add a province\'s own.',
    ...rest,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function registerConfigCommands(program: Command): void {
  program
    .command('init')
    .description(`Write a starter ${DEFAULT_CONFIG_NAME} in this folder, with every setting at its default`)
    .option('-f, --force', 'replace an existing config file')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['vi', 'en']))
    .action((flags: { force?: boolean; lang?: Lang }) => {
      if (existsSync(DEFAULT_CONFIG_NAME) && !flags.force) {
        throw new AsxhError(
          'output_exists',
          { vi: `Không ghi được ${quote(DEFAULT_CONFIG_NAME)}: tệp đã có`, en: `Cannot write ${quote(DEFAULT_CONFIG_NAME)}: the file already exists` },
          { vi: 'Thêm --force để ghi đè.', en: 'Pass --force to replace it.' },
        );
      }
      writeFileSync(DEFAULT_CONFIG_NAME, starterConfig(), { mode: 0o600 });
      const wrote =
        (flags.lang ?? runLang([])) === 'vi'
          ? `Đã ghi ${DEFAULT_CONFIG_NAME}. Sửa tệp, rồi kiểm tra bằng: asxh config --print`
          : `Wrote ${DEFAULT_CONFIG_NAME}. Edit it, then check it with: asxh config --print`;
      process.stderr.write(`${wrote}\n`);
      process.exitCode = EXIT.ok;
    });

  const config = program
    .command('config')
    .description('Show the resolved settings (defaults < config file < flags) and where each value came from')
    .option('-p, --print', 'print the settings (the default action)');
  addCommonOptions(config);
  config.action((flags: CommonFlags) => {
    const { settings, sources } = resolveFromFlags(flags);
    const lines: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && path !== 'map') {
        for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
        return;
      }
      lines.push(`${`${path} = ${JSON.stringify(value)}`.padEnd(60)} (${sources[path] ?? 'default'})`);
    };
    walk(settings, '');
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = EXIT.ok;
  });
}
