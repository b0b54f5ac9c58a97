import { describe, expect, it } from 'vitest';
import { DUPLICATE_FLAGS } from '../../src/dedupe/apply-duplicate-flags.js';
import { MATCH_FLAGS } from '../../src/match/flags.js';
import { FLAG_LABELS_VI, flagText } from '../../src/report/flag-labels.js';

describe('flags in Vietnamese for the workbooks people read', () => {
  it('has a label for every flag the matcher, dedupe and review decisions can set', () => {
    const all = [...Object.keys(MATCH_FLAGS), ...Object.keys(DUPLICATE_FLAGS), 'decision_stale', 'decision_unknown_id', 'not_in_registry'];
    for (const f of all) expect(FLAG_LABELS_VI[f], f).toBeTruthy();
  });

  it('joins labels with semicolons', () => {
    expect(flagText(['id_conflict', 'deceased'])).toBe('số định danh của người khác; đã mất');
  });
});
