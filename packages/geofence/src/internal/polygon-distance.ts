import { EARTH_RADIUS_M } from '@beatplan/core';
import { failEvidence } from './evidence-bug.js';

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

/**
 * A polygon fence prepared for fast signed distances: its rings projected once to local planar
 * metres (equirectangular about the centre of its box), as flat `[x0, y0, x1, y1, …]` arrays.
 */
export interface PlanarPolygon {
  readonly lng0: number;
  readonly lat0: number;
  /** Metres per degree of longitude at `lat0`. */
  readonly mPerDegLng: number;
  readonly rings: readonly Float64Array[];
}

/**
 * Projects a WGS84 polygon (outer ring, then holes; `[lng, lat]` positions) about its box centre. A
 * position without both coordinates (malformed input, which core's schema refinement may still see)
 * reads as NaN, and so does every distance to the polygon.
 */
export function preparePolygon(rings: readonly (readonly (readonly number[])[])[]): PlanarPolygon {
  let minLng = Infinity,
    minLat = Infinity,
    maxLng = -Infinity,
    maxLat = -Infinity;
  for (const [lng = NaN, lat = NaN] of rings[0] ?? []) {
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  const lng0 = (minLng + maxLng) / 2;
  const lat0 = (minLat + maxLat) / 2;
  const mPerDegLng = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const projected = rings.map((ring) => {
    const xy = new Float64Array(2 * ring.length);
    ring.forEach(([lng = NaN, lat = NaN], k) => {
      xy[2 * k] = (lng - lng0) * mPerDegLng;
      xy[2 * k + 1] = (lat - lat0) * M_PER_DEG;
    });
    return xy;
  });
  return { lng0, lat0, mPerDegLng, rings: projected };
}

/**
 * Signed metres from a WGS84 point to the polygon's boundary, negative inside (holes are outside):
 * the point is projected like the rings; inside is decided by even-odd ray casting over every ring;
 * the distance is the smallest distance to an edge. No allocation. Within a few kilometres of the
 * fence it agrees with Turf's geodesic `pointToPolygonDistance` to well under 0.1 % (tested).
 */
export function polygonSignedDistanceM(poly: PlanarPolygon, lng: number, lat: number): number {
  const px = (lng - poly.lng0) * poly.mPerDegLng;
  const py = (lat - poly.lat0) * M_PER_DEG;
  let inside = false;
  let best = Infinity;
  for (const xy of poly.rings) {
    if (xy.length < 4) continue;
    // Each edge (a, b) in turn: b is read, a is the previous b.
    let ax = xy[0] ?? failEvidence('ring', 0);
    let ay = xy[1] ?? failEvidence('ring', 1);
    for (let k = 2; k + 1 < xy.length; k += 2) {
      const bx = xy[k] ?? failEvidence('ring', k);
      const by = xy[k + 1] ?? failEvidence('ring', k + 1);
      if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
      const dx = bx - ax,
        dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = t < 0 ? 0 : Math.min(t, 1);
      const ex = ax + t * dx - px,
        ey = ay + t * dy - py;
      const d2 = ex * ex + ey * ey;
      if (d2 < best) best = d2;
      ax = bx;
      ay = by;
    }
  }
  const d = Math.sqrt(best);
  return inside ? -d : d;
}
