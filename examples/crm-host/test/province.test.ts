import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: the synthetic city generator is plain JavaScript beside the other examples
import { generateCity } from '../../generate-city.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRepository } from '../src/db/open-repository.js';
import { buildApp } from '../src/http/build-app.js';
import { issueToken } from '../src/http/tokens.js';
import type { Repository } from '../src/db/repository.js';
import { splitProvince } from '../src/planning/split-province.js';
import { planTerritory, type TerritoryJob } from '../src/planning/territory-job.js';
import { processTerritoryJob } from '../src/queue/plan-worker.js';
import { openProvinceQueue, type ProvinceQueue } from '../src/queue/province-queue.js';
import { waitForRun } from '../src/queue/wait-for-run.js';
import { startWorkerProcess, type WorkerProcess } from '../src/queue/worker-process.js';
import { startPostgres } from '../src/services/start-postgres.js';
import { startRedis } from '../src/services/start-redis.js';
import { bearer } from './fixture.js';

// Province planning on BullMQ over a real Redis (started here on a free port), and on BullMQ 6's
// PostgreSQL backend with the host's data in the same PostgreSQL (the same code: only the URL differs).
// Territory jobs planned by worker PROCESSES, each planning its jobs' managers whole in the threads of a
// solver pool (1, 2 or 3 threads, one job per thread at a time), give the same plans as this process
// without a pool; a worker killed with SIGKILL mid-job loses nothing (the
// job comes back after its lock expires) and stores nothing twice. Short lock and stall settings
// (1.5 s / 1 s) so that a lost job is back within seconds; production values in the README.
const BEAT = { startDate: '2025-03-03', weeks: 1, seed: 5, utcOffsetMinutes: 480 };
const FAST = { lockMs: 1_500, stalledMs: 1_000 };

describe.each(['redis', 'postgres'])('province planning over BullMQ on %s', (kind) => {
  let dir: string;
  let db: string;
  let queueUrl: string;
  let stopServer: () => Promise<void>;
  let repo: Repository;
  let queue: ProvinceQueue;
  const workers: WorkerProcess[] = [];
  const city = generateCity({ seed: 11, retailers: 480, managers: 6 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-host-province-'));
    if (kind === 'redis') {
      const redis = await startRedis();
      [db, queueUrl, stopServer] = [join(dir, 'host.db'), redis.url, redis.stop];
    } else {
      const pg = await startPostgres(); // its database `postgres` holds the host's tables and the queue's schema
      [db, queueUrl, stopServer] = [pg.url, pg.url, pg.stop];
    }
    repo = await openRepository(db);
    await repo.upsertManagers(city.managers);
    await repo.upsertRetailers(city.retailers);
    queue = openProvinceQueue(queueUrl);
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await queue?.close();
    await repo?.close();
    await stopServer?.();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Splits the stored province into jobs of a new run, and records the run. */
  const newRun = async (runId: string) => {
    const split = splitProvince(await repo.listRetailers(), await repo.listManagers(), { runId, beat: BEAT });
    await repo.startPlanningRun(
      { id: runId, createdAt: Date.now(), spec: BEAT, jobs: split.jobs.length },
      { territories: split.territories, assignment: split.assignment },
    );
    return split.jobs;
  };
  const storedPlans = async (jobs: readonly TerritoryJob[]) =>
    Promise.all(jobs.map((j) => repo.listPlans('2025-03-03', '2025-03-09', j.managerId)));
  const json = <T>(x: T): T => JSON.parse(JSON.stringify(x));

  it('a job run twice stores its result once', async () => {
    const [job] = await newRun('run-twice');
    if (!job) throw new Error('no job');
    const first = await processTerritoryJob(job, repo, 'first');
    const second = await processTerritoryJob(job, repo, 'second');
    expect(first).toMatchObject({ stored: true, managerId: job.managerId });
    expect(second).toMatchObject({ stored: false, plans: first.plans });
    const results = await repo.listPlanningResults('run-twice');
    expect(results.map((r) => [r.managerId, r.worker])).toEqual([[job.managerId, 'first']]);
  });

  it('two worker processes, one killed with SIGKILL mid-job: every plan stored once, equal to the single-process plans', async () => {
    const jobs = await newRun('run-kill');
    const reference = json(await Promise.all(jobs.map((j) => planTerritory(j))));
    // One job was stored by a worker that died before the queue heard of it: its rerun must store nothing.
    const early = jobs[jobs.length - 1] as TerritoryJob;
    await processTerritoryJob(early, repo, 'died-after-storing');

    const a = await startWorkerProcess({ queueUrl, db, name: 'A', ...FAST });
    workers.push(a);
    await queue.enqueue(jobs);
    const taken = await a.waitFor((e) => e.event === 'active');
    await a.kill(); // mid-job: it had just started planning
    expect(a.events.some((e) => e.event === 'completed' && e.jobId === taken.jobId)).toBe(false);
    // B plans on one solver thread, C on three, three jobs at once: the plans must not depend on it
    const b = await startWorkerProcess({ queueUrl, db, name: 'B', threads: 1, ...FAST });
    const c = await startWorkerProcess({ queueUrl, db, name: 'C', threads: 3, ...FAST });
    workers.push(b, c);
    expect(c.events.find((e) => e.event === 'ready')).toMatchObject({ threads: 3, concurrency: 3 });

    const results = await waitForRun(repo, queue, 'run-kill', jobs.length, { timeoutMs: 90_000 });
    // nothing lost, nothing twice: one result per territory; the killed worker stored none
    expect(results.map((r) => r.managerId).sort()).toEqual(jobs.map((j) => j.managerId).sort());
    expect(results.some((r) => r.worker === 'A')).toBe(false);
    expect(results.find((r) => r.managerId === early.managerId)?.worker).toBe('died-after-storing');
    // the whole run finished (a result is stored inside its job, just before the queue marks it completed)
    for (let i = 0; i < 100 && (await queue.counts()).completed !== jobs.length; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await queue.counts()).completed).toBe(jobs.length);
    // the killed worker's job was run again, elsewhere, once
    const again = (e: { event: string; jobId?: string }) => e.event === 'completed' && e.jobId === taken.jobId;
    await Promise.any([b.waitFor(again), c.waitFor(again)]);
    expect([...b.events, ...c.events].filter(again)).toHaveLength(1);
    // same seed, same plans as this process computed (whoever ran each job)
    expect(await storedPlans(jobs)).toEqual(reference.map((r) => r.plans));
  });

  it('POST /province-plans queues the territories; GET shows the run done, the plans as planned in one process', async () => {
    await repo.createUser({ id: 'admin', name: 'Admin', role: 'admin', managerId: null, createdAt: Date.now() });
    const manager = city.managers[0] as { id: string };
    await repo.createUser({ id: 'm', name: 'M', role: 'manager', managerId: manager.id, createdAt: Date.now() });
    const [admin, m] = [await issueToken(repo, 'admin'), await issueToken(repo, 'm')];
    const app = await buildApp({ repo, provinceQueue: queue, rateLimitPerMinute: 0 });
    try {
      const split = splitProvince(await repo.listRetailers(), await repo.listManagers(), { runId: 'x', beat: BEAT });
      const reference = json(await Promise.all(split.jobs.map((j) => planTerritory(j))));
      const body = { startDate: BEAT.startDate, weeks: BEAT.weeks, seed: BEAT.seed };
      const refused = await app.inject({ method: 'POST', url: '/province-plans', headers: bearer(m), payload: body });
      expect(refused.statusCode).toBe(403);
      const res = await app.inject({ method: 'POST', url: '/province-plans', headers: bearer(admin), payload: body });
      expect(res.statusCode, res.body).toBe(202);
      const { runId, jobs } = JSON.parse(res.body);
      expect(jobs).toBe(city.managers.length);
      expect(
        (await app.inject({ method: 'GET', url: `/province-plans/${runId}`, headers: bearer(m) })).statusCode,
      ).toBe(403);
      await waitForRun(repo, queue, runId, jobs, { timeoutMs: 90_000 });
      const state = JSON.parse(
        (await app.inject({ method: 'GET', url: `/province-plans/${runId}`, headers: bearer(admin) })).body,
      );
      expect(state).toMatchObject({ runId, jobs, stored: jobs, done: true });
      expect(await storedPlans(split.jobs)).toEqual(reference.map((r) => r.plans));
      const missing = await app.inject({ method: 'GET', url: '/province-plans/run-none', headers: bearer(admin) });
      expect(missing.statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
