import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from '@beatplan/reports';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, findChromium, NO_BROWSER_NOTICE } from './find-chromium.js';

// The story demo's report (examples/story-demo.mjs, on a small synthetic city with the planted
// misconduct) in headless Chromium: nothing but the document is requested; "needs attention" comes
// first and opens with the planted spoofed day, then names the planted contradictions; map and charts
// render; at phone width nothing is cut; printed to PDF (A4 landscape), every column header of every
// table is found by `pdftotext -layout` (Debian's poppler-utils) on some page. Artifacts (HTML, PDF,
// per-page text, screenshots) are left in $TMPDIR/beatplan-report-demo-browser-test/.
const CHROMIUM = findChromium();
const PDFTOTEXT = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p)) ?? null;
const usable = CHROMIUM !== null && PDFTOTEXT !== null;
if (!usable && !browserRequired())
  console.warn(`${NO_BROWSER_NOTICE} (or no pdftotext: apt-get install poppler-utils)`);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

interface Story {
  report: Report;
  html: string;
  roles: { spoof: string; spoofDate: string };
  truth: { kind: string; visitId: string | null }[];
  expected: { code: string; visitIds: string[]; retailerId: string }[];
}

const artifacts = join(tmpdir(), 'beatplan-report-demo-browser-test');
const demoModule = '../../../examples/story-demo.mjs';

describe.skipIf(!usable && !browserRequired())('the demo report in headless chromium', () => {
  let story: Story;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  let documentUrl = '';

  beforeAll(async () => {
    if (!CHROMIUM || !PDFTOTEXT) throw new Error(`CI is set and Chromium or pdftotext is missing.${NO_BROWSER_NOTICE}`);
    const { runStoryDemo } = (await import(/* @vite-ignore */ demoModule)) as {
      runStoryDemo: (options: object) => Promise<Story>;
    };
    story = await runStoryDemo({
      seed: 7,
      retailers: 600,
      managers: 4,
      pilots: 4,
      days: 3,
      sampleSize: 12,
      inspectionDays: 1,
      outDir: null,
      log: () => {},
    });
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, 'report.html');
    writeFileSync(file, story.html);
    documentUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (r) => requests.push(r.url()));
    await context.route('**/*', (route) => (route.request().url() === documentUrl ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(documentUrl, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('requests nothing but the document and raises no error', () => {
    expect(requests).toEqual([documentUrl]);
    expect(problems).toEqual([]);
  });

  it('opens with "needs attention", the planted spoofed day first, then the planted contradictions', async () => {
    expect(await page.locator('main > section').first().getAttribute('id')).toBe('attention');
    const items = await page.locator('#attention li.attention-item').evaluateAll((els) =>
      els.map((e) => ({
        kind: e.getAttribute('data-kind'),
        manager: e.getAttribute('data-manager'),
        dates: e.getAttribute('data-dates'),
        visits: (e.getAttribute('data-visit-ids') ?? '').split(' ').filter(Boolean),
        text: e.textContent ?? '',
      })),
    );
    const spoofed = story.truth.filter((t) => t.kind.startsWith('spoof') && t.visitId).map((t) => t.visitId);
    expect(spoofed.length).toBeGreaterThan(5);
    expect(items[0]).toMatchObject({ kind: 'flagged_day', manager: story.roles.spoof, dates: story.roles.spoofDate });
    expect(items[0]!.visits).toEqual(expect.arrayContaining(spoofed));
    expect(items[0]!.text).not.toMatch(/CONSTANT_ACCURACY/); // plain language; the code is in the tooltip
    expect(items[0]!.text).toContain('same accuracy');
    expect(story.expected.length).toBeGreaterThan(0);
    for (const c of story.expected) {
      const item = items.find((i) => i.kind === 'contradiction' && c.visitIds.every((id) => i.visits.includes(id)));
      expect(item, `${c.code} at ${c.retailerId}`).toBeDefined();
    }
    // every visit named has its evidence row, the link target
    for (const id of new Set(items.flatMap((i) => i.visits)))
      expect(await page.locator(`tr[id="visit-${encodeURIComponent(id)}"]`).count(), id).toBe(1);
  });

  it('shows the trend against last week: sparklines, rank history, the spoofer’s fall under "needs attention"', async () => {
    const sparks = await page
      .locator('#trends svg.spark')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width * e.getBoundingClientRect().height));
    expect(sparks.length).toBe(4 * 8); // 4 managers × (score, 6 KPIs, visits)
    for (const area of sparks) expect(area).toBeGreaterThan(50 * 10);
    expect(await page.locator('table.rank-history-table tbody tr').count()).toBe(4);
    const moved = page.locator(`#attention li[data-kind="figures_moved"][data-manager="${story.roles.spoof}"]`);
    expect(await moved.count()).toBe(1);
    const href = await moved.locator('a').getAttribute('href');
    expect(href).toBe(`#trend-${story.roles.spoof}`);
    expect(await page.locator(`tr[id="trend-${story.roles.spoof}"]`).count()).toBe(1);
  });

  it('shows the decision analysis: the effort chart and the hex siting map with its best cells', async () => {
    const hexes = await page.locator('#hex-map polygon.hex').count();
    expect(hexes).toBeGreaterThan(10);
    const box = await page.locator('#hex-map').boundingBox();
    expect((box?.width ?? 0) * (box?.height ?? 0)).toBeGreaterThan(300 * 200);
    expect(await page.locator('#chart-effort rect.bar').count()).toBeGreaterThan(2);
    expect(await page.locator('table.new-retailer-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('table.new-base-table tbody tr').count()).toBeGreaterThan(0);
  });

  it('renders the map and every chart', async () => {
    const boxes = await page
      .locator('#map, svg.chart')
      .evaluateAll((els) =>
        els.map((e) => ({ id: e.id, w: e.getBoundingClientRect().width, h: e.getBoundingClientRect().height })),
      );
    expect(boxes.find((b) => b.id === 'map')?.w).toBeGreaterThan(300);
    expect(boxes.length).toBeGreaterThan(8);
    for (const b of boxes) expect(b.w * b.h, b.id).toBeGreaterThan(100 * 40);
    await page.screenshot({ path: join(artifacts, 'desktop.png'), fullPage: true });
  });

  it('fits a phone: the page is no wider than the screen (wide tables scroll in their own box)', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.route('**/*', (route) => (route.request().url() === documentUrl ? route.continue() : route.abort()));
    await phone.goto(documentUrl, { waitUntil: 'load' });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(artifacts, 'phone.png'), fullPage: true });
    await phone.close();
  });

  it('prints on A4 landscape with every column header of every table on a page', async () => {
    // each table's (or table part's) header row, in order: its cells must appear together on a page
    const rows = await page
      .locator('table thead tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th'), (th) => th.textContent ?? '')));
    const headerRows = rows.map((r) => r.map((h) => h.replace(/\s+/g, ' ').trim()).join(' '));
    expect(rows.flat().length).toBeGreaterThan(40);
    // nothing is wider than the printable width (277 mm = 1047 px), so Chromium neither cuts nor shrinks
    const print = await browser.newPage({ viewport: { width: 1047, height: 740 } });
    await print.route('**/*', (route) => (route.request().url() === documentUrl ? route.continue() : route.abort()));
    await print.goto(documentUrl, { waitUntil: 'load' });
    await print.emulateMedia({ media: 'print' });
    const tooWide = await print
      .locator('table, svg')
      .evaluateAll((els) =>
        els.filter((e) => e.getBoundingClientRect().right > 1047.5).map((e) => e.getAttribute('class') ?? e.id),
      );
    expect(tooWide, 'tables or figures wider than the printable width').toEqual([]);
    expect(await print.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1047);
    await print.close();
    const pdf = join(artifacts, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync(PDFTOTEXT!.replace('pdftotext', 'pdfinfo'), [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(/Page size:\s+841\.\d+ x 59[45]/.test(info), info).toBe(true); // A4 landscape, points
    const dir = mkdtempSync(join(artifacts, 'pages-'));
    const texts: string[] = [];
    for (let p = 1; p <= pages; p++) {
      const out = join(dir, `page-${p}.txt`);
      execFileSync(PDFTOTEXT!, ['-layout', '-f', String(p), '-l', String(p), pdf, out]);
      texts.push(readFileSync(out, 'utf8').replace(/\s+/g, ' '));
    }
    const missing = headerRows.filter((h) => !texts.some((t) => t.includes(h)));
    expect(missing, `header rows found on none of the ${pages} pages`).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
