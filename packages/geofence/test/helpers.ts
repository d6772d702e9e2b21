import { EARTH_RADIUS_M } from '@beatplan/core';

/** A shop near the Hangzhou depot of examples/data/sample-day.json (WGS84). */
export const SHOP = { lng: 120.165896, lat: 30.27186 };
/** 09:00 local (UTC+8) on 2026-11-30, epoch ms. */
export const NINE = Date.parse('2026-11-30T09:00:00+08:00');

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

/** The point `metres` away from `p` towards `bearingDeg` (0 = north), on a local flat approximation. */
export function offset(p: { lng: number; lat: number }, metres: number, bearingDeg = 90): { lng: number; lat: number } {
  const b = (bearingDeg * Math.PI) / 180;
  return {
    lng: p.lng + (metres * Math.sin(b)) / (M_PER_DEG * Math.cos((p.lat * Math.PI) / 180)),
    lat: p.lat + (metres * Math.cos(b)) / M_PER_DEG,
  };
}

/** A valid fix input at the shop, 09:00, GNSS 8 m; with overrides. */
export function fix(
  over: Record<string, unknown> = {},
): Record<string, unknown> & { lng: number; lat: number; at: number | string } {
  return { ...SHOP, accuracyM: 8, source: 'gnss', at: NINE, ...over } as Record<string, unknown> & {
    lng: number;
    lat: number;
    at: number | string;
  };
}

/** A valid 12-minute visit V1 of M1 to R1 at the shop; `start`/`end` override the fixes' fields. */
export function visit(
  over: {
    id?: string;
    managerId?: string;
    retailerId?: string;
    start?: Record<string, unknown>;
    end?: Record<string, unknown>;
  } = {},
): any {
  return {
    id: over.id ?? 'V1',
    managerId: over.managerId ?? 'M1',
    retailerId: over.retailerId ?? 'R1',
    start: fix({ at: NINE, ...over.start }),
    end: fix({ at: NINE + 12 * 60_000, ...over.end }),
  };
}

/** Retailer R1 at the shop (lightweight shape); with overrides. */
export function retailer(over: Record<string, unknown> = {}): any {
  return { id: 'R1', location: { ...SHOP }, ...over };
}

/** Runs `f`, expects a BeatplanError, and returns it (core's test helper). */
export { thrown } from '../../core/test/helpers.js';
