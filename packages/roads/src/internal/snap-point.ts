import { haversineM } from '@beatplan/core';
import { SEGMENT_RUN, type RoadGraphData } from './road-graph-data.js';
import { chainOfPoint } from './segment-index.js';

/** Where a point meets the network: the chain, metres from its start, the foot point and the distance. */
export interface Snap {
  chain: number;
  offsetM: number;
  lng: number;
  lat: number;
  distanceM: number;
}

/**
 * Snaps a WGS84 point to the nearest road segment of the graph (every segment is usable by the
 * graph's profile in at least one direction). The nearest segment is found in the index's local plane
 * (x = (lng − lng0) × cos lat0, y = lat − lat0): the nearest run's best segment bounds the search, then
 * every run whose box lies within that bound is measured segment by segment, so the answer is exact in
 * that plane (ties: the lower point index). Returns null for a graph without segments.
 */
export function snapPoint(g: RoadGraphData, lng: number, lat: number): Snap | null {
  if (g.runPoint.length === 0) return null;
  const { lngE7, latE7, cosLat0, chainStart } = g;
  const x = (lng - g.lng0) * cosLat0;
  const y = lat - g.lat0;
  let best = -1;
  let bestD2 = Number.POSITIVE_INFINITY;
  let bestT = 0;
  const measureRun = (r: number) => {
    const first = g.runPoint[r] as number;
    const last = Math.min(first + SEGMENT_RUN, (chainStart[chainOfPoint(chainStart, first) + 1] as number) - 1);
    let ax = ((lngE7[first] as number) / 1e7 - g.lng0) * cosLat0;
    let ay = (latE7[first] as number) / 1e7 - g.lat0;
    for (let i = first; i < last; i++) {
      const bx = ((lngE7[i + 1] as number) / 1e7 - g.lng0) * cosLat0;
      const by = (latE7[i + 1] as number) / 1e7 - g.lat0;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
      const fx = ax + t * dx;
      const fy = ay + t * dy;
      const d2 = (x - fx) * (x - fx) + (y - fy) * (y - fy);
      if (d2 < bestD2 || (d2 === bestD2 && i < best)) {
        best = i;
        bestD2 = d2;
        bestT = t;
      }
      ax = bx;
      ay = by;
    }
  };
  const first = g.index.neighbors(x, y, 1)[0];
  if (first === undefined || first >= g.runPoint.length) return null;
  measureRun(first);
  for (const r of g.index.neighbors(x, y, Number.POSITIVE_INFINITY, Math.sqrt(bestD2))) measureRun(r);
  const i = best;
  const flng = (lngE7[i] as number) / 1e7 + (bestT * ((lngE7[i + 1] as number) - (lngE7[i] as number))) / 1e7;
  const flat = (latE7[i] as number) / 1e7 + (bestT * ((latE7[i + 1] as number) - (latE7[i] as number))) / 1e7;
  const cum0 = g.chainCumM[i] as number;
  const cum1 = g.chainCumM[i + 1] as number;
  return {
    chain: chainOfPoint(chainStart, i),
    offsetM: cum0 + bestT * (cum1 - cum0),
    lng: flng,
    lat: flat,
    distanceM: haversineM(lng, lat, flng, flat),
  };
}
