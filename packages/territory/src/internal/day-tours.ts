/**
 * Estimated day tours of the day-assignment search (`improveVisitDays`): one closed tour per day of the
 * 4-week cycle ("slot" k = week · days + working day), from the base (node 0) through its retailers
 * (node = retailer index + 1) and back, on a travel-time matrix (seconds, row-major, asymmetric allowed),
 * scheduled inside the visits' windows (opening ∩ working hours) from the day's start to its end.
 * Only the search uses them: the routing stage routes every day again with `@beatplan/tsp`.
 *
 * Windows are checked in O(1) per insertion place: `dep[i]` is the earliest departure from place i
 * (0 = the base) and `latest[i]` the latest arrival at place i that keeps the rest of the tour on time
 * (waiting is allowed, so any earlier arrival is fine too).
 */
export interface DayTours {
  /** Travel seconds i → j at `i * size + j`. */
  readonly time: Float64Array;
  readonly size: number;
  /** Service seconds of each node (the base: 0). */
  readonly serviceS: Float64Array;
  /** `windows[node][d]`: when a visit may start on working day d, seconds of the day; null = any time. */
  readonly windows: readonly (readonly (readonly [number, number][] | null)[])[];
  /** Working days per week (slot k falls on working day k % days), and their start and end, seconds. */
  readonly days: number;
  readonly startAt: Float64Array;
  readonly endBy: Float64Array;
  /** The nodes of each slot in visiting order (the base is implicit at both ends). */
  readonly tours: number[][];
  /** Travel seconds of each slot's tour, and its timeline ({@link refreshTour} keeps them current). */
  readonly travel: Float64Array;
  readonly timelines: Timeline[];
}

/** A tour's schedule: earliest departures, latest arrivals, and seconds late in all (0 = on time). */
export interface Timeline {
  dep: Float64Array;
  latest: Float64Array;
  late: number;
}

/** Improvements smaller than this (seconds) are noise of float sums, not moves. */
export const EPSILON_S = 1e-6;

function startIn(w: readonly [number, number][] | null, arrival: number): number {
  if (!w) return arrival;
  for (const [from, to] of w) if (arrival <= to) return Math.max(arrival, from);
  return -1;
}

function latestIn(w: readonly [number, number][] | null, bound: number): number {
  if (!w) return bound;
  let best = -Infinity;
  for (const [from, to] of w) {
    const v = Math.min(to, bound);
    if (from <= v && v > best) best = v;
  }
  return best;
}

/** The schedule of `nodes` on slot k (a visit that cannot start in a window starts late, counted in `late`). */
export function timeline(t: DayTours, k: number, nodes: readonly number[]): Timeline {
  const d = k % t.days;
  const c = t.time;
  const L = nodes.length;
  const dep = new Float64Array(L + 1);
  let now = t.startAt[d] as number;
  dep[0] = now;
  let late = 0;
  let prev = 0;
  for (let i = 0; i < L; i++) {
    const x = nodes[i] as number;
    const w = (t.windows[x] as (readonly [number, number][] | null)[])[d] ?? null;
    const arrival = now + (c[prev * t.size + x] as number);
    let start = startIn(w, arrival);
    if (start < 0) {
      late += arrival - (w?.[w.length - 1]?.[1] ?? arrival);
      start = arrival;
    }
    now = start + (t.serviceS[x] as number);
    dep[i + 1] = now;
    prev = x;
  }
  const end = t.endBy[d] as number;
  late += Math.max(0, now + (c[prev * t.size] as number) - end);
  const latest = new Float64Array(L + 2);
  latest[L + 1] = end;
  for (let i = L; i >= 1; i--) {
    const x = nodes[i - 1] as number;
    const next = i < L ? (nodes[i] as number) : 0;
    const bound = (latest[i + 1] as number) - (c[x * t.size + next] as number) - (t.serviceS[x] as number);
    latest[i] = latestIn((t.windows[x] as (readonly [number, number][] | null)[])[d] ?? null, bound);
  }
  return { dep, latest, late };
}

/** The seconds late of `nodes` on slot k ({@link timeline}'s `late`, without its arrays). */
export function lateness(t: DayTours, k: number, nodes: readonly number[]): number {
  const d = k % t.days;
  const c = t.time;
  let now = t.startAt[d] as number;
  let late = 0;
  let prev = 0;
  for (const x of nodes) {
    const w = (t.windows[x] as (readonly [number, number][] | null)[])[d] ?? null;
    const arrival = now + (c[prev * t.size + x] as number);
    let start = startIn(w, arrival);
    if (start < 0) {
      late += arrival - (w?.[w.length - 1]?.[1] ?? arrival);
      start = arrival;
    }
    now = start + (t.serviceS[x] as number);
    prev = x;
  }
  return late + Math.max(0, now + (c[prev * t.size] as number) - (t.endBy[d] as number));
}

/** The travel seconds of a tour from the base through `nodes` and back. */
export function tourTravel(t: DayTours, nodes: readonly number[]): number {
  let prev = 0;
  let sum = 0;
  for (const x of nodes) {
    sum += t.time[prev * t.size + x] as number;
    prev = x;
  }
  return sum + (t.time[prev * t.size] as number);
}

/** Sets slot k's travel and timeline after its tour changed. */
export function refreshTour(t: DayTours, k: number): void {
  const tour = t.tours[k] as number[];
  t.travel[k] = tourTravel(t, tour);
  t.timelines[k] = timeline(t, k, tour);
}

/** What leaving `node` out of slot k saves, seconds (its neighbours join; the tour stays on time). */
export function removalSaving(t: DayTours, k: number, node: number): number {
  const tour = t.tours[k] as number[];
  const i = tour.indexOf(node);
  const p = i > 0 ? (tour[i - 1] as number) : 0;
  const q = i + 1 < tour.length ? (tour[i + 1] as number) : 0;
  const c = t.time;
  return (c[p * t.size + node] as number) + (c[node * t.size + q] as number) - (c[p * t.size + q] as number);
}

/**
 * The cheapest place to insert `node` into slot k on time, with `skip` (a node of the slot, or -1)
 * left out first: its extra travel seconds and its place, or Infinity when no place is on time
 * (always so on a tour that is already late, unless `anyway`: then the cheapest place regardless).
 */
export function cheapestInsertion(t: DayTours, k: number, node: number, skip = -1, anyway = false) {
  const full = t.tours[k] as number[];
  const tour = skip < 0 ? full : full.filter((x) => x !== skip);
  const tl = skip < 0 ? (t.timelines[k] as Timeline) : timeline(t, k, tour);
  const c = t.time;
  const n = t.size;
  const w = (t.windows[node] as (readonly [number, number][] | null)[])[k % t.days] ?? null;
  const svc = t.serviceS[node] as number;
  let best = Infinity;
  let at = -1;
  let prev = 0;
  for (let i = 0; i <= tour.length; i++) {
    const x = i < tour.length ? (tour[i] as number) : 0;
    const d = (c[prev * n + node] as number) + (c[node * n + x] as number) - (c[prev * n + x] as number);
    if (d < best) {
      const start = startIn(w, (tl.dep[i] as number) + (c[prev * n + node] as number));
      const onTime =
        tl.late <= EPSILON_S && start >= 0 && start + svc + (c[node * n + x] as number) <= (tl.latest[i + 1] as number);
      if (onTime || anyway) [best, at] = [d, i];
    }
    prev = x;
  }
  return { cost: best, at };
}

/**
 * The cheapest extra travel of inserting `node` into slot k (without `skip`), windows ignored: a lower
 * bound of {@link insertionCost}, cheap enough to rule moves out before their windows are checked.
 */
export function freeInsertionCost(t: DayTours, k: number, node: number, skip = -1): number {
  const c = t.time;
  const n = t.size;
  let prev = 0;
  let best = Infinity;
  for (const x of t.tours[k] as number[]) {
    if (x === skip) continue;
    const d = (c[prev * n + node] as number) + (c[node * n + x] as number) - (c[prev * n + x] as number);
    if (d < best) best = d;
    prev = x;
  }
  const d = (c[prev * n + node] as number) + (c[node * n] as number) - (c[prev * n] as number);
  return d < best ? d : best;
}

/** The extra travel of {@link cheapestInsertion}, Infinity when no place is on time. */
export function insertionCost(t: DayTours, k: number, node: number, skip = -1): number {
  return cheapestInsertion(t, k, node, skip).cost;
}

/** Puts `node` into slot k at its cheapest on-time place (or, when none is, its cheapest place). */
export function insertCheapest(t: DayTours, k: number, node: number): void {
  let { at } = cheapestInsertion(t, k, node);
  if (at < 0) at = cheapestInsertion(t, k, node, -1, true).at;
  (t.tours[k] as number[]).splice(at, 0, node);
  refreshTour(t, k);
}

/** Takes `node` out of slot k. */
export function removeNode(t: DayTours, k: number, node: number): void {
  const tour = t.tours[k] as number[];
  tour.splice(tour.indexOf(node), 1);
  refreshTour(t, k);
}
