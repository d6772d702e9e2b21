import * as z from 'zod';
import { LatSchema, LngSchema } from './coordinates.js';
import { customReason } from '../issue-reason.js';

/**
 * A GeoJSON position `[lng, lat]` (an optional third number, the altitude in metres, is allowed and
 * ignored), degrees.
 *
 * @example
 * PositionSchema.parse([116.404, 39.915]);
 */
export const PositionSchema = z.union([z.tuple([LngSchema, LatSchema]), z.tuple([LngSchema, LatSchema, z.number()])], {
  error: 'position must be [lng, lat] (degrees)',
});

/** A GeoJSON position `[lng, lat]` or `[lng, lat, altitude]`. */
export type Position = z.infer<typeof PositionSchema>;

const samePosition = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** A closed linear ring: ≥ 4 positions, first equal to last, ≥ 3 distinct corners. */
const RingSchema = z
  .array(PositionSchema, { error: 'ring must be an array of [lng, lat] positions' })
  .min(4, { error: 'ring must have at least 4 positions (3 corners and the closing one)' })
  .superRefine((ring, ctx) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && !samePosition(first, last)) {
      ctx.addIssue({
        code: 'custom',
        ...customReason('core.ring_not_closed'),
        input: last,
      });
    }
    const distinct = new Set(ring.map((p) => `${p[0]},${p[1]}`));
    if (distinct.size < 3) ctx.addIssue({ code: 'custom', input: ring, ...customReason('core.ring_corners') });
  });

/**
 * A GeoJSON Polygon geometry (RFC 7946 §3.1.6): an outer ring and optional holes, each a closed ring
 * of `[lng, lat]` positions in degrees. Winding order is not enforced (many editors ignore it).
 * As a retailer's `geofence`, it is in the same coordinate system as the retailer's `location`.
 *
 * @example
 * PolygonGeometrySchema.parse({ type: 'Polygon', coordinates: [[[116.40, 39.91], [116.41, 39.91], [116.41, 39.92], [116.40, 39.91]]] });
 */
export const PolygonGeometrySchema = z.object({
  type: z.literal('Polygon', { error: 'geometry type must be "Polygon"' }),
  coordinates: z
    .array(RingSchema, { error: 'polygon coordinates must be an array of rings' })
    .min(1, { error: 'polygon must have an outer ring' }),
  bbox: z.array(z.number()).optional(),
});

/** A GeoJSON Polygon geometry, see {@link PolygonGeometrySchema}. */
export type PolygonGeometry = z.infer<typeof PolygonGeometrySchema>;
