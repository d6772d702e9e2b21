import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from './backends.js';
import { bearer, type LoadedHost, loadHost, MONDAY } from './fixture.js';

// The manager's phone page in real headless Chromium (Debian's), geolocation granted and set per step:
// start/end online, then offline (the page reloads from its service worker, presses are queued), then
// back online (the queue is sent once, in order). The host runs on the real clock here, with a 1 s
// minimum dwell so that a visit can be played in seconds (the policy is the host's to choose).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the manager’s phone page', () => {
  const backend = sqliteBackend();
  let host: LoadedHost;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let stops: { retailerId: string; lng: number; lat: number }[];

  beforeAll(async () => {
    host = await loadHost(await backend.fresh(), { now: Date.now, verifyPolicy: { minDwellS: 1 } });
    await host.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(host.app.server.address() as AddressInfo).port}`;
    const route = await host.app.inject({
      method: 'GET',
      url: `/managers/${host.managers[0]!.id}/route?date=${MONDAY}`,
      headers: bearer(host.tokens.m1),
    });
    stops = JSON.parse(route.body).stops;
    browser = await chromium.launch({ executablePath: CHROMIUM });
    context = await browser.newContext({
      geolocation: { longitude: 120.155, latitude: 30.274, accuracy: 10 },
      permissions: ['geolocation'],
    });
    // count the Geolocation reads: only a press may read it
    await context.addInitScript(() => {
      const g = navigator.geolocation;
      const original = g.getCurrentPosition.bind(g);
      (window as unknown as { geoReads: number }).geoReads = 0;
      g.getCurrentPosition = (...args: Parameters<Geolocation['getCurrentPosition']>) => {
        (window as unknown as { geoReads: number }).geoReads++;
        original(...args);
      };
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.app.close();
    await host?.repo.close();
    await backend.stop();
  });

  // Chromium stamps an emulated position when it is set: set it again for each press (as a phone moves)
  const at = (i: number, accuracy = 10) => ({ longitude: stops[i]!.lng, latitude: stops[i]!.lat, accuracy });
  const visitState = (retailerId: string) =>
    page.evaluate((id) => JSON.parse(localStorage.getItem('bp-visits') ?? '{}')[id]?.state ?? null, retailerId);
  const queueLength = () => page.evaluate(() => JSON.parse(localStorage.getItem('bp-queue') ?? '[]').length);
  const geoReads = () => page.evaluate(() => (window as unknown as { geoReads: number }).geoReads);
  const waitFor = async (what: () => Promise<unknown>, expected: unknown) => {
    for (let i = 0; i < 200; i++) {
      if ((await what()) === expected) return;
      await page.waitForTimeout(100);
    }
    expect(await what()).toBe(expected);
  };

  it('shows the route and reads the position only when a button is pressed', async () => {
    expect(stops.length).toBeGreaterThanOrEqual(3);
    await page.goto(`${url}/app/?date=${MONDAY}#token=${host.tokens.m1}`);
    await page.waitForSelector('#map circle');
    expect(await page.locator('#map circle').count()).toBe(stops.length);
    expect(await page.locator('#map image').count()).toBe(0); // no tile layer unless the host configures one
    expect(await page.textContent('#next')).toContain(stops[0]!.retailerId);
    expect(await geoReads()).toBe(0);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null), true);
  });

  it('starts and ends a visit online and shows the verdict', async () => {
    await context.setGeolocation(at(0));
    await page.click('#start');
    await waitFor(() => visitState(stops[0]!.retailerId), 'started');
    await page.waitForTimeout(1100);
    await context.setGeolocation(at(0, 12));
    await page.click('#end');
    await waitFor(() => visitState(stops[0]!.retailerId), 'ended');
    expect(await page.textContent('#verdict')).toContain('verified');
    expect(await geoReads()).toBe(2);
    const stored = (await host.repo.listVisits(0, Date.now() + 3_600_000, host.managers[0]!.id)).filter(
      (v) => v.retailerId === stops[0]!.retailerId,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.verdict?.status).toBe('verified');
  });

  it('offline: reloads from the service worker, queues the presses, sends them once back online', async () => {
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#map circle');
    expect(await page.textContent('#next')).toContain(stops[1]!.retailerId);
    await context.setGeolocation(at(1));
    await page.click('#start');
    await waitFor(() => visitState(stops[1]!.retailerId), 'start-queued');
    await page.waitForTimeout(1100);
    await context.setGeolocation(at(1, 12));
    await page.click('#end');
    await waitFor(() => visitState(stops[1]!.retailerId), 'end-queued');
    expect(await queueLength()).toBe(2);
    expect(await page.textContent('#status')).toContain('offline');
    const before = await host.repo.listVisits(0, Date.now() + 3_600_000);
    expect(before.some((v) => v.retailerId === stops[1]!.retailerId)).toBe(false);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitFor(queueLength, 0);
    await waitFor(() => visitState(stops[1]!.retailerId), 'ended');
    expect(await page.textContent('#verdict')).toContain('verified');
    const after = await host.repo.listVisits(0, Date.now() + 3_600_000);
    expect(after.filter((v) => v.retailerId === stops[1]!.retailerId)).toHaveLength(1);
    expect(after.filter((v) => v.retailerId === stops[1]!.retailerId)[0]!.verdict?.status).toBe('verified');
  });

  it('a press far from the shop gets a rejected verdict on the page', async () => {
    await context.setGeolocation({ ...at(2), latitude: stops[2]!.lat + 0.02 }); // ~2.2 km north
    await page.click('#start');
    await waitFor(() => visitState(stops[2]!.retailerId), 'started');
    await page.waitForTimeout(1100);
    await context.setGeolocation({ ...at(2, 12), latitude: stops[2]!.lat + 0.02 });
    await page.click('#end');
    await waitFor(() => visitState(stops[2]!.retailerId), 'ended');
    expect(await page.textContent('#verdict')).toContain('OUT_OF_RANGE');
  });

  it('the on-device queue is bounded: a press beyond 200 waiting is refused, nothing is dropped', async () => {
    await context.setOffline(true);
    const filler = Array.from({ length: 200 }, (_, i) => ({ path: '/visits/none/end', body: {}, retailerId: `Q${i}` }));
    await page.evaluate((q) => localStorage.setItem('bp-queue', JSON.stringify(q)), filler);
    await page.reload();
    await page.waitForSelector('#map circle');
    const reads = await geoReads();
    await page.click('#start');
    await waitFor(async () => (await page.textContent('#status'))?.includes('200 presses are waiting'), true);
    expect(await queueLength()).toBe(200);
    expect(await geoReads()).toBe(reads);
    await page.evaluate(() => localStorage.setItem('bp-queue', '[]'));
    await context.setOffline(false);
  });
});

// The tile layer: only when the host configures a tile URL. The tile server here is a local stand-in
// speaking the XYZ scheme of OpenStreetMap-style servers (`/{z}/{x}/{y}.png`, a PNG per tile): a real one
// cannot be reached from this machine.
describe('the manager’s phone page with a tile layer', () => {
  const backend = sqliteBackend();
  const requested: string[] = [];
  // a 1 × 1 PNG
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const tiles = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  let host: LoadedHost;
  let browser: Browser;

  beforeAll(async () => {
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
    host = await loadHost(await backend.fresh(), {
      now: Date.now,
      page: { tileUrl, tileAttribution: '© test tiles' },
    });
    await host.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.app.close();
    await host?.repo.close();
    await backend.stop();
    tiles.close();
  });

  it('draws the tiles covering the day under the route, at one zoom, with the attribution', async () => {
    const url = `http://127.0.0.1:${(host.app.server.address() as AddressInfo).port}`;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/app/?date=${MONDAY}#token=${host.tokens.m1}`);
    await page.waitForSelector('#map circle');
    const hrefs = await page.$$eval('#map image', (els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    const zooms = new Set(hrefs.map((h) => /\/(\d+)\/\d+\/\d+\.png$/.exec(h)?.[1]));
    expect(zooms.size).toBe(1);
    for (let i = 0; i < 100 && requested.length < hrefs.length; i++) await page.waitForTimeout(100);
    expect(requested.sort()).toEqual(hrefs.map((h) => new URL(h).pathname).sort());
    // every stop and the base lie inside the 320 × 320 view, over the tiles
    const circles = await page.$$eval('#map circle', (els) =>
      els.map((e) => [Number(e.getAttribute('cx')), Number(e.getAttribute('cy'))]),
    );
    for (const [x, y] of circles) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(320);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(320);
    }
    expect(await page.textContent('#map')).toContain('© test tiles');
  });
});
