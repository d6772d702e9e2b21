import { createSolverPoolOn, type SolverPool, type SolverPoolOptions } from './internal/pool/solver-pool.js';

/** The worker file beside this module in the package's dist/ (built by `npm run build`). */
const WORKER_FILE = new URL('./pool-worker.js', import.meta.url).href;

/**
 * Starts a pool of worker threads that solve routes as `solve` does — same input, options, result
 * and errors, so the same route for the same input, `seed` and `maxKicks` whatever the number of
 * workers — to route many days at once on a multi-core machine. Node only (`@beatplan/tsp/pool`, on
 * piscina); the main entry stays browser-safe. Give it to the planners as their `solver`
 * (`planWeeklyBeats(manager, retailers, { startDate, solver: pool })` routes that manager's days in
 * parallel; several managers planned at once share the pool), or call `pool.solve` yourself. Close it
 * when done (`await pool.close()`) to stop the threads (idle threads never keep Node running).
 *
 * A worker that crashes fails its route with `INTERNAL`, one that runs out of memory under
 * `resourceLimits` with `TOO_LARGE` (a new worker takes its place; a planner given the pool then fails
 * its whole plan with that error and returns nothing).
 *
 * @param options See {@link SolverPoolOptions}: `workers` (default `os.availableParallelism()`),
 *   `resourceLimits` (MiB).
 * @returns The {@link SolverPool}: `solve(input, options)`, `workers`, `close()`.
 * @throws {TspError} `INVALID_INPUT` for bad options (every problem listed).
 * @example
 * // not run: starts worker threads from the built package (tested in packages/tsp/test/solver-pool.test.ts)
 * import { createSolverPool } from '@beatplan/tsp/pool';
 * const pool = createSolverPool({ workers: 2 });
 * try {
 *   const days = await Promise.all(matrices.map((matrix) => pool.solve({ matrix }, { seed: 1, maxKicks: 100 })));
 * } finally {
 *   await pool.close();
 * }
 */
export function createSolverPool(options?: SolverPoolOptions): SolverPool {
  return createSolverPoolOn(WORKER_FILE, options);
}
