import { haversineM } from '@beatplan/core';
import type { RoadGraphData } from './road-graph-data.js';

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
 * graph's profile in at least one direction). The nearest segment is found in a plane where
 * x = lng × cos(mean latitude): the first candidate bounds the search, then every segment whose box
 * lies within that bound is measured, so the answer is exact in that plane. Returns null for a graph
 * without segments.
 */
export function snapPoint(g: RoadGraphData, lng: number, lat: number): Snap | null {
  if (g.segPoint.length === 0) return null;
  const x = lng * g.cosLat0;
  const y = lat;
  const first = g.index.neighbors(x, y, 1)[0];
  if (first === undefined) return null;
  const planar = (s: number) => {
    const i = g.segPoint[s] as number;
    const ax = (g.lngs[i] as number) * g.cosLat0;
    const ay = g.lats[i] as number;
    const bx = (g.lngs[i + 1] as number) * g.cosLat0;
    const by = g.lats[i + 1] as number;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0;
    const fx = ax + t * dx;
    const fy = ay + t * dy;
    return { t, d2: (x - fx) * (x - fx) + (y - fy) * (y - fy) };
  };
  let best = first;
  let bestHit = planar(first);
  for (const s of g.index.neighbors(x, y, Number.POSITIVE_INFINITY, Math.sqrt(bestHit.d2))) {
    const hit = planar(s);
    if (hit.d2 < bestHit.d2 || (hit.d2 === bestHit.d2 && s < best)) {
      best = s;
      bestHit = hit;
    }
  }
  const i = g.segPoint[best] as number;
  const t = bestHit.t;
  const flng = (g.lngs[i] as number) + t * ((g.lngs[i + 1] as number) - (g.lngs[i] as number));
  const flat = (g.lats[i] as number) + t * ((g.lats[i + 1] as number) - (g.lats[i] as number));
  const cum0 = g.chainCumM[i] as number;
  const cum1 = g.chainCumM[i + 1] as number;
  return {
    chain: g.segChain[best] as number,
    offsetM: cum0 + t * (cum1 - cum0),
    lng: flng,
    lat: flat,
    distanceM: haversineM(lng, lat, flng, flat),
  };
}
