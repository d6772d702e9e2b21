import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMap } from '../../core/test/browser-import-map.js';
import { browserRequired, findChromium, NO_BROWSER_NOTICE } from '../../reports/test/find-chromium.js';

// Issue 15, part B: a page whose Content-Security-Policy does not allow WebAssembly compilation gets
// the typed TspError WASM_BLOCKED from `solve` (naming 'wasm-unsafe-eval'); with 'wasm-unsafe-eval'
// in script-src, the same page solves. The built @beatplan/tsp, loaded through an import map.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ORIGIN = 'http://beatplan.test';
const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) console.warn(NO_BROWSER_NOTICE);

describe.skipIf(!CHROMIUM && !browserRequired())('@beatplan/tsp under a Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error(`CI is set and no Chromium was found.${NO_BROWSER_NOTICE}`);
    expect(existsSync(join(ROOT, 'packages/tsp/dist/index.js')), 'run `npm run build` first').toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  /** Loads a page with `policy` that solves a 3-stop matrix; returns its answer or its error. */
  async function solveUnder(policy: string): Promise<unknown> {
    const map = importMap(join(ROOT, 'packages/tsp'), ROOT);
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') {
        const html = `<!doctype html><script type="importmap">${JSON.stringify({ imports: map })}</script>
<script type="module">
import { solve } from '/packages/tsp/dist/index.js';
solve({ matrix: [[0, 2, 9], [1, 0, 6], [15, 7, 0]] }).then(
  (r) => { window.answer = { tour: r.tour, length: r.length }; },
  (e) => { window.answer = { name: e.name, code: e.code, message: e.message }; },
);
</script>`;
        return route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': policy }, body: html });
      }
      const file = join(ROOT, decodeURIComponent(path));
      if (!file.startsWith(ROOT) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'answer' in window, undefined, { timeout: 30_000 });
    const answer = await page.evaluate(() => (window as unknown as { answer: unknown }).answer);
    await page.close();
    return answer;
  }

  it("refuses with TspError WASM_BLOCKED when script-src lacks 'wasm-unsafe-eval'", async () => {
    const answer = await solveUnder("script-src 'self' 'unsafe-inline'");
    expect(answer).toMatchObject({ name: 'TspError', code: 'WASM_BLOCKED' });
    expect((answer as { message: string }).message).toContain("'wasm-unsafe-eval'");
  });

  it("solves when script-src allows 'wasm-unsafe-eval'", async () => {
    const answer = await solveUnder("script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'");
    expect(answer).toEqual({ tour: [0, 2, 1], length: 17 });
  });
});
