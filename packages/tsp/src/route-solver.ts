import type { SolveInput, SolveOptions, SolveResult } from './solve.js';

/**
 * Anything that solves a route as {@link solve} does, with the same input, options, result and errors:
 * `{ solve }` itself (in this thread), a worker-thread pool of `@beatplan/tsp/pool`
 * (`createSolverPool()`, Node only), or a host's own (a job queue). The planners of
 * `@beatplan/territory` and `@beatplan/inspection` take one as their `solver` option, so routing can
 * leave the calling thread without those packages importing anything Node-only.
 *
 * A solver must give the same result as `solve` for the same input, seed and `maxKicks` (what makes a
 * plan independent of the number of workers), honour `signal` (rejecting `ABORTED`) and may call
 * `onProgress`.
 *
 * @example
 * const inThisThread: RouteSolver = { solve };
 * const r = await inThisThread.solve({ matrix: [[0, 2, 9], [1, 0, 6], [15, 7, 0]] });
 * // r.tour [0, 2, 1], r.length 17
 */
export interface RouteSolver {
  /** Solves one route; the contract of {@link solve}. */
  solve(input: SolveInput, options?: SolveOptions): Promise<SolveResult>;
}
