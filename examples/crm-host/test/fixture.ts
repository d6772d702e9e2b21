import { retailersToCsv, type CustomerManager, type Retailer } from '@beatplan/core';
import type { FastifyInstance } from 'fastify';
// @ts-expect-error: the synthetic city generator is plain JavaScript beside the other examples
import { generateCity } from '../../generate-city.mjs';
import type { Repository } from '../src/db/repository.js';
import { buildApp, type AppOptions } from '../src/http/build-app.js';
import { issueToken } from '../src/http/tokens.js';

/** A small synthetic city (seed 3): 300 retailers, 3 managers. */
export function smallCity(): { retailers: Retailer[]; managers: CustomerManager[] } {
  return generateCity({ seed: 3, retailers: 300, managers: 3 });
}

/** The Monday the tests plan and visit, and the server's clock on it (09:00 UTC+8). */
export const MONDAY = '2025-03-03';
export const MONDAY_9AM = Date.parse(`${MONDAY}T09:00:00+08:00`);

/** A loaded host: city imported, one week planned, users per role with their tokens. */
export interface LoadedHost {
  app: FastifyInstance;
  repo: Repository;
  clock: { now: number };
  tokens: { admin: string; m1: string; m2: string; x1: string; x2: string };
  managers: CustomerManager[];
}

/** Builds the app on `repo`, creates the first admin like the CLI does, imports the city through the API, plans. */
export async function loadHost(repo: Repository, options: Partial<AppOptions> = {}): Promise<LoadedHost> {
  const clock = { now: MONDAY_9AM + 9 * 3_600_000 }; // 18:00: the day's fixes are all in the past
  const app = await buildApp({ repo, now: () => clock.now, rateLimitPerMinute: 0, ...options });
  await repo.createUser({ id: 'admin', name: 'First Admin', role: 'admin', managerId: null, createdAt: clock.now });
  const admin = await issueToken(repo, 'admin');
  const auth = { authorization: `Bearer ${admin}` };
  const city = smallCity();
  const ok = async (res: { statusCode: number; body: string }, code = 200) => {
    if (res.statusCode !== code) throw new Error(`${res.statusCode} ${res.body}`);
    return JSON.parse(res.body);
  };
  await ok(await app.inject({ method: 'POST', url: '/import/managers', headers: auth, payload: city.managers }));
  await ok(
    await app.inject({
      method: 'POST',
      url: '/import/retailers',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: retailersToCsv(city.retailers),
    }),
  );
  await ok(await app.inject({ method: 'POST', url: '/plans', headers: auth, payload: { startDate: MONDAY, seed: 1 } }));
  const user = async (id: string, role: string, managerId?: string) =>
    (
      await ok(
        await app.inject({ method: 'POST', url: '/users', headers: auth, payload: { id, name: id, role, managerId } }),
        201,
      )
    ).token as string;
  const [m1, m2] = city.managers.map((m: CustomerManager) => m.id);
  const tokens = {
    admin,
    m1: await user('u-m1', 'manager', m1),
    m2: await user('u-m2', 'manager', m2),
    x1: await user('x1', 'inspector'),
    x2: await user('x2', 'inspector'),
  };
  return { app, repo, clock, tokens, managers: city.managers };
}

/** Authorization header of a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A GNSS fix at a point, `at` in epoch ms. */
export const fixAt = (p: { lng: number; lat: number }, at: number, accuracyM = 8) => ({
  lng: p.lng,
  lat: p.lat,
  accuracyM,
  source: 'gnss' as const,
  at: new Date(at).toISOString(),
});
