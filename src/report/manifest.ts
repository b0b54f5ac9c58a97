// manifest.json: what an auditor needs to re-run a result and check it. Nothing in it depends on the clock,
// the machine or the folder it ran in, so the same inputs and settings give the same bytes.
import type { Settings, SettingSource } from '../config/settings.js';
import type { OutputFile } from '../write/output-spec.js';

export interface ManifestFile {
  readonly role: 'list' | 'registry' | 'decisions' | 'ledger' | 'output';
  readonly name: string;
  /**
   * Inputs: the path as given on the command line (relative to the folder the run was started from), so that
   * `asxh verify` can find them again; with inRun, relative to the run folder.
   */
  readonly path?: string;
  /** Inputs: the path from the run folder (where manifest.json is), for `asxh verify` started elsewhere. */
  readonly fromRun?: string;
  /** The input is kept in the run folder itself, at `path` (the decisions, which the next review.xlsx replaces). */
  readonly inRun?: boolean;
  /** inRun: the path the file was given as, before it was copied. */
  readonly copiedFrom?: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ManifestContent {
  readonly toolVersion: string;
  readonly command: string;
  readonly settings: Settings;
  readonly sources: Readonly<Record<string, SettingSource>>;
  /** --redact: IDs and accounts in the outputs are masked. */
  readonly redact: boolean;
  readonly inputs: readonly ManifestFile[];
  readonly outputs: readonly ManifestFile[];
  readonly counts: Readonly<Record<string, number>>;
  /** The payment batches and any "pay again" override with its reason; null when no payments were made. */
  readonly payments: unknown;
  /** Folder mode: every file of the folder not read as a list, with its reason (and the error for unreadable ones). */
  readonly passedOver?: readonly { readonly name: string; readonly reason: string; readonly message: string; readonly code?: string }[] | null;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function buildManifest(content: ManifestContent): OutputFile {
  const body = {
    tool: { name: 'asxh', version: content.toolVersion },
    command: content.command,
    runDate: content.settings.runDate,
    redact: content.redact,
    settings: sortedKeys(content.settings),
    settingSources: sortedKeys(content.sources),
    inputs: content.inputs,
    // The fields as the run recorded them, in that order: the terminal's Vietnamese (`said`) is not recorded.
    ...(content.passedOver ? { passedOver: content.passedOver.map((p) => ({ name: p.name, reason: p.reason, message: p.message, ...(p.code !== undefined ? { code: p.code } : {}) })) } : {}),
    outputs: [...content.outputs].sort((a, b) => a.name.localeCompare(b.name)),
    counts: sortedKeys(content.counts),
    payments: content.payments ?? null,
  };
  return { path: 'manifest.json', kind: 'text', content: `${JSON.stringify(body, null, 2)}\n` };
}
