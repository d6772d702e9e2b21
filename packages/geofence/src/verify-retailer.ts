import {
  CoordinatesSchema,
  locationOutsideGeofenceM,
  MAX_LOCATION_OUTSIDE_GEOFENCE_M,
  RetailerSchema,
  customReason,
} from '@beatplan/core';
import * as z from 'zod';
import { polygonSignedDistanceM, preparePolygon } from './internal/polygon-distance.js';

const shape = RetailerSchema.shape;

/**
 * The retailer record verification reads: core's `RetailerSchema` with only `id` required.
 *
 * Verification needs the place (`location` and/or `geofence`) and, for the radius, `segment` and
 * `class`; `name` is shown in reports. So a full core `Retailer` is accepted as it is, and so is a
 * lightweight `{ id, location }` straight from a host's database. Every field that is present is
 * checked with core's schema (a misspelt field is still an error: unknown fields are rejected), and a
 * `geofence` must lie within {@link MAX_LOCATION_OUTSIDE_GEOFENCE_M} m of the `location`, as in core.
 *
 * `location` may be absent or `null`: such a retailer (with no `geofence` either) is not an input
 * error but makes each of its visits `unverifiable` with reason `NO_RETAILER_LOCATION`.
 *
 * @example
 * VerifyRetailerSchema.parse({ id: 'R1', location: { lng: 120.1659, lat: 30.2719 }, segment: 'retail' });
 * VerifyRetailerSchema.parse({ id: 'R2', location: null }); // accepted: its visits will be unverifiable
 */
export const VerifyRetailerSchema = z
  .strictObject({
    id: shape.id,
    name: shape.name.optional(),
    location: CoordinatesSchema.nullable().optional(),
    geofence: shape.geofence,
    segment: shape.segment.optional(),
    class: shape.class.optional(),
    serviceMinutes: shape.serviceMinutes.optional(),
    openingHours: shape.openingHours,
    visitFrequency: shape.visitFrequency.optional(),
    orderCount: shape.orderCount.optional(),
    orderVolume: shape.orderVolume.optional(),
    managerId: shape.managerId,
    region: shape.region,
    licenceNo: shape.licenceNo,
    address: shape.address,
    phone: shape.phone,
    storeType: shape.storeType,
    grade: shape.grade,
    attributes: shape.attributes,
  })
  .superRefine((r, ctx) => {
    if (!r.geofence || !r.location) return;
    const outside = locationOutsideM(r.location, r.geofence.coordinates);
    if (outside > MAX_LOCATION_OUTSIDE_GEOFENCE_M) {
      ctx.addIssue({
        code: 'custom',
        path: ['geofence'],
        ...customReason('core.geofence_far', {
          m: Math.round(outside),
          max: MAX_LOCATION_OUTSIDE_GEOFENCE_M,
          crs: r.location.crs ?? 'WGS84',
        }),
      });
    }
  });

/**
 * Planar distances (see `polygonSignedDistanceM`) at or below this many metres are within the limit by
 * Turf's geodesic measure too: on a fence of at most {@link SMALL_FENCE_DEG}° away from the poles the
 * two agree to well under 1 %, and this leaves 25 %.
 */
const SURELY_WITHIN_M = 0.75 * MAX_LOCATION_OUTSIDE_GEOFENCE_M;
/** The largest box side (degrees) of a fence the planar pre-check is used for, and its farthest latitude. */
const SMALL_FENCE_DEG = 0.1;
const PLANAR_MAX_LAT = 80;

/**
 * Metres from the location to the geofence (negative inside) as core's RetailerSchema measures it
 * (`locationOutsideGeofenceM`: Turf's geodesic distance), or, when the location is surely within the limit (a
 * small fence, planar distance at most {@link SURELY_WITHIN_M}), the planar figure: the verdict is the
 * same and Turf, ~100× slower, is asked only near or over the limit, where the message needs its figure.
 * NaN when either is malformed (see `locationOutsideGeofenceM`).
 */
function locationOutsideM(location: { lng: number; lat: number }, rings: number[][][]): number {
  // the refinement also runs on fields that failed their own schema: look only at arrays of arrays
  const shaped = Array.isArray(rings) && rings.every((ring) => Array.isArray(ring) && ring.every(Array.isArray));
  if (shaped && isSmallFence(rings[0] ?? [])) {
    const planar = polygonSignedDistanceM(preparePolygon(rings), location.lng, location.lat);
    if (planar <= SURELY_WITHIN_M) return planar;
  }
  return locationOutsideGeofenceM(location, rings);
}

/** Whether the outer ring's box is at most {@link SMALL_FENCE_DEG}° a side, within {@link PLANAR_MAX_LAT}° of the equator. */
function isSmallFence(outer: readonly (readonly number[])[]): boolean {
  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const [lng = NaN, lat = NaN] of outer) {
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return (
    maxLng - minLng <= SMALL_FENCE_DEG &&
    maxLat - minLat <= SMALL_FENCE_DEG &&
    Math.max(Math.abs(minLat), Math.abs(maxLat)) <= PLANAR_MAX_LAT
  );
}

/** A retailer as verification reads it (parsed), see {@link VerifyRetailerSchema}. */
export type VerifyRetailer = z.output<typeof VerifyRetailerSchema>;
/** A retailer as {@link VerifyRetailerSchema} accepts it (a core `RetailerInput` is one). */
export type VerifyRetailerInput = z.input<typeof VerifyRetailerSchema>;
