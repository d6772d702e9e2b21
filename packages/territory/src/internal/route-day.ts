import { haversineM } from '@beatplan/core';
import { solve, TspError } from '@beatplan/tsp';

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
}

export interface RouteDayOptions {
  startAt: number;
  endBy: number;
  metresPerSecond: number;
  detourFactor: number;
  method: 'auto' | 'exact' | 'heuristic';
  seed: number;
  maxKicks?: number;
}

/**
 * Routes one day from the base and back: road metres (great-circle × detour) as costs, metres ÷
 * speed as travel times. `@beatplan/tsp` schedules the visits inside their windows between `startAt`
 * and `endBy` and drops what cannot fit (reported with the reason).
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
      time[i * n + j] = time[j * n + i] = m / o.metresPerSecond;
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
  };
  if (stops.length === 0) return empty;
  try {
    const r = await solve(
      { matrix, n },
      {
        start: 0,
        method: o.method,
        seed: o.seed,
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
    };
  } catch (e) {
    if (e instanceof TspError && e.code === 'INFEASIBLE') {
      return {
        ...empty,
        dropped: stops.map((_, s) => ({ stop: s, reason: 'the working day is too short to reach it' })),
      };
    }
    throw e;
  }
}
