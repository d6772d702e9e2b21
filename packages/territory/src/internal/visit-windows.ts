import { WEEKDAYS, type CustomerManager, type Retailer } from '@beatplan/core';
import { minutesOf } from './calendar.js';

/** [from, to] minutes of the day; an interval running past midnight ends at 1440 on its own day. */
export type MinuteInterval = [number, number];

export function intervalsOf(hours: { from: string; to: string }[] | undefined): MinuteInterval[] {
  return (hours ?? []).map((h) => {
    const from = minutesOf(h.from),
      to = minutesOf(h.to);
    return [from, to <= from ? 1440 : to] as MinuteInterval;
  });
}

/** The manager's working intervals per weekday (0 = Monday), sorted. */
export function workingIntervals(manager: CustomerManager): MinuteInterval[][] {
  return WEEKDAYS.map((d) => intervalsOf(manager.workingHours[d]).sort((a, b) => a[0] - b[0]));
}

/**
 * The seconds of a weekday in which a visit of the retailer may START: its opening hours (the day's
 * own intervals and the previous day's past-midnight spill) and the manager's working intervals,
 * each shortened by the service time so that the visit also ends inside both. Unknown opening hours
 * = open all day. Empty = the retailer cannot be visited that day.
 */
export function visitWindows(
  retailer: Retailer,
  weekday: number,
  work: MinuteInterval[],
  honourOpeningHours: boolean,
): [number, number][] {
  let open: MinuteInterval[] = [[0, 1440]];
  if (honourOpeningHours && retailer.openingHours) {
    const today = intervalsOf(retailer.openingHours[WEEKDAYS[weekday]!]);
    const spill = (retailer.openingHours[WEEKDAYS[(weekday + 6) % 7]!] ?? [])
      .filter((h) => minutesOf(h.to) <= minutesOf(h.from) && minutesOf(h.to) > 0)
      .map((h): MinuteInterval => [0, minutesOf(h.to)]);
    open = [...spill, ...today];
  }
  const s = retailer.serviceMinutes;
  const out: [number, number][] = [];
  for (const [a, b] of open) {
    for (const [c, d] of work) {
      const from = Math.max(a, c),
        to = Math.min(b, d) - s;
      if (to >= from) out.push([from * 60, to * 60]);
    }
  }
  out.sort((p, q) => p[0] - q[0]);
  // merge touching windows (a shop open 08:00-24:00 and a spill 00:00-02:00 do not overlap, but be safe)
  const merged: [number, number][] = [];
  for (const w of out) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  return merged;
}
