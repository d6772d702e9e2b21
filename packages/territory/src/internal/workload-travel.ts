import {
  BeatplanError,
  costSourceOf,
  straightLineCosts,
  SyncTravelCostsSchema,
  type Coordinates,
  type CostSource,
  type SyncTravelCosts,
  issueReason,
  customReason,
} from '@beatplan/core';
import * as z from 'zod';
import { neighbourTravelSync, type NeighbourTravel } from '../neighbour-travel.js';
import { checkNeighbourTravel } from './workload-model.js';

/** The schema of a precomputed `travel` option (its sizes are checked against the retailers later). */
export const NeighbourTravelSchema = z.custom<NeighbourTravel>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    (v as NeighbourTravel).index instanceof Int32Array &&
    (v as NeighbourTravel).travelS instanceof Float64Array &&
    typeof (v as NeighbourTravel).costSource?.source === 'string',
  customReason('territory.neighbour_travel'),
);

/** The travel-cost options of the sync planners. */
export const SyncCostOptionsShape = {
  costs: SyncTravelCostsSchema.optional(),
  travel: NeighbourTravelSchema.optional(),
};

/** The straight-line source the planners default to, by name only (for `costSource`). */
export const STRAIGHT_LINE_COST_SOURCE: CostSource = costSourceOf(straightLineCosts());

/**
 * The neighbour travel a sync planner uses for `n` retailers at `locations`: `travel` as given
 * (checked), or measured on `costs` (a sync source), or none (the straight-line model), with the
 * `costSource` to report.
 */
export function syncWorkloadTravel(
  locations: readonly Coordinates[],
  neighbours: number,
  costs: SyncTravelCosts | undefined,
  travel: NeighbourTravel | undefined,
): { travel?: NeighbourTravel; costSource: CostSource } {
  if (costs && travel) {
    throw new BeatplanError('INVALID_INPUT', [
      { path: ['options', 'travel'], value: travel.costSource.source, ...issueReason('territory.costs_or_travel') },
    ]);
  }
  if (travel) {
    checkNeighbourTravel(travel, locations.length, neighbours);
    return { travel, costSource: travel.costSource };
  }
  if (costs) {
    const measured = neighbourTravelSync(locations, costs, { neighbours });
    return { travel: measured, costSource: measured.costSource };
  }
  return { costSource: STRAIGHT_LINE_COST_SOURCE };
}
