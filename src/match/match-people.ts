// The matching stage: each row to at most one registry person, by ID, by old CMND, or by Fellegi–Sunter scoring
// of blocked candidates. Pure and deterministic: ties go to the earlier registry row.
import type { Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { matchPerson } from './match-person.js';
import { MATCH_DEFAULTS, type MatchOptions } from './options.js';
import type { MatchResult } from './types.js';

export function matchPeople(people: readonly Person[], registry: Registry, options: MatchOptions = MATCH_DEFAULTS): MatchResult[] {
  return people.map((person) => matchPerson(person, registry, options));
}
