import * as z from 'zod';
import { CoordinatesSchema } from './coordinates.js';
import { IdSchema } from './id.js';
import { WeeklyHoursSchema } from './weekly-hours.js';

/**
 * A customer manager (field-sales representative).
 *
 * - `id`, `name`; `base`: where his day starts and ends (home or depot), `{ lng, lat, crs? }`.
 * - `workingHours`: per weekday, see `WeeklyHoursSchema` (e.g. Mon–Fri 08:30–17:30 with a lunch break).
 * - `maxDailyMinutes` (optional): cap on a day's work, travel plus service, minutes, 1–1440.
 * - `region` (optional): the area he works in.
 *
 * Unknown fields are rejected.
 *
 * @example
 * CustomerManagerSchema.parse({
 *   id: 'M1', name: 'Li Wei', base: { lng: 116.35, lat: 39.95 },
 *   workingHours: { mon: [{ from: '08:30', to: '17:30' }], tue: [{ from: '08:30', to: '17:30' }] },
 *   maxDailyMinutes: 480,
 * });
 */
export const CustomerManagerSchema = z.strictObject({
  id: IdSchema,
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .min(1, { error: 'name must not be empty' })
    .max(200, { error: 'name must have at most 200 characters' }),
  base: CoordinatesSchema,
  workingHours: WeeklyHoursSchema,
  maxDailyMinutes: z
    .number({ error: 'max daily minutes must be a number' })
    .int({ error: 'max daily minutes must be a whole number' })
    .min(1, { error: 'max daily minutes must be at least 1' })
    .max(1440, { error: 'max daily minutes must be at most 1440 (24 hours)' })
    .optional(),
  region: z
    .string({ error: 'region must be a string' })
    .trim()
    .min(1, { error: 'region must not be empty' })
    .max(200)
    .optional(),
});

/** A customer manager, see {@link CustomerManagerSchema}. */
export type CustomerManager = z.infer<typeof CustomerManagerSchema>;
