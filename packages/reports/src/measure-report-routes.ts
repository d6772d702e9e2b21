import {
  BeatplanError,
  costSourceOf,
  issueReason,
  type BeatplanIssue,
  parseOrThrow,
  throwIfAborted,
  TravelCostsSchema,
  type Coordinates,
  type CostSource,
  type TravelCosts,
  customReason,
} from '@beatplan/core';
import * as z from 'zod';
import { checkReferences } from './internal/check-references.js';
import type { KpiSums } from './internal/kpi-sums.js';
import { prepareData } from './internal/prepare-data.js';
import { ReportInputSchema, type ReportInputData, type ReportRouteDay, type ReportRoutes } from './report-input.js';

const OptionsSchema = z.strictObject({
  signal: z.instanceof(AbortSignal, customReason('core.signal_type')).optional(),
});

/** Options of {@link measureReportRoutes}. */
export interface MeasureReportRoutesOptions {
  /** Cancels the measurement: the promise rejects with core's `ABORTED` error. */
  signal?: AbortSignal;
}

/** The closed route through `stops` (indices into the day's matrix, 0 = the base), or its missing legs. */
function closedRoute(
  stops: readonly number[],
  m: { n: number; distancesM: Float64Array; durationsS: Float64Array },
  names: readonly string[],
): { figure: { distanceM: number; durationS: number } | null; unreachable: { from: string; to: string }[] } {
  const path = [0, ...stops, 0];
  let distanceM = 0;
  let durationS = 0;
  const unreachable: { from: string; to: string }[] = [];
  for (let k = 1; k < path.length; k++) {
    const cell = (path[k - 1] as number) * m.n + (path[k] as number);
    const d = m.distancesM[cell] as number;
    if (d < 0)
      unreachable.push({ from: names[path[k - 1] as number] as string, to: names[path[k] as number] as string });
    distanceM += d;
    durationS += m.durationsS[cell] as number;
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    figure: unreachable.length > 0 ? null : { distanceM: round1(distanceM), durationS: round1(durationS) },
    unreachable,
  };
}

/**
 * Measures a report's routes on any core `TravelCosts` (a road graph's `roadCosts(graph)`, a routing
 * service adapter, the host's own source), for `buildReport`'s `routes` field: per manager and local
 * date of the report's period, the planned closed route (base → the plan's retailers in order → base)
 * and the travelled one (base → each visited retailer, visits in start order → base), metres and
 * seconds. One matrix per manager-day (the base and that day's retailers). A leg with no route makes
 * that day's figure `null` and is listed in the day's `unreachable`; the report then leaves the day out
 * of the route figures and counts it in `unroutedDays`.
 *
 * @param input - the report input, exactly as `buildReport` takes it (validated the same way).
 * @param costs - the travel source.
 * @param options - `signal` to cancel.
 * @returns `{ costSource, days }` (see {@link ReportRoutesSchema}), days by manager (input order) and date.
 * @throws {BeatplanError} `INVALID_INPUT` or `UNKNOWN_REFERENCE` as `buildReport`; `INVALID_INPUT` when
 *   `costs` is not a `TravelCosts`; `ABORTED`; the source's own errors.
 * @example
 * import { straightLineCosts } from '@beatplan/core';
 * const input = {
 *   retailers: [{ id: 'R1', name: 'Shop', location: { lng: 120.16, lat: 30.27 }, segment: 'retail', class: 'A',
 *     serviceMinutes: 10, visitFrequency: 'weekly', orderCount: 4, orderVolume: 900 }],
 *   managers: [{ id: 'M1', name: 'Li', base: { lng: 120.15, lat: 30.27 }, workingHours: {} }],
 *   plans: [{ managerId: 'M1', date: '2026-03-02', stops: [{ retailerId: 'R1', arrival: '2026-03-02T09:10:00+08:00',
 *     departure: '2026-03-02T09:20:00+08:00' }], distanceM: 2000, durationS: 1800 }],
 * };
 * const routes = await measureReportRoutes(input, straightLineCosts()); // or roadCosts(graph), a service adapter
 * routes.days[0].planned; // { distanceM: 2496.9, durationS: 449.4 }: straight lines × 1.3 at 20 km/h
 * buildReport({ ...input, routes }).managers[0].plannedRouteDistanceM; // 2496.9
 */
export async function measureReportRoutes(
  input: ReportInputData | unknown,
  costs: TravelCosts,
  options: MeasureReportRoutesOptions = {},
): Promise<ReportRoutes> {
  const parsed = parseOrThrow(ReportInputSchema, input);
  parseOrThrow(TravelCostsSchema, costs, ['costs']);
  const { signal } = parseOrThrow(OptionsSchema, options, ['options']);
  checkReferences(parsed);
  const data = prepareData(parsed);
  const dayKey = (managerId: string, date: string) => `${managerId}\u0000${date}`;
  const days = new Map<string, { managerId: string; date: string; planned: string[] | null; visited: string[] }>();
  const dayOf = (managerId: string, date: string) => {
    const key = dayKey(managerId, date);
    let d = days.get(key);
    if (!d) days.set(key, (d = { managerId, date, planned: null, visited: [] }));
    return d;
  };
  for (const p of data.plans) dayOf(p.managerId, p.date).planned = p.stops.map((s) => s.retailerId);
  const visits = [...data.visits].sort(
    (a, b) => a.visit.start.at - b.visit.start.at || (a.visit.id < b.visit.id ? -1 : a.visit.id > b.visit.id ? 1 : 0),
  );
  for (const v of visits) dayOf(v.visit.managerId, v.date).visited.push(v.visit.retailerId);

  const managerOrder = new Map(parsed.managers.map((m, i) => [m.id, i]));
  const ordered = [...days.values()].sort(
    (a, b) =>
      (managerOrder.get(a.managerId) as number) - (managerOrder.get(b.managerId) as number) ||
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
  const baseOf = new Map(parsed.managers.map((m) => [m.id, m.base]));
  const out: ReportRouteDay[] = [];
  for (const day of ordered) {
    throwIfAborted(signal);
    const names = ['base'];
    const points: Coordinates[] = [baseOf.get(day.managerId) as Coordinates];
    const indexOf = new Map<string, number>();
    const index = (retailerId: string) => {
      let i = indexOf.get(retailerId);
      if (i === undefined) {
        i = points.length;
        indexOf.set(retailerId, i);
        names.push(retailerId);
        points.push(data.retailerById.get(retailerId)?.location as Coordinates);
      }
      return i;
    };
    const plannedStops = day.planned?.map(index) ?? null;
    const visitedStops = day.visited.map(index);
    const m = await costs.matrix(points, signal ? { signal } : {});
    const planned = plannedStops ? closedRoute(plannedStops, m, names) : { figure: null, unreachable: [] };
    const travelled = visitedStops.length > 0 ? closedRoute(visitedStops, m, names) : { figure: null, unreachable: [] };
    const seen = new Set<string>();
    const unreachable: { from: string; to: string }[] = [];
    for (const u of [...planned.unreachable, ...travelled.unreachable]) {
      const key = `${u.from}\u0000${u.to}`;
      if (!seen.has(key)) unreachable.push(u);
      seen.add(key);
    }
    out.push({
      managerId: day.managerId,
      date: day.date,
      planned: planned.figure,
      travelled: travelled.figure,
      unreachable,
    });
  }
  const costSource: CostSource = costSourceOf(costs);
  return { costSource, days: out };
}

/**
 * For `buildReport`: checks that `routes` covers exactly the manager-days of the period (`days`: manager
 * id → dates with a plan or a visit) and adds each day's figures to its manager's sums (`sumsOf`); the
 * route figures then replace the straight lines in `distanceRatio` and the `route` KPI.
 *
 * @throws {BeatplanError} `INVALID_INPUT` naming every day missing, repeated or not in the period.
 */
export function addRouteSums(
  routes: ReportRoutes,
  days: ReadonlyMap<string, ReadonlySet<string>>,
  sumsOf: (managerId: string) => KpiSums,
): void {
  const issues: BeatplanIssue[] = [];
  const seen = new Map<string, number>();
  routes.days.forEach((day, i) => {
    const key = `${day.managerId}\u0000${day.date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        path: ['routes', 'days', i],
        ...issueReason('reports.day_again', { manager: day.managerId, date: day.date, first }),
      });
      return;
    }
    seen.set(key, i);
    if (!days.get(day.managerId)?.has(day.date)) {
      issues.push({
        path: ['routes', 'days', i],
        ...issueReason('reports.day_unknown', { manager: day.managerId, date: day.date }),
      });
      return;
    }
    const s = sumsOf(day.managerId);
    if (day.planned) {
      s.routePlannedM += day.planned.distanceM;
      s.routePlannedS += day.planned.durationS;
    }
    if (day.travelled) {
      s.routeTravelledM += day.travelled.distanceM;
      s.routeTravelledS += day.travelled.durationS;
    }
    if (day.unreachable.length > 0) s.unroutedDays++;
    if (day.planned && day.travelled) {
      s.comparedDays++;
      s.comparedPlannedM += day.planned.distanceM;
      s.comparedTravelledM += day.travelled.distanceM;
    }
  });
  for (const [managerId, dates] of days) {
    for (const date of dates) {
      if (!seen.has(`${managerId}\u0000${date}`))
        issues.push({
          path: ['routes', 'days'],
          ...issueReason('reports.no_route_figures', { manager: managerId, date }),
        });
    }
  }
  if (issues.length > 0) throw new BeatplanError('INVALID_INPUT', issues);
}
