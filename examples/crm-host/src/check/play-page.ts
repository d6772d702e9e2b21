import { existsSync } from 'node:fs';
import type { Repository } from '../db/repository.js';
import type { DayTally } from './play-day.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when Debian's Chromium is installed (the page part of the check needs it). */
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/**
 * Plays two visits of a manager's day on the phone page in headless Chromium (geolocation granted and
 * set at each press): the first online, the second offline — the page reloaded from its service worker,
 * both presses queued on the phone — then back online, the queue sent. The host must run with a short
 * minimum dwell (the check uses 1 s) so that a visit plays in seconds.
 */
export async function playPage(options: {
  baseUrl: string;
  token: string;
  managerId: string;
  date: string;
  repo: Repository;
}): Promise<DayTally> {
  const { chromium } = await import('playwright-core');
  const startedAt = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const context = await browser.newContext({ permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(`${options.baseUrl}/app/?date=${options.date}#token=${options.token}`);
    await page.waitForSelector('#map circle');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitFor(() => page.evaluate(() => navigator.serviceWorker.controller !== null));
    const route = await page.evaluate(() => JSON.parse(localStorage.getItem('bp-route') ?? 'null'));
    const stops: { retailerId: string; lng: number; lat: number }[] = route.stops;
    const state = (id: string) =>
      page.evaluate((r) => JSON.parse(localStorage.getItem('bp-visits') ?? '{}')[r]?.state ?? null, id);
    const press = async (
      button: '#start' | '#end',
      stop: { lng: number; lat: number },
      expected: string,
      id: string,
    ) => {
      await context.setGeolocation({ longitude: stop.lng, latitude: stop.lat, accuracy: 10 });
      await page.click(button);
      await waitFor(async () => (await state(id)) === expected);
    };
    const visit = async (i: number, online: boolean) => {
      const stop = stops[i];
      if (!stop) throw new Error(`the day has no stop ${i}`);
      await press('#start', stop, online ? 'started' : 'start-queued', stop.retailerId);
      await page.waitForTimeout(1_100);
      await press('#end', stop, online ? 'ended' : 'end-queued', stop.retailerId);
    };
    await visit(0, true);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('#map circle');
    await visit(1, false);
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await waitFor(async () => (await page.evaluate(() => localStorage.getItem('bp-queue'))) === '[]');
    await waitFor(async () => (await state(stops[1]?.retailerId ?? '')) === 'ended');
    const played = stops.slice(0, 2).map((s) => s.retailerId);
    const stored = (await options.repo.listVisits(startedAt - 60_000, Date.now() + 60_000, options.managerId)).filter(
      (v) => played.includes(v.retailerId),
    );
    const keys = new Set(stored.map((v) => v.retailerId));
    return {
      visits: played.length,
      verified: stored.filter((v) => v.verdict?.status === 'verified').length,
      lost: played.filter((id) => !keys.has(id)).length,
      duplicates: stored.length - keys.size,
    };
  } finally {
    await browser.close();
  }
}

async function waitFor(ok: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('the page did not reach the expected state in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}
