import { convertGeometryCrs, convertLngLat, type PolygonGeometry } from '@beatplan/core';
import { polygonSignedDistanceM, preparePolygon, type PlanarPolygon } from './polygon-distance.js';
import type { VerifyPolicy } from '../verify-policy.js';
import type { VerifyRetailer } from '../verify-retailer.js';

/** No fence (no location, no geofence); a disc around the location; a (grown) polygon. */
export const FENCE_NONE = 0;
export const FENCE_DISC = 1;
export const FENCE_POLYGON = 2;

/** A retailer's fence, precomputed once, everything in WGS84. */
export interface CompiledFence {
  readonly retailerId: string;
  readonly kind: 0 | 1 | 2;
  /** The location in WGS84 (NaN when absent). */
  readonly lng: number;
  readonly lat: number;
  /** `Math.cos(lat · π / 180)`, for `haversineCosM`. */
  readonly cosLat: number;
  readonly hasPoint: boolean;
  /** Disc radius, metres (disc fences). */
  readonly radiusM: number;
  /** The geofence polygon in WGS84 (polygon fences), and how far it is grown, metres. */
  readonly polygon: PolygonGeometry | null;
  readonly marginM: number;
  /**
   * How deep the fence is, metres: the disc's radius; for a polygon, its grown depth at the centre of
   * its box (at least the margin). Fixes whose combined standard error × strictness exceeds it could
   * not prove a visit anywhere (`ACCURACY_TOO_COARSE`).
   */
  readonly depthM: number;
  /** The polygon projected for fast signed distances (polygon fences). */
  readonly planar: PlanarPolygon | null;
}

/** The disc radius for a retailer: class override, else segment override, else `radiusM`. */
export function radiusFor(retailer: VerifyRetailer, policy: VerifyPolicy): number {
  const byClass = retailer.class !== undefined ? policy.radiusByClass[retailer.class] : undefined;
  if (byClass !== undefined) return byClass;
  const bySegment = retailer.segment !== undefined ? policy.radiusBySegment[retailer.segment] : undefined;
  return bySegment ?? policy.radiusM;
}

/** Builds a retailer's fence: its polygon (converted from the location's crs) when it has one, else a disc. */
export function compileFence(retailer: VerifyRetailer, policy: VerifyPolicy): CompiledFence {
  const loc = retailer.location ?? null;
  const [lng, lat] = loc ? convertLngLat(loc.lng, loc.lat, loc.crs, 'WGS84') : [NaN, NaN];
  const polygon = retailer.geofence
    ? (convertGeometryCrs(
        { type: 'Polygon', coordinates: retailer.geofence.coordinates },
        loc?.crs,
        'WGS84',
      ) as PolygonGeometry)
    : null;
  const kind = polygon ? FENCE_POLYGON : loc ? FENCE_DISC : FENCE_NONE;
  const planar = polygon ? preparePolygon(polygon.coordinates) : null;
  const radiusM = radiusFor(retailer, policy);
  const depthM = planar
    ? Math.max(policy.polygonMarginM, policy.polygonMarginM - polygonSignedDistanceM(planar, planar.lng0, planar.lat0))
    : radiusM;
  return {
    retailerId: retailer.id,
    kind,
    lng,
    lat,
    cosLat: Math.cos(lat * (Math.PI / 180)),
    hasPoint: loc !== null,
    radiusM,
    depthM,
    polygon,
    marginM: policy.polygonMarginM,
    planar,
  };
}
