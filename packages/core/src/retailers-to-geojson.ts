import type { Retailer } from './schemas/retailer.js';

/** A GeoJSON Point feature of one retailer, as written by {@link retailersToGeoJson}. */
export interface RetailerFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Omit<Retailer, 'location'> & { crs?: Retailer['location']['crs'] };
}

/** A GeoJSON FeatureCollection of retailers, as written by {@link retailersToGeoJson}. */
export interface RetailerFeatureCollection {
  type: 'FeatureCollection';
  features: RetailerFeature[];
}

/**
 * Exports retailers as a GeoJSON FeatureCollection of Point features: `geometry.coordinates` is
 * `[lng, lat]`, the feature `id` and `properties.id` are the retailer id, and every other field is a
 * property under its schema name (`crs` only when the location has one, `geofence` as a Polygon
 * geometry object). Coordinates are written in the retailer's own system, NOT converted to WGS84:
 * a reader outside beatplan must honour `properties.crs` (use `toWgs84` first for strict RFC 7946).
 * `importRetailersGeoJson` reads the output back to equal retailers.
 *
 * @param retailers - parsed retailers (not validated again).
 * @returns a new FeatureCollection (deep copies of the nested objects).
 * @throws never.
 * @example
 * // not run: `retailer` stands for a parsed retailer
 * retailersToGeoJson([retailer]).features[0]?.geometry; // { type: 'Point', coordinates: [116.41, 39.92] }
 */
export function retailersToGeoJson(retailers: readonly Retailer[]): RetailerFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: retailers.map((r) => {
      const { location, ...rest } = structuredClone(r);
      const properties: RetailerFeature['properties'] =
        location.crs !== undefined ? { ...rest, crs: location.crs } : rest;
      return {
        type: 'Feature',
        id: r.id,
        geometry: { type: 'Point', coordinates: [location.lng, location.lat] },
        properties,
      };
    }),
  };
}
