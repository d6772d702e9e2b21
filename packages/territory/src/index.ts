export {
  estimateWorkload,
  type EstimateWorkloadOptions,
  type RetailerWorkload,
  type WorkloadEstimate,
  type WorkloadOptions,
} from './estimate-workload.js';
export {
  neighbourTravel,
  neighbourTravelSync,
  type NeighbourTravel,
  type NeighbourTravelOptions,
} from './neighbour-travel.js';
export { DEFAULT_WORKLOAD_OPTIONS } from './internal/workload-model.js';
export { measureCompactness, type Compactness } from './measure-compactness.js';
export { partitionTerritories, type PartitionOptions, type PartitionResult } from './partition-territories.js';
export type { PartitionSpread, TerritoryStats } from './internal/summarize-territories.js';
export type { BalanceAttribute, BalanceLimitResult } from './internal/balance-limits.js';
export type { DaySearchSummary } from './internal/improve-visit-days.js';
export {
  planWeeklyBeats,
  type BeatDay,
  type BeatOptions,
  type BeatPlan,
  type BeatProgress,
} from './plan-weekly-beats.js';
export { planManyBeats, type ManagerBeatsJob, type ManyBeatsOptions } from './plan-many-beats.js';
export { territoriesToGeoJson, type TerritoryFeature } from './territories-to-geojson.js';
export { VISIT_PLAN_CSV_COLUMNS, visitPlansToCsv } from './visit-plans-to-csv.js';
