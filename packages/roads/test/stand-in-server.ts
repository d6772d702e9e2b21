import { readFileSync } from 'node:fs';
import { haversineM } from '@beatplan/core';

export {
  type Answer,
  type RecordedRequest,
  type StandIn,
  startStandIn,
} from '../../core/test/stand-in-server.js';

// Local stand-ins for OSRM, Valhalla, GraphHopper and AMap: none of these services is reachable from
// the machines that run beatplan's tests, so each adapter is tested against a server on 127.0.0.1
// (random port) that answers in the service's documented request/response format (see the adapters'
// header comments for the documents). The "road network" behind them is the function `truth` below.

/** A fixture file of this folder's `fixtures/` (a documented request or answer). */
export function fixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'));
}

/** Points with lat ≥ 45 lie on an "island": no route between them and the mainland. */
export const ISLAND_LAT = 45;

/**
 * The stand-ins' road network: route metres = great-circle × 1.25, plus 37 m when heading west (one-way
 * streets make it asymmetric); seconds at 8 m/s; null between the island and the mainland.
 */
export function truth(a: readonly [number, number], b: readonly [number, number]): { m: number; s: number } | null {
  if (a[0] === b[0] && a[1] === b[1]) return { m: 0, s: 0 };
  if (a[1] >= ISLAND_LAT !== b[1] >= ISLAND_LAT) return null;
  const m = Math.round((haversineM(a[0], a[1], b[0], b[1]) * 1.25 + (b[0] < a[0] ? 37 : 0)) * 10) / 10;
  return { m, s: Math.round((m / 8) * 10) / 10 };
}

/** `lng,lat` text → numbers (throws on anything else). */
export function parsePair(text: string): [number, number] {
  const [lng, lat, extra] = text.split(',').map((t) => (t.trim() === '' ? Number.NaN : Number(t)));
  if (extra !== undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) throw new Error(`bad coordinate ${text}`);
  return [lng as number, lat as number];
}
