// Exact dynamic programming for routes with time windows and service times.
//
// State (S, i): the stops S were served, i ∈ S last; value T(S, i) = the earliest time the route can
// leave i. Because waiting is allowed and travel times are fixed, leaving earlier is never worse, so
// keeping only the earliest time per state is exact for the objective "finish as early as possible"
// (route duration, since the start time is fixed). It is NOT exact for minimising distance under
// windows: a shorter route may finish later; that objective would need Pareto labels per state.
//
//   T({j}, j)   = start_j(startAt + t(s, j)) + service_j
//   T(S+j, j)   = min over i in S of start_j(T(S, i) + t(i, j)) + service_j     (Infinity if no window is left)
//   finish(S,i) = T(S, i) + t(i, s) for a closed tour; start_e(T + t(i, e)) + service_e to a fixed end e;
//                 T(S, i) for an open path that may end anywhere.  Feasible when finish <= endBy.
import { earliestStart, type TimeData } from './schedule.js';

export interface TimeWindowProblem {
  td: TimeData;
  start: number;
  end: number | 'any';
}

export interface TimeWindowOutcome {
  /** Visiting order beginning with the start (and ending with a fixed end); without dropped stops. */
  route: number[];
  finish: number;
  /** Stops left out because no order could serve them with the others (empty when all fit). */
  dropped: number[];
}

/** Largest number of inner stops (n minus start and fixed end) the DP accepts: 2^19 x 19 states, ~250 MB. */
export const TIME_WINDOW_DP_MAX_INNER = 19;
const CHUNK_MASKS = 1 << 12;

/**
 * Runs the DP in chunks (yields the fraction done). Returns the route serving every stop at the
 * earliest finish, or, when none is feasible, the route serving the most stops (then finishing
 * earliest) with the others listed as dropped; null when not even the empty route is feasible.
 */
export function* runTimeWindowDp(p: TimeWindowProblem): Generator<number, TimeWindowOutcome | null> {
  const { td, start, end } = p;
  const { n, time, serviceS, windows, startAt, endBy } = td;
  const fixedEnd = end === 'any' || end === start ? -1 : end;
  const inner: number[] = [];
  for (let v = 0; v < n; v++) if (v !== start && v !== fixedEnd) inner.push(v);
  const m = inner.length;
  const rows = 2 ** m;
  const T = new Float64Array(rows * m).fill(Infinity);
  const parent = new Int8Array(rows * m).fill(-1);

  const arriveAndServe = (v: number, t: number): number => {
    const s = earliestStart(windows[v] ?? null, t);
    const done = s + serviceS[v]!;
    return done > endBy ? Infinity : done;
  };
  const finishFrom = (last: number, t: number): number => {
    let f: number;
    if (end === 'any') f = t;
    else if (fixedEnd < 0) f = t + time[last * n + start]!;
    else f = arriveAndServe(fixedEnd, t + time[last * n + fixedEnd]!);
    return f > endBy ? Infinity : f;
  };

  for (let j = 0; j < m; j++) T[(1 << j) * m + j] = arriveAndServe(inner[j]!, startAt + time[start * n + inner[j]!]!);
  for (let mask = 1; mask < rows; mask++) {
    const base = mask * m;
    for (let i = 0; i < m; i++) {
      const t = T[base + i]!;
      if (t === Infinity) continue;
      const from = inner[i]!;
      for (let j = 0; j < m; j++) {
        if (mask & (1 << j)) continue;
        const next = mask | (1 << j);
        const done = arriveAndServe(inner[j]!, t + time[from * n + inner[j]!]!);
        const k = next * m + j;
        if (done < T[k]!) {
          T[k] = done;
          parent[k] = i;
        }
      }
    }
    if ((mask & (CHUNK_MASKS - 1)) === 0) yield mask / rows;
  }

  // the best closing: most stops served first, then the earliest finish
  let bestMask = -1;
  let bestLast = -1;
  let bestFinish = Infinity;
  let bestCount = -1;
  // the route with no inner stop: straight to the fixed end, or nowhere (the diagonal is not a trip)
  const emptyFinish = fixedEnd >= 0 ? finishFrom(start, startAt) : startAt <= endBy ? startAt : Infinity;
  if (emptyFinish < Infinity) {
    bestMask = 0;
    bestCount = 0;
    bestFinish = emptyFinish;
  }
  for (let mask = 1; mask < rows; mask++) {
    let count = 0;
    for (let x = mask; x; x &= x - 1) count++;
    if (count < bestCount) continue;
    for (let i = 0; i < m; i++) {
      const t = T[mask * m + i]!;
      if (t === Infinity) continue;
      const f = finishFrom(inner[i]!, t);
      if (f < Infinity && (count > bestCount || f < bestFinish)) {
        bestCount = count;
        bestFinish = f;
        bestMask = mask;
        bestLast = i;
      }
    }
  }
  if (bestMask < 0) return null;
  const order: number[] = [];
  for (let mask = bestMask, i = bestLast; mask; ) {
    order.push(inner[i]!);
    const p = parent[mask * m + i]!;
    mask ^= 1 << i;
    i = p;
  }
  order.reverse();
  const route = [start, ...order, ...(fixedEnd >= 0 ? [fixedEnd] : [])];
  const dropped = inner.filter((_, k) => !(bestMask & (1 << k)));
  return { route, finish: bestFinish, dropped };
}
