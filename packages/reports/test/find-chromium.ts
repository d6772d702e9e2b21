import { existsSync } from 'node:fs';

/** Where a Chromium is usually installed (Debian/Ubuntu, Fedora, snap, macOS). */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * The Chromium a browser test drives: `$BEATPLAN_CHROMIUM` (or `$CHROME_PATH`) when set, else the
 * first of the usual install paths that exists, else null. Never downloads a browser.
 * @throws {Error} when the variable names a file that does not exist.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.BEATPLAN_CHROMIUM || env.CHROME_PATH;
  if (named) {
    if (!existsSync(named)) throw new Error(`BEATPLAN_CHROMIUM/CHROME_PATH names ${named}, which does not exist`);
    return named;
  }
  return USUAL_PATHS.find((p) => existsSync(p)) ?? null;
}

/**
 * Whether a missing browser must fail the run: in CI (`CI` set and not "false"/"0"; `.ci/run` sets
 * CI=1 and installs Debian's chromium), a browser test that cannot run is a failure, not a skip.
 */
export function browserRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** The notice printed when a browser test is skipped. */
export const NO_BROWSER_NOTICE =
  '\n*** SKIPPED: the browser tests found no Chromium (set BEATPLAN_CHROMIUM=/path/to/chromium, or install ' +
  "Debian's chromium: apt-get install -y --no-install-recommends chromium). Under CI=1 this is a failure. ***\n";
