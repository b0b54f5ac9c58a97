import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/config/resolve-settings.js';
import { DEDUPE_DEFAULTS } from '../../src/dedupe/options.js';
import { allowedTogether, programmeMatches } from '../../src/dedupe/programme-pairs.js';
import { AsxhError } from '../../src/errors.js';

/** The dedupe section as the one settings resolver makes it from a config file's "dedupe" object. */
function dedupeOptionsFrom(value: unknown) {
  const layers = value === undefined ? [] : [{ origin: 'asxh.config.json', source: 'file' as const, values: { dedupe: value } }];
  return resolveSettings(layers, new Date('2026-12-01T00:00:00Z')).settings.dedupe;
}

function refusal(value: unknown): AsxhError {
  try {
    dedupeOptionsFrom(value);
  } catch (err) {
    if (err instanceof AsxhError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('dedupe settings', () => {
  it('uses the documented defaults when the settings have no dedupe section', () => {
    expect(dedupeOptionsFrom(undefined)).toEqual(DEDUPE_DEFAULTS);
    expect(DEDUPE_DEFAULTS.keep).toBe('registry_commune');
    expect(DEDUPE_DEFAULTS.allowedProgrammePairs).toEqual([]);
  });

  it('takes a keep rule, a threshold and programme pairs from the settings file', () => {
    const o = dedupeOptionsFrom({ keep: 'first', fuzzyThreshold: 10, allowedProgrammePairs: [['Thương binh', 'Người cao tuổi']] });
    expect([o.keep, o.fuzzyThreshold, o.allowedProgrammePairs]).toEqual(['first', 10, [['Thương binh', 'Người cao tuổi']]]);
  });

  it.each([
    [{ keep: 'last' }, '"dedupe.keep"', 'registry_commune, first'],
    [{ keepRule: 'first' }, '"dedupe.keepRule"', 'unknown key'],
    [{ fuzzyThreshold: '8' }, '"dedupe.fuzzyThreshold"', 'a number'],
    [{ allowedProgrammePairs: [['Thương binh']] }, '"dedupe.allowedProgrammePairs"', 'pairs'],
    [{ idDiffersShare: 0 }, '"dedupe.idDiffersShare"', 'above 0'],
  ])('refuses %j, naming the key and what it must be', (value, key, expected) => {
    const err = refusal(value);
    expect(err.code).toBe('config_invalid');
    expect(err.message).toContain(key);
    expect(err.message).toContain(expected);
    expect(err.hint).toBeTruthy();
  });
});

describe('programme pairs', () => {
  it.each([
    ['Thương binh hạng 2/4', 'Thương binh', true],
    ['THƯƠNG BINH', 'thuong binh', true],
    ['Người cao tuổi từ đủ 80 tuổi trở lên', 'Người cao tuổi', true],
    ['Bệnh binh', 'Thương binh', false],
    [null, 'Thương binh', false],
  ])('%s matches the entry %s: %s', (programme, entry, expected) => {
    expect(programmeMatches(programme, entry)).toBe(expected);
  });

  it('allows a pair in either order, never one programme with itself', () => {
    const pairs = [['Thương binh', 'Người cao tuổi']] as const;
    expect(allowedTogether('Người cao tuổi từ đủ 80 tuổi trở lên', 'Thương binh', pairs)).toBe(true);
    expect(allowedTogether('Thương binh', 'Người cao tuổi thuộc hộ nghèo', pairs)).toBe(true);
    expect(allowedTogether('Thương binh', 'THƯƠNG BINH', pairs)).toBe(false);
    expect(allowedTogether('Người khuyết tật nặng', 'Thương binh', pairs)).toBe(false);
  });
});
