// Pair precision and recall of the duplicates asxh finds, on a fixture set generated during the run (three
// commune lists with people listed again in another commune or programme, and within a list), by the real path:
// `asxh reconcile` (registry, matcher, dedupe) and `asxh dedupe` (no registry), scored against the generator's
// truth (rows of one registry person, and rows it listed twice on purpose). Printed for the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreDuplicateRun, type DuplicateScore } from '../../fixtures/generator/evaluate.js';
import { setDefinition, type SetDef } from '../../fixtures/generator/sets.js';
import { generatedRun, reconcileArgs, type GeneratedRun } from '../quality/generated-run.js';

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

function report(label: string, rows: number, d: DuplicateScore): void {
  console.log(
    `dedupe ${label}: ${rows} person rows, ${d.truthPairs} true pairs; settled by rule: precision ${pct(d.settled.precision)} ` +
      `(${d.settled.rightPairs}/${d.settled.foundPairs}), recall ${pct(d.settled.recall)}; counting ${d.reviewGroups} review groups: ` +
      `precision ${pct(d.precision)}, recall ${pct(d.recall)}`,
  );
}

/** The bench lists, 1,500 people each, many of them listed again elsewhere: about 1,000 pairs that are one person. */
function duplicateSet(): SetDef {
  const def = setDefinition('bench', { seed: 11, registryRows: 20_000, listRows: 1500 });
  return {
    ...def,
    crossDuplicates: [
      { from: 'btxh-yen-phu.xlsx', to: 'ncc-dien-hong.csv', count: 300 },
      { from: 'btxh-nghia-thuan.xlsx', to: 'btxh-yen-phu.xlsx', count: 300 },
      { from: 'ncc-dien-hong.csv', to: 'btxh-nghia-thuan.xlsx', count: 300 },
    ],
  };
}

describe('pair quality on a generated set, by the real path', () => {
  let set: GeneratedRun;
  beforeAll(async () => {
    set = await generatedRun(duplicateSet());
  }, 60_000);
  afterAll(() => set?.cleanup());

  it('asxh reconcile (with the registry)', () => {
    const d = scoreDuplicateRun(set.run('reconcile', reconcileArgs(set)), set.dir)!;
    report('with registry', set.personRows, d);
    expect(d.truthPairs).toBeGreaterThan(900);
    // Measured 99.50 % (993/998): the wrong pairs join a matched row to a namesake's row the matcher did not
    // match (no ID, a 01/01 or year-only birth date), fuzzily.
    expect(d.settled.precision).toBeGreaterThanOrEqual(0.99);
    // Measured 96.88 %: the pairs missed are a matched row and a row sent to review (a relative's ID, or no ID
    // and a year-only date) or left unmatched; only a person can join those.
    expect(d.settled.recall).toBeGreaterThanOrEqual(0.96);
    expect(d.recall).toBeGreaterThanOrEqual(d.settled.recall);
  }, 60_000);

  it('asxh dedupe (without a registry): recall limited by rows with no ID', () => {
    const d = scoreDuplicateRun(set.run('dedupe', []), set.dir)!;
    report('without registry', set.personRows, d);
    expect(d.settled.precision).toBeGreaterThanOrEqual(0.99);
    // Pairs where one row has no usable ID and the birth date is a year only rest on the name alone; a common
    // name is not enough, by design (excluding the wrong person leaves someone unpaid).
    // Measured 91.12 %, precision 99.68 %.
    expect(d.settled.recall).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
