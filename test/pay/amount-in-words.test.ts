import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../src/pay/amount-in-words.js';

// Each line read aloud and checked by hand against the northern reading used in State documents.
const CASES: readonly [number, string][] = [
  [0, 'Không đồng'],
  [5, 'Năm đồng'],
  [10, 'Mười đồng'],
  [11, 'Mười một đồng'],
  [14, 'Mười bốn đồng'],
  [15, 'Mười lăm đồng'],
  [21, 'Hai mươi mốt đồng'],
  [25, 'Hai mươi lăm đồng'],
  [105, 'Một trăm linh năm đồng'],
  [111, 'Một trăm mười một đồng'],
  [1_000, 'Một nghìn đồng chẵn'],
  [1_005, 'Một nghìn không trăm linh năm đồng'],
  [10_500, 'Mười nghìn năm trăm đồng'],
  [24_000, 'Hai mươi bốn nghìn đồng chẵn'],
  [360_000, 'Ba trăm sáu mươi nghìn đồng chẵn'],
  [750_000, 'Bảy trăm năm mươi nghìn đồng chẵn'],
  [1_500_000, 'Một triệu năm trăm nghìn đồng chẵn'],
  [1_000_500, 'Một triệu năm trăm đồng'],
  [1_005_000, 'Một triệu không trăm linh năm nghìn đồng chẵn'],
  [1_234_567, 'Một triệu hai trăm ba mươi bốn nghìn năm trăm sáu mươi bảy đồng'],
  [2_160_000, 'Hai triệu một trăm sáu mươi nghìn đồng chẵn'],
  [15_015_000, 'Mười lăm triệu không trăm mười lăm nghìn đồng chẵn'],
  [31_041_000, 'Ba mươi mốt triệu không trăm bốn mươi mốt nghìn đồng chẵn'],
  [101_000_000, 'Một trăm linh một triệu đồng chẵn'],
  [1_000_000_000, 'Một tỷ đồng chẵn'],
  [2_500_000_000, 'Hai tỷ năm trăm triệu đồng chẵn'],
  [1_000_000_000_000, 'Một nghìn tỷ đồng chẵn'],
];

describe('amountInWords', () => {
  it.each(CASES)('%i → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses fractions and negative amounts rather than writing a wrong total on a signed document', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(-1000)).toThrow(RangeError);
  });
});
