import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { PartitionResult } from './partition-territories.js';
import type { TerritoryStats } from './internal/summarize-territories.js';

/** A territory feature: the convex hull of its retailers with the territory's figures. */
export type TerritoryFeature = Feature<Polygon | null, TerritoryStats & { territoryId: string }>;

/**
 * Turns a partition into a GeoJSON FeatureCollection for maps: one feature per territory, its
 * geometry the convex hull of its retailers (WGS84; null when the hull has no area), its properties
 * the territory's figures (`managerId`, `retailers`, `workloadMinutes`, `compactness`, …).
 *
 * @param result The answer of `partitionTerritories`.
 * @returns A FeatureCollection of {@link TerritoryFeature}s, in the managers' order.
 * @throws never.
 * @example
 * // not run: `retailers` and `managers` stand for the caller's data
 * const fc = territoriesToGeoJson(partitionTerritories(retailers, managers));
 * // fc.features[0].properties.managerId === managers[0].id
 */
export function territoriesToGeoJson(
  result: PartitionResult,
): FeatureCollection<Polygon | null, TerritoryStats & { territoryId: string }> {
  return {
    type: 'FeatureCollection',
    features: result.territories.map(
      (t, j): TerritoryFeature => ({
        type: 'Feature',
        id: t.id,
        geometry: Object.hasOwn(result.hulls, t.managerId) ? (result.hulls[t.managerId] ?? null) : null,
        properties: { territoryId: t.id, ...result.stats[j]! },
      }),
    ),
  };
}
