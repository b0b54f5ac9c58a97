// `asxh dedupe` without a registry: every row becomes a MatchResult with nothing matched, so one findDuplicates
// serves both runs (with a registry, reconcile hands over the matcher's results instead).
import type { MatchResult } from '../match/types.js';
import type { Person } from '../types.js';

export function unmatchedResults(people: readonly Person[]): MatchResult[] {
  return people.map((person) => ({
    person,
    status: 'unmatched',
    method: '',
    registryId: null,
    score: null,
    flags: [],
    explanation: '',
    candidates: [],
    correctedId: null,
    deathDate: null,
  }));
}
