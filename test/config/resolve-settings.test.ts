import { describe, expect, it } from 'vitest';
import { resolveSettings, runDateFromEpoch } from '../../src/config/resolve-settings.js';
import { AsxhError } from '../../src/errors.js';

const today = new Date('2026-11-21T10:00:00Z');
const file = (values: Record<string, unknown>) => ({ origin: 'asxh.config.json', source: 'file' as const, values });
const flags = (values: Record<string, unknown>) => ({ origin: 'the command line', source: 'flag' as const, values });

function errorOf(fn: () => unknown): AsxhError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AsxhError) return err;
    throw err;
  }
  throw new Error('expected an AsxhError');
}

describe('resolveSettings: defaults < config file < flags', () => {
  it('uses the defaults and today as run date when nothing is given', () => {
    const { settings, sources } = resolveSettings([], today);
    expect(settings.dateOrder).toBe('auto');
    expect(settings.lang).toBe('vi');
    expect(settings.runDate).toBe('2026-11-21');
    expect(sources.dateOrder).toBe('default');
  });

  it('lets a flag win over the config file, and records where each value came from', () => {
    const { settings, sources } = resolveSettings([file({ dateOrder: 'mdy', lang: 'en' }), flags({ dateOrder: 'dmy' })], today);
    expect(settings.dateOrder).toBe('dmy');
    expect(settings.lang).toBe('en');
    expect(sources.dateOrder).toBe('flag');
    expect(sources.lang).toBe('file');
  });

  it('turns field → header maps into header → field for layout, merging file and flags', () => {
    const { settings } = resolveSettings([file({ map: { name: 'Họ tên chủ hộ' } }), flags({ map: { birth_date: 'NS' } })], today);
    expect(settings.map).toEqual({ 'Họ tên chủ hộ': 'name', NS: 'birth_date' });
  });

  it('returns frozen settings so no stage can change them', () => {
    const { settings } = resolveSettings([], today);
    expect(Object.isFrozen(settings)).toBe(true);
    expect(Object.isFrozen(settings.match)).toBe(true);
  });

  it('refuses an unknown key, naming it and suggesting the closest one', () => {
    const err = errorOf(() => resolveSettings([file({ dateOder: 'dmy' })], today));
    expect(err.code).toBe('config_invalid');
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('"dateOder"');
    expect(err.message).toContain('asxh.config.json');
    expect(err.hint).toContain('"dateOrder"');
  });

  it('refuses a value outside the allowed ones, quoting it', () => {
    const err = errorOf(() => resolveSettings([file({ dateOrder: 'ymd' })], today));
    expect(err.message).toContain('"dateOrder" must be one of auto, dmy, mdy, got "ymd"');
  });

  it('refuses a map to a field that does not exist', () => {
    const err = errorOf(() => resolveSettings([flags({ map: { hoten: 'Họ tên' } })], today));
    expect(err.message).toContain('map.hoten');
  });

  it('refuses a run date that is not a real calendar day', () => {
    expect(errorOf(() => resolveSettings([flags({ runDate: '2026-02-30' })], today)).message).toContain('YYYY-MM-DD');
    expect(errorOf(() => resolveSettings([flags({ runDate: '01/12/2026' })], today)).code).toBe('config_invalid');
  });

  it('reads SOURCE_DATE_EPOCH as a UTC day', () => {
    expect(runDateFromEpoch('1796083200')).toBe('2026-12-01');
    expect(() => runDateFromEpoch('yesterday')).toThrow(AsxhError);
  });
});

describe('resolveSettings: nested matcher settings', () => {
  it('accepts a threshold from the config file and keeps the other defaults', () => {
    const { settings, sources } = resolveSettings([file({ match: { matchThreshold: 9 } })], today);
    expect(settings.match.matchThreshold).toBe(9);
    expect(settings.match.margin).toBeGreaterThan(0);
    expect(sources['match.matchThreshold']).toBe('file');
    expect(sources['match.margin']).toBe('default');
  });

  it('refuses a threshold given as text', () => {
    const err = errorOf(() => resolveSettings([file({ match: { matchThreshold: 'high' } })], today));
    expect(err.message).toContain('"match.matchThreshold" must be a number, got "high"');
  });

  it('refuses a list setting given as a single value', () => {
    const err = errorOf(() => resolveSettings([file({ match: { autoMatchNameLevels: 'exact' } })], today));
    expect(err.message).toContain('match.autoMatchNameLevels');
  });
});

describe('resolveSettings: entitlement rules', () => {
  it('accepts standard levels and a province\'s own levels, recording where they came from', () => {
    const rules = {
      standardLevels: [{ programme: 'btxh', from: '2026-07-01', level: 540000 }],
      provinceLevels: [
        { programme: 'btxh', from: '2024-07-01', level: 650000 },
        { category: 'sp_75plus', from: '2025-07-01', to: '2026-06-30', amount: 650000 },
      ],
    };
    const { settings, sources } = resolveSettings([file({ rules })], today);
    expect(settings.rules).toEqual(rules);
    expect(sources['rules.provinceLevels']).toBe('file');
    expect(resolveSettings([], today).settings.rules).toEqual({ standardLevels: [], provinceLevels: [] });
  });

  it.each([
    [{ standardLevels: [{ programme: 'btxh', from: '2026-07', level: 540000 }] }, 'rules.standardLevels'],
    [{ standardLevels: [{ programme: 'bhxh', from: '2026-07-01', level: 540000 }] }, 'rules.standardLevels'],
    [{ standardLevels: [{ programme: 'btxh', from: '2026-07-01', level: 540000.5 }] }, 'rules.standardLevels'],
    [{ provinceLevels: [{ category: 'no_such_category', from: '2025-07-01', amount: 650000 }] }, 'rules.provinceLevels'],
    [{ provinceLevels: [{ programme: 'btxh', from: '2025-07-01', amount: 650000 }] }, 'rules.provinceLevels'],
    [{ provinceLevels: [{ programme: 'btxh', from: '2025-07-01', level: 650000, amount: 1 }] }, 'rules.provinceLevels'],
    [{ provinceLevels: [{ from: '2025-07-01', level: 650000 }] }, 'rules.provinceLevels'],
  ])('refuses %j, naming %s', (rules, key) => {
    const err = errorOf(() => resolveSettings([file({ rules })], today));
    expect(err.code).toBe('config_invalid');
    expect(err.message).toContain(key);
  });
});
