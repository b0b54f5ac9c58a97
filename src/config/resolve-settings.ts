// Settings are resolved here and nowhere else: defaults < config file < environment < flags.
// Validation is by the shape of the defaults: a key the defaults do not have is a typo, a value of another
// type is a mistake; both are refused with the key's full path, the expected value and the value given.
import { closest } from 'fastest-levenshtein';
import { AsxhError, quote, type Said } from '../errors.js';
import { BENEFIT_RULES } from '../data/benefit-rules.js';
import { RULE_PROGRAMMES } from '../rules/types.js';
import { FIELDS, type Field } from '../types.js';
import { isKnownEncoding } from '../read/csv.js';
import { DEFAULT_SETTINGS, type Settings, type SettingSource } from './settings.js';

export interface SettingsLayer {
  /** Where the layer came from, for messages: a config file's path, or 'command line'. */
  readonly origin: string;
  readonly source: SettingSource;
  readonly values: Readonly<Record<string, unknown>>;
}

export interface Resolved {
  readonly settings: Settings;
  /** Dotted key → where its value came from. */
  readonly sources: Readonly<Record<string, SettingSource>>;
}

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  dateOrder: ['auto', 'dmy', 'mdy'],
  lang: ['vi', 'en'],
  'dedupe.keep': ['registry_commune', 'first'],
};

const AT_LEAST_1: Said = { vi: 'một số nguyên từ 1 trở lên', en: 'a whole number of at least 1' };
const AT_LEAST_2: Said = { vi: 'một số nguyên từ 2 trở lên', en: 'a whole number of at least 2' };

/** Numbers with a narrower range than "any number". */
const RANGES: Readonly<Record<string, { readonly expected: Said; readonly ok: (n: number) => boolean }>> = {
  'dedupe.idDiffersShare': { expected: { vi: 'một tỉ lệ lớn hơn 0 và không quá 1', en: 'a share above 0 and at most 1' }, ok: (n) => n > 0 && n <= 1 },
  'dedupe.maxBlockRows': { expected: AT_LEAST_2, ok: (n) => Number.isInteger(n) && n >= 2 },
  'match.maxBlockRows': { expected: AT_LEAST_2, ok: (n) => Number.isInteger(n) && n >= 2 },
  'match.maxCandidates': { expected: AT_LEAST_1, ok: (n) => Number.isInteger(n) && n >= 1 },
  'match.minPopulation': { expected: AT_LEAST_1, ok: (n) => Number.isInteger(n) && n >= 1 },
  'read.maxCells': { expected: { vi: 'một số ô nguyên từ 10.000 trở lên', en: 'a whole number of cells of at least 10,000' }, ok: (n) => Number.isInteger(n) && n >= 10_000 },
  'pay.amountCap': { expected: { vi: 'một số đồng nguyên lớn hơn 0', en: 'a whole number of VND above 0' }, ok: (n) => Number.isInteger(n) && n > 0 },
};

/** Maps whose keys are the user's own (a BIN, a programme name): any key, values of one kind. */
const OPEN_MAPS: Readonly<Record<string, 'string' | 'object'>> = {
  'pay.programmeCodes': 'string',
  'pay.bankTemplates': 'object',
};

/** Lists whose default is empty, so the defaults cannot show what their items look like. */
const LIST_ITEMS: Readonly<Record<string, { readonly expected: Said; readonly ok: (item: unknown) => boolean }>> = {
  'dedupe.allowedProgrammePairs': {
    expected: {
      vi: 'một danh sách các cặp tên chế độ, ví dụ [["Thương binh", "Người cao tuổi"]]',
      en: 'a list of pairs of programme names, e.g. [["Thương binh", "Người cao tuổi"]]',
    },
    ok: (p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string' && x.trim() !== ''),
  },
  'rules.standardLevels': {
    expected: {
      vi: `một danh sách các đối tượng {"programme": một trong ${RULE_PROGRAMMES.join(', ')}, "from": "YYYY-MM-DD", "level": số đồng nguyên}`,
      en: `a list of {"programme": one of ${RULE_PROGRAMMES.join(', ')}, "from": "YYYY-MM-DD", "level": whole đồng} objects`,
    },
    ok: (l) => isPlain(l) && onlyKeys(l, ['programme', 'from', 'level']) && isProgramme(l.programme) && isDay(l.from) && isVnd(l.level),
  },
  'rules.provinceLevels': {
    expected: {
      vi: 'một danh sách các đối tượng {"programme" hoặc "category" (một mã của bảng quy định), "from": "YYYY-MM-DD", "to" (không bắt buộc), và "level" (mức chuẩn) hoặc "amount" (số đồng nguyên, đi với category)}',
      en: 'a list of {"programme" or "category" (a code of the rules table), "from": "YYYY-MM-DD", "to" (optional), and "level" (a standard level) or "amount" (whole đồng, with a category)} objects',
    },
    ok: (l) =>
      isPlain(l) &&
      onlyKeys(l, ['programme', 'category', 'from', 'to', 'level', 'amount']) &&
      (l.programme === undefined || isProgramme(l.programme)) &&
      (l.category === undefined || (typeof l.category === 'string' && RULE_CATEGORIES.has(l.category))) &&
      (l.programme !== undefined || l.category !== undefined) &&
      isDay(l.from) &&
      (l.to === undefined || l.to === '' || isDay(l.to)) &&
      (l.level === undefined ? l.amount !== undefined && l.category !== undefined && isVnd(l.amount) : l.amount === undefined && isVnd(l.level)),
  },
  'pay.debitAccounts': {
    expected: {
      vi: 'một danh sách các đối tượng {"id", "account", "bankBin", "name", "programmes"}',
      en: 'a list of {"id", "account", "bankBin", "name", "programmes"} objects',
    },
    ok: (a) =>
      isPlain(a) &&
      ['id', 'account', 'bankBin', 'name'].every((k) => typeof a[k] === 'string' && a[k] !== '') &&
      (a.programmes === undefined || (Array.isArray(a.programmes) && a.programmes.every((x) => typeof x === 'string'))),
  },
};

type Plain = Record<string, unknown>;

const RULE_CATEGORIES: ReadonlySet<string> = new Set(BENEFIT_RULES.map((r) => r.category));
const isDay = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(v);
const isVnd = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isProgramme = (v: unknown): boolean => (RULE_PROGRAMMES as readonly unknown[]).includes(v);
const onlyKeys = (o: Plain, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const AN_OBJECT: Said = { vi: 'một đối tượng', en: 'an object' };
const A_TEXT: Said = { vi: 'một chuỗi chữ', en: 'a text value' };
const LIST_OF: Readonly<Record<'number' | 'object' | 'string', Said>> = {
  number: { vi: 'một danh sách số', en: 'a list of numbers' },
  object: { vi: 'một danh sách đối tượng', en: 'a list of objects' },
  string: { vi: 'một danh sách chuỗi chữ', en: 'a list of text values' },
};

function fail(origin: string, key: string, expected: Said, got: unknown): never {
  throw new AsxhError(
    'config_invalid',
    {
      vi: `Cấu hình từ ${origin} không hợp lệ: ${quote(key)} phải là ${expected.vi}, nhưng là ${JSON.stringify(got)}`,
      en: `Settings from ${origin} are not valid: ${quote(key)} must be ${expected.en}, got ${JSON.stringify(got)}`,
    },
    {
      vi: 'Sửa giá trị (xem ví dụ có chú thích do "asxh init" ghi), hoặc bỏ khóa này để dùng giá trị mặc định.',
      en: 'Fix the value (see "asxh init" for a commented example), or remove the key to use the default.',
    },
  );
}

/**
 * The config file and flags name a field → header text ("name": "Họ và tên chủ hộ"), as a person thinks of it;
 * layout wants header → field.
 */
function mapFromLayer(origin: string, value: unknown): Record<string, Field> {
  if (!isPlain(value)) fail(origin, 'map', { vi: 'một đối tượng dạng trường: "Tên cột"', en: 'an object of field: "Header text"' }, value);
  const out: Record<string, Field> = {};
  for (const [field, header] of Object.entries(value)) {
    if (!(FIELDS as readonly string[]).includes(field)) {
      fail(origin, `map.${field}`, { vi: `một trong các trường ${FIELDS.join(', ')}`, en: `one of the fields ${FIELDS.join(', ')}` }, field);
    }
    if (typeof header !== 'string' || header.trim() === '') fail(origin, `map.${field}`, { vi: 'tên cột', en: 'the header text' }, header);
    out[header.trim()] = field as Field;
  }
  return out;
}

function mergeLayer(
  target: Plain,
  defaults: Plain,
  layer: Plain,
  path: string,
  origin: string,
  source: SettingSource,
  sources: Record<string, SettingSource>,
): void {
  for (const [key, value] of Object.entries(layer)) {
    const full = path ? `${path}.${key}` : key;
    if (value === undefined) continue;
    if (!(key in defaults)) {
      const guess = closest(key, Object.keys(defaults));
      throw new AsxhError(
        'config_invalid',
        { vi: `Cấu hình từ ${origin} không hợp lệ: không có khóa ${quote(full)}`, en: `Settings from ${origin} are not valid: unknown key ${quote(full)}` },
        guess ? { vi: `Có phải ý bạn là ${quote(path ? `${path}.${guess}` : guess)}?`, en: `Did you mean ${quote(path ? `${path}.${guess}` : guess)}?` } : undefined,
      );
    }
    const def = defaults[key];
    if (full === 'map') {
      target.map = { ...(target.map as Plain), ...mapFromLayer(origin, value) };
      sources[full] = source;
    } else if (OPEN_MAPS[full]) {
      const kind = OPEN_MAPS[full];
      if (!isPlain(value)) fail(origin, full, AN_OBJECT, value);
      for (const [k, v] of Object.entries(value)) {
        if (kind === 'string' ? typeof v !== 'string' : !isPlain(v)) fail(origin, `${full}.${k}`, kind === 'string' ? A_TEXT : AN_OBJECT, v);
      }
      target[key] = { ...(target[key] as Plain), ...value };
      sources[full] = source;
    } else if (LIST_ITEMS[full]) {
      const rule = LIST_ITEMS[full];
      if (!Array.isArray(value) || !value.every(rule.ok)) fail(origin, full, rule.expected, value);
      target[key] = value;
      sources[full] = source;
    } else if (isPlain(def)) {
      if (!isPlain(value)) fail(origin, full, AN_OBJECT, value);
      const child = { ...(target[key] as Plain) };
      mergeLayer(child, def, value, full, origin, source, sources);
      target[key] = child;
    } else if (Array.isArray(def)) {
      const itemType = def.length > 0 ? (isPlain(def[0]) ? 'object' : typeof def[0]) : 'string';
      const ok = (v: unknown) => (itemType === 'object' ? isPlain(v) : typeof v === itemType);
      if (!Array.isArray(value) || !value.every(ok)) fail(origin, full, itemType === 'number' ? LIST_OF.number : itemType === 'object' ? LIST_OF.object : LIST_OF.string, value);
      target[key] = value;
      sources[full] = source;
    } else {
      const allowed = ENUMS[full];
      if (allowed && !allowed.includes(value as string)) fail(origin, full, { vi: `một trong ${allowed.join(', ')}`, en: `one of ${allowed.join(', ')}` }, value);
      if (typeof def === 'number' && (typeof value !== 'number' || !Number.isFinite(value))) fail(origin, full, { vi: 'một số', en: 'a number' }, value);
      const range = RANGES[full];
      if (range && !range.ok(value as number)) fail(origin, full, range.expected, value);
      if (typeof def === 'boolean' && typeof value !== 'boolean') fail(origin, full, { vi: 'true hoặc false', en: 'true or false' }, value);
      if (typeof def === 'string' && typeof value !== 'string') fail(origin, full, A_TEXT, value);
      if (def === null && value !== null && typeof value !== 'string') fail(origin, full, { vi: 'một chuỗi chữ hoặc null', en: 'a text value or null' }, value);
      target[key] = value;
      sources[full] = source;
    }
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function recordDefaults(obj: Plain, path: string, sources: Record<string, SettingSource>): void {
  for (const [key, value] of Object.entries(obj)) {
    const full = path ? `${path}.${key}` : key;
    if (isPlain(value) && full !== 'map' && !OPEN_MAPS[full]) recordDefaults(value, full, sources);
    else sources[full] = 'default';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Values whose mistake would otherwise surface only after the lists are read (or never, for an encoding). */
function checkBeforeWork(layer: SettingsLayer): void {
  const { encoding, pay } = layer.values as { encoding?: unknown; pay?: unknown };
  if (typeof encoding === 'string' && encoding.trim() !== '' && !isKnownEncoding(encoding)) {
    fail(
      layer.origin,
      'encoding',
      {
        vi: 'một trong utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni (hoặc tên bảng mã khác mà iconv-lite biết)',
        en: 'one of utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni (or another code page name iconv-lite knows)',
      },
      encoding,
    );
  }
  const period = isPlain(pay) ? pay.period : undefined;
  if (typeof period === 'string' && period !== '' && !PERIOD.test(period)) {
    fail(layer.origin, 'pay.period', { vi: 'một tháng viết dạng YYYY-MM, ví dụ 2026-12', en: 'a month written YYYY-MM, e.g. 2026-12' }, period);
  }
}

/** A run date from SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention). */
export function runDateFromEpoch(epoch: string): string {
  if (!/^\d+$/.test(epoch.trim())) {
    throw new AsxhError('config_invalid', {
      vi: `SOURCE_DATE_EPOCH không hợp lệ: cần số giây nguyên tính từ năm 1970, nhưng là ${quote(epoch)}`,
      en: `SOURCE_DATE_EPOCH is not valid: expected whole seconds since 1970, got ${quote(epoch)}`,
    });
  }
  return new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10);
}

function checkRunDate(value: string, origin: string): void {
  const m = ISO_DATE.exec(value);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    fail(origin, 'runDate', { vi: 'một ngày viết dạng YYYY-MM-DD', en: 'a date written YYYY-MM-DD' }, value);
  }
}

/**
 * Apply the layers in order (lowest first) over the defaults. `today` fills the run date when no layer sets it,
 * so that a run without --run-date still has one; pass --run-date to reproduce a past run byte for byte.
 */
export function resolveSettings(layers: readonly SettingsLayer[], today: Date): Resolved {
  const sources: Record<string, SettingSource> = {};
  recordDefaults(DEFAULT_SETTINGS as unknown as Plain, '', sources);
  const merged = structuredClone(DEFAULT_SETTINGS) as unknown as Plain;
  for (const layer of layers) {
    mergeLayer(merged, DEFAULT_SETTINGS as unknown as Plain, layer.values as Plain, '', layer.origin, layer.source, sources);
    if (typeof layer.values.runDate === 'string') checkRunDate(layer.values.runDate, layer.origin);
    checkBeforeWork(layer);
  }
  if (!merged.runDate) {
    merged.runDate = today.toISOString().slice(0, 10);
    sources.runDate = 'default';
  }
  return { settings: deepFreeze(merged as unknown as Settings), sources: Object.freeze(sources) };
}
