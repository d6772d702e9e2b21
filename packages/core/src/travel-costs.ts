import * as z from 'zod';
import { BeatplanError } from './beatplan-error.js';
import type { Coordinates } from './schemas/coordinates.js';
import { customReason, issueReason } from './issue-reason.js';

/**
 * The largest point list a travel-cost matrix may have: 15,000 points, the largest matrix the route
 * solvers of `@beatplan/tsp` accept (its `MAX_MATRIX_N`; a test keeps the two equal). Every
 * {@link TravelCosts} implementation refuses a larger list before computing anything.
 */
export const MAX_TRAVEL_MATRIX_POINTS = 15_000;

/** A pair of point indexes `from` → `to` that has no route. */
export interface UnreachablePair {
  /** Index of the origin in the point list. */
  from: number;
  /** Index of the destination in the point list. */
  to: number;
}

/** Options of {@link TravelCosts.matrix}. */
export interface TravelMatrixOptions {
  /** Cancels the computation: the promise rejects with core's `abortedError` (code `ABORTED`). */
  signal?: AbortSignal;
}

/**
 * Road metres and seconds between every ordered pair of `n` points, by one {@link TravelCosts} source.
 *
 * Cell `(i, j)` is at index `i * n + j` (row-major, row = origin). The matrix may be asymmetric
 * (one-way streets, turn restrictions). The diagonal is 0. A pair with no route is listed in
 * `unreachable` and its two cells hold `-1`: a caller must check `unreachable` (or use a helper
 * that does) before handing the matrix to a solver — `Infinity` never reaches a solver.
 */
export interface TravelCostMatrix {
  /** Number of points. */
  n: number;
  /** Route length of each pair, metres; `-1` for an unreachable pair. */
  distancesM: Float64Array;
  /** Travel time of each pair, seconds; `-1` for an unreachable pair. */
  durationsS: Float64Array;
  /** Pairs with no route (origin ≠ destination), in row-major order. Empty when every pair is routed. */
  unreachable: UnreachablePair[];
  /** Which source computed the matrix, e.g. `'straight-line'` or `'road-graph:car'` (see {@link TravelCosts.source}). */
  source: string;
}

/**
 * A source of travel costs between points: straight lines ({@link straightLineCosts}, the default of
 * every planner), a prepared road graph (`@beatplan/roads`), a routing service adapter, or the host's
 * own. Planners accept any implementation, so none of them imports a road engine.
 *
 * Every implementation:
 * - accepts points in WGS84, GCJ-02 or BD-09 (`crs`, missing = WGS84) and converts them itself;
 * - refuses more than {@link MAX_TRAVEL_MATRIX_POINTS} points with `BeatplanError` `INVALID_INPUT`
 *   before computing anything;
 * - reports pairs with no route in `unreachable`, never as `Infinity`;
 * - rejects with `ABORTED` when `options.signal` fires.
 *
 * @example
 * async function dayMatrix(costs: TravelCosts, stops: Coordinates[]) {
 *   const m = await costs.matrix(stops);
 *   if (m.unreachable.length) throw new Error(`no route ${m.unreachable[0]?.from} -> ${m.unreachable[0]?.to}`);
 *   return m.durationsS; // row-major seconds, for a solver's timeMatrix
 * }
 */
export interface TravelCosts {
  /** A short stable name of the source, copied into every matrix and into planners' results. */
  readonly source: string;
  /**
   * Computes the matrix for `points` (one-to-one with the result's rows and columns).
   *
   * @throws {BeatplanError} `INVALID_INPUT` (bad point, too many points), `ABORTED`, or the source's own codes.
   */
  matrix(points: readonly Coordinates[], options?: TravelMatrixOptions): Promise<TravelCostMatrix>;
  /**
   * The same matrix, synchronously. Present only on sources that need no I/O (straight lines, a
   * prepared road graph); the sync planners (`estimateWorkload`, `partitionTerritories`) require it.
   */
  matrixSync?(points: readonly Coordinates[]): TravelCostMatrix;
}

/**
 * Throws unless a point list of length `n` may get a travel-cost matrix (at most
 * {@link MAX_TRAVEL_MATRIX_POINTS}). Implementations of {@link TravelCosts} call it before computing.
 *
 * @param n - number of points.
 * @param path - path of the point list in the caller's input, for the error. Default `['points']`.
 * @throws {BeatplanError} `INVALID_INPUT` naming the list when it is too long.
 * @example
 * // not run: shows the error for 20,000 points
 * assertTravelMatrixSize(40); // fine
 * assertTravelMatrixSize(20_000); // throws: points: a travel matrix takes at most 15000 points, received 20000
 */
export function assertTravelMatrixSize(n: number, path: (string | number)[] = ['points']): void {
  if (n > MAX_TRAVEL_MATRIX_POINTS) {
    throw new BeatplanError('INVALID_INPUT', [
      { path, value: n, ...issueReason('core.matrix_points_max', { max: MAX_TRAVEL_MATRIX_POINTS }) },
    ]);
  }
}

/**
 * A {@link TravelCosts} that answers synchronously too (`matrixSync`): straight lines or a prepared road
 * graph, never an HTTP adapter. What the sync planners (`estimateWorkload`, `partitionTerritories`) take.
 */
export type SyncTravelCosts = TravelCosts & { matrixSync(points: readonly Coordinates[]): TravelCostMatrix };

const isTravelCosts = (v: unknown): v is TravelCosts =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { source?: unknown }).source === 'string' &&
  typeof (v as { matrix?: unknown }).matrix === 'function';

/**
 * The schema of a planner option holding a {@link TravelCosts}: an object with a string `source` and a
 * `matrix` function (it is used as it is, not copied).
 *
 * @example
 * TravelCostsSchema.safeParse(straightLineCosts()).success; // true
 * TravelCostsSchema.safeParse({ source: 'x' }).success; // false
 */
export const TravelCostsSchema = z.custom<TravelCosts>(isTravelCosts, customReason('core.travel_costs_type'));

/**
 * The schema of a sync planner's travel-cost option: a {@link SyncTravelCosts} (with `matrixSync`);
 * an async-only source (an HTTP adapter) is refused with a message that says what to do instead.
 *
 * @example
 * SyncTravelCostsSchema.safeParse(straightLineCosts()).success; // true
 */
export const SyncTravelCostsSchema = z.custom<SyncTravelCosts>(
  (v) => isTravelCosts(v) && typeof (v as { matrixSync?: unknown }).matrixSync === 'function',
  customReason('core.travel_costs_sync'),
);
