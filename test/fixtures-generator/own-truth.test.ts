// The generator writes its truth from its own fold, encoding table and bank list, not asxh's. The two are
// compared here: where they disagree one of them is wrong, and the figures would no longer say which.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERATOR_BANKS } from '../../fixtures/generator/bank-accounts.js';
import { foldText as generatorFold } from '../../fixtures/generator/fold.js';
import { LEGACY_LETTERS } from '../../fixtures/generator/legacy-charsets.js';
import { BANKS } from '../../src/data/banks.js';
import { LEGACY_CHARSET } from '../../src/data/legacy-charsets.js';
import { foldText } from '../../src/normalize/fold.js';

describe("the generator's own truth agrees with asxh's tables", () => {
  it('the same TCVN3 and VNI bytes for every one of the 186 letters', () => {
    expect(LEGACY_LETTERS).toHaveLength(186);
    expect(LEGACY_LETTERS.map((l) => [l.letter, l.tcvn3, l.vni, l.viqr])).toEqual(LEGACY_CHARSET.map(([a, b, c, d]) => [a, b, [...c], d]));
  });

  it('every bank the generator pays through has that BIN in asxh', () => {
    for (const bin of Object.keys(GENERATOR_BANKS)) expect(BANKS.some((b) => b.bin === bin), bin).toBe(true);
  });

  it('the same fold for any text of Vietnamese letters, marks, Ð and spaces', () => {
    const letters = [...new Set(LEGACY_LETTERS.map((l) => l.letter))].join('') + 'Ðð \u00a0\u200b\t';
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), maxLength: 30 }), (text) => {
        expect(generatorFold(text)).toBe(foldText(text));
        expect(generatorFold(text.normalize('NFD'))).toBe(foldText(text));
      }),
      { seed: 4, numRuns: 2000 },
    );
    expect(generatorFold('  NGUYỄN\u00a0Thị  Ðào ')).toBe('nguyen thi dao');
  });
});
