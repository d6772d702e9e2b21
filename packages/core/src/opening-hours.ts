import { BeatplanError } from './beatplan-error.js';
import { formatOpeningHoursText, isHoursError, parseOpeningHoursText } from './internal/opening-hours-text.js';
import { parseOrThrow } from './parse-or-throw.js';
import { WeeklyHoursSchema, type WeeklyHours } from './schemas/weekly-hours.js';

/**
 * Parses weekly hours from the compact text form used in CSV files:
 *
 *   `<days> <intervals>[; <days> <intervals>]...`
 *
 * - days: `mon` … `sun`, a range `mon-fri` (may wrap: `fri-mon`), a list `mon,wed,fri`, or `daily`;
 * - intervals: `HH:MM-HH:MM` separated by `,`, or `closed`; `24:00` may end an interval; an end
 *   before the start runs past midnight (`18:00-02:00`);
 * - case-insensitive; a day may appear only once; days not mentioned are closed.
 *
 * @param text - the text; empty or blank → `undefined` (hours unknown).
 * @returns the hours as a {@link WeeklyHours} object, or `undefined`.
 * @throws {BeatplanError} `INVALID_INPUT` with the reason (bad day, bad interval, overlap, day twice).
 * @example
 * parseOpeningHours('mon-fri 08:00-12:00,14:00-20:00; sat 09:00-13:00; sun closed');
 * // { mon: [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '20:00' }], ..., sat: [{ from: '09:00', to: '13:00' }], sun: [] }
 */
export function parseOpeningHours(text: string): WeeklyHours | undefined {
  const parsed = parseOpeningHoursText(text);
  if (isHoursError(parsed)) throw new BeatplanError('INVALID_INPUT', [{ path: [], ...parsed, value: text }]);
  return parsed === undefined ? undefined : parseOrThrow(WeeklyHoursSchema, parsed);
}

/**
 * Formats weekly hours in the compact text form read by {@link parseOpeningHours}, grouping
 * consecutive days with equal hours (`mon-fri`, `daily`). Days that are absent are left out; days with
 * an empty array are written `closed`. `parseOpeningHours(formatOpeningHours(h))` equals `h` whenever
 * `h` has at least one day (`{}` formats as `''`, which parses as `undefined`).
 *
 * @param hours - parsed weekly hours.
 * @returns the text, e.g. `mon-fri 08:00-20:00; sat 09:00-13:00`; `''` for `{}`.
 * @throws never.
 * @example
 * formatOpeningHours({ mon: [{ from: '08:00', to: '20:00' }], tue: [{ from: '08:00', to: '20:00' }], sun: [] });
 * // 'mon-tue 08:00-20:00; sun closed'
 */
export function formatOpeningHours(hours: WeeklyHours): string {
  return formatOpeningHoursText(hours);
}
