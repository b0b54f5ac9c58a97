// Headless Chromium (Debian's `chromium`; .ci/run installs it) for the report.html tests: the DOM after the page
// loaded, as an officer's browser would build it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll } from 'vitest';

function findChromium(): string | null {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  const found = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  const path = found.stdout.trim().split('\n')[0];
  return found.status === 0 && path ? path : null;
}

const chromium = findChromium();
/** Only a developer's machine without Chromium may skip; in CI a missing browser is a failure. */
export const chromiumSkip = chromium === null && !process.env.CI;
if (chromiumSkip) console.warn('report.html browser test skipped: no chromium binary found (apt-get install chromium, or set CHROMIUM=/path)');

const work = mkdtempSync(join(tmpdir(), 'asxh-report-html-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Load a page (its HTML text) in headless Chromium and return the DOM it built. */
export function loadedDom(html: string): string {
  if (chromium === null) throw new Error("CI is set but no chromium binary was found: .ci/run must install Debian's chromium package");
  const file = join(work, 'report.html');
  writeFileSync(file, html);
  return execFileSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${join(work, 'profile')}`,
      '--dump-dom',
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}
