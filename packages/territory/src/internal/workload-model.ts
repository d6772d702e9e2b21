import { VISITS_PER_FOUR_WEEKS, type Retailer } from '@beatplan/core';
import * as z from 'zod';
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
  /** Estimated travel minutes to reach it on a beat: mean distance to its nearest neighbours × detour / speed. */
  travelMinutes: number;
  /** visitsPerWeek × (serviceMinutes + travelMinutes). */
  weeklyMinutes: number;
}

/** The model behind `estimateWorkload`, on plain arrays (trusted input). */
export function computeWorkload(
  retailers: readonly Retailer[],
  x: Float64Array,
  y: Float64Array,
  options: WorkloadOptions = {},
): RetailerWorkload[] {
  const k = options.neighbours ?? DEFAULT_WORKLOAD_OPTIONS.neighbours;
  const metresPerMinute = ((options.speedKmh ?? DEFAULT_WORKLOAD_OPTIONS.speedKmh) * 1000) / 60;
  const detour = options.detourFactor ?? DEFAULT_WORKLOAD_OPTIONS.detourFactor;
  const nn = findNearestNeighbours(x, y, k);
  return retailers.map((r, i) => {
    let sum = 0;
    let count = 0;
    for (let m = 0; m < k; m++) {
      if (nn.index[i * k + m]! < 0) break;
      sum += nn.dist[i * k + m]!;
      count++;
    }
    const travelMinutes = count ? ((sum / count) * detour) / metresPerMinute : 0;
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
