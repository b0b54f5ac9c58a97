// Every description --help shows has its Vietnamese: a command, argument or option added without a line in
// src/cli/help-texts.ts would show English in the default language, and this test names it.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

interface Described {
  readonly where: string;
  readonly text: string;
}

function descriptions(program: Command): Described[] {
  const out: Described[] = [];
  const walk = (c: Command, path: string) => {
    out.push({ where: `${path || 'asxh'}`, text: c.description() });
    for (const a of c.registeredArguments) out.push({ where: `${path} <${a.name()}>`, text: a.description });
    for (const o of c.options) out.push({ where: `${path} ${o.long ?? o.short}`, text: o.description });
    for (const s of c.commands) walk(s, path ? `${path} ${s.name()}` : s.name());
  };
  walk(program, '');
  return out;
}

describe('help texts', () => {
  it('has a Vietnamese text for every command, argument and option', () => {
    const vi = descriptions(buildProgram('vi'));
    const en = descriptions(buildProgram('en'));
    expect(vi.map((d) => d.where)).toEqual(en.map((d) => d.where));
    const untranslated = vi.filter((d, i) => d.text !== '' && d.text === en[i]!.text).map((d) => d.where);
    expect(untranslated).toEqual([]);
  });

  it('keeps the English texts the commands registered, word for word', () => {
    const en = new Map(descriptions(buildProgram('en')).map((d) => [d.where, d.text]));
    // Texts checked by hand against the register*() functions.
    expect(en.get('clean')).toBe('Write cleaned lists (.xlsx for people, .csv for machines), skipped-rows.csv and problems.csv');
    expect(en.get('reconcile --registry')).toBe('population-registry export (CSV or XLSX), or a snapshot from "asxh registry index"');
    expect(en.get('returns --ledger')).toBe('ledger.csv of the payment run the result file answers');
    expect(en.get('verify --base')).toBe('folder the recorded input paths are relative to (default: found from the run folder, else the working folder)');
  });
});
