import { throwIfAborted } from '@beatplan/core';
import type { RouteSolver } from '@beatplan/tsp';
import { routeDay, type DayStop, type RouteDayOptions, type RoutedDay } from './route-day.js';

/** One working day to route: its stops and its bounds (seconds of the day). */
export interface DayJob {
  stops: DayStop[];
  startAt: number;
  endBy: number;
}

/** What every day of a plan shares (the bounds come with each day). */
export type RouteDaysOptions = Omit<RouteDayOptions, 'startAt' | 'endBy' | 'signal' | 'solver'> & {
  /** Routes the days elsewhere (a worker-thread pool); without it, `solve` in this thread, one day at a time. */
  solver?: RouteSolver;
  signal?: AbortSignal;
  /** Called when routing starts (0 days routed) and after each day, with the count of routed days and the total. */
  onDayRouted?: (done: number, total: number) => void;
};

/**
 * Days in flight at once when a `solver` is given: enough to keep a pool of several workers busy
 * with one manager's days, few enough not to flood a cost source (a routing service) with matrices.
 */
const DAYS_IN_FLIGHT = 8;

/**
 * Routes every day of a plan and returns each job with its routed day, in the order of `jobs`, whatever order they
 * finished in: the days are independent (each solved with the same seed and kick budget), so the plan
 * does not depend on how many run at once. Without a solver the days are routed one after the other in
 * this thread (`solve` yields to the event loop as it works); with one, up to {@link DAYS_IN_FLIGHT} at
 * once. The first day that fails stops the others (they are aborted and awaited, so nothing keeps
 * running), and its error is thrown; nothing is returned.
 */
export async function routeDays<J extends DayJob>(
  base: { lng: number; lat: number },
  jobs: readonly J[],
  o: RouteDaysOptions,
): Promise<{ job: J; routed: RoutedDay }[]> {
  const { solver, signal, onDayRouted, ...shared } = o;
  // one signal for every day: the caller's, or the first failure
  const stop = new AbortController();
  const forward = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const routed: { job: J; routed: RoutedDay }[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < jobs.length) {
      const k = next++;
      const job = jobs[k] as J;
      try {
        throwIfAborted(signal);
        const day = await routeDay(base, job.stops, {
          ...shared,
          startAt: job.startAt,
          endBy: job.endBy,
          signal: stop.signal,
          ...(solver ? { solver } : {}),
        });
        routed[k] = { job, routed: day };
        onDayRouted?.(++done, jobs.length);
      } catch (error) {
        // the first failure wins; the days it aborts fail with ABORTED, which is not news
        if (!failure) failure = { error };
        stop.abort();
      }
    }
  };
  onDayRouted?.(0, jobs.length);
  const lanes = solver ? Math.min(DAYS_IN_FLIGHT, jobs.length) : 1;
  await Promise.all(Array.from({ length: lanes }, lane));
  signal?.removeEventListener('abort', forward);
  if (failure) throw failure.error;
  return routed;
}
