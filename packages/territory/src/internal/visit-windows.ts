import { hoursOnDay, openingWindows, WEEKDAYS, type CustomerManager, type Retailer } from '@beatplan/core';

/** [from, to] seconds after local midnight (past 86 400 for a night shift, see core's `hoursOnDay`). */
export type SecondInterval = [number, number];

/** The manager's working intervals per weekday (0 = Monday), sorted; a night shift belongs to its first day. */
export function workingIntervals(manager: CustomerManager): SecondInterval[][] {
  return WEEKDAYS.map((d) => hoursOnDay(manager.workingHours, d, { fromPreviousNight: false }));
}

/**
 * The seconds of a weekday in which a visit of the retailer may START: core's `openingWindows` of its
 * opening hours within the manager's working intervals, so that the visit also ends inside both.
 * Unknown opening hours (or `honourOpeningHours` false) = open all day. Empty = the retailer cannot be
 * visited that day.
 */
export function visitWindows(
  retailer: Retailer,
  weekday: number,
  work: SecondInterval[],
  honourOpeningHours: boolean,
): [number, number][] {
  const hours = honourOpeningHours ? retailer.openingHours : undefined;
  const day = WEEKDAYS[weekday] ?? 'mon';
  return openingWindows(hours, day, { serviceS: retailer.serviceMinutes * 60, within: work }) ?? [];
}
