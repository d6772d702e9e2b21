import {
  addDays,
  BeatplanError,
  formatLocalDateTime,
  getKnown,
  instantOf,
  openingWindows,
  secondsOfTime,
  UtcOffsetMinutesSchema,
  weekdayOf,
  CoordinatesSchema,
  haversineM,
  LocalDateSchema,
  parseOrThrow,
  toWgs84,
  WEEKDAYS,
  type BeatplanIssue,
  type Coordinates,
  type Retailer,
  type RetailerInput,
  type Weekday,
  type DroppedRetailer,
  dropUnreachable,
  toBeatplanError,
  costSourceOf,
  STRAIGHT_LINE_SOURCE,
  TravelCostsSchema,
  type CostSource,
  type TravelCosts,
  issueReason,
  customReason,
  reasonWithData,
} from '@beatplan/core';
import { solve, type RouteSolver } from '@beatplan/tsp';
import * as z from 'zod';
import { InspectionPlanSchema, type InspectionPlan } from './inspection-plan.js';
import { parseRetailers } from './internal/run-draw.js';

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a time "HH:MM"' });

const RouteOptionsSchema = z
  .strictObject({
    base: CoordinatesSchema,
    date: LocalDateSchema,
    dayStart: HHMM.default('09:00'),
    dayEnd: HHMM.default('18:00'),
    maxStopsPerDay: z.number().int().min(1, { error: 'maxStopsPerDay must be at least 1' }).optional(),
    maxDays: z
      .number()
      .int()
      .min(1, { error: 'maxDays must be at least 1' })
      .max(366, { error: 'maxDays must be at most 366' })
      .default(5),
    workingDays: z
      .array(z.enum(WEEKDAYS))
      .min(1, { error: 'workingDays must name at least one weekday' })
      .default(['mon', 'tue', 'wed', 'thu', 'fri']),
    speedKmh: z.number().gt(0, { error: 'speedKmh must be greater than 0' }).max(200).default(20),
    serviceMinutes: z.number().gt(0, { error: 'serviceMinutes must be greater than 0' }).max(480).optional(),
    utcOffsetMinutes: UtcOffsetMinutesSchema,
    seed: z.number().int().default(1),
    costs: TravelCostsSchema.optional(),
    signal: z.instanceof(AbortSignal, customReason('core.signal_type')).optional(),
    solver: z
      .custom<RouteSolver>(
        (v) => typeof (v as { solve?: unknown } | null)?.solve === 'function',
        customReason('core.solver_type'),
      )
      .optional(),
    onProgress: z
      .custom<(p: InspectionProgress) => void>((v) => typeof v === 'function', customReason('core.on_progress_type'))
      .optional(),
  })
  .refine((o) => secondsOfTime(o.dayEnd) > secondsOfTime(o.dayStart), {
    ...customReason('inspection.day_end_after_start'),
    path: ['dayEnd'],
  });

/** What {@link routeInspection} reports to `onProgress`: working days of the horizon routed so far (`done`) of `total`. */
export interface InspectionProgress {
  stage: 'routing';
  done: number;
  total: number;
}

/** Options of {@link routeInspection}, see its JSDoc. */
export type RouteInspectionOptions = z.input<typeof RouteOptionsSchema>;

/** One stop of an inspection day; times are ISO 8601 with the offset of `utcOffsetMinutes`. */
export interface InspectionStop {
  retailerId: string;
  /** Arrival at the retailer. */
  arrival: string;
  /** Start of the inspection (after waiting for the shop to open). */
  start: string;
  departure: string;
  waitS: number;
  /** Metres from the previous stop (or the base) on the route's cost source (see `costSource`). */
  travelM: number;
}

/** One day of an inspection route: leave the base, visit the stops, come back. */
export interface InspectionDay {
  date: string;
  weekday: Weekday;
  leave: string;
  back: string;
  stops: InspectionStop[];
  /** Metres of the closed route, base to base, on the route's cost source. */
  distanceM: number;
  /** Seconds from leaving to coming back (travel, waiting, service). */
  durationS: number;
  waitS: number;
}

/** The routed plan: the days, and the retailers that could not be placed. */
export interface InspectionRoute {
  days: InspectionDay[];
  /**
   * Retailers not routed, with the reason (core's `DroppedRetailer`): first those the cost source cannot
   * reach (`no route between it and the base on road-graph:car`), then those not scheduled within `maxDays`.
   */
  dropped: DroppedRetailer[];
  distanceM: number;
  /** The travel source every distance and time was measured with (straight lines by default). */
  costSource: CostSource;
}

interface Node {
  retailer: Retailer;
  wgs: { lng: number; lat: number };
  serviceS: number;
}

/** Whole metres and seconds between `points` (base first) on `costs`, or straight lines at `metresPerSecond`. */
async function matrixOf(
  points: { lng: number; lat: number }[],
  metresPerSecond: number,
  costs: TravelCosts | undefined,
  names: readonly string[],
  signal: AbortSignal | undefined,
): Promise<{ metres: number[][]; seconds: number[][] }> {
  if (!costs) {
    const metres = points.map((a) => points.map((b) => Math.round(haversineM(a.lng, a.lat, b.lng, b.lat))));
    return { metres, seconds: metres.map((row) => row.map((m) => Math.ceil(m / metresPerSecond))) };
  }
  const m = await costs.matrix(points, signal ? { signal } : {});
  const first = m.unreachable[0];
  if (first) {
    throw new BeatplanError('INVALID_INPUT', [
      {
        path: ['options', 'costs'],
        ...issueReason('inspection.no_route', {
          from: String(names[first.from]),
          to: String(names[first.to]),
          source: costs.source,
          pairs: m.unreachable.length,
        }),
        value: costs.source,
      },
    ]);
  }
  const n = m.n;
  const cell = (a: Float64Array, i: number, j: number) => a[i * n + j] ?? 0;
  return {
    metres: points.map((_, i) => points.map((_, j) => Math.round(cell(m.distancesM, i, j)))),
    seconds: points.map((_, i) => points.map((_, j) => Math.ceil(cell(m.durationsS, i, j)))),
  };
}

/**
 * Routes an inspection sample over one or several days with `@beatplan/tsp`: every day leaves the
 * team's base at `dayStart` and is back by `dayEnd`; each retailer is inspected for its
 * `serviceMinutes` (or the `serviceMinutes` option), starting inside its opening hours of that
 * weekday and ending by closing time (retailers without opening hours: always open). Travel time is
 * straight-line distance at `speedKmh`, or with `costs` (any core `TravelCosts`: a road graph's
 * `roadCosts(graph)`, a service adapter, the host's own) that source's metres and seconds; the result's
 * `costSource` says which. A retailer the source cannot reach (no route to or from the base, or
 * between it and the other retailers) is not routed but listed in `dropped` with the reason naming the
 * other end (core's `dropUnreachable`, the rule `planWeeklyBeats` applies to its days).
 *
 * Several days: the retailers are first ordered by one closed tour from the base (route first,
 * cluster second); each working day then takes up to `maxStopsPerDay` retailers open that weekday —
 * first those open on no later working day of the horizon, then the others in tour order — and the
 * time-window solver (`dropInfeasible`) routes those it can fit; the rest wait for the next working
 * day. After `maxDays` working days the rest are `dropped`.
 *
 * @param sample - an inspection plan (its `retailerIds`) or a list of retailer ids.
 * @param retailers - retailers holding every id of the sample.
 * @param options - `base` `{lng, lat, crs?}` (required), `date` first day `YYYY-MM-DD` (required),
 *   `dayStart` (`'09:00'`), `dayEnd` (`'18:00'`), `maxStopsPerDay` (no cap), `maxDays` (5),
 *   `workingDays` (mon–fri), `speedKmh` (20), `serviceMinutes` (the retailer's), `utcOffsetMinutes`
 *   (480), `seed` (1, for the solver's heuristic above 16 stops), `costs` (straight lines), `signal` (cancels the
 *   matrices and the routes: `ABORTED`), `solver` (where the routes are solved: `solve` in this thread, or a
 *   worker-thread pool of `@beatplan/tsp/pool`, which keeps this thread free; the same route either way),
 *   `onProgress` (called with {@link InspectionProgress} after each working day).
 * @returns per-day routes with planned arrival, start and departure, and the `dropped` retailers.
 * @throws {BeatplanError} `INVALID_INPUT` (bad options, plan or retailer), `UNKNOWN_REFERENCE` (a
 *   sample id with no retailer; every one listed); a route solver error (`TOO_LARGE`, `ABORTED`, ...) with
 *   its code and issues and the tsp `TspError` as `cause`.
 * @example
 * // not run: `plan` and `retailers` stand for a drawn sample and its retailers
 * const route = await routeInspection(plan, retailers, { base: { lng: 116.40, lat: 39.90 }, date: '2025-03-05', maxStopsPerDay: 8 });
 * route.days[0].stops[0]; // { retailerId: 'R7', arrival: '2025-03-05T09:11:00+08:00', start: …, departure: …, waitS: 0, travelM: 3650 }
 */
export async function routeInspection(
  sample: InspectionPlan | readonly string[],
  retailers: readonly RetailerInput[],
  options: RouteInspectionOptions,
): Promise<InspectionRoute> {
  const o = parseOrThrow(RouteOptionsSchema, options, ['options']);
  const ids = Array.isArray(sample)
    ? parseOrThrow(z.array(z.string().min(1)), sample, ['sample'])
    : parseOrThrow(InspectionPlanSchema, sample, ['plan']).retailerIds;
  const byId = new Map(parseRetailers(retailers).map((r) => [r.id, r]));
  const issues: BeatplanIssue[] = [];
  ids.forEach((id, i) => {
    if (!byId.has(id)) issues.push({ path: ['sample', i], value: id, ...issueReason('inspection.no_retailer_id') });
  });
  if (issues.length) throw new BeatplanError('UNKNOWN_REFERENCE', issues);

  const base = toWgs84(o.base as Coordinates);
  const metresPerSecond = (o.speedKmh * 1000) / 3600;
  const nodes = new Map<string, Node>(
    [...new Set(ids)].map((id) => {
      const r = getKnown(byId, id, 'retailer');
      return [
        id,
        { retailer: r, wgs: toWgs84(r.location), serviceS: Math.round((o.serviceMinutes ?? r.serviceMinutes) * 60) },
      ];
    }),
  );

  const isoAt = (date: string, seconds: number) =>
    formatLocalDateTime(instantOf(date, seconds, o.utcOffsetMinutes), o.utcOffsetMinutes);
  const nodeOf = (id: string) => getKnown(nodes, id, 'retailer');
  const windowsOf = (id: string, date: string) => {
    const { retailer, serviceS } = nodeOf(id);
    return openingWindows(retailer.openingHours, weekdayOf(date), { serviceS });
  };
  // the ids in the order of a tour over [base, ...ids] (tour node k is ids[k - 1])
  const inTourOrder = (list: readonly string[], tour: readonly number[]) =>
    tour.slice(1).map((k) => getKnown(list, k - 1, 'route node'));
  const solver = o.solver ?? { solve };
  const signal = o.signal ? { signal: o.signal } : {};
  try {
    let remaining = [...nodes.keys()];
    // Retailers the cost source cannot reach (to or from the base or the other stops) are dropped with
    // the reason, by the rule beats use (core's dropUnreachable); the rest are ordered by one tour.
    const unreachable: DroppedRetailer[] = [];
    if (o.costs && remaining.length > 0) {
      const all = remaining;
      const full = await o.costs.matrix([base, ...all.map((id) => nodeOf(id).wgs)], signal);
      const { keep, dropped } = dropUnreachable(full, all);
      for (const d of dropped)
        unreachable.push({ retailerId: all[d.index - 1] as string, reason: d.reason, reasonData: d.reasonData });
      remaining = keep.slice(1).map((i) => all[i - 1] as string);
      if (remaining.length > 1) {
        const metres = keep.map((a) => keep.map((b) => Math.round(full.distancesM[a * full.n + b] ?? 0)));
        const order = await solver.solve({ matrix: metres }, { seed: o.seed, ...signal });
        remaining = inTourOrder(remaining, order.tour);
      }
    } else if (remaining.length > 1) {
      const points = [base, ...remaining.map((id) => nodeOf(id).wgs)];
      const order = await solver.solve({ points }, { seed: o.seed, ...signal });
      remaining = inTourOrder(remaining, order.tour);
    }
    const days: InspectionDay[] = [];
    const dayStartS = secondsOfTime(o.dayStart);
    const dayEndS = secondsOfTime(o.dayEnd);
    const dates: string[] = [];
    for (let date = o.date; dates.length < o.maxDays; date = addDays(date, 1))
      if (o.workingDays.includes(weekdayOf(date))) dates.push(date);
    const isOpen = (id: string, date: string) => {
      const w = windowsOf(id, date);
      return w === null || w.length > 0;
    };
    for (const [d, date] of dates.entries()) {
      if (remaining.length === 0) break;
      const windowed = remaining.map((id) => ({ id, w: windowsOf(id, date) }));
      const windows = new Map(windowed.map(({ id, w }) => [id, w]));
      const open = windowed.filter(({ w }) => w === null || w.length > 0).map(({ id }) => id);
      // retailers open on no later day of the horizon come first; the others keep the tour order
      const lastChance = new Set(open.filter((id) => !dates.slice(d + 1).some((later) => isOpen(id, later))));
      const ordered = [...open.filter((id) => lastChance.has(id)), ...open.filter((id) => !lastChance.has(id))];
      const take = o.maxStopsPerDay === undefined ? ordered : ordered.slice(0, o.maxStopsPerDay);
      if (take.length > 0) {
        const { metres, seconds } = await matrixOf(
          [base, ...take.map((id) => nodeOf(id).wgs)],
          metresPerSecond,
          o.costs,
          ['the base', ...take.map((id) => `retailer ${id}`)],
          o.signal,
        );
        const res = await solver.solve(
          { matrix: metres },
          {
            ...signal,
            timeMatrix: seconds,
            serviceS: [0, ...take.map((id) => nodeOf(id).serviceS)],
            windows: [null, ...take.map((id) => windows.get(id) ?? null)],
            startAt: dayStartS,
            endBy: dayEndS,
            dropInfeasible: true,
            seed: o.seed,
          },
        );
        const schedule = res.schedule!;
        // the schedule of a closed tour starts at the base and ends with the return to it (node 0)
        const stops: InspectionStop[] = [];
        let previous: number | undefined;
        for (const s of schedule.stops) {
          if (previous !== undefined && s.node !== 0) {
            stops.push({
              retailerId: getKnown(take, s.node - 1, 'route node'),
              arrival: isoAt(date, s.arrival),
              start: isoAt(date, s.start),
              departure: isoAt(date, s.departure),
              waitS: s.wait,
              travelM: getKnown(getKnown(metres, previous, 'route node'), s.node, 'route node'),
            });
          }
          previous = s.node;
        }
        if (stops.length > 0) {
          days.push({
            date,
            weekday: weekdayOf(date),
            leave: isoAt(date, schedule.startAt),
            back: isoAt(date, schedule.finish),
            stops,
            distanceM: res.length,
            durationS: schedule.durationS,
            waitS: schedule.waitS,
          });
          const served = new Set(stops.map((s) => s.retailerId));
          remaining = remaining.filter((id) => !served.has(id));
        }
      }
      o.onProgress?.({ stage: 'routing', done: d + 1, total: dates.length });
    }
    return {
      days,
      dropped: [
        ...unreachable,
        ...remaining.map((retailerId) => ({
          retailerId,
          ...reasonWithData('inspection.no_room', {
            maxDays: o.maxDays,
            date: o.date,
            dayStart: o.dayStart,
            dayEnd: o.dayEnd,
          }),
        })),
      ],
      distanceM: days.reduce((a, d) => a + d.distanceM, 0),
      costSource: costSourceOf(o.costs ?? { source: STRAIGHT_LINE_SOURCE }),
    };
  } catch (e) {
    throw toBeatplanError(e) ?? e;
  }
}
