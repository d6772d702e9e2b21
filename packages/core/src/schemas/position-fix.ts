import * as z from 'zod';
import { fieldError } from '../internal/field-error.js';
import { LatSchema, LngSchema } from './coordinates.js';
import { CrsSchema } from './crs.js';
import { TimestampSchema } from './timestamp.js';

/** Where a fix came from: satellites, cell towers, WiFi access points, or typed in by hand. */
export const FixSourceSchema = z.enum(['gnss', 'cell', 'wifi', 'manual'], {
  error: fieldError('source', 'source must be one of "gnss", "cell", "wifi", "manual"'),
});

/** Where a fix came from, see {@link FixSourceSchema}. */
export type FixSource = z.infer<typeof FixSourceSchema>;

/**
 * One position fix, sent when the manager presses *start visit* or *end visit*.
 *
 * - `lng`, `lat`: degrees in `crs` (absent = WGS84).
 * - `accuracyM`: accuracy radius in metres, ≥ 0, at confidence `accuracyConfidence`.
 * - `accuracyConfidence`: probability in (0, 1) that the true position lies within `accuracyM`
 *   (Android `Location.getAccuracy()`: 0.68; W3C Geolocation `coords.accuracy`: 0.95). Absent: see
 *   `normalizeAccuracy` for the default per source (0.68).
 * - `at`: epoch ms or ISO 8601 with offset; parsed to epoch ms (see `TimestampSchema`).
 * - `mock`: the device said the location was mocked (Android `isMock()`/`isFromMockProvider()`).
 * - `altitudeM`, `speedKmh`, `headingDeg`: optional extras a device may report; unused by the core.
 *
 * Unknown fields are rejected (a misspelt `Mock` would otherwise silently drop a fraud signal).
 *
 * @example
 * const fix = PositionFixSchema.parse({ lng: 116.4, lat: 39.9, accuracyM: 12, source: 'gnss', at: '2025-03-03T09:00:00+08:00' });
 * fix.at; // 1740963600000
 */
export const PositionFixSchema = z.strictObject({
  lng: LngSchema,
  lat: LatSchema,
  crs: CrsSchema.optional(),
  accuracyM: z
    .number({
      error: (iss) => (iss.input === undefined ? 'accuracy is required' : 'accuracy must be a finite number of metres'),
    })
    .min(0, { error: 'accuracy must be at least 0 m' }),
  accuracyConfidence: z
    .number({ error: 'accuracy confidence must be a number in (0, 1)' })
    .gt(0, { error: 'accuracy confidence must be within (0, 1), e.g. 0.68 or 0.95' })
    .lt(1, { error: 'accuracy confidence must be within (0, 1), e.g. 0.68 or 0.95' })
    .optional(),
  source: FixSourceSchema,
  at: TimestampSchema,
  mock: z.boolean({ error: 'mock must be true or false' }).optional(),
  altitudeM: z.number({ error: 'altitude must be a finite number of metres' }).optional(),
  speedKmh: z
    .number({ error: 'speed must be a finite number of km/h' })
    .min(0, { error: 'speed must be at least 0 km/h' })
    .optional(),
  headingDeg: z
    .number({ error: 'heading must be a finite number of degrees' })
    .min(0, { error: 'heading must be within [0, 360)' })
    .lt(360, { error: 'heading must be within [0, 360)' })
    .optional(),
});

/** A parsed position fix (`at` in epoch ms). See {@link PositionFixSchema}. */
export type PositionFix = z.output<typeof PositionFixSchema>;
/** A position fix as accepted (`at` may be an ISO string). */
export type PositionFixInput = z.input<typeof PositionFixSchema>;
