import { distance } from '@turf/distance';
import { toWgs84 } from './convert-crs.js';
import type { Coordinates } from './schemas/coordinates.js';

/**
 * Mean earth radius used by beatplan, in metres: 6,371,008.8 m (the IUGG mean radius R1, the value
 * Turf uses as `earthRadius`), so `haversineM` and `distanceM` agree to floating-point noise.
 */
export const EARTH_RADIUS_M = 6371008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance by the haversine formula on a sphere of radius {@link EARTH_RADIUS_M}, for hot
 * loops: plain numbers, no allocation, no validation, no coordinate-system conversion (both points
 * must be in the same system, normally WGS84). Error against the ellipsoid ≤ 0.5 %.
 *
 * @param lng1 - longitude of the first point, degrees.
 * @param lat1 - latitude of the first point, degrees.
 * @param lng2 - longitude of the second point, degrees.
 * @param lat2 - latitude of the second point, degrees.
 * @returns distance in metres (NaN if any input is NaN).
 * @throws never.
 * @example
 * haversineM(116.397, 39.908, 121.473, 31.230); // ≈ 1,067,000 (Beijing–Shanghai)
 */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  return haversineCosM(lng1, lat1, Math.cos(lat1 * RAD), lng2, lat2, Math.cos(lat2 * RAD));
}

/**
 * {@link haversineM} with the cosines of both latitudes given, for loops that measure from the same
 * point many times (a fence to each fix, a fix to its neighbours): the cosine of a point is then
 * computed once. With `cosLat = Math.cos(lat * (Math.PI / 180))` the result is bit-for-bit
 * `haversineM`'s.
 *
 * @param lng1 - longitude of the first point, degrees.
 * @param lat1 - latitude of the first point, degrees.
 * @param cosLat1 - `Math.cos(lat1 * (Math.PI / 180))`.
 * @param lng2 - longitude of the second point, degrees.
 * @param lat2 - latitude of the second point, degrees.
 * @param cosLat2 - `Math.cos(lat2 * (Math.PI / 180))`.
 * @returns distance in metres (NaN if any input is NaN).
 * @throws never.
 * @example
 * const cosLat = (lat: number) => Math.cos(lat * (Math.PI / 180));
 * haversineCosM(116.397, 39.908, cosLat(39.908), 121.473, 31.23, cosLat(31.23)); // === haversineM(116.397, 39.908, 121.473, 31.23)
 */
export function haversineCosM(
  lng1: number,
  lat1: number,
  cosLat1: number,
  lng2: number,
  lat2: number,
  cosLat2: number,
): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLng / 2);
  const h = s1 * s1 + cosLat1 * cosLat2 * s2 * s2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in metres between two points that may be in different coordinate systems: both are
 * converted to WGS84 first (missing `crs` = WGS84), then measured with Turf's great-circle distance.
 *
 * @param a - first point.
 * @param b - second point.
 * @returns distance in metres.
 * @throws {BeatplanError} `UNSUPPORTED_CRS` when a `crs` is unknown (unvalidated input).
 * @example
 * // The same shop, stored from a Gaode (GCJ-02) map and measured by GNSS (WGS84): about 0 m apart.
 * distanceM({ lng: 116.41024449916938, lat: 39.91640428150164, crs: 'GCJ02' }, { lng: 116.404, lat: 39.915 }); // < 0.01
 */
export function distanceM(a: Coordinates, b: Coordinates): number {
  const wa = toWgs84(a);
  const wb = toWgs84(b);
  return distance([wa.lng, wa.lat], [wb.lng, wb.lat], { units: 'meters' });
}
