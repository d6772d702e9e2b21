import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildReport, renderReportHtml, type Report } from '@beatplan/reports';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng, measureImage } from './decode-png.js';
import { browserRequired, findChromium, NO_BROWSER_NOTICE } from './find-chromium.js';

// The HTML report in a real headless browser: a Chromium found from $BEATPLAN_CHROMIUM or the usual
// paths (Debian's chromium, installed by .ci/run with apt-get), driven by playwright-core. No browser
// is ever downloaded. Without one the test is skipped with a loud notice, except under CI, where it
// fails. Artifacts (report.html, screenshots) go to $TMPDIR/beatplan-report-browser-test/.
const CHROMIUM = findChromium();
if (!CHROMIUM && !browserRequired()) console.warn(NO_BROWSER_NOTICE);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CHARTS = [
  'chart-score',
  'chart-kpis',
  'chart-balance',
  'chart-repartition',
  'chart-segment-frequency',
  'chart-segment-service',
  'chart-segment-orders',
  'chart-segment-volume',
  'chart-segment-quality',
];

const artifacts = join(tmpdir(), 'beatplan-report-browser-test');
const input = JSON.parse(readFileSync(new URL('./in/small-city.json', import.meta.url), 'utf8')) as unknown;

describe.skipIf(!CHROMIUM && !browserRequired())('HTML report in headless chromium', () => {
  let report: Report;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];
  const documentUrl = pathToFileURL(join(artifacts, 'report.html')).href;

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error(`CI is set and no Chromium was found.${NO_BROWSER_NOTICE}`);
    report = buildReport(input);
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(join(artifacts, 'report.html'), renderReportHtml(report));
    userDataDir = mkdtempSync(join(tmpdir(), 'beatplan-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', async (route) => {
      if (route.request().url() === documentUrl) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(documentUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads nothing but the document itself, runs no script and raises no error', () => {
    expect(blocked, 'requests other than the document').toEqual([]);
    expect(requests).toEqual([documentUrl]);
    expect(problems).toEqual([]);
  });

  it('shows hostile names as text: no script element, the <script> retailer in its tooltip', async () => {
    expect(await page.locator('script').count()).toBe(0);
    const tips = await page.locator('#map circle title').allTextContents();
    expect(tips.some((t) => t.startsWith('<script>alert("x")</script> & Co (R15)'))).toBe(true);
    expect(await page.title()).toBe('Small city — week 10 <test>');
  });

  it('renders the map: one path per territory, one circle per retailer, one polyline per route, all inside the map', async () => {
    const map = page.locator('#map');
    const box = await map.boundingBox();
    expect(box && box.width > 300 && box.height > 200, `map box ${JSON.stringify(box)}`).toBe(true);
    expect(await page.locator('#map .territories path').count()).toBe(report.map.territories.length);
    expect(await page.locator('#map circle').count()).toBe(report.map.retailers.length);
    expect(await page.locator('#map polyline').count()).toBe(report.map.routes.length);
    const outside = await page.evaluate(() => {
      const frame = document.querySelector('#map')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('#map circle, #map .territories path, #map polyline'))
        .map((e) => ({
          id: e.getAttribute('data-retailer') ?? e.getAttribute('data-territory') ?? e.getAttribute('data-date'),
          r: e.getBoundingClientRect(),
        }))
        .filter(
          ({ r }) =>
            r.width <= 0 ||
            r.height <= 0 ||
            r.left < frame.left - 1 ||
            r.right > frame.right + 1 ||
            r.top < frame.top - 1 ||
            r.bottom > frame.bottom + 1,
        )
        .map(({ id }) => id);
    });
    expect(outside, 'map elements empty or outside the map').toEqual([]);
  });

  it('renders every chart with bars', async () => {
    for (const id of CHARTS) {
      const box = await page.locator(`#${id}`).boundingBox();
      expect(box && box.width > 100 && box.height > 40, `#${id} box ${JSON.stringify(box)}`).toBe(true);
      const bars = await page
        .locator(`#${id} rect.bar`)
        .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 0).length);
      expect(bars, `#${id} visible bars`).toBeGreaterThan(0);
    }
  });

  it('takes screenshots that are not blank (page, map, a chart)', async () => {
    const full = await page.screenshot({ fullPage: true, path: join(artifacts, 'report.png') });
    const mapShot = await page.locator('#map').screenshot({ path: join(artifacts, 'map.png') });
    const chartShot = await page.locator('#chart-kpis').screenshot({ path: join(artifacts, 'chart-kpis.png') });
    expect(full.length, 'full-page PNG bytes').toBeGreaterThan(50_000);
    const page1 = measureImage(decodePng(full));
    const map = measureImage(decodePng(mapShot));
    const chart = measureImage(decodePng(chartShot));
    expect(page1.distinctColours).toBeGreaterThan(100);
    expect(page1.nonBackgroundShare).toBeGreaterThan(0.05);
    // the map: background, territory tints, routes, status fills, manager rings, anti-aliasing
    expect(map.distinctColours).toBeGreaterThan(50);
    expect(map.nonBackgroundShare).toBeGreaterThan(0.1);
    expect(chart.distinctColours).toBeGreaterThan(10);
    expect(chart.nonBackgroundShare).toBeGreaterThan(0.05);
  });
});
