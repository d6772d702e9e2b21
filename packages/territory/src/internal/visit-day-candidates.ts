import type { VisitFrequency } from '@beatplan/core';

/** Weeks of the 4-week cycle a visit pattern may use, by frequency (as `assignVisitPatterns` gives them). */
const WEEK_CHOICES: Record<VisitFrequency, number[][]> = {
  weekly: [[0, 1, 2, 3]],
  twice_weekly: [[0, 1, 2, 3]],
  fortnightly: [
    [0, 2],
    [1, 3],
  ],
  monthly: [[0], [1], [2], [3]],
};

/** One allowed pattern of a retailer: its working days (indices into `workDays`) and cycle weeks. */
export interface DayCandidate {
  days: number[];
  weeks: number[];
  /** The days of the cycle it visits: week · D + day, ascending. */
  slots: number[];
  /** A number naming the pattern (equal patterns, equal keys): days bitmask · 16 + weeks bitmask. */
  key: number;
}

/** Calendar days between two weekdays, the shorter way round the week. */
function spacing(a: number, b: number): number {
  const gap = Math.abs(a - b);
  return Math.min(gap, 7 - gap);
}

function candidate(days: number[], weeks: number[], D: number): DayCandidate {
  const slots = weeks.flatMap((w) => days.map((d) => w * D + d)).sort((a, b) => a - b);
  const key = days.reduce((m, d) => m | (1 << d), 0) * 16 + weeks.reduce((m, w) => m | (1 << w), 0);
  return { days, weeks, slots, key };
}

/**
 * Every pattern a retailer may take, keeping the rules of the sector start: its frequency's weeks
 * (weekly and twice weekly: every week; fortnightly: weeks {0, 2} or {1, 3}; monthly: one week), only
 * working days on which it can be visited (`allowedDays`, bit = weekday, opening hours ∩ working
 * hours), and for twice weekly two days at least 2 calendar days apart both ways — or, where its days
 * allow no such pair, as far apart as they allow. The current pattern is always among them.
 *
 * @param workDays The manager's working weekdays (0 = Monday), ascending.
 * @param current The retailer's pattern now, as indices into `workDays` and cycle weeks.
 * @returns The candidates and the index of the current one.
 */
export function visitDayCandidates(
  frequency: VisitFrequency,
  allowedDays: number,
  workDays: readonly number[],
  current: { days: number[]; weeks: number[] },
): { list: DayCandidate[]; current: number } {
  const D = workDays.length;
  const open = workDays.flatMap((wd, d) => (allowedDays & (1 << wd) ? [d] : []));
  const dayChoices: number[][] = [];
  if (frequency === 'twice_weekly') {
    const pairs: number[][] = [];
    for (const a of open) for (const b of open) if (a < b) pairs.push([a, b]);
    const gap = (p: number[]) => spacing(workDays[p[0] as number] as number, workDays[p[1] as number] as number);
    const need = Math.min(2, Math.max(0, ...pairs.map(gap)));
    dayChoices.push(...pairs.filter((p) => gap(p) >= need));
  } else dayChoices.push(...open.map((d) => [d]));
  const list = WEEK_CHOICES[frequency].flatMap((weeks) => dayChoices.map((days) => candidate(days, weeks, D)));
  const now = candidate(
    [...current.days].sort((a, b) => a - b),
    [...current.weeks].sort((a, b) => a - b),
    D,
  );
  let at = list.findIndex((c) => c.key === now.key);
  if (at < 0) at = list.push(now) - 1;
  return { list, current: at };
}
