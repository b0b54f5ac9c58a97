// The settings a user writes: `asxh init` gives a valid starter, `asxh config --print` says where each value
// comes from, and a mistake in the file is refused with the key named.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('asxh init and asxh config', () => {
  it('writes a starter config that the tool accepts, every value marked as from the file', () => {
    expect(runCli(['init'], { cwd: tmp.dir }).code).toBe(0);
    const r = runCli(['config', '--print', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^match\.matchThreshold = 7\.5\s+\(file\)$/m);
    expect(r.stdout).toMatch(/^lang = "en"\s+\(flag\)$/m);
    expect(runCli(['init'], { cwd: tmp.dir }).code).toBe(2);
  });

  it('refuses a config with a typo, naming the key and suggesting the right one', () => {
    const path = join(tmp.dir, 'asxh.config.json');
    const config = JSON.parse(readFileSync(path, 'utf8'));
    config.match.matchTreshold = 9;
    writeFileSync(path, JSON.stringify(config));
    const r = runCli(['config', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"match.matchTreshold"');
    expect(r.stderr).toContain('Did you mean "match.matchThreshold"?');
  });

  it('refuses a config that is not JSON, saying where', () => {
    writeFileSync(join(tmp.dir, 'broken.json'), '{ "lang": "en", }');
    const r = runCli(['config', '--config', 'broken.json', '--lang', 'en'], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not valid JSON');
  });
});
