import * as z from 'zod';
import { CrsSchema } from './crs.js';

/**
 * A longitude in degrees, finite, within [-180, 180].
 *
 * @example
 * LngSchema.parse(116.397); // 116.397
 */
export const LngSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'longitude is required' : 'longitude must be a finite number') })
  .min(-180, { error: 'longitude must be within [-180, 180]' })
  .max(180, { error: 'longitude must be within [-180, 180]' });

/**
 * A latitude in degrees, finite, within [-90, 90].
 *
 * @example
 * LatSchema.parse(39.908); // 39.908
 */
export const LatSchema = z
  .number({ error: (iss) => (iss.input === undefined ? 'latitude is required' : 'latitude must be a finite number') })
  .min(-90, { error: 'latitude must be within [-90, 90]' })
  .max(90, { error: 'latitude must be within [-90, 90]' });

/**
 * A point as named fields `{ lng, lat, crs? }`, degrees. `crs` defaults to `WGS84` when absent (the
 * schema keeps it absent; every beatplan function reads a missing `crs` as WGS84). Unknown fields are
 * rejected, so `{ lon, lat }` or `{ lng, lat, CRS }` fail loudly instead of being misread.
 *
 * @example
 * CoordinatesSchema.parse({ lng: 116.404, lat: 39.915, crs: 'GCJ02' });
 */
export const CoordinatesSchema = z.strictObject({
  lng: LngSchema,
  lat: LatSchema,
  crs: CrsSchema.optional(),
});

/** A point `{ lng, lat, crs? }` in degrees; `crs` absent means WGS84. See {@link CoordinatesSchema}. */
export type Coordinates = z.infer<typeof CoordinatesSchema>;
