import type { PlanningResultRow, Repository } from '../db/repository.js';
import type { ProvinceQueue } from './province-queue.js';

/**
 * Waits until every territory job of a run has stored its result (polls the database every `pollMs`,
 * default 100). Rejects when a job failed for good (its reason) or after `timeoutMs` (default 10 min).
 */
export async function waitForRun(
  repo: Repository,
  queue: ProvinceQueue,
  runId: string,
  jobs: number,
  options: { timeoutMs?: number; pollMs?: number } = {},
): Promise<PlanningResultRow[]> {
  const { timeoutMs = 600_000, pollMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const results = await repo.listPlanningResults(runId);
    if (results.length >= jobs) return results;
    const failed = (await queue.counts()).failed ?? 0;
    if (failed > 0) throw new Error(`planning run ${runId}: ${JSON.stringify(await queue.failures())}`);
    if (Date.now() > deadline)
      throw new Error(`planning run ${runId}: ${results.length} of ${jobs} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
