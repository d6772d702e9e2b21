// Time along a route: travel, waiting for a window to open, service on site. One plain simulation
// that every time-window solver and every test checks its answer against.
import { failIndex } from './fail-index.js';

/** Time data of a problem. All times are seconds on one clock (e.g. seconds since midnight). */
export interface TimeData {
  n: number;
  /** Travel time i -> j, row-major (seconds). */
  time: Float64Array;
  /** Service time at each node (seconds). */
  serviceS: Float64Array;
  /** Per node, the intervals [open, close] in which service may START, sorted; null = always open. */
  windows: ([number, number][] | null)[];
  /** When the route leaves its start node. */
  startAt: number;
  /** Latest time the route may finish (arrival back at a closed tour's start, or the end of the last service). */
  endBy: number;
}

/** One stop of a schedule (seconds on the problem's clock). */
export interface ScheduleStop {
  node: number;
  arrival: number;
  wait: number;
  start: number;
  departure: number;
}

/** The earliest time service can start at node v when arriving at t, or Infinity if no window is left. */
export function earliestStart(windows: [number, number][] | null, t: number): number {
  if (!windows) return t;
  for (const [open, close] of windows) {
    if (t <= close) return Math.max(t, open);
  }
  return Infinity;
}

/**
 * Simulates a route: leaves `route[0]` at `startAt` (no service there), then at every further stop
 * arrives, waits for a window if needed, serves, and leaves. A closed route ends with the trip back
 * to `route[0]`. Returns the stops, the finish time, and whether every window and `endBy` held.
 */
export function simulateRoute(
  td: TimeData,
  route: readonly number[],
  closed: boolean,
): { stops: ScheduleStop[]; finish: number; feasible: boolean; late: number[] } {
  const { n, time, serviceS, windows, startAt, endBy } = td;
  const [first, ...rest] = route;
  if (first === undefined) return failIndex('route', 0);
  const stops: ScheduleStop[] = [{ node: first, arrival: startAt, wait: 0, start: startAt, departure: startAt }];
  const late: number[] = [];
  let t = startAt;
  let prev = first;
  for (const v of rest) {
    const arrival = t + (time[prev * n + v] ?? failIndex('time', prev * n + v));
    let start = earliestStart(windows[v] ?? null, arrival);
    if (start === Infinity) {
      late.push(v);
      start = arrival; // served late: the schedule goes on so that every later stop is still shown
    }
    const departure = start + (serviceS[v] ?? failIndex('serviceS', v));
    stops.push({ node: v, arrival, wait: start - arrival, start, departure });
    t = departure;
    prev = v;
  }
  let finish = t;
  if (closed && route.length > 1) {
    finish = t + (time[prev * n + first] ?? failIndex('time', prev * n + first));
    stops.push({ node: first, arrival: finish, wait: 0, start: finish, departure: finish });
  }
  // prev is the route's last stop
  if (finish > endBy && !late.includes(prev)) late.push(closed ? first : prev);
  return { stops, finish, feasible: late.length === 0, late };
}
