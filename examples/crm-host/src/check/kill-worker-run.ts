import type { Repository } from '../db/repository.js';
import type { ProvinceQueue } from '../queue/province-queue.js';
import { waitForRun } from '../queue/wait-for-run.js';
import { startWorkerProcess } from '../queue/worker-process.js';
import { apiClient } from './play-day.js';

/**
 * Province planning through the API with a worker killed mid-job: two worker processes (short lock and
 * stall settings: 1.5 s / 1 s), `POST /province-plans`, worker A killed with SIGKILL as soon as it takes
 * a job; B finishes the run. Counts territories lost (no result stored) and stored more than once
 * (a result row beyond one per territory, or two job runs that both say they stored).
 */
export async function killWorkerRun(options: {
  baseUrl: string;
  adminToken: string;
  queueUrl: string;
  queue: ProvinceQueue;
  db: string;
  repo: Repository;
  startDate: string;
}): Promise<{ jobs: number; stored: number; lost: number; duplicates: number; killedJob: string }> {
  const fast = { lockMs: 1_500, stalledMs: 1_000 };
  const a = await startWorkerProcess({ queueUrl: options.queueUrl, db: options.db, name: 'check-A', ...fast });
  const b = await startWorkerProcess({ queueUrl: options.queueUrl, db: options.db, name: 'check-B', ...fast });
  try {
    const call = apiClient(options.baseUrl, options.adminToken);
    const res = await call('POST', '/province-plans', { startDate: options.startDate, weeks: 1, seed: 7 });
    if (res.status !== 202) throw new Error(`POST /province-plans: ${res.status} ${JSON.stringify(res.json)}`);
    const { runId, jobs } = res.json as { runId: string; jobs: number };
    const taken = await a.waitFor((e) => e.event === 'active');
    await a.kill();
    const results = await waitForRun(options.repo, options.queue, runId, jobs, { timeoutMs: 300_000 });
    const state = await call('GET', `/province-plans/${runId}`);
    const storedRuns = new Map<string, number>();
    for (const e of [...a.events, ...b.events])
      if (e.event === 'completed' && (e.detail as { stored?: boolean })?.stored)
        storedRuns.set(String(e.jobId), (storedRuns.get(String(e.jobId)) ?? 0) + 1);
    const managers = new Set(results.map((r) => r.managerId));
    return {
      jobs,
      stored: state.json.stored,
      lost: jobs - managers.size,
      duplicates: results.length - managers.size + [...storedRuns.values()].filter((n) => n > 1).length,
      killedJob: String(taken.jobId),
    };
  } finally {
    await a.kill();
    await b.stop();
  }
}
