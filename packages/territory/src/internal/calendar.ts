import { dayNumberOf, WEEKDAYS, weekdayOf } from '@beatplan/core';

/**
 * Which week of the 4-week visiting cycle a local date falls in (0–3): ISO weeks counted from the
 * Monday 1970-01-05, modulo 4. The cycle is absolute, so consecutive plans continue it: a fortnightly
 * retailer keeps its week parity and a monthly one its week from one planning period to the next.
 */
export function cycleWeekOf(date: string): number {
  const monday = dayNumberOf(date) - WEEKDAYS.indexOf(weekdayOf(date));
  return ((((monday - 4) / 7) % 4) + 4) % 4;
}
