import { BeatplanError } from '@beatplan/core';
import { planWeeklyBeats, type BeatOptions, type BeatPlan, type BeatProgress } from './plan-weekly-beats.js';

/** One manager of {@link planManyBeats} and the retailers of his territory (as `planWeeklyBeats` takes them). */
export interface ManagerBeatsJob {
  manager: unknown;
  retailers: readonly unknown[];
}

/**
 * Options of {@link planManyBeats}: every option of `planWeeklyBeats` (shared by all managers), and
 * - `onProgress`: called with {@link BeatProgress} and `job`, the index of the manager it is about;
 * - `managersAtOnce` (default 1 without a `solver`, 4 with one): managers planned at once.
 */
export type ManyBeatsOptions = Omit<BeatOptions, 'onProgress'> & {
  onProgress?: (p: BeatProgress & { job: number }) => void;
  managersAtOnce?: number;
};

/**
 * Plans the beats of many managers and returns them in the order of `jobs`, each exactly what
 * `planWeeklyBeats(job.manager, job.retailers, options)` returns. With a `solver` (a worker-thread
 * pool of `@beatplan/tsp/pool`), `managersAtOnce` managers are in progress at once: while the days of
 * some are routed in the pool, the next one chooses his visit days in this thread — one manager at a
 * time, in order, so his day search runs as it would alone. The plans are the same whatever the
 * solver, its number of workers and `managersAtOnce` (each day is routed with the same seed and kick
 * budget), unless the day search's own time limit binds. The first manager that fails stops the
 * others (aborted and awaited) and its error is thrown: nothing is returned.
 *
 * @param jobs Each manager and his retailers (e.g. one territory of `partitionTerritories`).
 * @param options See {@link ManyBeatsOptions}; `startDate` is required.
 * @returns One {@link BeatPlan} per job, in order.
 * @throws {BeatplanError} as `planWeeklyBeats` (the first failure), `INVALID_INPUT` for a bad `managersAtOnce`.
 * @example
 * // not run: `territories` stands for the caller's managers and their retailers
 * const pool = createSolverPool();                       // @beatplan/tsp/pool, Node only
 * try {
 *   const beats = await planManyBeats(territories, { startDate: '2025-03-03', weeks: 4, solver: pool });
 * } finally {
 *   await pool.close();
 * }
 */
export async function planManyBeats(jobs: readonly ManagerBeatsJob[], options: ManyBeatsOptions): Promise<BeatPlan[]> {
  const { onProgress, managersAtOnce = options.solver ? 4 : 1, signal, ...shared } = options;
  if (!Number.isInteger(managersAtOnce) || managersAtOnce < 1)
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'managersAtOnce'], message: 'must be a whole number of at least 1', value: managersAtOnce },
    ]);
  const stop = new AbortController();
  const forward = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const beats: BeatPlan[] = new Array(jobs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  // one manager at a time before his routing starts (the gate opens at his first routing report)
  let gate = Promise.resolve();
  const lane = async () => {
    while (!failure && next < jobs.length) {
      const k = next++;
      const job = jobs[k] as ManagerBeatsJob;
      const before = gate;
      let open = () => {};
      gate = new Promise((resolve) => {
        open = resolve;
      });
      try {
        await before;
        beats[k] = await planWeeklyBeats(job.manager, job.retailers, {
          ...shared,
          signal: signal?.aborted ? signal : stop.signal,
          onProgress: (p) => {
            if (p.stage === 'routing' && p.done === 0) open();
            onProgress?.({ ...p, job: k });
          },
        });
      } catch (error) {
        if (!failure) failure = { error };
        stop.abort();
      } finally {
        open();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(managersAtOnce, jobs.length) }, lane));
  signal?.removeEventListener('abort', forward);
  if (failure) throw failure.error;
  return beats;
}
