import * as z from 'zod';
import { IdSchema } from './id.js';
import { PositionFixSchema } from './position-fix.js';

/**
 * One visit as reported by the manager's app: the fix sent on *start visit* and the one sent on
 * *end visit*. The start fix is required; the end fix may be missing (the manager forgot to press
 * *end visit*, or the battery died): `@beatplan/geofence` then judges the visit `incomplete` on its
 * start evidence. The schema does NOT require `end.at ≥ start.at`: a reversed visit is evidence that
 * `@beatplan/geofence` reports (flag and `unverifiable`/`rejected` verdict), not a parse error.
 *
 * @example
 * VisitSchema.parse({
 *   id: 'V1', managerId: 'M1', retailerId: 'R1',
 *   start: { lng: 116.404, lat: 39.915, accuracyM: 8, source: 'gnss', at: '2025-03-03T09:00:00+08:00' },
 *   end: { lng: 116.404, lat: 39.915, accuracyM: 10, source: 'gnss', at: '2025-03-03T09:14:00+08:00' },
 * });
 */
export const VisitSchema = z.strictObject({
  id: IdSchema,
  managerId: IdSchema,
  retailerId: IdSchema,
  start: PositionFixSchema,
  end: PositionFixSchema.optional(),
});

/** A parsed visit (fix times in epoch ms), see {@link VisitSchema}. */
export type Visit = z.output<typeof VisitSchema>;
/** A visit as accepted (fix times may be ISO strings). */
export type VisitInput = z.input<typeof VisitSchema>;
