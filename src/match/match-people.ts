import type { Flag } from './flags.js';
// The matching stage: each row to at most one registry person, by ID, by old CMND, or by Fellegi–Sunter scoring
// of blocked candidates. Pure and deterministic: ties go to the earlier registry row.
import type { Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { matchPerson } from './match-person.js';
import { MATCH_DEFAULTS, type MatchOptions } from './options.js';
import type { MatchResult } from './types.js';

export function matchPeople(people: readonly Person[], registry: Registry, options: MatchOptions = MATCH_DEFAULTS): MatchResult[] {
  return people.map((person) => withListMarks(matchPerson(person, registry, options)));
}

/** What the list itself says against paying the person becomes flags; a death the registry does not know is checked. */
function withListMarks(result: MatchResult): MatchResult {
  const marks = result.person.listMarks ?? [];
  if (marks.length === 0) return result;
  const flags: Flag[] = [...result.flags, ...marks.map((m) => m.flag)];
  const registryAlive = result.registryId !== null && result.status === 'matched' && !result.flags.includes('deceased') && result.deathDate === null;
  if (registryAlive && marks.some((m) => m.flag === 'list_says_deceased')) flags.push('list_registry_disagree');
  return { ...result, flags: [...new Set(flags)] };
}
