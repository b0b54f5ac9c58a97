// One row through the matching steps: by ID, by old CMND, then fuzzy (Fellegi–Sunter over blocked candidates).
// Every result carries a one-line explanation an auditor can follow.
import type { Registry } from '../registry/registry.js';
import type { Person } from '../types.js';
import { findCandidates } from './find-candidates.js';
import type { MatchFlag } from './flags.js';
import { idPrefixFromScientific } from './id-prefix.js';
import { judgeIdOwner, type IdJudgement } from './judge-id-owner.js';
import type { BirthLevel } from './levels.js';
import type { MatchOptions } from './options.js';
import { scoreCandidate, type ScoredCandidate } from './score-candidate.js';
import type { Candidate, MatchMethod, MatchResult, MatchStatus } from './types.js';
import { totalText } from './weight-text.js';

function plain(c: Candidate): Candidate {
  return { index: c.index, registryId: c.registryId, score: c.score, comparisons: c.comparisons, explanation: c.explanation };
}

function result(
  person: Person,
  registry: Registry,
  status: MatchStatus,
  method: MatchMethod,
  chosen: Candidate | null,
  flags: readonly MatchFlag[],
  explanation: string,
  candidates: readonly Candidate[],
  correctedId: string | null = null,
): MatchResult {
  const all = [...flags];
  let deathDate = null;
  let text = explanation;
  if (chosen !== null) {
    const reg = registry.get(chosen.index);
    if (reg.alive === false) {
      all.push('deceased');
      deathDate = reg.deathDate;
      text += '; registry: deceased';
    }
  }
  return {
    person,
    status,
    method,
    registryId: chosen === null || chosen.registryId === '' ? null : chosen.registryId,
    score: chosen?.score ?? null,
    flags: [...new Set(all)],
    explanation: text,
    candidates: candidates.map(plain),
    correctedId,
    deathDate,
  };
}

/** Flags for how the winner's fields differ from the row's. */
function levelFlags(c: ScoredCandidate, person: Person): MatchFlag[] {
  const flags: MatchFlag[] = [];
  const { name, birth, sex } = c.levels;
  if (name === 'folded-exact') {
    const bare = (n: { key: string; folded: string } | null): boolean => n !== null && n.key === n.folded;
    flags.push(bare(person.name) || bare(c.person.name) ? 'name_unaccented' : 'name_differs');
  } else if (name !== 'exact' && name !== 'missing') {
    flags.push('name_differs');
  }
  if (birth === 'swapped' || birth === 'year' || birth === 'year-near' || birth === 'disagree') flags.push('dob_differs');
  if (sex === 'disagree') flags.push('sex_differs');
  return flags;
}

const FULL_DATE_LEVELS: readonly BirthLevel[] = ['exact', 'swapped'];

interface FuzzyOutcome {
  readonly scored: readonly ScoredCandidate[];
  readonly text: string;
  readonly status: MatchStatus;
  readonly flags: readonly MatchFlag[];
}

/** Candidates scored and the decision among them. `exclude`: registry rows already judged (an ID's owner). */
function fuzzy(
  person: Person,
  registry: Registry,
  options: MatchOptions,
  writtenId: string | null,
  idPrefix: string | null,
  exclude: ReadonlySet<number>,
): FuzzyOutcome {
  const search = findCandidates(person, registry, options, writtenId, idPrefix);
  const scored = search.rows
    .filter((r) => !exclude.has(r))
    .map((r) => scoreCandidate(person, registry, r, options, { writtenId, idPrefix }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const capped = search.capped.length > 0 ? `; skipped common blocks ${search.capped.join(', ')}` : '';
  const best = scored[0];
  if (best === undefined) {
    return { scored, status: 'unmatched', flags: [], text: `fuzzy: no registry person shares a blocking key${capped}` };
  }
  const second = scored[1];
  const head = `fuzzy: ${scored.length} candidate(s)${capped}; best: ${best.explanation}`;
  const runnerUp = second === undefined ? '; no runner-up' : `; runner-up ${totalText(second.score)}`;
  if (best.score < options.reviewThreshold) {
    return {
      scored,
      status: 'unmatched',
      flags: [],
      text: `${head}${runnerUp}; unmatched: best total below review threshold ${totalText(options.reviewThreshold)}`,
    };
  }
  const flags = levelFlags(best, person);
  const reasons: string[] = [];
  if (best.score < options.matchThreshold) reasons.push(`total below match threshold ${totalText(options.matchThreshold)}`);
  if (second !== undefined && best.score - second.score < options.margin) {
    reasons.push(`runner-up within ${totalText(options.margin)} bits`);
    flags.push('ambiguous');
  }
  if (search.crowded) {
    reasons.push(`more than ${options.maxCandidates} candidates rank alike`);
    flags.push('ambiguous');
  }
  if (!options.autoMatchNameLevels.includes(best.levels.name)) {
    reasons.push(`name only ${best.levels.name}`);
    flags.push('weak_name');
  }
  const regName = best.person.name;
  const regBirth = best.person.birth;
  if (!FULL_DATE_LEVELS.includes(best.levels.birth) && regName !== null && regBirth !== null) {
    const twins = registry.nameYearCount(regName.folded, regBirth.year);
    if (twins > 1) {
      reasons.push(`${twins} registry people share this name and birth year`);
      flags.push('homonyms');
    }
  }
  if (writtenId !== null && !best.idTypo && best.registryId !== '') {
    reasons.push("the row's ID is neither the candidate's nor one typo from it");
    flags.push('id_differs');
  }
  const status: MatchStatus = reasons.length === 0 ? 'matched' : 'review';
  const verdict = status === 'matched' ? 'matched' : `review: ${reasons.join(', ')}`;
  return { scored, status, flags, text: `${head}${runnerUp}; ${verdict}` };
}

/**
 * A relative's ID copied by mistake (domain.md): its owner lives at the registry address of the clear fuzzy winner,
 * and the row agrees with that winner on everything a household does not share: the name as written, the full
 * birth date, sex and village. Then the row is the winner, with the winner's own ID. A weaker fit stays in review.
 */
function relativesId(winner: ScoredCandidate, owners: readonly Candidate[], registry: Registry): boolean {
  const { name, birth, sex, address } = winner.levels;
  if (!(name === 'exact' || name === 'folded-exact') || birth !== 'exact' || sex !== 'agree' || address !== 'village') return false;
  const home = registry.addressKeyAt(winner.index);
  return home !== '' && owners.some((o) => registry.addressKeyAt(o.index) === home);
}

function ownerStep(
  person: Person,
  registry: Registry,
  options: MatchOptions,
  rows: readonly number[],
  method: 'id' | 'cmnd',
  preface: readonly MatchFlag[],
): MatchResult {
  const judged: IdJudgement[] = rows.map((r) => judgeIdOwner(person, registry, r, method, options));
  const agreeing = judged.filter((j) => j.agrees);
  const first = agreeing[0];
  if (agreeing.length === 1 && first !== undefined) {
    return result(person, registry, 'matched', method, first.candidate, [...preface, ...first.flags], first.candidate.explanation, [first.candidate]);
  }
  if (agreeing.length > 1 && first !== undefined) {
    const text = `${method}=found on ${agreeing.length} registry rows that all agree with the row; review: duplicate in registry`;
    const cands = agreeing.slice(0, options.reviewCandidates).map((j) => j.candidate);
    return result(person, registry, 'review', method, first.candidate, [...preface, ...first.flags, 'registry_duplicate_id'], text, cands);
  }
  const owner = judged[0];
  if (owner === undefined) throw new Error('ownerStep needs at least one row');
  if (person.name === null) {
    const text = `${owner.candidate.explanation}; review: ${owner.reason}`;
    return result(person, registry, 'review', method, owner.candidate, [...preface, ...owner.flags, 'name_missing'], text, [owner.candidate]);
  }
  // The ID is someone else's. Look for the row's own person too, so the reviewer sees both.
  const conflict: MatchFlag = method === 'id' ? 'id_conflict' : 'cmnd_conflict';
  const alt = fuzzy(person, registry, options, null, null, new Set(rows));
  const owners = judged.map((j) => j.candidate);
  const others = alt.scored.filter((c) => c.score >= options.reviewThreshold);
  const cands = [...owners, ...others].slice(0, Math.max(options.reviewCandidates, 1));
  // Only a clear fuzzy winner is proposed; the ID's owner never is.
  const proposal = alt.status === 'matched' ? (alt.scored[0] ?? null) : null;
  if (method === 'id' && proposal !== null && relativesId(proposal, owners, registry)) {
    const text =
      `${owner.candidate.explanation}; the ID belongs to another person at the same registry address (${owner.reason}); ` +
      `matched to the person the row describes: ${proposal.explanation}`;
    const own = [...preface, 'id_of_relative' as const, ...levelFlags(proposal, person)];
    return result(person, registry, 'matched', 'fuzzy', proposal, own, text, [proposal], proposal.registryId);
  }
  const text =
    `${owner.candidate.explanation}; review: ${method === 'id' ? 'ID' : 'CMND'} belongs to another person (${owner.reason})` +
    (proposal !== null ? `; the row fits another registry person: ${proposal.explanation}` : '; no other registry person fits clearly');
  const flags = [...preface, conflict, ...owner.flags.filter((f) => f.startsWith('id_'))];
  return result(person, registry, 'review', method, proposal, flags, text, cands);
}

export function matchPerson(person: Person, registry: Registry, options: MatchOptions): MatchResult {
  const old = person.oldId;
  // A 12-digit number in the CMND column is an ID: used when the ID column has none.
  const fromOldColumn = person.personalId === null && old !== null && old.length === 12;
  const id = person.personalId ?? (fromOldColumn ? old : null);
  if (person.name === null && id === null && old === null) {
    return result(person, registry, 'invalid', '', null, [], 'invalid: the row has neither a name nor a usable ID to match on', []);
  }
  const preface: MatchFlag[] = fromOldColumn ? ['id_from_cmnd_column'] : [];
  if (id !== null) {
    const rows = registry.findById(id);
    if (rows.length > 0) return ownerStep(person, registry, options, rows, 'id', preface);
  }
  if (old !== null && old.length === 9) {
    const rows = registry.findByCmnd(old);
    if (rows.length > 0) return ownerStep(person, registry, options, rows, 'cmnd', preface);
  }
  const notFound = id !== null ? 'id=not-found; ' : old !== null ? 'cmnd=not-found; ' : '';
  if (person.name === null) {
    return result(person, registry, 'unmatched', '', null, id !== null ? ['id_not_in_registry'] : [], `${notFound}unmatched: no name to search by`, []);
  }
  const idPrefix = id === null ? idPrefixFromScientific(person.raw.personal_id) : null;
  const f = fuzzy(person, registry, options, id, idPrefix, new Set());
  const best = f.scored[0] ?? null;
  const flags: MatchFlag[] = [...preface, ...f.flags];
  if (f.status === 'unmatched' || best === null) {
    if (id !== null) flags.push('id_not_in_registry');
    return result(person, registry, 'unmatched', '', null, flags, notFound + f.text, []);
  }
  const corrected = f.status === 'matched' && best.idTypo;
  if (corrected) flags.push('id_corrected');
  else if (id !== null) flags.push('id_not_in_registry');
  const cands = f.status === 'matched' ? [best] : f.scored.slice(0, options.reviewCandidates);
  const method: MatchMethod = corrected ? 'id_corrected' : 'fuzzy';
  return result(person, registry, f.status, method, best, flags, notFound + f.text, cands, corrected ? best.registryId : null);
}
