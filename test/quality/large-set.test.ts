// Matching quality on a set large enough to mean something: the bench lists at 3,400 people each (10,364 person
// rows) around a 50,000-row registry, generated during the run (never committed), reconciled by bin/asxh and
// scored against the generator's truth with the README's targets: precision >= 99.9 %, recall >= 97 %, review
// <= 3 %. On the two committed sets (480 auto-matches) ">= 99.9 %" only means "none wrong"; here one wrong
// auto-match in ten moves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRun, formatQuality, type QualityReport } from '../../fixtures/generator/evaluate.js';
import { setDefinition } from '../../fixtures/generator/sets.js';
import { generatedRun, reconcileArgs, type GeneratedRun } from './generated-run.js';

const TARGETS = { precision: 0.999, recall: 0.97, review: 0.03 };

describe('quality on a generated set of 10,000 people and a 50,000-row registry', () => {
  let set: GeneratedRun;
  let q: QualityReport;
  beforeAll(async () => {
    set = await generatedRun(setDefinition('bench', { seed: 1, registryRows: 50_000, listRows: 3400 }));
    q = evaluateRun(set.run('reconcile', reconcileArgs(set)), set.dir);
    console.log(formatQuality('generated bench set, seed 1, 50k registry', q));
  }, 90_000);
  afterAll(() => set?.cleanup());

  it('reads every row and fills every field right', () => {
    expect(set.personRows).toBeGreaterThanOrEqual(10_000);
    expect(set.registryRows).toBe(50_000);
    expect(q.rows.persons).toBe(set.personRows);
    expect(q.rows.lost + q.rows.extra + q.rows.twice + q.rows.wrongKind).toBe(0);
    for (const [field, s] of Object.entries(q.fields)) expect({ field, right: s.right }).toEqual({ field, right: s.total });
  });

  it('precision >= 99.9 %, no wrong ID accepted; recall and review no worse than measured', () => {
    const m = q.match!;
    expect(m.persons).toBe(set.personRows);
    expect(m.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(m.wrongIdAccepted).toBe(0);
    // Measured 97.79 % (9,847/10,070) and 2.06 % (214/10,364); before relatives' IDs at the same address were
    // matched (id_of_relative), 96.59 % and 3.22 %.
    expect(m.recall).toBeGreaterThanOrEqual(0.975);
    expect(m.reviewRate).toBeLessThanOrEqual(0.022);
  });

  it("recall >= 97 % and review <= 3 % (the README targets)", () => {
    expect(q.match!.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(q.match!.reviewRate).toBeLessThanOrEqual(TARGETS.review);
  });
});
