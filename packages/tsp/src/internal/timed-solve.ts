import { customParams } from '../generated/shared/reason-text.js';
import type { KeyedReason } from '../generated/shared/issue-format.js';
import { tspReason } from '../generated/shared/tsp-reasons.js';
import * as z from 'zod';
import { MAX_ISSUES, TspError, type TspIssue } from '../errors.js';
import type { CostMatrix } from './normalize-input.js';
import { rowsPerChunk, type Pause, type SolveClock } from './solve-clock.js';
import { simulateRoute, type ScheduleStop, type TimeData } from './schedule.js';
import { runTimeWindowDp, TIME_WINDOW_DP_MAX_INNER, type TimeWindowOutcome } from './time-window-dp.js';
import { compileTimeWindows } from './time-window-core.js';
import { runTimeWindowSearch } from './time-window-search.js';
import type { WasmBuild } from './wasm.js';

const seconds = z.number().finite().nonnegative();
const interval = z
  .tuple([seconds, seconds])
  .refine(([open, close]) => open <= close, customParams(tspReason('tsp.window_order')));

/** The time options of `solve` (zod fields, merged into its options schema). */
export const TimeOptionsShape = {
  serviceS: z.union([seconds, z.array(seconds)]).optional(),
  windows: z.array(z.union([z.null(), interval, z.array(interval)])).optional(),
  timeMatrix: z.union([z.array(z.array(z.unknown())), z.instanceof(Float64Array), z.instanceof(Int32Array)]).optional(),
  speedKmh: z.number().finite().positive().optional(),
  startAt: z.number().finite().optional(),
  endBy: z.number().finite().optional(),
  dropInfeasible: z.boolean().optional(),
  travelWeight: z.number().finite().min(0).max(1000).default(0),
};

type TimeOptions = { [K in keyof typeof TimeOptionsShape]: z.output<(typeof TimeOptionsShape)[K]> };

/** True when any time option is set: the route is then a schedule. */
export function hasTimes(o: Partial<TimeOptions>): boolean {
  return (
    o.serviceS !== undefined ||
    o.windows !== undefined ||
    o.timeMatrix !== undefined ||
    o.speedKmh !== undefined ||
    o.startAt !== undefined ||
    o.endBy !== undefined
  );
}

/** Reads and checks a travel-time matrix of any form (n x n nested, or flat n*n typed), in chunks. */
function* readTimeMatrix(
  tm: NonNullable<TimeOptions['timeMatrix']>,
  n: number,
  issues: TspIssue[],
  omitted: { count: number },
  clock: SolveClock,
): Generator<Pause, Float64Array | null> {
  const nested = Array.isArray(tm) ? tm : null;
  if (
    nested ? nested.length !== n || nested.some((row) => !Array.isArray(row) || row.length !== n) : tm.length !== n * n
  ) {
    issues.push({
      path: ['options', 'timeMatrix'],
      message: nested
        ? `timeMatrix must be ${n} x ${n} like the cost matrix`
        : `a flat timeMatrix must hold ${n * n} entries`,
      value: nested ? tm : tm.length,
    });
    return null;
  }
  const flat = nested ? null : (tm as Float64Array | Int32Array);
  const time = new Float64Array(n * n);
  const rows = rowsPerChunk(n);
  let bad = 0;
  for (let from = 0; from < n; from += rows) {
    for (let i = from; i < Math.min(n, from + rows); i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const v: unknown = nested ? nested[i]![j] : flat![i * n + j];
        if (typeof v === 'number' && Number.isFinite(v) && v >= 0) time[i * n + j] = v;
        else if (bad++ >= MAX_ISSUES) omitted.count++;
        else
          issues.push({
            path: ['options', 'timeMatrix', ...(nested ? [i, j] : [i * n + j])],
            value: v,
            ...tspReason('tsp.travel_time'),
          });
      }
    }
    yield 'yield';
    clock.check('read_time_matrix');
  }
  return bad ? null : time;
}

/**
 * Checks the time options against n and returns the time data. Travel times come from `timeMatrix`,
 * or the costs (metres) divided by `speedKmh` / 3.6 (m/s), or (for a matrix input only) the costs themselves.
 * @param fromPoints True when the costs are metres computed from points: they are no travel time.
 * @throws {TspError} `INVALID_INPUT` naming the option and the stop.
 */
export function* buildTimeData(
  costs: CostMatrix,
  o: Partial<TimeOptions>,
  fromPoints: boolean,
  clock: SolveClock,
): Generator<Pause, TimeData> {
  const { n } = costs;
  const issues: TspIssue[] = [];
  const omitted = { count: 0 };
  let time: Float64Array | null = costs.cost;
  if (o.timeMatrix !== undefined && o.speedKmh !== undefined)
    issues.push({
      path: ['options', 'speedKmh'],
      value: o.speedKmh,
      ...tspReason('tsp.time_matrix_or_speed'),
    });
  else if (o.timeMatrix !== undefined) time = yield* readTimeMatrix(o.timeMatrix, n, issues, omitted, clock);
  else if (o.speedKmh !== undefined) {
    const metresPerSecond = o.speedKmh / 3.6;
    time = Float64Array.from(costs.cost, (c) => c / metresPerSecond);
  } else if (fromPoints)
    issues.push({
      path: ['options', 'timeMatrix'],
      ...tspReason('tsp.points_need_time'),
    });
  const serviceS = new Float64Array(n);
  if (typeof o.serviceS === 'number') serviceS.fill(o.serviceS);
  else if (o.serviceS) {
    if (o.serviceS.length !== n)
      issues.push({
        path: ['options', 'serviceS'],
        value: o.serviceS,
        ...tspReason('tsp.service_count', { n }),
      });
    else serviceS.set(o.serviceS);
  }
  const startAt = o.startAt ?? 0;
  const endBy = o.endBy ?? Infinity;
  if (startAt >= endBy)
    issues.push({
      path: ['options', 'endBy'],
      value: endBy,
      ...tspReason('tsp.end_after_start', { startAt }),
    });
  else
    for (let v = 0; v < n; v++)
      if (serviceS[v]! > endBy - startAt)
        issues.push({
          path: ['options', 'serviceS', ...(typeof o.serviceS === 'number' ? [] : [v])],
          value: serviceS[v],
          ...tspReason('tsp.service_too_long', { stop: v, service: serviceS[v] as number, day: endBy - startAt }),
        });
  const windows: ([number, number][] | null)[] = new Array(n).fill(null);
  if (o.windows) {
    if (o.windows.length !== n)
      issues.push({
        path: ['options', 'windows'],
        value: o.windows,
        ...tspReason('tsp.windows_count', { n }),
      });
    else
      o.windows.forEach((w, v) => {
        if (w === null) return;
        const list = (typeof w[0] === 'number' ? [w] : w) as [number, number][];
        const sorted = [...list].sort((a, b) => a[0] - b[0]);
        for (let k = 1; k < sorted.length; k++) {
          if (sorted[k]![0] <= sorted[k - 1]![1])
            issues.push({
              path: ['options', 'windows', v],
              value: w,
              ...tspReason('tsp.windows_overlap', { stop: v }),
            });
        }
        windows[v] = sorted;
      });
  }
  if (issues.length || !time) throw new TspError('INVALID_INPUT', issues, { omittedIssues: omitted.count });
  for (let v = 0; v < n; v++) time[v * n + v] = 0;
  return { n, time, serviceS, windows, startAt, endBy };
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
  /** True when the time limit ended the search. */
  timedOut: boolean;
  dropped: DroppedStop[];
  schedule: RouteSchedule;
}

/** A stop left out of the route, with the reason (the one "left out" shape of beatplan). */
export interface DroppedStop {
  /** The node (0-based index of the input). */
  node: number;
  /** Why it was left out, a short phrase in English. */
  reason: string;
  /**
   * The same reason as data (`{ key: 'tsp.unserved', because }`), for other languages: `@beatplan/core`'s
   * `formatReason(reasonData, { locale: 'zh-CN' })` writes it in Chinese.
   */
  reasonData: KeyedReason;
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
 * Solves a route with service times and time windows: exact DP (earliest finish) when `exact` is
 * asked or `auto` and the size allows, else the heuristic. The heuristic runs first in every case: it
 * is the answer when the time limit ends the DP. Infeasible: `INFEASIBLE` naming the stops that
 * cannot be served, unless `dropInfeasible`, which returns the best partial route and lists them.
 */
export function* solveTimed(args: {
  cost: Float64Array;
  td: TimeData;
  start: number;
  end: number | 'any';
  method: 'auto' | 'exact' | 'heuristic';
  exactMaxN: number;
  dropInfeasible: boolean;
  seed: number;
  maxKicks: number;
  /** The weight w of the objective finish + w x travel seconds (0: the earliest finish; the DP then runs too). */
  travelWeight: number;
  clock: SolveClock;
  wasm: WasmBuild;
  onProgress: (fraction: number) => void;
  onImprove: (cost: number) => void;
}): Generator<Pause, TimedOutcome> {
  const { td, start, end, clock } = args;
  const inner = td.n - 1 - (end === 'any' || end === start ? 0 : 1);
  if (args.method === 'exact' && inner > TIME_WINDOW_DP_MAX_INNER) {
    throw new TspError('TOO_LARGE', [
      {
        path: ['n'],
        ...tspReason('tsp.tw_exact_max', { max: TIME_WINDOW_DP_MAX_INNER }),
        value: td.n,
      },
    ]);
  }
  if (args.method === 'exact' && args.travelWeight > 0) {
    throw new TspError('INVALID_INPUT', [
      {
        path: ['options', 'travelWeight'],
        ...tspReason('tsp.tw_exact_finish_only'),
        value: args.travelWeight,
      },
    ]);
  }
  const exact =
    args.travelWeight === 0 &&
    (args.method === 'exact' ||
      (args.method === 'auto' && td.n <= Math.min(args.exactMaxN, TIME_WINDOW_AUTO_EXACT_MAX_N)));
  const heuristic = yield* runTimeWindowSearch(compileTimeWindows(args.wasm), { td, start, end }, args.cost, {
    seed: args.seed,
    maxKicks: exact ? 0 : args.maxKicks,
    travelWeight: args.travelWeight,
    clock,
    onImprove: args.onImprove,
  });
  let out: TimeWindowOutcome | null = heuristic;
  let proven = false;
  if (exact && !clock.expired()) {
    const dp = runTimeWindowDp({ td, start, end });
    for (;;) {
      const next = dp.next();
      if (next.done) {
        out = next.value;
        proven = true;
        break;
      }
      args.onProgress(next.value);
      yield 'yield';
      if (clock.expired()) break;
    }
  }
  if (!out) {
    throw new TspError('INFEASIBLE', [
      {
        path: ['options', 'endBy'],
        ...tspReason('tsp.no_route_by_end'),
        value: td.endBy === Infinity ? undefined : td.endBy,
      },
    ]);
  }
  const because = proven ? 'proven' : 'heuristic';
  if (out.dropped.length && !args.dropInfeasible) {
    throw new TspError(
      'INFEASIBLE',
      out.dropped.map((v) => ({
        path: ['options', 'windows', v],
        value: td.windows[v] ?? null,
        ...tspReason('tsp.cannot_serve', { stop: v, because }),
      })),
    );
  }
  return {
    tour: out.route,
    exact: proven && out.dropped.length === 0,
    timedOut: (heuristic?.timedOut ?? false) || (exact && !proven),
    dropped: out.dropped.map((node) => {
      const { message, reason } = tspReason('tsp.unserved', { because });
      return { node, reason: message, reasonData: reason };
    }),
    schedule: scheduleOf(td, out.route, end === start),
  };
}
