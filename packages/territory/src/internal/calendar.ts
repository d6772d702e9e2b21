import { WEEKDAYS, type Weekday } from '@beatplan/core';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS,
  );
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The weekday key of a day number. */
export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[weekdayIndex(day)]!;
}

/**
 * Which week of the 4-week visiting cycle a day falls in (0–3): ISO weeks counted from the Monday
 * 1970-01-05, modulo 4. The cycle is absolute, so consecutive plans continue it: a fortnightly
 * retailer keeps its week parity and a monthly one its week from one planning period to the next.
 */
export function cycleWeekOf(day: number): number {
  const monday = day - weekdayIndex(day);
  return ((((monday - 4) / 7) % 4) + 4) % 4;
}

/** Minutes after midnight of `HH:MM` (`24:00` → 1440). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Epoch ms of a time of day (seconds after local midnight) on a day, at a UTC offset in minutes. */
export function epochMs(day: number, secondsOfDay: number, utcOffsetMinutes: number): number {
  return day * DAY_MS + Math.round(secondsOfDay * 1000) - utcOffsetMinutes * 60_000;
}

/** ISO 8601 with the offset, e.g. `2025-03-03T09:15:00+08:00`. */
export function formatIsoWithOffset(ms: number, utcOffsetMinutes: number): string {
  const local = new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
