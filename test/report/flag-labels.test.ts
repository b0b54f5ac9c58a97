import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_FLAGS } from '../../src/dedupe/apply-duplicate-flags.js';
import { DECISION_FLAGS, MATCH_FLAGS } from '../../src/match/flags.js';
import { FLAG_LABELS_VI, flagText } from '../../src/report/flag-labels.js';

// The flags a user can meet are the ones the README's "Flags" section explains: every one of them, and no
// other, has a Vietnamese label in the workbooks, and every flag the matcher and dedupe define is among them.
function readmeFlags(): string[] {
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n### Flags'), readme.indexOf('\n## Duplicates'));
  return [...new Set([...section.matchAll(/`([a-z]+(?:_[a-z]+)*)`/g)].map((m) => m[1]!))].sort();
}

describe('flags in Vietnamese for the workbooks people read', () => {
  it("labels exactly the flags the README's Flags section explains, which include every catalogued flag", () => {
    const documented = readmeFlags();
    expect(documented.length).toBeGreaterThan(20);
    expect(Object.keys(FLAG_LABELS_VI).sort()).toEqual(documented);
    for (const f of [...Object.keys(MATCH_FLAGS), ...Object.keys(DUPLICATE_FLAGS), ...Object.keys(DECISION_FLAGS)]) expect(documented, f).toContain(f);
    for (const [f, label] of Object.entries(FLAG_LABELS_VI)) expect(label, f).toMatch(/\p{L}/u);
  });

  it('joins labels with semicolons', () => {
    expect(flagText(['id_conflict', 'deceased'])).toBe('số định danh của người khác; đã mất');
  });
});
