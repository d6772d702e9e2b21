import { haversineM } from '@beatplan/core';
import { solve, TspError, type SolveOptions, type SolveResult } from '@beatplan/tsp';

/** One stop to route on a day. */
export interface DayStop {
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
  dropped: { stop: number; reason: string }[];
  /** True when the solver honoured the windows (tsp time windows available). */
  windows: boolean;
}

export interface RouteDayOptions {
  startAt: number;
  endBy: number;
  speedMps: number;
  detourFactor: number;
  method: 'auto' | 'exact' | 'heuristic';
  seed: number;
  maxKicks?: number;
}

let windowSupport: boolean | null = null;

/** Whether this `@beatplan/tsp` takes time-window options (feature test, cached). */
export async function hasTimeWindowSupport(): Promise<boolean> {
  if (windowSupport !== null) return windowSupport;
  try {
    const r = await solve(
      {
        matrix: [
          [0, 1],
          [1, 0],
        ],
      },
      { serviceS: 0 } as SolveOptions,
    );
    windowSupport = (r as SolveResult & { schedule?: unknown }).schedule !== undefined;
  } catch (e) {
    if (!(e instanceof TspError && e.code === 'INVALID_INPUT')) throw e;
    windowSupport = false;
  }
  return windowSupport;
}

/**
 * Routes one day from the base and back: road metres (great-circle × detour) as costs, metres ÷
 * speed as travel times. With tsp time windows the solver schedules the visits inside their windows
 * and drops what cannot fit (reported); without, the route is the shortest tour, timed from
 * `startAt`, and stops are removed (largest time saving first, reported) until it ends by `endBy`.
 */
export async function routeDay(
  base: { lng: number; lat: number },
  stops: readonly DayStop[],
  o: RouteDayOptions,
): Promise<RoutedDay> {
  const n = stops.length + 1;
  const pts = [base, ...stops];
  const matrix = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = haversineM(pts[i]!.lng, pts[i]!.lat, pts[j]!.lng, pts[j]!.lat) * o.detourFactor;
      matrix[i * n + j] = matrix[j * n + i] = m;
      time[i * n + j] = time[j * n + i] = m / o.speedMps;
    }
  }
  const empty: RoutedDay = {
    stops: [],
    distanceM: 0,
    durationS: 0,
    travelS: 0,
    serviceS: 0,
    waitS: 0,
    finish: o.startAt,
    dropped: [],
    windows: false,
  };
  if (stops.length === 0) return empty;
  const base_: SolveOptions = { start: 0, method: o.method, seed: o.seed };
  if (await hasTimeWindowSupport()) {
    try {
      const r = await solve(
        { matrix, n },
        {
          ...base_,
          serviceS: [0, ...stops.map((s) => s.serviceS)],
          windows: [null, ...stops.map((s) => s.windows)],
          timeMatrix: time,
          startAt: o.startAt,
          endBy: o.endBy,
          dropInfeasible: true,
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
          reason: 'no time for it within its opening hours and the working day',
        })),
        windows: true,
      };
    } catch (e) {
      if (e instanceof TspError && e.code === 'INFEASIBLE') {
        return {
          ...empty,
          windows: true,
          dropped: stops.map((_, s) => ({ stop: s, reason: 'the working day is too short to reach it' })),
        };
      }
      throw e;
    }
  }
  const r = await solve({ matrix, n }, o.maxKicks === undefined ? base_ : { ...base_, maxKicks: o.maxKicks });
  const tour = r.tour.slice(1);
  const dropped: { stop: number; reason: string }[] = [];
  const finishOf = (t: number[]) => {
    let at = o.startAt,
      prev = 0;
    for (const v of t) {
      at += time[prev * n + v]! + stops[v - 1]!.serviceS;
      prev = v;
    }
    return at + time[prev * n]!;
  };
  while (tour.length && finishOf(tour) > o.endBy) {
    let best = 0,
      bestSave = -Infinity;
    for (let k = 0; k < tour.length; k++) {
      const a = k === 0 ? 0 : tour[k - 1]!,
        v = tour[k]!,
        b = k === tour.length - 1 ? 0 : tour[k + 1]!;
      const save = time[a * n + v]! + time[v * n + b]! - time[a * n + b]! + stops[v - 1]!.serviceS;
      if (save > bestSave) [best, bestSave] = [k, save];
    }
    dropped.push({ stop: tour[best]! - 1, reason: 'the working day is full' });
    tour.splice(best, 1);
  }
  let at = o.startAt,
    prev = 0,
    distanceM = 0,
    travelS = 0,
    serviceS = 0;
  const out: RoutedDay['stops'] = [];
  for (const v of tour) {
    at += time[prev * n + v]!;
    travelS += time[prev * n + v]!;
    distanceM += matrix[prev * n + v]!;
    out.push({ stop: v - 1, arrival: at, start: at, departure: at + stops[v - 1]!.serviceS });
    at += stops[v - 1]!.serviceS;
    serviceS += stops[v - 1]!.serviceS;
    prev = v;
  }
  at += time[prev * n]!;
  travelS += time[prev * n]!;
  distanceM += matrix[prev * n]!;
  return {
    stops: out,
    distanceM: tour.length ? distanceM : 0,
    durationS: tour.length ? at - o.startAt : 0,
    travelS,
    serviceS,
    waitS: 0,
    finish: at,
    dropped,
    windows: false,
  };
}
