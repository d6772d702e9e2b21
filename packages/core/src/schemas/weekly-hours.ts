import * as z from 'zod';
import { customReason } from '../issue-reason.js';

/** Weekday keys of {@link WeeklyHoursSchema}, Monday first (ISO 8601 order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A weekday key: `mon` … `sun`. */
export type Weekday = (typeof WEEKDAYS)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after midnight of an `HH:MM` time (`24:00` → 1440). */
function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * A time interval within a day, `{ from: 'HH:MM', to: 'HH:MM' }` (24-hour clock, local time of the
 * retailer or manager). `to` may be `24:00`. A `to` earlier than `from` means the interval runs past
 * midnight into the next day (a KTV open `18:00`–`02:00`). `from` equal to `to` is rejected.
 *
 * @example
 * TimeIntervalSchema.parse({ from: '08:30', to: '12:00' });
 */
export const TimeIntervalSchema = z
  .strictObject({
    from: z
      .string({ error: 'from must be a time "HH:MM"' })
      .regex(HHMM, { error: 'from must be a time "HH:MM" (00:00–23:59)' }),
    to: z
      .string({ error: 'to must be a time "HH:MM"' })
      .refine((s) => s === '24:00' || HHMM.test(s), customReason('core.time_to_format')),
  })
  .refine((i) => minutesOfDay(i.from) !== minutesOfDay(i.to), customReason('core.interval_empty'));

/** A time interval within a day, see {@link TimeIntervalSchema}. */
export type TimeInterval = z.infer<typeof TimeIntervalSchema>;

const DayHoursSchema = z
  .array(TimeIntervalSchema, { error: 'hours of a day must be an array of { from, to } intervals' })
  .superRefine((intervals, ctx) => {
    // Intervals must not overlap; an overnight one (to < from) must be the last of the day.
    const sorted = intervals
      .map((i, index) => ({ index, from: minutesOfDay(i.from), to: minutesOfDay(i.to) }))
      .sort((a, b) => a.from - b.from);
    let prev: (typeof sorted)[number] | undefined;
    for (const cur of sorted) {
      if (prev && (prev.to < prev.from || cur.from < prev.to)) {
        ctx.addIssue({
          code: 'custom',
          path: [cur.index],
          ...customReason('core.intervals_overlap'),
          input: intervals[cur.index],
        });
      }
      prev = cur;
    }
  });

/**
 * Opening or working hours per weekday: `{ mon?: [{ from, to }, ...], ..., sun?: [...] }`. A day that
 * is absent or has an empty array is closed. Several intervals per day are allowed (lunch break);
 * they must not overlap. Times are local, 24-hour `HH:MM`.
 *
 * @example
 * WeeklyHoursSchema.parse({ mon: [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '20:00' }], sat: [{ from: '09:00', to: '13:00' }] });
 */
export const WeeklyHoursSchema = z.strictObject({
  mon: DayHoursSchema.optional(),
  tue: DayHoursSchema.optional(),
  wed: DayHoursSchema.optional(),
  thu: DayHoursSchema.optional(),
  fri: DayHoursSchema.optional(),
  sat: DayHoursSchema.optional(),
  sun: DayHoursSchema.optional(),
});

/** Hours per weekday, see {@link WeeklyHoursSchema}. */
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;
