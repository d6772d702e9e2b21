import * as z from 'zod';
import { TspError, type TspIssue } from '../errors.js';
import type { CostMatrix } from './normalize-input.js';
import { simulateRoute, type ScheduleStop, type TimeData } from './schedule.js';
import { runTimeWindowDp, TIME_WINDOW_DP_MAX_INNER, type TimeWindowOutcome } from './time-window-dp.js';
import { runTimeWindowHeuristic } from './time-window-heuristic.js';

const seconds = z.number().finite().nonnegative();
const interval = z
  .tuple([seconds, seconds])
  .refine(([open, close]) => open <= close, 'a window must open before it closes');

/** The time options of `solve` (zod fields, merged into its options schema). */
export const TimeOptionsShape = {
  serviceS: z.union([seconds, z.array(seconds)]).optional(),
  windows: z.array(z.union([z.null(), interval, z.array(interval)])).optional(),
  timeMatrix: z.union([z.array(z.array(seconds)), z.instanceof(Float64Array), z.instanceof(Int32Array)]).optional(),
  startAt: z.number().finite().optional(),
  endBy: z.number().finite().optional(),
  dropInfeasible: z.boolean().optional(),
};

type TimeOptions = { [K in keyof typeof TimeOptionsShape]: z.output<(typeof TimeOptionsShape)[K]> };

/** True when any time option is set: the route is then a schedule. */
export function hasTimes(o: Partial<TimeOptions>): boolean {
  return (
    o.serviceS !== undefined ||
    o.windows !== undefined ||
    o.timeMatrix !== undefined ||
    o.startAt !== undefined ||
    o.endBy !== undefined
  );
}

/**
 * Checks the time options against n and returns the time data (travel times default to the costs).
 * @throws {TspError} `INVALID_INPUT` naming the option and the node.
 */
export function buildTimeData(costs: CostMatrix, o: Partial<TimeOptions>): TimeData {
  const { n } = costs;
  const issues: TspIssue[] = [];
  let time = costs.cost;
  if (o.timeMatrix !== undefined) {
    const tm = o.timeMatrix;
    if (Array.isArray(tm)) {
      if (tm.length !== n || tm.some((row) => row.length !== n))
        issues.push({
          path: ['options', 'timeMatrix'],
          message: `timeMatrix must be ${n} x ${n} like the cost matrix`,
          value: tm,
        });
      else time = Float64Array.from(tm.flat());
    } else if (tm.length !== n * n)
      issues.push({
        path: ['options', 'timeMatrix'],
        message: `a flat timeMatrix must hold ${n * n} entries`,
        value: tm.length,
      });
    else time = Float64Array.from(tm);
  }
  const serviceS = new Float64Array(n);
  if (typeof o.serviceS === 'number') serviceS.fill(o.serviceS);
  else if (o.serviceS) {
    if (o.serviceS.length !== n)
      issues.push({
        path: ['options', 'serviceS'],
        message: `serviceS must list ${n} service times (one per node)`,
        value: o.serviceS,
      });
    else serviceS.set(o.serviceS);
  }
  const windows: ([number, number][] | null)[] = new Array(n).fill(null);
  if (o.windows) {
    if (o.windows.length !== n)
      issues.push({
        path: ['options', 'windows'],
        message: `windows must list ${n} entries (null for a node without windows)`,
        value: o.windows,
      });
    else
      o.windows.forEach((w, v) => {
        if (w === null) return;
        const list = (typeof w[0] === 'number' ? [w] : w) as [number, number][];
        const sorted = [...list].sort((a, b) => a[0] - b[0]);
        for (let k = 1; k < sorted.length; k++) {
          if (sorted[k]![0] <= sorted[k - 1]![1])
            issues.push({ path: ['options', 'windows', v], message: 'windows of a node must not overlap', value: w });
        }
        windows[v] = sorted;
      });
  }
  if (issues.length) throw new TspError('INVALID_INPUT', issues);
  for (let v = 0; v < n; v++) time[v * n + v] = 0;
  return { n, time, serviceS, windows, startAt: o.startAt ?? 0, endBy: o.endBy ?? Infinity };
}

/** Largest n that `'auto'` routes exactly when times are involved (the DP runs in JS: ~10 ms here). */
export const TIME_WINDOW_AUTO_EXACT_MAX_N = 16;

/** The schedule of a solved route (seconds on the caller's clock). */
export interface RouteSchedule {
  stops: ScheduleStop[];
  startAt: number;
  finish: number;
  durationS: number;
  waitS: number;
  serviceS: number;
  travelS: number;
}

export interface TimedOutcome {
  tour: number[];
  exact: boolean;
  dropped: number[];
  schedule: RouteSchedule;
}

/** The schedule of a route, from one simulation. */
export function scheduleOf(td: TimeData, tour: number[], closed: boolean): RouteSchedule {
  const sim = simulateRoute(td, tour, closed);
  let waitS = 0;
  let serviceS = 0;
  for (const s of sim.stops) {
    waitS += s.wait;
    serviceS += s.departure - s.start;
  }
  const durationS = sim.finish - td.startAt;
  return {
    stops: sim.stops,
    startAt: td.startAt,
    finish: sim.finish,
    durationS,
    waitS,
    serviceS,
    travelS: durationS - waitS - serviceS,
  };
}

/**
 * Solves a route with service times and time windows: exact DP (earliest finish) when `useExact`
 * and the size allows, else the heuristic. Infeasible: `INFEASIBLE` naming the stops that cannot be
 * served, unless `dropInfeasible`, which returns the best partial route and lists them as dropped.
 */
export function* solveTimed(args: {
  costs: CostMatrix;
  td: TimeData;
  start: number;
  end: number | 'any';
  method: 'auto' | 'exact' | 'heuristic';
  exactMaxN: number;
  dropInfeasible: boolean;
  seed: number;
  maxKicks: number;
  shouldStop: () => boolean;
}): Generator<number, TimedOutcome> {
  const { td, start, end } = args;
  const inner = td.n - 1 - (end === 'any' || end === start ? 0 : 1);
  if (args.method === 'exact' && inner > TIME_WINDOW_DP_MAX_INNER) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        message: `the exact time-window solver handles at most ${TIME_WINDOW_DP_MAX_INNER} stops besides the start and end; use method 'heuristic' or 'auto'`,
        value: td.n,
      },
    ]);
  }
  const exact =
    args.method === 'exact' ||
    (args.method === 'auto' && td.n <= Math.min(args.exactMaxN, TIME_WINDOW_AUTO_EXACT_MAX_N));
  let out: TimeWindowOutcome | null;
  if (exact) out = yield* runTimeWindowDp({ td, start, end });
  else
    out = runTimeWindowHeuristic({ td, start, end }, args.costs.cost, {
      seed: args.seed,
      maxKicks: args.maxKicks,
      shouldStop: args.shouldStop,
    });
  if (!out) {
    throw new TspError('INFEASIBLE', [
      {
        path: ['options', 'endBy'],
        message: 'no route can even go from the start to the end by endBy',
        value: td.endBy === Infinity ? undefined : td.endBy,
      },
    ]);
  }
  if (out.dropped.length && !args.dropInfeasible) {
    throw new TspError(
      'INFEASIBLE',
      out.dropped.map((v) => ({
        path: ['options', 'windows', v],
        message: exact
          ? `stop ${v} cannot be served: no order meets every time window and endBy (pass dropInfeasible to get the best partial route)`
          : `stop ${v} could not be fitted by the heuristic within the time windows and endBy (pass dropInfeasible to get the best partial route)`,
        value: td.windows[v] ?? null,
      })),
    );
  }
  return {
    tour: out.route,
    exact: exact && out.dropped.length === 0,
    dropped: out.dropped,
    schedule: scheduleOf(td, out.route, end === start),
  };
}
