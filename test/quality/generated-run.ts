// A fixture set generated during the test run (never committed) and `bin/asxh` run on it as a user runs it,
// scored by the generator's evaluator against the truth the generator wrote.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateSet, writeSet } from '../../fixtures/generator/fixture-set.js';
import type { SetDef } from '../../fixtures/generator/sets.js';
import { runCli, tempDir } from '../e2e/run-cli.js';

export interface GeneratedRun {
  /** The generated set: lists, registry.csv and truth files. */
  readonly dir: string;
  readonly lists: readonly string[];
  readonly personRows: number;
  readonly registryRows: number;
  /** Runs `asxh <command> <lists> …args --out <a new folder>` and returns the folder; throws unless exit 0 or 1. */
  run(command: 'reconcile' | 'dedupe', args: readonly string[]): string;
  cleanup(): void;
}

export async function generatedRun(def: SetDef): Promise<GeneratedRun> {
  const tmp = tempDir('asxh-quality-');
  const dir = join(tmp.dir, 'set');
  const summary = await writeSet(generateSet(def), dir);
  const lists = readdirSync(dir).filter((f) => /\.(xlsx|csv)$/.test(f) && !f.startsWith('registry')).sort().map((f) => join(dir, f));
  let runs = 0;
  return {
    dir,
    lists,
    personRows: summary.personRows,
    registryRows: summary.registryRows,
    run(command, args) {
      const out = join(tmp.dir, `run-${(runs += 1)}`);
      const r = runCli([command, ...lists, ...args, '--out', out, '--quiet']);
      if (r.code !== 0 && r.code !== 1) throw new Error(`asxh ${command} exited ${r.code}: ${r.stderr}`);
      return out;
    },
    cleanup: tmp.cleanup,
  };
}

/** The registry and run date every generated set is reconciled with. */
export function reconcileArgs(run: GeneratedRun): string[] {
  return ['--registry', join(run.dir, 'registry.csv'), '--run-date', '2026-12-01'];
}
