import {
  addDays,
  CustomerManagerSchema,
  datesOfPeriod,
  instantOf,
  LocalDateSchema,
  MAX_TIMESTAMP_MS,
  MIN_TIMESTAMP_MS,
  parseOrThrow,
  RetailerSchema,
  toWgs84,
  UtcOffsetMinutesSchema,
  WEEKDAYS,
  weekdayOf,
  type VisitPlan,
  type Weekday,
  type DroppedRetailer,
  toBeatplanError,
  costSourceOf,
  straightLineCosts,
  TravelCostsSchema,
  type CostSource,
  customReason,
  getKnown,
} from '@beatplan/core';
import type { RouteSolver } from '@beatplan/tsp';
import * as z from 'zod';
import { computeWorkload, DEFAULT_WORKLOAD_OPTIONS, WorkloadOptionsSchema } from './internal/workload-model.js';
import { cycleWeekOf } from './internal/calendar.js';
import { projectToPlane } from './internal/planar.js';
import type { DayStop } from './internal/route-day.js';
import { routeDays, type DayJob, type RouteDaysOptions } from './internal/route-days.js';
import { dayBounds } from './internal/day-bounds.js';
import { DaySearchOptionsSchema, type DaySearchSummary, improveVisitDays } from './internal/improve-visit-days.js';
import { assignVisitPatterns } from './internal/visit-patterns.js';
import { visitWindows, workingIntervals } from './internal/visit-windows.js';
import { neighbourTravel } from './neighbour-travel.js';

const BeatOptionsSchema = z
  .strictObject({
    startDate: LocalDateSchema,
    weeks: z.number().int().min(1).max(52).optional(),
    utcOffsetMinutes: UtcOffsetMinutesSchema,
    workload: WorkloadOptionsSchema.optional(),
    method: z.enum(['auto', 'exact', 'heuristic']).optional(),
    seed: z.number().int().optional(),
    openingHours: z.boolean().optional(),
    maxKicks: z.number().int().min(0).optional(),
    costs: TravelCostsSchema.optional(),
    signal: z.instanceof(AbortSignal, customReason('core.signal_type')).optional(),
    daySearch: z.union([z.literal(false), DaySearchOptionsSchema]).prefault({}),
    orderingTolerance: z.number().min(0).max(1).optional(),
    solver: z
      .custom<RouteSolver>(
        (v) => typeof (v as { solve?: unknown } | null)?.solve === 'function',
        customReason('core.solver_type'),
      )
      .optional(),
    onProgress: z
      .custom<(p: BeatProgress) => void>((v) => typeof v === 'function', customReason('core.on_progress_type'))
      .optional(),
  })
  .superRefine((o, ctx) => {
    // Every planned time must be a core Timestamp (2000-01-01 ≤ t < 2100-01-01 UTC): a period near
    // either end would yield plans that core's own VisitPlanSchema rejects.
    const DAY_MS = 86_400_000;
    const start = Date.parse(`${o.startDate}T00:00:00Z`);
    const end = start + (o.weeks ?? 2) * 7 * DAY_MS;
    if (start - DAY_MS < MIN_TIMESTAMP_MS || end + DAY_MS > MAX_TIMESTAMP_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['startDate'],
        input: o.startDate,
        ...customReason('territory.period_range'),
      });
  });

/** `routeDays`, with a solver error (tsp's `TspError`) passed on as a BeatplanError (cause: the TspError). */
async function routeDaysOrThrow<J extends DayJob>(
  base: { lng: number; lat: number },
  jobs: readonly J[],
  o: RouteDaysOptions,
): ReturnType<typeof routeDays<J>> {
  try {
    return await routeDays(base, jobs, o);
  } catch (e) {
    throw toBeatplanError(e) ?? e;
  }
}

/** What {@link planWeeklyBeats} reports to `onProgress`: the stage, and how much of it is done. */
export interface BeatProgress {
  /**
   * `'visit-days'`: choosing each retailer's visit days (travel to the neighbours, workload, sector start
   * and day search): reported with `done: 0, total: 1` when it starts and `done: 1` when it ends.
   * `'routing'`: days routed so far (`done`) of the period's working days (`total`); reported once with
   * `done: 0` when routing starts (right after the visit days are chosen), then after each day.
   */
  stage: 'visit-days' | 'routing';
  done: number;
  total: number;
}

/**
 * Options of {@link planWeeklyBeats}.
 * - `startDate` (required): first day of the period, `YYYY-MM-DD` (usually a Monday).
 * - `weeks` (default 2): length of the period in weeks.
 * - `utcOffsetMinutes` (default 480 = UTC+8, core's `UtcOffsetMinutesSchema`): the local time of the working
 *   and opening hours.
 * - `workload`: `speedKmh` (default 20) and `detourFactor` (default 1.3) time the travel between
 *   stops on straight lines; `neighbours` as in `estimateWorkload`.
 * - `costs` (default straight lines at the `workload` speed and detour): any core `TravelCosts` — a
 *   prepared road graph (`roadCosts(graph)` of `@beatplan/roads`), a routing service adapter, the host's
 *   own. Each day is routed on its matrix (metres as the cost, seconds as the times), the workload that
 *   spreads the visits over the weekdays on its neighbour travel (`neighbourTravel`).
 * - `signal`: cancels the planning (rejects `ABORTED`): the matrices, and the routes while they are solved.
 * - `solver` (default `solve` in this thread, one day after the other): where each day's route is solved —
 *   a worker-thread pool of `@beatplan/tsp/pool` (`createSolverPool()`, Node only) routes up to 8 days of
 *   the plan at once, and the days of several managers planned at once; the plan is the same whatever
 *   the solver and its number of workers (each day: the same seed and kick budget). A day that fails
 *   (a worker out of memory: `TOO_LARGE`, crashed: `INTERNAL`) stops the others and fails the plan.
 * - `onProgress`: called with {@link BeatProgress} when the visit days are being chosen (start and end), when
 *   routing starts and after each day is routed.
 * - `method` (default 'auto'), `seed` (default 1): passed to `@beatplan/tsp`'s `solve` for every day.
 * - `openingHours` (default true): visits start within the retailers' opening hours.
 * - `maxKicks` (default 100 with time windows, tsp's default without): the route search budget of
 *   `solve` for each day (the time-window heuristic costs milliseconds per kick).
 * - `daySearch` (default `{}`; `false` keeps the sector start): `{ maxRounds: 200, balanceTolerance: 0.1 }`
 *   and an optional `timeLimitMs` of the local search that moves visits between allowed days (see `daySearch`
 *   of {@link BeatPlan}); deterministic for a seed unless a `timeLimitMs` given binds.
 * - `orderingTolerance` (0..1, default none): balance the ordering retailers (orderCount > 0) visited
 *   per day: the sector start moves ordering retailers between weekdays (exchanging days with a
 *   non-ordering retailer of the same frequency when it can) until every weekday's weekly ordering
 *   visits are within ± tolerance of the mean, and the day search then takes no day of the cycle
 *   above max(its start count, ceil((1 + tolerance) × mean)) nor below min(its start count,
 *   floor((1 − tolerance) × mean)). Each day's count is `orderingStops`.
 */
export type BeatOptions = z.input<typeof BeatOptionsSchema>;

/** One working day of the plan. */
export interface BeatDay {
  date: string;
  weekday: Weekday;
  /** Week of the 4-week visiting cycle (0–3; ISO weeks modulo 4). */
  cycleWeek: number;
  stops: number;
  /** Stops at ordering retailers (orderCount > 0), the figure `orderingTolerance` balances. */
  orderingStops: number;
  /** Distance of the day's round trip from the base on the plan's cost source, m (see `costSource`). */
  distanceM: number;
  /** From leaving the base to coming back, s. */
  durationS: number;
  travelS: number;
  serviceS: number;
  waitS: number;
}

/** The answer of {@link planWeeklyBeats}. */
export interface BeatPlan {
  managerId: string;
  /** One core `VisitPlan` per working day (stops in visiting order; `arrival` = planned start of the visit). */
  plans: VisitPlan[];
  days: BeatDay[];
  /** Each retailer's visit weekdays and cycle weeks, and its planned visits in the period. */
  schedule: { retailerId: string; weekdays: Weekday[]; cycleWeeks: number[]; visits: number }[];
  /** Visits that could not be planned, never dropped silently: the retailer, the date (absent: none at all), why. */
  dropped: DroppedRetailer[];
  totals: {
    weeks: number;
    workingDays: number;
    visits: number;
    distanceM: number;
    durationS: number;
    travelS: number;
    serviceS: number;
    waitS: number;
  };
  /**
   * True when a day was routed: its visits are scheduled inside their time windows (working hours,
   * and opening hours unless `openingHours: false`).
   */
  timeWindows: boolean;
  /** The travel source every distance and time of the plan was measured with. */
  costSource: CostSource;
  /** What the local search on the visit days did after the sector start (estimated travel before and after). */
  daySearch: DaySearchSummary;
}

/**
 * Plans one manager's beats over a period: gives each retailer its visit weekday(s) by its frequency
 * (weekly: the same weekday every week; twice weekly: two well-spaced weekdays; fortnightly: one
 * weekday every second week; monthly: one weekday in one week of four — weeks of an absolute 4-week
 * cycle), keeping each day geographically tight (sectors of a sweep around the base) and balanced,
 * improves those days by a local search on the estimated travel time of the cycle (`daySearch`), then routes every working day with `@beatplan/tsp` from the base and back, inside the working hours
 * and the retailers' opening hours, on straight lines or on the `costs` given. What cannot fit is
 * listed in `dropped`, and so is a visit with no route to the base or to another stop of its day
 * (`no route between it and the base on road-graph:car`).
 *
 * @param manager A core `CustomerManager` (base, working hours, maxDailyMinutes).
 * @param retailers The manager's retailers (core `Retailer` records, e.g. one territory).
 * @param options See {@link BeatOptions}; `startDate` is required.
 * @returns See {@link BeatPlan}.
 * @throws {BeatplanError} `INVALID_INPUT` naming the record or option that breaks its schema; a route
 *   solver error (`TOO_LARGE`, `TIME_LIMIT`, `ABORTED`, ...) with its code, its issues and the tsp `TspError`
 *   as `cause`; the cost source's own errors (`ABORTED` too when `signal` fires).
 * @example
 * const day = [{ from: '09:00', to: '17:00' }];
 * const manager = { id: 'M1', name: 'Li', base: { lng: 120.15, lat: 30.27 }, workingHours: { mon: day, tue: day, wed: day, thu: day, fri: day } };
 * const retailers = [0, 1, 2, 3].map((i) => ({
 *   id: `R${i}`, name: `Shop ${i}`, location: { lng: 120.15 + 0.01 * Math.cos(i), lat: 30.27 + 0.01 * Math.sin(i) },
 *   segment: 'retail', class: 'B', serviceMinutes: 15, visitFrequency: 'weekly', orderCount: 1, orderVolume: 10,
 * }));
 * const beat = await planWeeklyBeats(manager, retailers, { startDate: '2025-03-03', weeks: 2 });
 * // beat.totals.visits === 8 (4 retailers × 2 weeks), beat.dropped.length === 0, beat.costSource.kind === 'straight-line'
 * // on roads: await planWeeklyBeats(manager, retailers, { startDate: '2025-03-03', costs: roadCosts(graph) })
 */
export async function planWeeklyBeats(
  manager: unknown,
  retailers: readonly unknown[],
  options: BeatOptions,
): Promise<BeatPlan> {
  const m = parseOrThrow(CustomerManagerSchema, manager, ['manager']);
  const rs = parseOrThrow(z.array(RetailerSchema, { error: 'retailers must be an array' }), retailers, ['retailers']);
  const o = parseOrThrow(BeatOptionsSchema, options, ['options']);
  const weeks = o.weeks ?? 2;
  const offset = o.utcOffsetMinutes;
  const honour = o.openingHours ?? true;
  const costs =
    o.costs ??
    straightLineCosts({
      speedKmh: o.workload?.speedKmh ?? DEFAULT_WORKLOAD_OPTIONS.speedKmh,
      detourFactor: o.workload?.detourFactor ?? DEFAULT_WORKLOAD_OPTIONS.detourFactor,
    });

  const onProgress = o.onProgress;
  onProgress?.({ stage: 'visit-days', done: 0, total: 1 });
  const base = toWgs84(m.base);
  const wgs = rs.map((r) => toWgs84(r.location));
  const plane = projectToPlane(wgs, base);
  const travel = await neighbourTravel(wgs, costs, {
    neighbours: o.workload?.neighbours ?? DEFAULT_WORKLOAD_OPTIONS.neighbours,
    ...(o.signal ? { signal: o.signal } : {}),
  });
  const workload = computeWorkload(rs, plane.x, plane.y, o.workload, travel);
  const work = workingIntervals(m);
  const workingDays = work.flatMap((iv, d) => (iv.length ? [{ d, iv }] : []));
  const workDays = workingDays.map(({ d }) => d);
  // every retailer with what the planning reads of it, and its visits counted as the days are routed
  const items = rs.map((r, i) => {
    const windows = work.map((iv, d) => (iv.length ? visitWindows(r, d, iv, honour) : []));
    return {
      r,
      wgs: getKnown(wgs, i, 'retailer'),
      x: getKnown(plane.x, i, 'retailer'),
      y: getKnown(plane.y, i, 'retailer'),
      workload: getKnown(workload, i, 'retailer'),
      windows,
      allowedDays: windows.reduce((mask, x, d) => (x.length ? mask | (1 << d) : mask), 0),
      visits: 0,
    };
  });
  const sectors = assignVisitPatterns(
    items.map(({ r, x, y, workload: w, allowedDays }) => ({
      x,
      y,
      frequency: r.visitFrequency,
      visitMinutes: w.serviceMinutes + w.travelMinutes,
      allowedDays,
      ordering: r.orderCount > 0,
    })),
    workDays,
    o.orderingTolerance,
  );
  const searched = await improveVisitDays(
    items.map(({ r, wgs: p, allowedDays, windows }) => ({
      ...p,
      frequency: r.visitFrequency,
      allowedDays,
      serviceS: r.serviceMinutes * 60,
      windows,
      ordering: r.orderCount > 0,
    })),
    sectors,
    o.daySearch,
    {
      base,
      workDays,
      bounds: workingDays.map(({ iv }) => dayBounds(iv, m.maxDailyMinutes)),
      costs,
      seed: o.seed ?? 1,
      signal: o.signal,
      orderingTolerance: o.orderingTolerance,
    },
  );
  const planned = items.map((item, i) => ({ item, pattern: getKnown(searched.patterns, i, 'retailer') }));
  onProgress?.({ stage: 'visit-days', done: 1, total: 1 });

  const dropped: DroppedRetailer[] = [];
  for (const { item, pattern } of planned)
    if ('reason' in pattern)
      dropped.push({ retailerId: item.r.id, reason: pattern.reason, reasonData: pattern.reasonData });
  const jobs: (DayJob & { date: string; weekday: Weekday; cw: number; members: (typeof items)[number][] })[] = [];
  for (const date of datesOfPeriod(o.startDate, addDays(o.startDate, 7 * weeks - 1))) {
    const weekday = weekdayOf(date);
    const wd = WEEKDAYS.indexOf(weekday);
    const iv = getKnown(work, wd, 'weekday');
    if (!iv.length) continue;
    const cw = cycleWeekOf(date);
    const members = planned.flatMap(({ item, pattern: p }) =>
      'weekdays' in p && p.weekdays.includes(wd) && p.weeks.includes(cw) ? [item] : [],
    );
    const { startAt, endBy } = dayBounds(iv, m.maxDailyMinutes);
    const stops: DayStop[] = members.map(({ r, wgs: p, windows }) => ({
      id: r.id,
      lng: p.lng,
      lat: p.lat,
      serviceS: r.serviceMinutes * 60,
      windows: getKnown(windows, wd, 'weekday'),
    }));
    jobs.push({ date, weekday, cw, members, stops, startAt, endBy });
  }
  const routedDays = await routeDaysOrThrow(base, jobs, {
    costs,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.solver ? { solver: o.solver } : {}),
    ...(onProgress ? { onDayRouted: (done, total) => onProgress({ stage: 'routing', done, total }) } : {}),
    method: o.method ?? 'auto',
    seed: o.seed ?? 1,
    ...(o.maxKicks !== undefined ? { maxKicks: o.maxKicks } : {}),
  });
  const plans: VisitPlan[] = [];
  const days: BeatDay[] = [];
  let timeWindows = false;
  for (const { job, routed } of routedDays) {
    const { date, weekday, cw, members, stops } = job;
    // the retailer of a stop of the day's route
    const memberAt = (stop: number) => getKnown(members, stop, 'stop').r;
    timeWindows ||= stops.length > 0;
    for (const d of routed.dropped)
      dropped.push({ retailerId: memberAt(d.stop).id, date, reason: d.reason, reasonData: d.reasonData });
    for (const s of routed.stops) getKnown(members, s.stop, 'stop').visits++;
    plans.push({
      id: `${m.id}-${date}`,
      managerId: m.id,
      date,
      stops: routed.stops.map((s) => ({
        retailerId: memberAt(s.stop).id,
        arrival: instantOf(date, s.start, offset),
        departure: instantOf(date, s.departure, offset),
      })),
      distanceM: Math.round(routed.distanceM),
      durationS: Math.round(routed.durationS),
    });
    days.push({
      date,
      weekday,
      cycleWeek: cw,
      stops: routed.stops.length,
      orderingStops: routed.stops.filter((s) => memberAt(s.stop).orderCount > 0).length,
      distanceM: Math.round(routed.distanceM),
      durationS: Math.round(routed.durationS),
      travelS: Math.round(routed.travelS),
      serviceS: Math.round(routed.serviceS),
      waitS: Math.round(routed.waitS),
    });
  }
  const sum = (f: (d: BeatDay) => number) => days.reduce((a, d) => a + f(d), 0);
  return {
    managerId: m.id,
    plans,
    days,
    schedule: planned.map(({ item: { r, visits }, pattern: p }) =>
      'weekdays' in p
        ? {
            retailerId: r.id,
            weekdays: p.weekdays.map((d) => getKnown(WEEKDAYS, d, 'weekday')),
            cycleWeeks: p.weeks,
            visits,
          }
        : { retailerId: r.id, weekdays: [], cycleWeeks: [], visits: 0 },
    ),
    dropped,
    totals: {
      weeks,
      workingDays: days.length,
      visits: sum((d) => d.stops),
      distanceM: sum((d) => d.distanceM),
      durationS: sum((d) => d.durationS),
      travelS: sum((d) => d.travelS),
      serviceS: sum((d) => d.serviceS),
      waitS: sum((d) => d.waitS),
    },
    timeWindows,
    costSource: costSourceOf(costs),
    daySearch: searched.summary,
  };
}
