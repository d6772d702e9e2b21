// `npm run host:check`: the end-to-end check of the reference host on real components. Starts what it
// needs — the host on SQLite (a temporary file); Redis (Debian's redis-server) for the province queue
// when installed, else BullMQ's PostgreSQL backend; a PostgreSQL 15 cluster when installed — then:
// plays a manager's day through the HTTP API (route, every stop started and ended, each press sent
// twice), two visits on the phone page in headless Chromium (one of them offline and queued), province
// planning over the queue with a worker killed (SIGKILL) mid-job, a short autocannon load on end-visit,
// and a manager's day on the host running on PostgreSQL. Stops everything it started. Prints one JSON
// line; exits 1 when a visit or a job was lost or stored twice, or a played visit was not verified.
//
// The check's host uses a 1 s minimum dwell (the page plays a visit in seconds) and no rate limit
// (the load part); the default policy's dwell is 5 minutes, the default limit 600 requests a minute.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: the synthetic city generator is plain JavaScript beside the other examples
import { generateCity } from '../../../generate-city.mjs';
import { createFirstAdmin } from '../create-first-admin.js';
import { openRepository } from '../db/open-repository.js';
import type { Repository } from '../db/repository.js';
import { buildApp } from '../http/build-app.js';
import { localDate } from '../http/local-day.js';
import { loadCity } from '../load-city.js';
import { openProvinceQueue, type ProvinceQueue } from '../queue/province-queue.js';
import { hasPostgres, startPostgres } from '../services/start-postgres.js';
import { hasRedis, startRedis } from '../services/start-redis.js';
import { killWorkerRun } from './kill-worker-run.js';
import { loadEndVisit } from './load-end-visit.js';
import { hasChromium, playPage } from './play-page.js';
import { apiClient, type DayTally, playDay } from './play-day.js';

const t0 = Date.now();
const cleanup: (() => Promise<unknown>)[] = [];
const say = (text: string) => process.stderr.write(`host:check: ${text}\n`);

/** A host listening on 127.0.0.1 with a city loaded and planned from today; users per manager. */
async function startHost(
  db: string,
  city: { retailers: unknown[]; managers: { id: string }[] },
  queue?: ProvinceQueue,
) {
  const repo: Repository = await openRepository(db);
  cleanup.push(() => repo.close());
  const admin = await createFirstAdmin(repo, 'admin', 'Check Admin');
  const app = await buildApp({
    repo,
    rateLimitPerMinute: 0,
    verifyPolicy: { minDwellS: 1 },
    ...(queue ? { provinceQueue: queue } : {}),
  });
  cleanup.push(() => app.close());
  const today = localDate(Date.now(), 480);
  await loadCity(app, admin, city as never, { startDate: today, weeks: 1, seed: 7 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const call = apiClient(baseUrl, admin);
  const tokens: string[] = [];
  for (const m of city.managers) {
    const res = await call('POST', '/users', { id: `u-${m.id}`, name: m.id, role: 'manager', managerId: m.id });
    tokens.push(res.json.token);
  }
  // the day to play: each manager's first planned working day from today on (today on a weekday)
  const firstDay = async (managerId: string) => {
    const plans = await repo.listPlans(today, '9999-12-31', managerId);
    const plan = plans.find((p) => p.stops.length >= 2);
    if (!plan) throw new Error(`no planned day of ${managerId} from ${today}`);
    return plan.date;
  };
  return { repo, app, baseUrl, admin, tokens, today, firstDay, db };
}

const sum = (tallies: (DayTally | null)[], key: keyof DayTally) => tallies.reduce((a, t) => a + (t ? t[key] : 0), 0);

let exitCode = 0;
try {
  const dir = mkdtempSync(join(tmpdir(), 'crm-host-check-'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  const redis = hasRedis() ? await startRedis() : null;
  if (redis) cleanup.push(() => redis.stop());
  const pg = hasPostgres() ? await startPostgres() : null;
  if (pg) cleanup.push(() => pg.stop());
  say(`started: SQLite${redis ? ', Redis' : ''}${pg ? ', PostgreSQL 15' : ''}`);
  const queueUrl = redis?.url ?? pg?.url ?? null;
  const queue = queueUrl ? openProvinceQueue(queueUrl) : null;
  if (queue) cleanup.push(() => queue.close());

  const city = generateCity({ seed: 7, retailers: 600, managers: 6 });
  const host = await startHost(join(dir, 'host.db'), city, queue ?? undefined);
  const [m0, m1, m2] = city.managers.map((m: { id: string }) => m.id) as [string, string, string];
  say(`host on SQLite at ${host.baseUrl}: ${city.retailers.length} retailers, ${city.managers.length} managers`);

  const day = await playDay({ ...host, token: host.tokens[0] as string, managerId: m0, date: await host.firstDay(m0) });
  say(`manager's day through the API: ${JSON.stringify(day)}`);
  const page = hasChromium()
    ? await playPage({ ...host, token: host.tokens[1] as string, managerId: m1, date: await host.firstDay(m1) })
    : null;
  say(page ? `the page in Chromium: ${JSON.stringify(page)}` : 'no Chromium: the page part is skipped');
  const province =
    queue && queueUrl
      ? await killWorkerRun({ ...host, adminToken: host.admin, queueUrl, queue, startDate: host.today })
      : null;
  say(province ? `province planning on ${queue?.kind}, a worker killed: ${JSON.stringify(province)}` : 'no queue');
  const load = await loadEndVisit({ ...host, token: host.tokens[2] as string, managerId: m2 });
  say(`end-visit load: ${JSON.stringify(load)}`);

  let pgDay: DayTally | null = null;
  if (pg) {
    const pgCity = generateCity({ seed: 3, retailers: 300, managers: 3 });
    const pgHost = await startHost(pg.url, pgCity);
    const m = pgCity.managers[0].id as string;
    pgDay = await playDay({
      ...pgHost,
      token: pgHost.tokens[0] as string,
      managerId: m,
      date: await pgHost.firstDay(m),
    });
    say(`manager's day on PostgreSQL: ${JSON.stringify(pgDay)}`);
  }

  const tallies = [day, page, pgDay];
  const figures = {
    visits: sum(tallies, 'visits'),
    verified: sum(tallies, 'verified'),
    lost: sum(tallies, 'lost') + (province?.lost ?? 0) + Math.max(0, load.answered - load.stored),
    // (the load's stored verdicts may exceed its 2xx count by the requests in flight when autocannon
    // stopped counting; each ends a different visit, so none is a duplicate)
    duplicates: sum(tallies, 'duplicates') + (province?.duplicates ?? 0),
    rps: Math.round(load.rps),
    p99Ms: load.p99Ms,
    databases: pg ? ['sqlite', 'postgres'] : ['sqlite'],
    queue: queue?.kind ?? null,
    jobs: province?.jobs ?? 0,
    jobsStored: province?.stored ?? 0,
    workerKilled: province !== null,
    page: page !== null,
    loadErrors: load.errors,
    seconds: Math.round((Date.now() - t0) / 1000),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  if (figures.lost > 0 || figures.duplicates > 0 || figures.verified !== figures.visits || load.errors > 0)
    exitCode = 1;
} catch (e) {
  process.stderr.write(`host:check failed: ${(e as Error).stack ?? e}\n`);
  exitCode = 1;
} finally {
  for (const stop of cleanup.reverse()) await stop().catch((e) => say(`cleanup: ${(e as Error).message}`));
}
process.exit(exitCode);
