import { type Coordinates, convertLngLat, type Crs, type TravelCostMatrix } from '@beatplan/core';
import { expect } from 'vitest';
import { truth } from './stand-in-server.js';

/** Seven stops in Hangzhou: WGS84, one in GCJ-02 and one in BD-09 (the adapters convert them). */
export const CITY: Coordinates[] = [
  { lng: 120.155, lat: 30.274 },
  { lng: 120.166, lat: 30.272 },
  { lng: 120.149, lat: 30.281, crs: 'GCJ02' },
  { lng: 120.171, lat: 30.259 },
  { lng: 120.188, lat: 30.291, crs: 'BD09' },
  { lng: 120.131, lat: 30.262 },
  { lng: 120.142, lat: 30.301 },
];

/** A stop on the stand-ins' "island" (lat ≥ 45): no route to or from the city. */
export const ISLAND: Coordinates = { lng: 126.63, lat: 45.75 };

/** The coordinates an adapter must send: converted to the service's system, 6 decimals. */
export function sent(points: readonly Coordinates[], crs: Crs): [number, number][] {
  return points.map((p) => {
    const [lng, lat] = convertLngLat(p.lng, p.lat, p.crs, crs);
    return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  });
}

/** Checks a matrix against the stand-ins' network on the sent coordinates (`digits`: the service's rounding). */
export function expectTruth(m: TravelCostMatrix, coords: [number, number][], digits: number): void {
  const n = coords.length;
  expect(m.n).toBe(n);
  const unreachable: { from: number; to: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const t = i === j ? { m: 0, s: 0 } : truth(coords[i] as [number, number], coords[j] as [number, number]);
      if (t === null) unreachable.push({ from: i, to: j });
      expect(m.distancesM[i * n + j], `distance ${i} → ${j}`).toBeCloseTo(t?.m ?? -1, digits);
      expect(m.durationsS[i * n + j], `duration ${i} → ${j}`).toBeCloseTo(t?.s ?? -1, digits);
    }
  }
  expect(m.unreachable).toEqual(unreachable);
}
