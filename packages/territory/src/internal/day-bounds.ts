/** When a working day starts and must end, and how much work it holds (seconds of the day). */
export interface DayBounds {
  /** Start of the first working interval. */
  startAt: number;
  /** End of the last working interval, or earlier when `maxDailyMinutes` (plus the breaks) ends the day first. */
  endBy: number;
  /** Seconds of work: the intervals' total, at most `maxDailyMinutes`. */
  workS: number;
}

/**
 * The bounds of a working day from its intervals (sorted seconds of the day, non-empty) and the
 * manager's `maxDailyMinutes`: the route of the day starts at `startAt` and is back by `endBy`.
 */
export function dayBounds(iv: readonly (readonly [number, number])[], maxDailyMinutes: number | undefined): DayBounds {
  const first = iv[0] as readonly [number, number];
  const last = iv[iv.length - 1] as readonly [number, number];
  let breaks = 0;
  for (let k = 1; k < iv.length; k++)
    breaks += Math.max(0, (iv[k] as [number, number])[0] - (iv[k - 1] as [number, number])[1]);
  const sum = iv.reduce((a, [from, to]) => a + to - from, 0);
  const cap = maxDailyMinutes === undefined ? Infinity : maxDailyMinutes * 60;
  return { startAt: first[0], endBy: Math.min(last[1], first[0] + cap + breaks), workS: Math.min(sum, cap) };
}
