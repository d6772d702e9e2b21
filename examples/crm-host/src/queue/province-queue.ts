import * as z from 'zod';
import type { TerritoryJob } from '../planning/territory-job.js';
import { type AnyQueue, queueBackend } from './queue-connection.js';

/** The queue's name: one queue per province (or per deployment), one job per territory. */
export const PROVINCE_QUEUE = 'beatplan-province';

/** What a worker answers for a job: whether this run of the job stored the result (false: already stored). */
export interface TerritoryOutcome {
  managerId: string;
  stored: boolean;
  plans: number;
}

/** The province queue as the host uses it: add a run's jobs, count them, close. */
export interface ProvinceQueue {
  readonly kind: 'redis' | 'postgres';
  /** Adds one job per territory; a job already in the queue (same run and manager) is not added twice. */
  enqueue(jobs: readonly TerritoryJob[]): Promise<void>;
  /** Jobs by state: waiting, active, completed, failed, delayed. */
  counts(): Promise<Record<string, number>>;
  /** The failed jobs' reasons (a bad territory fails at once, never retried). */
  failures(): Promise<{ jobId: string; reason: string }[]>;
  /** Removes every job (tests, benchmarks). */
  obliterate(): Promise<void>;
  close(): Promise<void>;
  /** The BullMQ queue itself. */
  readonly queue: AnyQueue<TerritoryJob, TerritoryOutcome>;
}

/**
 * How failures are retried. Production defaults; the tests shorten the lock so a killed worker's job
 * is back in the queue within seconds.
 * - `attempts` (default 3): runs of a job that throws (a database briefly away); a `BeatplanError`
 *   (bad data) fails the job at once.
 * - `backoffMs` (default 5000): exponential backoff between those runs.
 */
export const JobRetrySchema = z.strictObject({
  attempts: z.number().int().min(1).default(3),
  backoffMs: z.number().int().min(0).default(5_000),
});

/** A job id stable per run and manager (BullMQ refuses ':' in custom ids, hence the encoding). */
export const territoryJobId = (runId: string, managerId: string): string =>
  `${encodeURIComponent(runId)}.${encodeURIComponent(managerId)}`.replaceAll(':', '%3A');

/**
 * Opens the province queue on Redis or PostgreSQL (by the URL, see `queueBackend`).
 *
 * @param url - `redis://127.0.0.1:6379` or `postgres://user@host/db`.
 * @param retry - see {@link JobRetrySchema}.
 */
export function openProvinceQueue(url: string, retry: z.input<typeof JobRetrySchema> = {}): ProvinceQueue {
  const backend = queueBackend(url);
  const { attempts, backoffMs } = JobRetrySchema.parse(retry);
  const queue = new backend.classes.Queue<TerritoryJob, TerritoryOutcome>(PROVINCE_QUEUE, {
    connection: backend.connection,
  });
  return {
    kind: backend.kind,
    queue,
    async enqueue(jobs) {
      await queue.addBulk(
        jobs.map((data) => ({
          name: 'plan-territory',
          data,
          opts: {
            jobId: territoryJobId(data.runId, data.managerId),
            attempts,
            backoff: { type: 'exponential', delay: backoffMs },
          },
        })),
      );
    },
    counts: () => queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed'),
    async failures() {
      const failed = await queue.getFailed();
      return failed.map((j) => ({ jobId: String(j.id), reason: j.failedReason }));
    },
    obliterate: () => queue.obliterate({ force: true }),
    close: () => queue.close(),
  };
}
