import type { Visit } from '@beatplan/core';

export const DAY_MS = 86_400_000;

/** One manager's visits on one local date, in start-time order (ties by visit id). */
export interface DayGroup {
  readonly managerId: string;
  /** Local date as whole days since 1970-01-01. */
  readonly day: number;
  readonly members: number[];
}

/** The local day number of an instant for a UTC offset in ms. */
export function localDay(atMs: number, offsetMs: number): number {
  return Math.floor((atMs + offsetMs) / DAY_MS);
}

/** `YYYY-MM-DD` of a local day number. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local day number of a `YYYY-MM-DD` date. */
export function dateToDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** Code-unit order of strings (locale-free, the same on every machine). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups visits by manager and local date of their start fix. The groups come sorted by manager id
 * then date, members by start time then visit id: the result does not depend on the input order.
 */
export function groupDays(visits: readonly Visit[], fixAt: Float64Array, offsetMs: number): DayGroup[] {
  const byManager = new Map<string, Map<number, number[]>>();
  for (let i = 0; i < visits.length; i++) {
    const v = visits[i]!;
    let days = byManager.get(v.managerId);
    if (days === undefined) byManager.set(v.managerId, (days = new Map()));
    const day = localDay(fixAt[2 * i]!, offsetMs);
    const members = days.get(day);
    if (members === undefined) days.set(day, [i]);
    else members.push(i);
  }
  const groups: DayGroup[] = [];
  for (const managerId of [...byManager.keys()].sort(compareIds)) {
    const days = byManager.get(managerId)!;
    for (const day of [...days.keys()].sort((a, b) => a - b)) {
      const members = days.get(day)!;
      if (members.length > 1) members.sort((a, b) => fixAt[2 * a]! - fixAt[2 * b]! || compareIds(visits[a]!.id, visits[b]!.id));
      groups.push({ managerId, day, members });
    }
  }
  return groups;
}
