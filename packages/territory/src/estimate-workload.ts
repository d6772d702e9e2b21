import { parseOrThrow, RetailerSchema, toWgs84 } from '@beatplan/core';
import * as z from 'zod';
import { projectToPlane } from './internal/planar.js';
import {
  computeWorkload,
  WorkloadOptionsSchema,
  type RetailerWorkload,
  type WorkloadOptions,
} from './internal/workload-model.js';

export type { RetailerWorkload, WorkloadOptions } from './internal/workload-model.js';

/**
 * Estimates every retailer's weekly workload in minutes: visits per week (from its `visitFrequency`)
 * × (its `serviceMinutes` + the travel minutes to reach it, estimated as the mean straight-line
 * distance to its `neighbours` nearest retailers × `detourFactor` ÷ `speedKmh`). A retailer in a
 * dense street costs little travel, an isolated one much.
 *
 * @param retailers Retailers (core `Retailer` records; coordinates in any crs, converted to WGS84).
 * @param options See {@link WorkloadOptions}.
 * @returns One {@link RetailerWorkload} per retailer, in input order.
 * @throws {BeatplanError} `INVALID_INPUT` naming the retailer or option that breaks its schema.
 * @example
 * const [w] = estimateWorkload([
 *   { id: 'R1', name: 'A', location: { lng: 120.15, lat: 30.27 }, segment: 'retail', class: 'B', serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 1, orderVolume: 10 },
 *   { id: 'R2', name: 'B', location: { lng: 120.16, lat: 30.27 }, segment: 'retail', class: 'C', serviceMinutes: 10, visitFrequency: 'monthly', orderCount: 1, orderVolume: 10 },
 * ]);
 * // w.visitsPerWeek === 1, w.travelMinutes ≈ 962 m × 1.3 / 333 m/min ≈ 3.75, w.weeklyMinutes ≈ 18.75
 */
export function estimateWorkload(retailers: readonly unknown[], options?: WorkloadOptions): RetailerWorkload[] {
  const parsed = parseOrThrow(z.array(RetailerSchema), retailers, ['retailers']);
  const opts = parseOrThrow(WorkloadOptionsSchema, options ?? {}, ['options']);
  if (parsed.length === 0) return [];
  const wgs = parsed.map((r) => toWgs84(r.location));
  const plane = projectToPlane(
    wgs.map((p) => p.lng),
    wgs.map((p) => p.lat),
  );
  return computeWorkload(parsed, plane.x, plane.y, opts);
}
