import { BeatplanError, issueReason, VISITS_PER_FOUR_WEEKS, type ReasonedMessage, type Retailer } from '@beatplan/core';
import * as z from 'zod';
import type { NeighbourTravel } from '../neighbour-travel.js';
import { findNearestNeighbours } from './nearest-neighbours.js';

/** Defaults of the workload model (see the package README, "Workload model"). */
export const DEFAULT_WORKLOAD_OPTIONS = Object.freeze({
  /** Neighbours whose mean distance estimates the travel to a retailer. */
  neighbours: 3,
  /** Travel speed between retailers, km/h (city traffic, parking, walking in). */
  speedKmh: 20,
  /** Road distance / straight-line distance. */
  detourFactor: 1.3,
});

export const WorkloadOptionsSchema = z.strictObject({
  neighbours: z.number().int().min(1).max(50).optional(),
  speedKmh: z.number().gt(0).max(200).optional(),
  detourFactor: z.number().min(1).max(5).optional(),
});

/**
 * Options of {@link estimateWorkload}: `neighbours` (default 3), `speedKmh` (default 20),
 * `detourFactor` (default 1.3).
 */
export type WorkloadOptions = z.input<typeof WorkloadOptionsSchema>;

/** One retailer's estimated weekly workload. */
export interface RetailerWorkload {
  retailerId: string;
  /** Visits per week: weekly 1, twice_weekly 2, fortnightly 0.5, monthly 0.25. */
  visitsPerWeek: number;
  /** Minutes on site per visit (the retailer's `serviceMinutes`). */
  serviceMinutes: number;
  /**
   * Estimated travel minutes to reach it on a beat: the mean travel time to its nearest neighbours —
   * straight lines: mean distance × detour / speed; another source: its own times (see `costSource`).
   */
  travelMinutes: number;
  /** visitsPerWeek × (serviceMinutes + travelMinutes). */
  weeklyMinutes: number;
}

/**
 * Throws unless `travel` fits `n` retailers and `neighbours` (its `n` equals the retailers', its `k` is
 * at least `neighbours`, its arrays have `n × k` cells).
 */
export function checkNeighbourTravel(travel: NeighbourTravel, n: number, neighbours: number): void {
  const bad = (field: string, reasoned: ReasonedMessage, value: unknown) => {
    throw new BeatplanError('INVALID_INPUT', [{ path: ['options', 'travel', field], ...reasoned, value }]);
  };
  if (travel.n !== n) bad('n', issueReason('territory.travel_n', { n }), travel.n);
  if (!(travel.k >= neighbours)) bad('k', issueReason('territory.travel_k', { neighbours }), travel.k);
  for (const f of ['index', 'travelS', 'distanceM'] as const)
    if (travel[f]?.length !== n * travel.k)
      bad(f, issueReason('territory.travel_cells', { cells: n * travel.k }), travel[f]?.length);
}

/**
 * The model behind `estimateWorkload`, on plain arrays (trusted input): with `travel` (already
 * checked) the travel minutes are its mean times, else the straight-line model on the plane.
 */
export function computeWorkload(
  retailers: readonly Retailer[],
  x: Float64Array,
  y: Float64Array,
  options: WorkloadOptions = {},
  travel?: NeighbourTravel,
): RetailerWorkload[] {
  const k = options.neighbours ?? DEFAULT_WORKLOAD_OPTIONS.neighbours;
  const metresPerMinute = ((options.speedKmh ?? DEFAULT_WORKLOAD_OPTIONS.speedKmh) * 1000) / 60;
  const detour = options.detourFactor ?? DEFAULT_WORKLOAD_OPTIONS.detourFactor;
  const nn = travel ? null : findNearestNeighbours(x, y, k);
  return retailers.map((r, i) => {
    let sum = 0;
    let count = 0;
    for (let m = 0; m < k; m++) {
      if (travel) {
        if ((travel.index[i * travel.k + m] ?? -1) < 0) break;
        sum += travel.travelS[i * travel.k + m] ?? 0;
      } else if (nn) {
        if ((nn.index[i * k + m] ?? -1) < 0) break;
        sum += nn.dist[i * k + m] ?? 0;
      }
      count++;
    }
    const travelMinutes = count === 0 ? 0 : travel ? sum / count / 60 : ((sum / count) * detour) / metresPerMinute;
    const visitsPerWeek = VISITS_PER_FOUR_WEEKS[r.visitFrequency] / 4;
    return {
      retailerId: r.id,
      visitsPerWeek,
      serviceMinutes: r.serviceMinutes,
      travelMinutes,
      weeklyMinutes: visitsPerWeek * (r.serviceMinutes + travelMinutes),
    };
  });
}
