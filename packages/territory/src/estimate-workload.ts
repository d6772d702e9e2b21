import { parseOrThrow, RetailerSchema, toWgs84, type CostSource } from '@beatplan/core';
import * as z from 'zod';
import { projectToPlane } from './internal/planar.js';
import {
  computeWorkload,
  DEFAULT_WORKLOAD_OPTIONS,
  WorkloadOptionsSchema,
  type RetailerWorkload,
} from './internal/workload-model.js';
import { SyncCostOptionsShape, syncWorkloadTravel } from './internal/workload-travel.js';

export type { RetailerWorkload, WorkloadOptions } from './internal/workload-model.js';

const EstimateOptionsSchema = WorkloadOptionsSchema.extend(SyncCostOptionsShape);

/**
 * Options of {@link estimateWorkload}: the workload model's `neighbours` (default 3), `speedKmh`
 * (default 20) and `detourFactor` (default 1.3, straight lines only), and the travel source: `costs`, a
 * source that answers synchronously (a prepared road graph's `roadCosts(graph)`, or straight lines),
 * or `travel`, precomputed by `neighbourTravel` from any source (an HTTP adapter too); neither:
 * straight lines. Not both.
 */
export type EstimateWorkloadOptions = z.input<typeof EstimateOptionsSchema>;

/** The answer of {@link estimateWorkload}. */
export interface WorkloadEstimate {
  /** One per retailer, in input order. */
  workload: RetailerWorkload[];
  /** The travel source the travel minutes were measured with. */
  costSource: CostSource;
}

/**
 * Estimates every retailer's weekly workload in minutes: visits per week (from its `visitFrequency`)
 * × (its `serviceMinutes` + the travel minutes to reach it, estimated as the mean travel time to its
 * `neighbours` nearest retailers: by default straight-line distance × `detourFactor` ÷ `speedKmh`; with
 * `costs` or `travel`, that source's times). A retailer in a dense street costs little travel, an
 * isolated one much.
 *
 * @param retailers Retailers (core `Retailer` records; coordinates in any crs, converted to WGS84).
 * @param options See {@link EstimateWorkloadOptions}.
 * @returns `{ workload, costSource }`: one {@link RetailerWorkload} per retailer, in input order, and
 *   the travel source used.
 * @throws {BeatplanError} `INVALID_INPUT` naming the retailer or option that breaks its schema (an
 *   async-only `costs`, a `travel` of other retailers); the source's own errors.
 * @example
 * const { workload: [w], costSource } = estimateWorkload([
 *   { id: 'R1', name: 'A', location: { lng: 120.15, lat: 30.27 }, segment: 'retail', class: 'B', serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 1, orderVolume: 10 },
 *   { id: 'R2', name: 'B', location: { lng: 120.16, lat: 30.27 }, segment: 'retail', class: 'C', serviceMinutes: 10, visitFrequency: 'monthly', orderCount: 1, orderVolume: 10 },
 * ]);
 * // w.visitsPerWeek === 1, w.travelMinutes ≈ 962 m × 1.3 / 333 m/min ≈ 3.75, w.weeklyMinutes ≈ 18.75
 * // costSource: { kind: 'straight-line', source: 'straight-line' }; on roads: { costs: roadCosts(graph) }
 */
export function estimateWorkload(retailers: readonly unknown[], options?: EstimateWorkloadOptions): WorkloadEstimate {
  const parsed = parseOrThrow(z.array(RetailerSchema), retailers, ['retailers']);
  const { costs, travel: given, ...opts } = parseOrThrow(EstimateOptionsSchema, options ?? {}, ['options']);
  const wgs = parsed.map((r) => toWgs84(r.location));
  const neighbours = opts.neighbours ?? DEFAULT_WORKLOAD_OPTIONS.neighbours;
  const { travel, costSource } = syncWorkloadTravel(wgs, neighbours, costs, given);
  if (parsed.length === 0) return { workload: [], costSource };
  const plane = projectToPlane(wgs);
  return { workload: computeWorkload(parsed, plane.x, plane.y, opts, travel), costSource };
}
