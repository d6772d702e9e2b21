import { STRAIGHT_LINE_SOURCE } from './straight-line-costs.js';
import type { TravelCosts } from './travel-costs.js';

/**
 * The kinds of travel-cost source a result can name: `'straight-line'` (core's
 * `straightLineCosts`, every planner's default), `'roads'` (a prepared road graph of
 * `@beatplan/roads`, source `road-graph:<profile>`), `'service'` (a routing service adapter of
 * `@beatplan/roads`: `osrm:…`, `valhalla:…`, `graphhopper:…`, `amap:…`), `'host'` (any other
 * `TravelCosts` the host brings).
 */
export const COST_SOURCE_KINDS = ['straight-line', 'roads', 'service', 'host'] as const;

/** One of {@link COST_SOURCE_KINDS}. */
export type CostSourceKind = (typeof COST_SOURCE_KINDS)[number];

/**
 * Which travel costs a planner's result was measured with: the one `costSource` field of every
 * planner's result (`planWeeklyBeats`, `estimateWorkload`, `partitionTerritories`,
 * `routeInspection`, the report's route figures), the same shape everywhere.
 */
export interface CostSource {
  /** The kind of source, see {@link COST_SOURCE_KINDS}. */
  kind: CostSourceKind;
  /** The source's own name (`TravelCosts.source`), e.g. `'straight-line'`, `'road-graph:car'`, `'osrm:driving'`. */
  source: string;
}

const SERVICE_PREFIXES = ['osrm:', 'valhalla:', 'graphhopper:', 'amap:'];

/**
 * The {@link CostSource} of a travel-cost source, from its `source` name.
 *
 * @param costs - any `TravelCosts` (only its `source` is read).
 * @returns `{ kind, source }`.
 * @throws never.
 * @example
 * costSourceOf(straightLineCosts()); // { kind: 'straight-line', source: 'straight-line' }
 * costSourceOf({ source: 'road-graph:car' }); // { kind: 'roads', source: 'road-graph:car' }
 */
export function costSourceOf(costs: Pick<TravelCosts, 'source'>): CostSource {
  const { source } = costs;
  if (source === STRAIGHT_LINE_SOURCE) return { kind: 'straight-line', source };
  if (source.startsWith('road-graph:')) return { kind: 'roads', source };
  if (SERVICE_PREFIXES.some((p) => source.startsWith(p))) return { kind: 'service', source };
  return { kind: 'host', source };
}
