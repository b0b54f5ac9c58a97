// A folder per commune when a run covers several (a province's night): communes/<slug>/ holds what that commune
// reviews, signs and sends back: its cleaned lists, review.xlsx, exceptions.xlsx and payments/. Built from the
// run's own results and payment decision, so a commune's figures add up to the province's.
import type { Lang } from '../config/settings.js';
import type { MatchResult } from '../match/types.js';
import { foldText } from '../normalize/fold.js';
import { communePaymentFiles } from '../pay/commune-payments.js';
import type { PayOptions } from '../pay/options.js';
import type { Exclusion, PaymentLine } from '../pay/types.js';
import type { RegistryPerson } from '../registry/registry.js';
import type { Person } from '../types.js';
import { issuerTitle } from '../pay/issuer-title.js';
import { periodText } from '../pay/list-titles.js';
import type { OutputFile } from '../write/output-spec.js';
import { withPageHeader, type PageHeader } from '../write/page-header.js';
import { cleanedBaseNames } from './cleaned-base-names.js';
import { buildCleanOutputs, type CleanInput } from './clean-outputs.js';
import { buildReviewWorkbook, type ShownDecision } from './review-workbook.js';

export const COMMUNES_DIR = 'communes';
export const NO_COMMUNE = 'Không rõ xã';

export interface CommuneSummary {
  readonly commune: string;
  /** The folder, relative to the run's folder. */
  readonly folder: string;
  readonly people: number;
  readonly matched: number;
  readonly review: number;
  readonly unmatched: number;
  readonly deceased: number;
  readonly paid: number;
  readonly amount: number;
}

/** The commune a row is counted under: its 2025 code, else its name as written, else none. */
export function communeKey(p: Person): string {
  if (p.commune2025?.code) return `code:${p.commune2025.code}`;
  return p.commune ? `name:${foldText(p.commune)}` : '';
}

function folderSlug(name: string, taken: Set<string>): string {
  const base = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'khong-ro-xa';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

export interface CommuneFolderInput {
  readonly clean: readonly CleanInput[];
  readonly results: readonly MatchResult[];
  readonly lookup: (index: number) => RegistryPerson;
  readonly shown: ReadonlyMap<MatchResult, ShownDecision>;
  readonly payments: { readonly lines: readonly PaymentLine[]; readonly exclusions: readonly Exclusion[]; readonly options: PayOptions } | null;
  /** settings.lang: the language of the workbooks' explanation texts. */
  readonly lang?: Lang;
}

/** Nothing when the run covers one commune (or none is known): the run's own files are that commune's. */
export function buildCommuneFolders(input: CommuneFolderInput): { files: OutputFile[]; communes: CommuneSummary[]; rootHeaders: ReadonlyMap<string, PageHeader> } {
  // Each row's commune once: a province's night has hundreds of thousands of rows and a hundred communes.
  const keyOf = new Map<Person, string>();
  const keys = new Map<string, string>();
  const byCommune = new Map<string, MatchResult[]>();
  for (const r of input.results) {
    const k = communeKey(r.person);
    keyOf.set(r.person, k);
    if (!keys.has(k)) keys.set(k, r.person.commune ?? NO_COMMUNE);
    const list = byCommune.get(k);
    if (list) list.push(r);
    else byCommune.set(k, [r]);
  }
  if (keys.size <= 1) return { files: [], communes: [], rootHeaders: new Map() };
  const group = <T>(items: readonly T[], person: (item: T) => Person): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const item of items) {
      const k = keyOf.get(person(item)) ?? communeKey(person(item));
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
  // Each list's sheets split by commune once (not every list filtered for every commune: 2 s on 119 communes).
  const cleanOf = new Map<string, CleanInput[]>();
  // Lists wholly of one commune: that commune's cleaned files are the run's own, written twice, rendered once.
  const whole = new Set<string>();
  const rootBases = cleanedBaseNames(input.clean.map((c) => c.file));
  const rootBase = new Map(input.clean.map((c, i) => [c.file, rootBases[i]!]));
  const rootHeaders = new Map<string, PageHeader>();
  for (const c of input.clean) {
    const bySheet = c.sheets.map((s) => group(s.people, (p) => p));
    const here = new Set(bySheet.flatMap((g) => [...g.keys()]));
    if (here.size === 1) whole.add(c.file);
    // A commune's copy of the list keeps every sheet, empty where none of its people are (as the list has them).
    for (const k of [...here].sort()) {
      const lists = cleanOf.get(k) ?? [];
      lists.push({ ...c, sheets: c.sheets.map((s, i) => ({ ...s, people: bySheet[i]!.get(k) ?? [] })) });
      cleanOf.set(k, lists);
    }
  }
  const linesOf = group(input.payments?.lines ?? [], (l) => l.result.person);
  const exclusionsOf = group(input.payments?.exclusions ?? [], (e) => e.result.person);
  const taken = new Set<string>();
  const files: OutputFile[] = [];
  const communes: CommuneSummary[] = [];
  // Folders in the order of their names, so a re-run lists them alike.
  const ordered = [...keys.entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi') || a[0].localeCompare(b[0]));
  for (const [key, name] of ordered) {
    const dir = `${COMMUNES_DIR}/${folderSlug(name, taken)}`;
    const results = byCommune.get(key) ?? [];
    const clean = cleanOf.get(key) ?? [];
    const header = { commune: name === NO_COMMUNE ? null : issuerTitle('', [name]), period: input.payments ? periodText(input.payments.options.period) : null };
    const bases = cleanedBaseNames(clean.map((c) => c.file));
    const own = clean.filter((c) => !whole.has(c.file));
    const cleaned = own.length === 0 ? [] : buildCleanOutputs(own, []).filter((f) => f.path.startsWith('cleaned/'));
    const builtBases = cleanedBaseNames(own.map((c) => c.file));
    const ownBases = new Map(own.map((c, i) => [builtBases[i]!, bases[clean.indexOf(c)]!]));
    files.push(
      ...cleaned.map((f) => {
        // Named as among all this commune's lists, as when every list was built here.
        const m = /^cleaned\/(.*)\.cleaned\.(xlsx|csv)$/.exec(f.path)!;
        return withPageHeader({ ...f, path: `${dir}/cleaned/${ownBases.get(m[1]!) ?? m[1]!}.cleaned.${m[2]!}` }, header);
      }),
    );
    clean.forEach((c, i) => {
      if (!whole.has(c.file)) return;
      for (const ext of ['xlsx', 'csv']) {
        const of = `cleaned/${rootBase.get(c.file)!}.cleaned.${ext}`;
        files.push({ path: `${dir}/cleaned/${bases[i]!}.cleaned.${ext}`, kind: 'copy', of });
        rootHeaders.set(of, header);
      }
    });
    const review = buildReviewWorkbook(results, input.lookup, input.shown);
    files.push(withPageHeader({ ...review, path: `${dir}/${review.path}` }, header));
    let paid = 0;
    let amount = 0;
    if (input.payments) {
      const lines = linesOf.get(key) ?? [];
      const exclusions = exclusionsOf.get(key) ?? [];
      files.push(...communePaymentFiles(dir, name === NO_COMMUNE ? null : name, lines, exclusions, input.payments.options, input.lang ?? 'vi'));
      paid = lines.length;
      amount = lines.reduce((s, l) => s + l.amount, 0);
    }
    const count = (status: string) => results.filter((r) => r.status === status).length;
    communes.push({
      commune: name,
      folder: dir,
      people: results.length,
      matched: count('matched'),
      review: count('review'),
      unmatched: count('unmatched'),
      deceased: results.filter((r) => r.flags.includes('deceased')).length,
      paid,
      amount,
    });
  }
  return { files, communes, rootHeaders };
}
