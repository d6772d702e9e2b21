import { BeatplanError } from './beatplan-error.js';
import { WEEKDAYS, type Weekday } from './schemas/weekly-hours.js';
import { issueReason } from './issue-reason.js';

/**
 * The one local calendar of beatplan. Every package dates instants and reads times of day through
 * these functions, with a UTC offset in minutes (`utcOffsetMinutes`, default 480 = UTC+8, see
 * `UtcOffsetMinutesSchema`). A fixed offset, no daylight saving: China has none, and a host in a
 * zone with DST passes the offset of the period it plans.
 *
 * - A local date is `YYYY-MM-DD`; a day number counts days since 1970-01-01 (negative before).
 * - An instant is epoch milliseconds. Its local date is the UTC date of `at + offset`: at UTC+8,
 *   `2025-03-02T23:50:00Z` is `2025-03-03` at 07:50.
 * - A time of day is seconds after local midnight; it may pass 86 400 for the part of an
 *   overnight interval after midnight (see `openingWindows`).
 */
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Day numbers of 0001-01-01 and 9999-12-31: the dates `YYYY-MM-DD` can write. */
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;

/**
 * Days since 1970-01-01 of a local date `YYYY-MM-DD`.
 *
 * @throws {BeatplanError} `INVALID_INPUT` when `date` is not a real calendar date `YYYY-MM-DD` (0001–9999).
 * @example
 * dayNumberOf('1970-01-02'); // 1
 */
export function dayNumberOf(date: string): number {
  const d = new Date(0); // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999
  if (DATE.test(date))
    d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  const day = Math.round(d.getTime() / DAY_MS);
  if (!DATE.test(date) || day < FIRST_DAY || new Date(d).toISOString().slice(0, 10) !== date)
    throw new BeatplanError('INVALID_INPUT', [{ path: [], value: date, ...issueReason('core.calendar_date') }]);
  return day;
}

/**
 * The local date `YYYY-MM-DD` of a day number.
 *
 * @throws {BeatplanError} `INVALID_INPUT` when `day` is not a whole number between 0001-01-01 and 9999-12-31.
 * @example
 * dateOfDayNumber(0); // '1970-01-01'
 */
export function dateOfDayNumber(day: number): string {
  if (!Number.isInteger(day) || day < FIRST_DAY || day > LAST_DAY)
    throw new BeatplanError('INVALID_INPUT', [{ path: [], value: day, ...issueReason('core.day_number') }]);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local day number (days since 1970-01-01) of an instant.
 *
 * @param atMs - epoch milliseconds.
 * @param utcOffsetMinutes - the local offset (480 = UTC+8).
 * @returns a whole number; `NaN` for a non-finite instant.
 * @throws never.
 * @example
 * localDayNumberOf(Date.parse('2025-03-02T23:50:00Z'), 480); // 20150 (2025-03-03)
 */
export function localDayNumberOf(atMs: number, utcOffsetMinutes: number): number {
  return Math.floor((atMs + utcOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * The local calendar date `YYYY-MM-DD` of an instant.
 *
 * @param atMs - epoch milliseconds.
 * @param utcOffsetMinutes - the local offset (480 = UTC+8).
 * @returns the date.
 * @throws {BeatplanError} `INVALID_INPUT` when the instant is not finite or its date is outside 0001–9999.
 * @example
 * localDateOf(Date.parse('2025-03-02T23:50:00Z'), 480); // '2025-03-03' (07:50 in Beijing)
 * localDateOf(Date.parse('2025-03-02T23:50:00Z'), 0);   // '2025-03-02'
 */
export function localDateOf(atMs: number, utcOffsetMinutes: number): string {
  return dateOfDayNumber(localDayNumberOf(atMs, utcOffsetMinutes));
}

/**
 * Seconds after local midnight of an instant, in [0, 86 400).
 *
 * @throws never (`NaN` for a non-finite instant).
 * @example
 * localSecondsOf(Date.parse('2025-03-02T23:50:00Z'), 480); // 28200 (07:50)
 */
export function localSecondsOf(atMs: number, utcOffsetMinutes: number): number {
  const local = atMs + utcOffsetMinutes * 60_000;
  return (local - Math.floor(local / DAY_MS) * DAY_MS) / 1000;
}

/**
 * The instant (epoch ms) of a local time of day on a local date; `secondsOfDay` may pass 86 400
 * (the next morning of an overnight interval). Rounded to whole milliseconds.
 *
 * @throws {BeatplanError} `INVALID_INPUT` when `date` is not a real calendar date `YYYY-MM-DD`.
 * @example
 * instantOf('2025-03-03', 28_200, 480) === Date.parse('2025-03-03T07:50:00+08:00'); // true
 */
export function instantOf(date: string, secondsOfDay: number, utcOffsetMinutes: number): number {
  return dayNumberOf(date) * DAY_MS + Math.round(secondsOfDay * 1000) - utcOffsetMinutes * 60_000;
}

/**
 * ISO 8601 local date-time with the offset, whole seconds: `2025-03-03T07:50:00+08:00`.
 *
 * @throws {BeatplanError} `INVALID_INPUT` when the instant is not finite or its date is outside 0001–9999.
 * @example
 * formatLocalDateTime(Date.parse('2025-03-02T23:50:00Z'), 480); // '2025-03-03T07:50:00+08:00'
 */
export function formatLocalDateTime(atMs: number, utcOffsetMinutes: number): string {
  const local = new Date(Math.round(atMs / 1000) * 1000 + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(utcOffsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  return `${local}${utcOffsetMinutes < 0 ? '-' : '+'}${hh}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The weekday of a local date.
 *
 * @throws {BeatplanError} `INVALID_INPUT` when `date` is not a real calendar date `YYYY-MM-DD`.
 * @example
 * weekdayOf('2025-03-03'); // 'mon'
 */
export function weekdayOf(date: string): Weekday {
  // 1970-01-01 was a Thursday (index 3, Monday = 0).
  return WEEKDAYS[(((dayNumberOf(date) + 3) % 7) + 7) % 7] as Weekday;
}

/**
 * The local date `days` after `date` (negative: before).
 *
 * @throws {BeatplanError} `INVALID_INPUT` when `date` is not a real calendar date or the result is outside 0001–9999.
 * @example
 * addDays('2025-02-28', 1); // '2025-03-01'
 */
export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

/**
 * The local dates of a period, `from` and `to` included, in order; `[]` when `to` is before `from`.
 *
 * @throws {BeatplanError} `INVALID_INPUT` when `from` or `to` is not a real calendar date `YYYY-MM-DD`.
 * @example
 * datesOfPeriod('2025-02-27', '2025-03-01'); // ['2025-02-27', '2025-02-28', '2025-03-01']
 */
export function datesOfPeriod(from: string, to: string): string[] {
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  const out: string[] = [];
  for (let d = first; d <= last; d++) out.push(dateOfDayNumber(d));
  return out;
}

/**
 * Seconds after midnight of a time `HH:MM` as `TimeIntervalSchema` accepts it (`24:00` → 86 400).
 *
 * @throws never (`NaN` for text that is not `HH:MM`).
 * @example
 * secondsOfTime('07:50'); // 28200
 */
export function secondsOfTime(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
}
