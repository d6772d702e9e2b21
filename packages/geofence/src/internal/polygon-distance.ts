import { EARTH_RADIUS_M } from '@beatplan/core';

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

/** Projects a WGS84 polygon (outer ring, then holes; `[lng, lat]` positions) about its box centre. */
export function preparePolygon(rings: readonly (readonly (readonly number[])[])[]): PlanarPolygon {
  let minLng = Infinity,
    minLat = Infinity,
    maxLng = -Infinity,
    maxLat = -Infinity;
  for (const p of rings[0] ?? []) {
    minLng = Math.min(minLng, p[0]!);
    maxLng = Math.max(maxLng, p[0]!);
    minLat = Math.min(minLat, p[1]!);
    maxLat = Math.max(maxLat, p[1]!);
  }
  const lng0 = (minLng + maxLng) / 2;
  const lat0 = (minLat + maxLat) / 2;
  const mPerDegLng = M_PER_DEG * Math.cos((lat0 * Math.PI) / 180);
  const projected = rings.map((ring) => {
    const xy = new Float64Array(2 * ring.length);
    ring.forEach((p, k) => {
      xy[2 * k] = (p[0]! - lng0) * mPerDegLng;
      xy[2 * k + 1] = (p[1]! - lat0) * M_PER_DEG;
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
    for (let k = 0; k + 3 < xy.length; k += 2) {
      const ax = xy[k]!,
        ay = xy[k + 1]!,
        bx = xy[k + 2]!,
        by = xy[k + 3]!;
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
    }
  }
  const d = Math.sqrt(best);
  return inside ? -d : d;
}
