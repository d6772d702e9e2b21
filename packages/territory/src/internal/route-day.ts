import { dropUnreachable, reasonWithData, type ReasonWithData, type TravelCosts } from '@beatplan/core';
import { solve, TspError, type RouteSolver } from '@beatplan/tsp';

/** One stop to route on a day. */
export interface DayStop {
  /** The retailer's id, for the reason of a stop dropped for want of a route. */
  id: string;
  lng: number;
  lat: number;
  serviceS: number;
  /** Seconds of the day in which the visit may start (opening hours ∩ working hours); null = any time. */
  windows: [number, number][] | null;
}

/** A routed day; stop indices refer to the input `stops`, times are seconds of the day. */
export interface RoutedDay {
  stops: { stop: number; arrival: number; start: number; departure: number }[];
  distanceM: number;
  durationS: number;
  travelS: number;
  serviceS: number;
  waitS: number;
  finish: number;
  /** Stops left out, with the reason (English and as data). */
  dropped: ({ stop: number } & ReasonWithData)[];
}

export interface RouteDayOptions {
  startAt: number;
  endBy: number;
  /** The travel-cost source of the day's matrix (metres are the route's cost, seconds its times). */
  costs: TravelCosts;
  /** Cancels the day's matrix and its route (`ABORTED`). */
  signal?: AbortSignal;
  /** Where the route is solved (a worker-thread pool); default `solve` in this thread. */
  solver?: RouteSolver;
  method: 'auto' | 'exact' | 'heuristic';
  seed: number;
  maxKicks?: number;
}

/**
 * Routes one day from the base and back on `o.costs`: metres as the route's cost, seconds as its
 * travel times. Stops with no route to or from the base, or between each other, are dropped first
 * (reason naming the other end; see `dropUnreachable`). `@beatplan/tsp` schedules the visits inside
 * their windows between `startAt` and `endBy` and drops what cannot fit (reported with the reason).
 */
export async function routeDay(
  base: { lng: number; lat: number },
  stops: readonly DayStop[],
  o: RouteDayOptions,
): Promise<RoutedDay> {
  if (stops.length === 0) return emptyDay(o.startAt);
  const points = [base, ...stops].map((p) => ({ lng: p.lng, lat: p.lat }));
  const full = await o.costs.matrix(points, o.signal ? { signal: o.signal } : {});
  const { keep, dropped: cut } = dropUnreachable(
    full,
    stops.map((s) => s.id),
  );
  const kept = keep.slice(1).map((i) => stops[i - 1] as DayStop);
  const n = keep.length;
  const matrix = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      matrix[a * n + b] = full.distancesM[(keep[a] as number) * full.n + (keep[b] as number)] ?? 0;
      time[a * n + b] = full.durationsS[(keep[a] as number) * full.n + (keep[b] as number)] ?? 0;
    }
  const routed = await routeMatrix(kept, matrix, time, o);
  const back = (s: number) => (keep[s + 1] as number) - 1;
  return {
    ...routed,
    stops: routed.stops.map((s) => ({ ...s, stop: back(s.stop) })),
    dropped: [
      ...cut.map((d) => ({ stop: d.index - 1, reason: d.reason, reasonData: d.reasonData })),
      ...routed.dropped.map((d) => ({ ...d, stop: back(d.stop) })),
    ],
  };
}

const IN_THIS_THREAD: RouteSolver = { solve };

function emptyDay(startAt: number): RoutedDay {
  return { stops: [], distanceM: 0, durationS: 0, travelS: 0, serviceS: 0, waitS: 0, finish: startAt, dropped: [] };
}

/** Routes the day on its (reachable) matrix; stop indices refer to `stops`. */
async function routeMatrix(
  stops: readonly DayStop[],
  matrix: Float64Array<ArrayBuffer>,
  time: Float64Array<ArrayBuffer>,
  o: RouteDayOptions,
): Promise<RoutedDay> {
  const n = stops.length + 1;
  const empty = emptyDay(o.startAt);
  if (stops.length === 0) return empty;
  try {
    const r = await (o.solver ?? IN_THIS_THREAD).solve(
      { matrix, n },
      {
        ...(o.signal ? { signal: o.signal } : {}),
        start: 0,
        method: o.method,
        seed: o.seed,
        serviceS: [0, ...stops.map((s) => s.serviceS)],
        windows: [null, ...stops.map((s) => s.windows)],
        timeMatrix: time,
        startAt: o.startAt,
        endBy: o.endBy,
        dropInfeasible: true,
        // a second of driving counts twice a second of waiting (the DP is exact for the finish alone)
        travelWeight: o.method === 'exact' ? 0 : 1,
        maxKicks: o.maxKicks ?? 100,
      },
    );
    const sched = r.schedule!;
    return {
      stops: sched.stops
        .filter((s) => s.node !== 0)
        .map((s) => ({ stop: s.node - 1, arrival: s.arrival, start: s.start, departure: s.departure })),
      distanceM: r.length,
      durationS: sched.durationS,
      travelS: sched.travelS,
      serviceS: sched.serviceS,
      waitS: sched.waitS,
      finish: sched.finish,
      dropped: (r.dropped ?? []).map((d) => ({
        stop: d.node - 1,
        ...reasonWithData('territory.no_time_in_hours'),
      })),
    };
  } catch (e) {
    if (e instanceof TspError && e.code === 'INFEASIBLE') {
      return {
        ...empty,
        dropped: stops.map((_, s) => ({ stop: s, ...reasonWithData('territory.day_too_short') })),
      };
    }
    throw e;
  }
}
