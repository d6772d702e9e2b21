import { BeatplanError, issueReason } from '@beatplan/core';
import type { TaskRunner } from '@beatplan/tsp';
import { planManagersInWorkers } from './internal/plan-managers-in-workers.js';
import { planWeeklyBeats, type BeatOptions, type BeatPlan, type BeatProgress } from './plan-weekly-beats.js';

/** One manager of {@link planManyBeats} and the retailers of his territory (as `planWeeklyBeats` takes them). */
export interface ManagerBeatsJob {
  manager: unknown;
  retailers: readonly unknown[];
}

/**
 * Options of {@link planManyBeats}: every option of `planWeeklyBeats` (shared by all managers), and
 * - `onProgress`: called with {@link BeatProgress} and `job`, the index of the manager it is about;
 * - `managersAtOnce` (default 1 without a `solver`; with a pool planning whole managers, twice its
 *   workers; else 4): managers planned at once;
 * - `wholeManagers` (default: when there are at least as many managers as the pool has workers): plan each
 *   manager whole in one worker thread of the `solver` pool. `true` also for fewer managers — a caller that
 *   makes several calls at once on one pool, such as a queue worker taking one manager per job, one job per
 *   thread; it needs a pool as `solver` and no `costs`. `false`: never (visit days here, routes in the pool).
 */
export type ManyBeatsOptions = Omit<BeatOptions, 'onProgress'> & {
  onProgress?: (p: BeatProgress & { job: number }) => void;
  managersAtOnce?: number;
  wholeManagers?: boolean;
};

/**
 * Plans the beats of many managers and returns them in the order of `jobs`, each exactly what
 * `planWeeklyBeats(job.manager, job.retailers, options)` returns. With a `solver` that is a worker-thread
 * pool of `@beatplan/tsp/pool` (a {@link TaskRunner}):
 * - whole managers are planned in the workers — workload, visit days (the day search) and routes, each
 *   manager in one worker thread, `managersAtOnce` in flight, the largest territories first — when there
 *   are at least as many managers as workers (or `wholeManagers: true`) and no `costs` is given (the
 *   default straight-line costs are rebuilt in the worker; a `costs` object, such as a road graph or a
 *   service adapter, cannot be sent to another thread);
 * - otherwise each manager chooses his visit days in this thread, one at a time and in order, while the
 *   days of the managers before him are routed in the pool.
 *
 * The plans are the same either way, whatever the solver, its number of workers and `managersAtOnce`
 * (each day is routed with the same seed and kick budget; every day search runs as it would alone),
 * unless the day search's own time limit binds. The first manager that fails stops the others (aborted
 * and awaited; a worker stopped mid-plan is replaced) and its error is thrown: nothing is returned.
 *
 * @param jobs Each manager and his retailers (e.g. one territory of `partitionTerritories`).
 * @param options See {@link ManyBeatsOptions}; `startDate` is required.
 * @returns One {@link BeatPlan} per job, in order.
 * @throws {BeatplanError} as `planWeeklyBeats` (the first failure), `INVALID_INPUT` for a bad `managersAtOnce`,
 *   and for `wholeManagers: true` without a pool as `solver` or with `costs`.
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
  const runner = taskRunnerOf(options.solver);
  const canWhole = runner !== undefined && options.costs === undefined;
  if (options.wholeManagers === true && !canWhole)
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['options', 'wholeManagers'],
        ...issueReason('territory.needs_pool'),
        value: true,
      },
    ]);
  const whole = canWhole && (options.wholeManagers ?? jobs.length >= runner.workers);
  const {
    onProgress,
    managersAtOnce = whole ? 2 * runner.workers : options.solver ? 4 : 1,
    signal,
    wholeManagers: _,
    ...shared
  } = options;
  if (!Number.isInteger(managersAtOnce) || managersAtOnce < 1)
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'managersAtOnce'], value: managersAtOnce, ...issueReason('territory.at_least_one') },
    ]);
  if (whole) {
    const { solver: __, costs: ___, ...data } = shared;
    return planManagersInWorkers(runner, jobs, data, { lanes: managersAtOnce, signal, onProgress });
  }
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

/** The solver as a {@link TaskRunner} (a pool of `@beatplan/tsp/pool`), when it is one. */
function taskRunnerOf(solver: unknown): TaskRunner | undefined {
  const r = solver as Partial<TaskRunner> | null | undefined;
  return typeof r?.runTask === 'function' && Number.isInteger(r.workers) && (r.workers as number) >= 1
    ? (r as TaskRunner)
    : undefined;
}
