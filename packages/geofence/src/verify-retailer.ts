import { CoordinatesSchema, MAX_LOCATION_OUTSIDE_GEOFENCE_M, RetailerSchema } from '@beatplan/core';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import * as z from 'zod';

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
    const outside = pointToPolygonDistance(
      [r.location.lng, r.location.lat],
      { type: 'Polygon', coordinates: r.geofence.coordinates },
      { units: 'meters' },
    );
    if (outside > MAX_LOCATION_OUTSIDE_GEOFENCE_M) {
      ctx.addIssue({
        code: 'custom',
        path: ['geofence'],
        message: `the geofence lies ${Math.round(outside)} m from the location (at most ${MAX_LOCATION_OUTSIDE_GEOFENCE_M} m allowed): both must be in the crs of the location (${r.location.crs ?? 'WGS84'})`,
      });
    }
  });

/** A retailer as verification reads it (parsed), see {@link VerifyRetailerSchema}. */
export type VerifyRetailer = z.output<typeof VerifyRetailerSchema>;
/** A retailer as {@link VerifyRetailerSchema} accepts it (a core `RetailerInput` is one). */
export type VerifyRetailerInput = z.input<typeof VerifyRetailerSchema>;
