import { isBeatplanError } from '@beatplan/core';
import type { SolverPool } from '@beatplan/tsp/pool';
import { type Job, UnrecoverableError } from 'bullmq';
import * as z from 'zod';
import type { Repository } from '../db/repository.js';
import { planTerritory, type TerritoryJob, TerritoryJobSchema } from '../planning/territory-job.js';
import { PROVINCE_QUEUE, type TerritoryOutcome } from './province-queue.js';
import { type AnyWorker, queueBackend } from './queue-connection.js';

/**
 * A worker's lock and stall settings. Defaults are the production values (BullMQ's): a worker holds a
 * job's lock for `lockDurationMs` and renews it every half of that while it plans; a worker that dies
 * (kill -9, a machine lost) stops renewing, and at most `lockDurationMs + stalledIntervalMs` later
 * another worker's stall check puts the job back in the queue. A job found stalled more than
 * `maxStalledCount` times fails (a job that kills its worker every time must not loop forever).
 * With a solver pool each territory is planned in one of its threads, so this thread only renews locks
 * and stores results; without one, planning a territory holds it for under a second at a time (the
 * library yields between days), so the lock is renewed in time; the test uses 1.5 s / 1 s to finish in
 * seconds.
 */
export const WorkerTimingsSchema = z.strictObject({
  lockDurationMs: z.number().int().min(500).default(30_000),
  stalledIntervalMs: z.number().int().min(500).default(30_000),
  maxStalledCount: z.number().int().min(0).default(2),
  /** Jobs one worker process plans at a time (default: one per thread of its solver pool; 1 without a pool). */
  concurrency: z.number().int().min(1).optional(),
});

/** Options of {@link startPlanWorker}. */
export interface PlanWorkerOptions {
  /** The queue's URL: `redis://…` or `postgres://…` (see `queueBackend`). */
  queueUrl: string;
  /** Where the results go (the host's database). */
  repo: Repository;
  /**
   * A `createSolverPool` of `@beatplan/tsp/pool`: each job's manager is planned whole in one of its worker
   * threads, one job per thread at a time (`timings.concurrency`), so the process uses the machine's
   * cores; default this thread, one job at a time.
   */
  pool?: SolverPool;
  /** This worker's name, stored with each result it stores (default `pid@hostname`-like, given by the caller). */
  name: string;
  timings?: z.input<typeof WorkerTimingsSchema>;
  /** Called when a job starts and when it ends (logging, the kill test). */
  onEvent?: (event: { type: 'active' | 'completed' | 'failed'; jobId: string; detail?: unknown }) => void;
}

/**
 * Processes one territory job: plan (the library, deterministic for the job's seed), then store once
 * (`storeTerritoryResult`: a second run of the same job stores nothing). Bad data (a `BeatplanError`,
 * or a job that is not a `TerritoryJob`) fails the job without retries.
 */
export async function processTerritoryJob(
  data: unknown,
  repo: Repository,
  worker: string,
  options: { signal?: AbortSignal; pool?: SolverPool } = {},
): Promise<TerritoryOutcome> {
  const parsed = TerritoryJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`not a territory job: ${parsed.error.message}`);
  const job: TerritoryJob = parsed.data;
  let result: Awaited<ReturnType<typeof planTerritory>>;
  try {
    result = await planTerritory(job, options);
  } catch (e) {
    if (isBeatplanError(e)) throw new UnrecoverableError(`${job.managerId}: ${e.message}`);
    throw e;
  }
  const stored = await repo.storeTerritoryResult(job.runId, result, worker, Date.now());
  return { managerId: job.managerId, stored, plans: result.plans.length };
}

/**
 * Starts a BullMQ worker on the province queue (Redis or PostgreSQL) that plans territory jobs and
 * stores their results in `repo`. Any number of these, in any number of processes on any number of
 * machines, share the work. Close it with `worker.close()` (waits for the running job).
 */
export function startPlanWorker(options: PlanWorkerOptions): AnyWorker<TerritoryJob, TerritoryOutcome> {
  const t = WorkerTimingsSchema.parse(options.timings ?? {});
  const backend = queueBackend(options.queueUrl);
  const worker = new backend.classes.Worker<TerritoryJob, TerritoryOutcome>(
    PROVINCE_QUEUE,
    (job: Job<TerritoryJob, TerritoryOutcome>, _token?: string, signal?: AbortSignal) => {
      options.onEvent?.({ type: 'active', jobId: String(job.id) });
      return processTerritoryJob(job.data, options.repo, options.name, {
        ...(signal ? { signal } : {}),
        ...(options.pool ? { pool: options.pool } : {}),
      });
    },
    {
      connection: backend.connection,
      concurrency: t.concurrency ?? options.pool?.workers ?? 1,
      lockDuration: t.lockDurationMs,
      stalledInterval: t.stalledIntervalMs,
      maxStalledCount: t.maxStalledCount,
    },
  );
  worker.on('completed', (job, outcome) =>
    options.onEvent?.({ type: 'completed', jobId: String(job.id), detail: outcome }),
  );
  worker.on('failed', (job, error) =>
    options.onEvent?.({ type: 'failed', jobId: String(job?.id), detail: error.message }),
  );
  // a connection error is retried by BullMQ; without a listener Node would treat it as fatal
  worker.on('error', () => undefined);
  return worker;
}
