import { WEEKDAYS, type WeeklyHours } from '@beatplan/core';
import { secondsOfDay, weekdayOf } from './local-time.js';

const DAY_S = 86_400;

/**
 * The windows in which an inspection of `serviceS` seconds may START on `date`, in seconds after
 * local midnight, sorted and merged: each opening interval [from, to] becomes [from, to − serviceS]
 * (the inspection must end by closing time; an interval shorter than the service is dropped). An
 * interval past midnight (`18:00`–`02:00`) runs to 24:00 + 2 h; the previous day's such interval
 * opens this day at 0. `null` when the hours are unknown (always open); `[]` when closed all day.
 */
export function dayWindows(hours: WeeklyHours | undefined, date: string, serviceS: number): [number, number][] | null {
  if (!hours) return null;
  const day = weekdayOf(date);
  const prev = WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7]!;
  const raw: [number, number][] = [];
  for (const i of hours[day] ?? []) {
    const from = secondsOfDay(i.from);
    let to = secondsOfDay(i.to);
    if (to < from) to += DAY_S;
    raw.push([from, to]);
  }
  for (const i of hours[prev] ?? []) {
    const from = secondsOfDay(i.from);
    const to = secondsOfDay(i.to);
    if (to < from) raw.push([0, to]);
  }
  const windows = raw
    .map(([from, to]): [number, number] => [from, to - serviceS])
    .filter(([from, close]) => close >= from)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}
