// The one shape every stage receives: resolved once (defaults < config file < flags), validated, frozen.
import type { Field } from '../types.js';
import { DEDUPE_DEFAULTS, type DedupeOptions } from '../dedupe/options.js';
import { MATCH_DEFAULTS, type MatchOptions } from '../match/options.js';
import { PAY_DEFAULTS, type PayOptions } from '../pay/options.js';
import { RULES_DEFAULTS, type RulesOptions } from '../rules/options.js';
import { DEFAULT_MAX_CELLS } from '../read/sheet-limits.js';

export type DateOrderSetting = 'auto' | 'dmy' | 'mdy';
export type Lang = 'vi' | 'en';

export interface Settings {
  /** Force the encoding of CSV inputs (an iconv-lite name such as 'utf-8', 'utf-16le', 'windows-1258'). */
  readonly encoding: string | null;
  /** Header text → field, overriding the built-in column aliases. */
  readonly map: Readonly<Record<string, Field>>;
  /** Day/month order of written dates: settled per file from the data when 'auto'. */
  readonly dateOrder: DateOrderSetting;
  /** The run's date (YYYY-MM-DD): stamps outputs, and is "today" for age checks. */
  readonly runDate: string;
  readonly lang: Lang;
  readonly match: MatchOptions;
  readonly dedupe: DedupeOptions;
  /** Payments are written when pay.period is set (--period 2026-12). */
  readonly pay: PayOptions;
  readonly place: PlaceSettings;
  /** Entitlement checks of the payment period: standard levels overridden, a province's own levels. */
  readonly rules: RulesOptions;
  readonly read: ReadSettings;
}

export interface ReadSettings {
  /** The most cells a sheet's grid (last row × last column) or one merged range may need; larger is refused. */
  readonly maxCells: number;
}

export interface PlaceSettings {
  /** The run's province (--province), for communes of one name in several provinces; '' = from the registry. */
  readonly province: string;
  /** The commune of rows whose list names none anywhere (--commune, or a config file in the lists' folder). */
  readonly commune: string;
}

export const DEFAULT_SETTINGS: Settings = {
  encoding: null,
  map: {},
  dateOrder: 'auto',
  runDate: '',
  lang: 'vi',
  match: MATCH_DEFAULTS,
  dedupe: DEDUPE_DEFAULTS,
  pay: PAY_DEFAULTS,
  place: { province: '', commune: '' },
  rules: RULES_DEFAULTS,
  read: { maxCells: DEFAULT_MAX_CELLS },
};

/** Where a resolved setting came from, for `asxh config --print` and the manifest. */
export type SettingSource = 'default' | 'file' | 'flag' | 'env';
