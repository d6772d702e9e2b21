import {
  CoordinatesSchema,
  costSourceOf,
  parseOrThrow,
  throwIfAborted,
  toWgs84,
  type Coordinates,
  type CostSource,
  type SyncTravelCosts,
  type TravelCostMatrix,
  type TravelCosts,
  customReason,
} from '@beatplan/core';
import * as z from 'zod';
import { findNearestNeighbours } from './internal/nearest-neighbours.js';
import { projectToPlane } from './internal/planar.js';

/**
 * Each point's nearest other points by travel on one cost source, the input of the workload model
 * (`estimateWorkload`, `partitionTerritories`, `planWeeklyBeats`). Computed once by
 * {@link neighbourTravel} (any source, async) or {@link neighbourTravelSync} (a prepared graph or
 * straight lines), then passed to the sync planners as `travel`.
 */
export interface NeighbourTravel {
  /** Number of points. */
  n: number;
  /** Neighbours kept per point. */
  k: number;
  /** `index[i * k + r]`: the r-th nearest other point of point i by travel time; −1 when fewer are reachable. */
  index: Int32Array;
  /** `travelS[i * k + r]`: mean of the two directions' seconds between i and that neighbour (−1 when none). */
  travelS: Float64Array;
  /** `distanceM[i * k + r]`: mean of the two directions' metres (−1 when none). */
  distanceM: Float64Array;
  /** The source the figures were measured with. */
  costSource: CostSource;
}

/** A point as the caller gives it (any crs label core reads, e.g. `CGCS2000` as WGS84). */
type PointInput = z.input<typeof CoordinatesSchema>;

const OptionsSchema = z.strictObject({
  neighbours: z.number().int().min(1).max(50).default(3),
  candidates: z.number().int().min(1).max(200).default(12),
  signal: z.instanceof(AbortSignal, customReason('core.signal_type')).optional(),
});

/**
 * Options of {@link neighbourTravel}: `neighbours` (default 3) kept per point; `candidates` (default
 * 12, at least `neighbours`): how many straight-line nearest points are measured on the source for
 * each point (the nearest by road is almost always among the nearest by air); `signal` (async only).
 */
export type NeighbourTravelOptions = z.input<typeof OptionsSchema>;

/** Most points per matrix request: nearby points share their candidates in one request. */
const BATCH_POINTS = 64;

/** Plans the matrices (point lists) to ask for and folds their answers into a {@link NeighbourTravel}. */
function* measure(
  points: readonly PointInput[],
  o: z.output<typeof OptionsSchema>,
  costSource: CostSource,
): Generator<Coordinates[], NeighbourTravel, TravelCostMatrix> {
  const pts = parseOrThrow(z.array(CoordinatesSchema), points, ['points']).map(toWgs84);
  const n = pts.length;
  const k = o.neighbours;
  const c = Math.min(Math.max(o.candidates, k), Math.max(n - 1, 0));
  const plane = projectToPlane(pts);
  const cand = findNearestNeighbours(plane.x, plane.y, c);
  const index = new Int32Array(n * k).fill(-1);
  const travelS = new Float64Array(n * k).fill(-1);
  const distanceM = new Float64Array(n * k).fill(-1);
  // points in grid order, so that a batch's points are close and share candidates
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      Math.floor((plane.y[a] ?? 0) / 500) - Math.floor((plane.y[b] ?? 0) / 500) ||
      (plane.x[a] ?? 0) - (plane.x[b] ?? 0),
  );
  let at = 0;
  while (at < n) {
    const batch: number[] = [];
    const members = new Map<number, number>();
    const add = (p: number) => {
      if (!members.has(p)) members.set(p, members.size);
    };
    while (at < n) {
      const i = order[at] as number;
      const fresh = [i, ...cand.index.subarray(i * c, i * c + c)].filter((p) => p >= 0 && !members.has(p)).length;
      if (batch.length > 0 && members.size + fresh > BATCH_POINTS) break;
      batch.push(i);
      add(i);
      for (const p of cand.index.subarray(i * c, i * c + c)) if (p >= 0) add(p);
      at++;
    }
    const list = [...members.keys()];
    const m: TravelCostMatrix = yield list.map((p) => pts[p] as Coordinates);
    const size = list.length;
    for (const i of batch) {
      const a = members.get(i) as number;
      const found: { j: number; t: number; d: number }[] = [];
      for (const j of cand.index.subarray(i * c, i * c + c)) {
        if (j < 0) continue;
        const b = members.get(j) as number;
        const t1 = m.durationsS[a * size + b] ?? -1,
          t2 = m.durationsS[b * size + a] ?? -1;
        if (t1 < 0 || t2 < 0) continue; // no route one way or the other
        const d1 = m.distancesM[a * size + b] ?? 0,
          d2 = m.distancesM[b * size + a] ?? 0;
        found.push({ j, t: (t1 + t2) / 2, d: (d1 + d2) / 2 });
      }
      found.sort((x, y) => x.t - y.t || x.d - y.d || x.j - y.j);
      found.slice(0, k).forEach((f, r) => {
        index[i * k + r] = f.j;
        travelS[i * k + r] = f.t;
        distanceM[i * k + r] = f.d;
      });
    }
  }
  return { n, k, index, travelS, distanceM, costSource };
}

/**
 * Measures each point's `neighbours` nearest other points by travel time on any {@link TravelCosts}
 * (a road graph, a routing service, the host's own): for each point its `candidates` nearest by air are
 * measured both ways, and the `neighbours` with the least mean time are kept (ties: distance, index).
 * Nearby points share one matrix request (at most 64 points each). A pair with no route either way is
 * not a neighbour.
 *
 * @param points - the points (any crs), e.g. the retailers' locations in input order.
 * @param costs - the travel-cost source.
 * @param options - see {@link NeighbourTravelOptions}.
 * @returns the {@link NeighbourTravel} to pass as `travel` to `estimateWorkload` / `partitionTerritories`.
 * @throws {BeatplanError} `INVALID_INPUT` (bad point or option), `ABORTED`, or the source's own errors.
 * @example
 * // not run: `retailers` stands for the caller's records; needs an OSRM server at `baseUrl`
 * const travel = await neighbourTravel(retailers.map((r) => r.location), osrmTravelCosts({ baseUrl }));
 * const { workload, costSource } = estimateWorkload(retailers, { travel }); // costSource.kind === 'service'
 */
export async function neighbourTravel(
  points: readonly PointInput[],
  costs: TravelCosts,
  options: NeighbourTravelOptions = {},
): Promise<NeighbourTravel> {
  const o = parseOrThrow(OptionsSchema, options, ['options']);
  const gen = measure(points, o, costSourceOf(costs));
  let step = gen.next();
  while (!step.done) {
    throwIfAborted(o.signal);
    step = gen.next(await costs.matrix(step.value, o.signal ? { signal: o.signal } : {}));
  }
  return step.value;
}

/**
 * {@link neighbourTravel} on a source that answers synchronously (straight lines, a prepared road graph).
 *
 * @param points - the points (any crs).
 * @param costs - a source with `matrixSync`.
 * @param options - `neighbours`, `candidates` (no `signal`: it never waits).
 * @returns the {@link NeighbourTravel}.
 * @throws {BeatplanError} `INVALID_INPUT` (bad point or option), or the source's own errors.
 * @example
 * // not run: `retailers` and `graph` stand for the caller's records and a prepared road graph
 * const travel = neighbourTravelSync(retailers.map((r) => r.location), roadCosts(graph));
 */
export function neighbourTravelSync(
  points: readonly PointInput[],
  costs: SyncTravelCosts,
  options: Omit<NeighbourTravelOptions, 'signal'> = {},
): NeighbourTravel {
  const o = parseOrThrow(OptionsSchema, options, ['options']);
  const gen = measure(points, o, costSourceOf(costs));
  let step = gen.next();
  while (!step.done) step = gen.next(costs.matrixSync(step.value));
  return step.value;
}
