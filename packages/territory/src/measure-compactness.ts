import { area } from '@turf/area';
import { convex } from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import { BeatplanError, getKnown, haversineM, issueReason } from '@beatplan/core';
import type { Polygon } from 'geojson';

/** Shape figures of one territory (see {@link measureCompactness}). */
export interface Compactness {
  /**
   * Polsby–Popper score of the convex hull of the retailers, 4π·area / perimeter², in [0, 1]: 1 for a
   * disc, 0.785 for a square, lower for elongated territories; 0 when the hull has no area (fewer than
   * three points, or all in a line).
   */
  polsbyPopper: number;
  /** Area of the convex hull, m². */
  areaM2: number;
  /** Perimeter of the convex hull, m. */
  perimeterM: number;
  /** Largest distance between two retailers, m. */
  diameterM: number;
  /** Mean distance from the retailers to their centroid, m. */
  meanDistanceM: number;
  /** The convex hull (WGS84), or null when it has no area. */
  hull: Polygon | null;
}

/**
 * Measures how compact a territory is: the Polsby–Popper score of the convex hull of its retailers
 * (the figure beatplan reports as "compactness"), with the hull's area and perimeter, the territory's
 * diameter and the mean distance of its retailers to their centroid.
 *
 * @param points `[lng, lat]` pairs in WGS84 degrees (the territory's retailers).
 * @returns See {@link Compactness}.
 * @throws {BeatplanError} `INVALID_INPUT` when a point is not two finite numbers.
 * @example
 * const c = measureCompactness([[120.10, 30.20], [120.12, 30.20], [120.12, 30.22], [120.10, 30.22]]);
 * // a square: c.polsbyPopper ≈ 0.785, c.diameterM ≈ 2,960
 */
export function measureCompactness(points: readonly (readonly [number, number])[]): Compactness {
  points.forEach((p, i) => {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new BeatplanError('INVALID_INPUT', [{ path: ['points', i], value: p, ...issueReason('territory.point') }]);
    }
  });
  const n = points.length;
  let mx = 0,
    my = 0;
  for (const [lng, lat] of points) {
    mx += lng / n;
    my += lat / n;
  }
  let meanDistanceM = 0;
  for (const [lng, lat] of points) meanDistanceM += haversineM(lng, lat, mx, my) / n;
  const hullFeature = n >= 3 ? convex(featureCollection(points.map((p) => point([p[0], p[1]])))) : null;
  const hull = hullFeature ? hullFeature.geometry : null;
  const hullRing = hull?.coordinates[0];
  const ring: readonly (readonly [number, number])[] = hullRing
    ? hullRing.map((p) => [getKnown(p, 0, 'hull longitude'), getKnown(p, 1, 'hull latitude')])
    : points;
  let diameterM = 0;
  for (const [a, [lngA, latA]] of ring.entries()) {
    for (const [lngB, latB] of ring.slice(a + 1)) diameterM = Math.max(diameterM, haversineM(lngA, latA, lngB, latB));
  }
  if (!hull) return { polsbyPopper: 0, areaM2: 0, perimeterM: 2 * diameterM, diameterM, meanDistanceM, hull: null };
  const areaM2 = area(hull);
  let perimeterM = 0;
  let previous: readonly [number, number] | undefined;
  for (const corner of ring) {
    if (previous) perimeterM += haversineM(previous[0], previous[1], corner[0], corner[1]);
    previous = corner;
  }
  const polsbyPopper = perimeterM > 0 ? Math.min(1, (4 * Math.PI * areaM2) / perimeterM ** 2) : 0;
  return { polsbyPopper, areaM2, perimeterM, diameterM, meanDistanceM, hull };
}
