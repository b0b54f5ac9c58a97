// The dedupe verdict written into the match results: `duplicate` on rows never to be paid, `duplicate_review`
// on every row of a group that joins different registry people. Payment reads these flags.
import type { MatchResult } from '../match/types.js';
import type { DedupeResult } from './types.js';

export const DUPLICATE_FLAGS = {
  duplicate: 'Another row of the same person is paid instead (see duplicates.csv for the group).',
  duplicate_review:
    'The row is in a duplicate group that joins different registry people; nobody is excluded until a person decides.',
} as const;
export type DuplicateFlag = keyof typeof DUPLICATE_FLAGS;

export function applyDuplicateFlags(results: readonly MatchResult[], dedupe: DedupeResult): MatchResult[] {
  // A row can be in a duplicate group and in the review group around it: it gets both verdicts.
  const notes = new Map<number, { flags: (keyof typeof DUPLICATE_FLAGS)[]; texts: string[] }>();
  const note = (i: number, flag: keyof typeof DUPLICATE_FLAGS, text: string): void => {
    const n = notes.get(i) ?? { flags: [], texts: [] };
    if (!n.flags.includes(flag)) n.flags.push(flag);
    n.texts.push(text);
    notes.set(i, n);
  };
  for (const g of dedupe.groups) {
    const kept = g.members.find((m) => m.decision === 'keep');
    const keptAt = kept === undefined ? null : results[kept.index]!.person.prov;
    const keptText = keptAt === null ? '' : `; the row paid is ${keptAt.file}${keptAt.sheet ? ` / ${keptAt.sheet}` : ''} row ${keptAt.row}`;
    for (const m of g.members) {
      if (m.decision === 'exclude') note(m.index, 'duplicate', `duplicate ${g.id} (${m.reason}): not paid${keptText}`);
      if (m.decision === 'review') note(m.index, 'duplicate_review', `duplicate ${g.id}: review, ${g.explanation}`);
    }
  }
  return results.map((r, i) => {
    const n = notes.get(i);
    if (n === undefined) return r;
    const flags = [...r.flags, ...n.flags.filter((f) => !r.flags.includes(f))];
    const text = n.texts.join('; ');
    return { ...r, flags, explanation: r.explanation === '' ? text : `${r.explanation}; ${text}` };
  });
}
