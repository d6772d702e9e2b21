import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, findChromium, NO_BROWSER_NOTICE } from '../../reports/test/find-chromium.js';
import { importMap } from './browser-import-map.js';

// Issue 15, part B: core in a browser without a bundler — plain `<script type="module">` and an
// import map naming each dependency's ES-module entry (the recipe of core's README). papaparse
// (UMD only) is bundled into core's files, so nothing of it needs mapping. Runs the built files.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ORIGIN = 'http://beatplan.test';
const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) console.warn(NO_BROWSER_NOTICE);

describe.skipIf(!CHROMIUM && !browserRequired())('core as plain ES modules in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error(`CI is set and no Chromium was found.${NO_BROWSER_NOTICE}`);
    expect(existsSync(join(ROOT, 'packages/core/dist/index.js')), 'run `npm run build` first').toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  it('imports @beatplan/core with an import map and parses CSV (papaparse inside)', async () => {
    const map = importMap(join(ROOT, 'packages/core'), ROOT);
    expect(map.papaparse).toBeUndefined();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') {
        const html = `<!doctype html><script type="importmap">${JSON.stringify({ imports: map })}</script>
<script type="module">
import { importRetailersCsv, distanceM } from '/packages/core/dist/index.js';
const { retailers } = importRetailersCsv('id,name,lng,lat,segment,class,service_minutes,visit_frequency,order_count,order_volume\\nR1,"Mart, East",120.1,30.2,retail,B,10,weekly,1,2\\n');
window.answer = { name: retailers[0].name, d: Math.round(distanceM({ lng: 120.1, lat: 30.2 }, { lng: 120.11, lat: 30.2 })) };
</script>`;
        return route.fulfill({ contentType: 'text/html', body: html });
      }
      const file = join(ROOT, decodeURIComponent(path));
      if (!file.startsWith(ROOT) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => 'answer' in window, undefined, { timeout: 20_000 }).catch(() => undefined);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { answer: unknown }).answer)).toEqual({
      name: 'Mart, East',
      d: 961,
    });
  });
});
