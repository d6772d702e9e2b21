import * as z from 'zod';

const MESSAGE = 'utcOffsetMinutes must be a whole number of minutes within [-720, 840]';

/**
 * A UTC offset in minutes (east positive: China Standard Time, UTC+8, is `480`), the one time-zone
 * setting of every beatplan package: it fixes the local calendar date of an instant (a visit belongs
 * to the local date of its start fix) and the local time of opening and working hours. Whole minutes
 * within [-720, 840] (UTC−12 to UTC+14). **Default 480** (UTC+8): this schema is the only place the
 * default is set; every package's options embed it.
 *
 * @example
 * UtcOffsetMinutesSchema.parse(undefined); // 480
 * UtcOffsetMinutesSchema.parse(-300);      // -300 (UTC−5)
 */
export const UtcOffsetMinutesSchema = z
  .number({ error: MESSAGE })
  .int({ error: MESSAGE })
  .min(-720, { error: MESSAGE })
  .max(840, { error: MESSAGE })
  .default(480);

/** The default of {@link UtcOffsetMinutesSchema}: 480 (UTC+8), read from the schema. */
export const DEFAULT_UTC_OFFSET_MINUTES: number = UtcOffsetMinutesSchema.parse(undefined);
