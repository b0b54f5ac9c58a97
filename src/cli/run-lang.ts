// The language of a run before its settings exist: errors can happen while the settings are read, and --help is
// built before commander parses anything. The same order as the settings: the --lang flag, else the config file's
// "lang", else Vietnamese, the officers' language.
import type { Lang } from '../config/settings.js';
import { loadConfigFile } from '../config/load-config-file.js';

export function runLang(argv: readonly string[], cwd: string = process.cwd()): Lang {
  const flag = flagValue(argv, '--lang');
  if (flag === 'vi' || flag === 'en') return flag;
  try {
    // A config file that cannot be read is reported by the command itself, in the default language.
    const lang = loadConfigFile(flagValue(argv, '--config') ?? flagValue(argv, '-c'), cwd)?.values.lang;
    if (lang === 'vi' || lang === 'en') return lang;
  } catch {
    // fall through to the default
  }
  return 'vi';
}

/** The last `--name value` or `--name=value` in argv (the last wins, as with commander). */
function flagValue(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a === name && i + 1 < argv.length) value = argv[i + 1];
    else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
  });
  return value;
}
