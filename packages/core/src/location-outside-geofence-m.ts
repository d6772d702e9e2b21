import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';

const finitePair = (p: unknown): boolean =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * How far a location lies outside a polygon geofence, in metres (negative inside): Turf's geodesic
 * `pointToPolygonDistance` to the nearest edge of any ring. Both in the same coordinate system.
 * The check behind {@link MAX_LOCATION_OUTSIDE_GEOFENCE_M} in the retailer schemas, which run it also
 * on fields that failed their own schema: malformed input is not measured (NaN), never thrown on.
 *
 * @param location - `{ lng, lat }`, degrees.
 * @param rings - the polygon's `coordinates`: outer ring, then holes, each of `[lng, lat]` positions.
 * @returns metres, negative inside; NaN unless the location is two finite numbers and every ring has
 *   at least 4 positions of finite numbers.
 * @throws never.
 * @example
 * const square = [[[120, 30], [120.001, 30], [120.001, 30.001], [120, 30.001], [120, 30]]];
 * locationOutsideGeofenceM({ lng: 120.0005, lat: 30.0005 }, square); // ≈ -48 (inside)
 * locationOutsideGeofenceM({ lng: 120.003, lat: 30.0005 }, square); // ≈ 193
 * locationOutsideGeofenceM({ lng: 120, lat: 30 }, [[]]); // NaN
 */
export function locationOutsideGeofenceM(
  location: { readonly lng: number; readonly lat: number },
  rings: readonly (readonly (readonly number[])[])[],
): number {
  const measurable =
    Number.isFinite(location.lng) &&
    Number.isFinite(location.lat) &&
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(finitePair));
  if (!measurable) return Number.NaN;
  return pointToPolygonDistance(
    [location.lng, location.lat],
    { type: 'Polygon', coordinates: rings as number[][][] },
    { units: 'meters' },
  );
}
