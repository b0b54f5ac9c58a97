// Issue 13: every option is checked before any work starts. Each case names a list and a registry that do not
// exist: if the option were checked only after reading, the error would be about those files instead.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const tmp = tempDir('asxh-options-');
afterAll(() => tmp.cleanup());

const base = (out: string) => ['reconcile', join(tmp.dir, 'khong-co.xlsx'), '--registry', join(tmp.dir, 'khong-co.csv'), '--out', out];

describe('options refused before any work', () => {
  const cases: [string, string[], RegExp, string][] = [
    ['a period that is not a month', ['--period', '2026-13'], /pay\.period.*2026-13/, 'config_invalid'],
    ['an encoding asxh does not know', ['--encoding', 'klingon'], /encoding.*klingon/, 'config_invalid'],
    ['--paid-ledger without --period', ['--paid-ledger', 'ledger.csv'], /--paid-ledger without a period/, 'usage'],
    ['--override-reason without --paid-ledger', ['--period', '2026-12', '--override-reason', 'truy lĩnh'], /--override-reason without --paid-ledger/, 'usage'],
    ['an empty --override-reason', ['--period', '2026-12', '--paid-ledger', 'ledger.csv', '--override-reason', ' '], /empty --override-reason/, 'usage'],
  ];
  for (const [what, flags, message, code] of cases) {
    it(`${what}: exit 2 with its code, nothing read, nothing written`, () => {
      const out = join(tmp.dir, 'out');
      const r = runCli([...base(out), ...flags, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(`[${code}]`);
      expect(r.stderr).not.toMatch(/khong-co/);
      expect(existsSync(out)).toBe(false);
    });
  }

  it('a period in the config file is checked the same way, naming the file', () => {
    const config = join(tmp.dir, 'asxh.config.json');
    writeFileSync(config, JSON.stringify({ pay: { period: '12/2026' } }));
    const r = runCli([...base(join(tmp.dir, 'out2')), '--config', config, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('asxh.config.json');
    expect(r.stderr).toContain('"12/2026"');
  });
});
