// The old-age social allowance and the social pension of one person: the duplicate rules never keep both and keep
// the higher; both rows carry benefits_exclusive; before 1 Jul 2025 there is no such pair.
import { describe, expect, it } from 'vitest';
import { applyDuplicateFlags } from '../../src/dedupe/apply-duplicate-flags.js';
import { findDuplicates } from '../../src/dedupe/find-duplicates.js';
import { DEDUPE_DEFAULTS } from '../../src/dedupe/options.js';
import { exclusiveBenefits, markExclusiveBenefits } from '../../src/rules/exclusive-benefits.js';
import { person, result } from '../dedupe/rows.js';

const who = { name: 'Phạm Văn Tư', birth: '1944-03-07', sex: 'M' as const, id: '036044007788' };
const allowance = result(person('btxh.xlsx', 'T8', 10, { ...who, programme: 'Người cao tuổi từ đủ 80 tuổi trở lên', amount: 500_000 }));
const pension = result(person('huu-tri-xh.xlsx', 'T8', 5, { ...who, programme: 'Trợ cấp hưu trí xã hội', amount: 650_000 }));
const invalid = result(person('ncc.xlsx', 'T8', 7, { ...who, programme: 'Thương binh', amount: 3_667_000 }));
const decisions = (d: ReturnType<typeof findDuplicates>) => d.groups.flatMap((g) => g.members.map((m) => `${m.index}:${m.decision}`));

describe('benefits_exclusive', () => {
  const exclusive = exclusiveBenefits('2025-08')!;

  it('is a pair only from the month the social pension exists', () => {
    expect(exclusiveBenefits('2025-06')).toBeNull();
    expect(exclusive(allowance.person, pension.person)).toBe(true);
    expect(exclusive(pension.person, allowance.person)).toBe(true);
    expect(exclusive(allowance.person, invalid.person)).toBe(false);
    expect(exclusive(allowance.person, allowance.person)).toBe(false);
  });

  it('keeps the higher monthly rate, whatever the file order, and never both even when a pair allows them', () => {
    const options = { ...DEDUPE_DEFAULTS, allowedProgrammePairs: [['Người cao tuổi', 'Hưu trí xã hội'], ['Thương binh', 'Người cao tuổi'], ['Thương binh', 'Hưu trí xã hội']] as const };
    const results = [allowance, pension, invalid];
    const dedupe = findDuplicates(results, options, { exclusive });
    expect(decisions(dedupe)).toEqual(['0:exclude', '1:keep', '2:keep_allowed']);
    // The other rows keep their places: the war invalid's row first in file order stays the one kept.
    const first = findDuplicates([invalid, allowance, pension], options, { exclusive });
    expect(decisions(first)).toEqual(['0:keep', '1:exclude', '2:keep_allowed']);
    expect(dedupe.groups[0]!.explanation).toContain('the higher monthly rate');
    // Without the rule (no period), file order and the configured pairs decide as before.
    expect(decisions(findDuplicates(results, options))).toEqual(['0:keep', '1:keep_allowed', '2:keep_allowed']);
  });

  it('puts the warning on both rows, in the results and in the lists, and not on the third benefit', () => {
    const options = { ...DEDUPE_DEFAULTS, allowedProgrammePairs: [['Thương binh', 'Hưu trí xã hội']] as const };
    const dedupe = findDuplicates([allowance, pension, invalid], options, { exclusive });
    const results = applyDuplicateFlags([allowance, pension, invalid], dedupe);
    const lists = [{ sheets: [{ people: [allowance.person] }] }, { sheets: [{ people: [pension.person, invalid.person] }] }];
    const marked = markExclusiveBenefits(results, dedupe, lists, exclusive);
    expect(marked.results.map((r) => r.person.problems.map((p) => p.code))).toEqual([['benefits_exclusive'], ['benefits_exclusive'], []]);
    expect(marked.results[0]!.flags).toContain('duplicate');
    expect(marked.lists.map((l) => l.sheets[0]!.people.map((p) => p.problems.length))).toEqual([[1], [1, 0]]);
    const message = marked.results[0]!.person.problems[0]!.message;
    expect(message).toContain('huu-tri-xh.xlsx / T8 row 5');
    expect(message).toContain('the duplicate rules pay huu-tri-xh.xlsx / T8 row 5');
  });
});
