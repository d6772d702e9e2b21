import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, findChromium, NO_BROWSER_NOTICE } from '../../reports/test/find-chromium.js';

// Issue 15, part B: core in a browser without a bundler — plain `<script type="module">` and an
// import map naming each dependency's ES-module entry (the recipe of core's README). papaparse
// (UMD only) is bundled into core's files, so nothing of it needs mapping. Runs the built files.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ORIGIN = 'http://beatplan.test';
const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) console.warn(NO_BROWSER_NOTICE);

/** The ES-module entry of a package.json `exports`/`module` field, for a browser. */
function esmEntry(pkg: Record<string, any>): string {
  const pick = (node: unknown): string | undefined => {
    if (typeof node === 'string') return node;
    if (node === null || typeof node !== 'object') return undefined;
    for (const key of ['browser', 'import', 'module', 'default']) {
      const hit = pick((node as Record<string, unknown>)[key]);
      if (hit) return hit;
    }
    return undefined;
  };
  const root = pkg.exports && typeof pkg.exports === 'object' && '.' in pkg.exports ? pkg.exports['.'] : pkg.exports;
  return pick(root) ?? pkg.module ?? pkg.main ?? 'index.js';
}

/** An import map for every runtime dependency of `dir`'s package, transitively (node_modules layout). */
function importMap(dir: string, map: Record<string, string> = {}): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    if (name in map || name.startsWith('@types/')) continue;
    let at = dir;
    let found = '';
    for (;;) {
      const candidate = join(at, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) {
        found = candidate;
        break;
      }
      if (at === dirname(at)) throw new Error(`${name} is not installed`);
      at = dirname(at);
    }
    const dep = JSON.parse(readFileSync(join(found, 'package.json'), 'utf8'));
    map[name] = `/${join(found, esmEntry(dep)).slice(ROOT.length)}`;
    importMap(found, map);
  }
  return map;
}

describe.skipIf(!CHROMIUM && !browserRequired())('core as plain ES modules in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!CHROMIUM) throw new Error(`CI is set and no Chromium was found.${NO_BROWSER_NOTICE}`);
    expect(existsSync(join(ROOT, 'packages/core/dist/index.js')), 'run `npm run build` first').toBe(true);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => browser?.close());

  it('imports @beatplan/core with an import map and parses CSV (papaparse inside)', async () => {
    const map = importMap(join(ROOT, 'packages/core'));
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
