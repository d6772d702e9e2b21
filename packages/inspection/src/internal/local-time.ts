import { WEEKDAYS, type Weekday } from '@beatplan/core';

/** Seconds after midnight of `HH:MM` (`24:00` → 86400). */
export function secondsOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 3600 + Number(hhmm.slice(3, 5)) * 60;
}

/** The weekday of a calendar date `YYYY-MM-DD`. */
export function weekdayOf(date: string): Weekday {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return WEEKDAYS[(d + 6) % 7]!;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Epoch ms of `seconds` after local midnight of `date` at a UTC offset. */
export function epochMsAt(date: string, seconds: number, offsetMinutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) + seconds * 1000 - offsetMinutes * 60_000;
}

/** ISO 8601 with offset (`2025-03-05T09:12:30+08:00`) of `seconds` after local midnight of `date`. */
export function isoAt(date: string, seconds: number, offsetMinutes: number): string {
  const local = new Date(Date.parse(`${date}T00:00:00Z`) + Math.round(seconds) * 1000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
