import * as z from 'zod';
import { IdSchema } from './id.js';
import { TimestampSchema } from './timestamp.js';
import { customReason } from '../issue-reason.js';

/**
 * A calendar date `YYYY-MM-DD` (a real date: `2025-02-30` is rejected).
 *
 * @example
 * LocalDateSchema.parse('2025-03-03');
 */
export const LocalDateSchema = z.string({ error: 'date must be a string "YYYY-MM-DD"' }).refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, customReason('core.calendar_date'));

/**
 * One planned stop: the retailer and the planned arrival and departure (epoch ms or ISO 8601 with
 * offset, parsed to epoch ms); departure ≥ arrival.
 */
export const PlannedStopSchema = z
  .strictObject({ retailerId: IdSchema, arrival: TimestampSchema, departure: TimestampSchema })
  .refine((s) => s.departure >= s.arrival, { ...customReason('core.departure_before_arrival'), path: ['departure'] });

/** A planned stop, see {@link PlannedStopSchema}. */
export type PlannedStop = z.output<typeof PlannedStopSchema>;

/**
 * One manager's plan for one day: stops in visiting order, each arriving no earlier than the previous
 * departure, no retailer twice; `distanceM` (metres, ≥ 0) and `durationS` (seconds, ≥ 0) of the whole
 * day's route (travel plus service), as planned.
 *
 * @example
 * VisitPlanSchema.parse({
 *   managerId: 'M1', date: '2025-03-03', distanceM: 12400, durationS: 21600,
 *   stops: [{ retailerId: 'R1', arrival: '2025-03-03T09:00:00+08:00', departure: '2025-03-03T09:15:00+08:00' }],
 * });
 */
export const VisitPlanSchema = z
  .strictObject({
    id: IdSchema.optional(),
    managerId: IdSchema,
    date: LocalDateSchema,
    stops: z.array(PlannedStopSchema, { error: 'stops must be an array' }),
    distanceM: z
      .number({ error: 'distance must be a finite number of metres' })
      .min(0, { error: 'distance must be at least 0 m' }),
    durationS: z
      .number({ error: 'duration must be a finite number of seconds' })
      .min(0, { error: 'duration must be at least 0 s' }),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.stops.forEach((stop, i) => {
      if (seen.has(stop.retailerId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'retailerId'],
          ...customReason('core.planned_twice'),
          input: stop.retailerId,
        });
      }
      seen.add(stop.retailerId);
      const prev = plan.stops[i - 1];
      if (prev && stop.arrival < prev.departure) {
        ctx.addIssue({
          code: 'custom',
          path: ['stops', i, 'arrival'],
          ...customReason('core.arrival_before_departure'),
          input: stop.arrival,
        });
      }
    });
  });

/** A day's visit plan (times in epoch ms), see {@link VisitPlanSchema}. */
export type VisitPlan = z.output<typeof VisitPlanSchema>;
/** A visit plan as accepted (times may be ISO strings). */
export type VisitPlanInput = z.input<typeof VisitPlanSchema>;
