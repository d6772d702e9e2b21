import { customReason, IdSchema, LocalDateSchema } from '@beatplan/core';
import * as z from 'zod';

/**
 * The retailers one manager planned to visit on one day, for the planned-vs-visited-vs-verified
 * figures of the day summary. `date` is the local calendar date in the policy's `utcOffsetMinutes`
 * (a visit belongs to the date of its start fix). A core `VisitPlan` maps to it with
 * `{ managerId, date, retailerIds: plan.stops.map((s) => s.retailerId) }`. A retailer may appear
 * once per day.
 *
 * @example
 * PlannedDaySchema.parse({ managerId: 'M1', date: '2026-11-30', retailerIds: ['R001', 'R005'] });
 */
export const PlannedDaySchema = z.strictObject({
  managerId: IdSchema,
  date: LocalDateSchema,
  retailerIds: z.array(IdSchema, { error: 'retailerIds must be an array of retailer ids' }).superRefine((ids, ctx) => {
    const seen = new Set<string>();
    ids.forEach((id, k) => {
      if (seen.has(id))
        ctx.addIssue({ code: 'custom', path: [k], input: id, ...customReason('geofence.planned_twice') });
      seen.add(id);
    });
  }),
});

/** A planned day, see {@link PlannedDaySchema}. */
export type PlannedDay = z.output<typeof PlannedDaySchema>;
