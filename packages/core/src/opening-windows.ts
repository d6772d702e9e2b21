import { secondsOfTime } from './local-calendar.js';
import { WEEKDAYS, type Weekday, type WeeklyHours } from './schemas/weekly-hours.js';

const DAY_S = 86_400;

/** Options of {@link hoursOnDay}. */
export interface HoursOnDayOptions {
  /**
   * Whether the previous day's overnight interval also opens this day from 00:00 (default `true`:
   * right for opening hours; pass `false` for working hours, whose night shift is planned as part of
   * the day it starts on).
   */
  fromPreviousNight?: boolean;
}

/**
 * The intervals of weekly hours that apply to one weekday, in seconds after local midnight, sorted
 * and merged. This is beatplan's one **past-midnight rule**:
 *
 * - an interval whose `to` is earlier than its `from` (a KTV open `18:00`–`02:00`) belongs to the day
 *   it starts on and runs past 24:00 in that day's seconds: `[64 800, 93 600]`;
 * - the next day it also opens from 00:00 to its end, `[0, 7 200]` (opening hours only, see
 *   {@link HoursOnDayOptions.fromPreviousNight}), so a visit at 01:00 finds the shop open whichever
 *   day plans it;
 * - `24:00` ends an interval at 86 400; a day that is absent or `[]` is closed.
 *
 * @param hours - parsed weekly hours (`WeeklyHoursSchema`).
 * @param weekday - the weekday of the local date.
 * @param options - see {@link HoursOnDayOptions}.
 * @returns `[from, to]` pairs in seconds, `from < to`; `[]` when closed.
 * @throws never.
 * @example
 * const ktv = { mon: [{ from: '18:00', to: '02:00' }] };
 * hoursOnDay(ktv, 'mon'); // [[64800, 93600]]
 * hoursOnDay(ktv, 'tue'); // [[0, 7200]]
 */
export function hoursOnDay(hours: WeeklyHours, weekday: Weekday, options: HoursOnDayOptions = {}): [number, number][] {
  const out: [number, number][] = [];
  for (const i of hours[weekday] ?? []) {
    const from = secondsOfTime(i.from);
    const to = secondsOfTime(i.to);
    out.push([from, to < from ? to + DAY_S : to]);
  }
  if (options.fromPreviousNight !== false) {
    const previous = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7] as Weekday;
    for (const i of hours[previous] ?? []) {
      const from = secondsOfTime(i.from);
      const to = secondsOfTime(i.to);
      if (to < from && to > 0) out.push([0, to]);
    }
  }
  return mergeIntervals(out);
}

/** Options of {@link openingWindows}. */
export interface OpeningWindowsOptions {
  /** Seconds on site: a visit must end by closing time (and by the end of a `within` interval). Default 0. */
  serviceS?: number;
  /** Intervals (seconds after local midnight) the visit must also lie in, e.g. the manager's working hours. */
  within?: readonly (readonly [number, number])[];
}

/**
 * The windows in which a visit may START at a place with these opening hours on one weekday, in
 * seconds after local midnight: {@link hoursOnDay} (with its past-midnight rule), intersected with
 * `within` when given, each interval `[from, to]` shortened to `[from, to − serviceS]` so that the visit
 * also ends inside it; intervals shorter than the service are left out. This is the one
 * opening-hours-to-time-windows function of beatplan (territory and inspection use it); the result is
 * the `windows` entry `@beatplan/tsp`'s `solve` takes for the stop.
 *
 * @param hours - the place's weekly hours; `undefined` = not known = always open.
 * @param weekday - the weekday of the local date.
 * @param options - `serviceS` (default 0) and `within`.
 * @returns sorted, disjoint windows; `[]` when the visit cannot happen that day; `null` when there is no
 *   restriction at all (`hours` and `within` both absent).
 * @throws never.
 * @example
 * const hours = { mon: [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '20:00' }] };
 * openingWindows(hours, 'mon', { serviceS: 1800 });                         // [[28800, 41400], [50400, 70200]]
 * openingWindows(hours, 'mon', { serviceS: 1800, within: [[30600, 63000]] }); // [[30600, 41400], [50400, 61200]]
 * openingWindows(hours, 'sun');                                             // []
 * openingWindows(undefined, 'sun');                                         // null
 */
export function openingWindows(
  hours: WeeklyHours | undefined,
  weekday: Weekday,
  options: OpeningWindowsOptions = {},
): [number, number][] | null {
  const { serviceS = 0, within } = options;
  if (hours === undefined && within === undefined) return null;
  let open: [number, number][] = hours === undefined ? [[0, Number.POSITIVE_INFINITY]] : hoursOnDay(hours, weekday);
  if (within !== undefined) {
    const both: [number, number][] = [];
    for (const [a, b] of open)
      for (const [c, d] of within) if (Math.min(b, d) > Math.max(a, c)) both.push([Math.max(a, c), Math.min(b, d)]);
    open = mergeIntervals(both);
  }
  const out: [number, number][] = [];
  for (const [from, to] of open) if (to - serviceS >= from) out.push([from, to - serviceS]);
  return out;
}

/** Sorts intervals and merges those that overlap or touch. */
function mergeIntervals(intervals: [number, number][]): [number, number][] {
  intervals.sort((p, q) => p[0] - q[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
