// The JavaScript time-window heuristic that @beatplan/tsp ran before its WebAssembly kernel
// (assembly/time-windows.ts); kept only as the side-by-side reference of bench/windows.mjs.
// Heuristic for routes with time windows beyond the exact DP's reach: earliest-deadline-first
// cheapest insertion, then Or-opt relocations (segments of 1-3 stops, orientation kept, so it is
// right for asymmetric times) and swaps, then seeded perturbations and restarts while the budget
// lasts. Objective: the finish time, ties broken by the route's cost.
//
// Candidates are evaluated incrementally against the current route: the schedule before the first
// changed position is reused, and the simulation stops as soon as it reaches a stop of the
// unchanged tail at the same departure time as before (from there on nothing changes). Costs are
// updated by the edges a move removes and adds.
import { earliestStart, type TimeData } from '../../packages/tsp/src/internal/schedule.js';
import type { Pause, SolveClock } from '../../packages/tsp/src/internal/solve-clock.js';
import type { TimeWindowOutcome, TimeWindowProblem } from '../../packages/tsp/src/internal/time-window-dp.js';

export interface TimeWindowHeuristicControl {
  seed: number;
  /** Kicks (perturbations or restarts, each improved) after the first route; Infinity: until the time limit. */
  maxKicks: number;
  clock: SolveClock;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A route with its departure time at every position (dep[0] = startAt), finish and cost. */
interface Route {
  r: number[];
  dep: Float64Array;
  finish: number;
  cost: number;
}

/**
 * Builds and improves a route with time windows, yielding between moves. Returns the best route
 * found, with the stops it could not fit listed as dropped (none when every stop fits); null when
 * not even the empty route (start to end) meets the end time. When the time limit runs out it
 * returns the best route so far (the first one is always complete).
 */
export function* runTimeWindowHeuristic(
  p: TimeWindowProblem,
  cost: Float64Array,
  control: TimeWindowHeuristicControl,
): Generator<Pause, TimeWindowOutcome | null> {
  const { clock } = control;
  let timedOut = false;
  const { td, start, end } = p;
  const { n, time, serviceS, windows, startAt, endBy } = td as TimeData;
  const closed = end === start;
  const fixedEnd = end === 'any' || end === start ? -1 : end;
  const tailLen = fixedEnd >= 0 ? 1 : 0;
  const c = (a: number, b: number) => cost[a * n + b]!;
  const close = (last: number, t: number) => (closed ? t + time[last * n + start]! : t);

  /** Full simulation: the route's departures, or null when a window or endBy is missed. */
  const build = (r: number[]): Route | null => {
    const dep = new Float64Array(r.length);
    dep[0] = startAt;
    let routeCost = 0;
    for (let k = 1; k < r.length; k++) {
      const s = earliestStart(windows[r[k]!] ?? null, dep[k - 1]! + time[r[k - 1]! * n + r[k]!]!);
      if (s === Infinity) return null;
      dep[k] = s + serviceS[r[k]!]!;
      routeCost += c(r[k - 1]!, r[k]!);
    }
    const finish = r.length > 1 ? close(r[r.length - 1]!, dep[r.length - 1]!) : dep[0]!;
    if (finish > endBy) return null;
    if (closed && r.length > 1) routeCost += c(r[r.length - 1]!, start);
    return { r, dep, finish, cost: routeCost };
  };

  /**
   * Finish time of candidate route `x`, equal to `base.r` before position k0 and equal to
   * `base.r[k - shift]` from position `tail` on; Infinity when infeasible.
   */
  const finishOf = (base: Route, x: number[], k0: number, tail: number, shift: number): number => {
    let t = base.dep[k0 - 1]!;
    for (let k = k0; k < x.length; k++) {
      const v = x[k]!;
      const s = earliestStart(windows[v] ?? null, t + time[x[k - 1]! * n + v]!);
      if (s === Infinity) return Infinity;
      t = s + serviceS[v]!;
      if (k >= tail && t === base.dep[k - shift]!) return base.finish; // joined the old schedule
    }
    const f = close(x[x.length - 1]!, t);
    return f > endBy ? Infinity : f;
  };
  const better = (f: number, cst: number, b: Route) =>
    f < b.finish - 1e-9 || (Math.abs(f - b.finish) <= 1e-9 && cst < b.cost - 1e-9);
  const nextOf = (r: number[], k: number) => (k + 1 < r.length ? r[k + 1]! : closed ? start : -1);
  const edge = (a: number, b: number) => (b < 0 ? 0 : c(a, b));

  const empty = build(fixedEnd >= 0 ? [start, fixedEnd] : [start]);
  if (!empty) return null;

  /** Best insertion of v into base (position 1 .. length - tailLen), or null. */
  const insertBest = (base: Route, v: number): Route | null => {
    let bestPos = -1;
    let bestF = Infinity;
    let bestC = Infinity;
    const r = base.r;
    for (let pos = 1; pos <= r.length - tailLen; pos++) {
      const prev = r[pos - 1]!;
      const next = pos < r.length ? r[pos]! : closed ? start : -1;
      const cst = base.cost + c(prev, v) + edge(v, next) - edge(prev, next);
      const x = [...r.slice(0, pos), v, ...r.slice(pos)];
      const f = finishOf(base, x, pos, pos + 1, 1);
      if (f < bestF - 1e-9 || (Math.abs(f - bestF) <= 1e-9 && cst < bestC)) {
        bestF = f;
        bestC = cst;
        bestPos = pos;
      }
    }
    return bestPos < 0 || bestF === Infinity ? null : build([...r.slice(0, bestPos), v, ...r.slice(bestPos)]);
  };
  const insertAll = (order: number[]): { s: Route; dropped: number[] } => {
    let s = empty;
    const left: number[] = [];
    for (const v of order) {
      const next = insertBest(s, v);
      if (next) s = next;
      else left.push(v);
    }
    return { s, dropped: left };
  };

  /** Or-opt relocations (segments of 1-3) and swaps, first improvement, until none helps. */
  const improve = function* (s: Route): Generator<Pause, Route> {
    let cur = s;
    for (let again = true; again && !timedOut; ) {
      again = false;
      const r = cur.r;
      const last = r.length - tailLen; // positions [1, last) may move
      for (let len = 1; len <= 3 && !again; len++) {
        for (let i = 1; i + len <= last && !again; i++) {
          yield 'yield';
          if (clock.expired()) {
            timedOut = true;
            return cur;
          }
          const seg = r.slice(i, i + len);
          const rest = [...r.slice(0, i), ...r.slice(i + len)];
          const removed =
            c(r[i - 1]!, seg[0]!) +
            edge(seg[len - 1]!, nextOf(r, i + len - 1)) -
            edge(r[i - 1]!, nextOf(r, i + len - 1));
          for (let q = 1; q <= rest.length - tailLen; q++) {
            if (q === i) continue;
            const prev = rest[q - 1]!;
            const next = q < rest.length ? rest[q]! : closed ? start : -1;
            const cst = cur.cost - removed + c(prev, seg[0]!) + edge(seg[len - 1]!, next) - edge(prev, next);
            const x = [...rest.slice(0, q), ...seg, ...rest.slice(q)];
            const k0 = Math.min(i, q);
            const tail = Math.max(i + len, q + len);
            const f = finishOf(cur, x, k0, tail, 0);
            if (f < Infinity && better(f, cst, cur)) {
              const built = build(x);
              if (built) {
                cur = built;
                again = true;
                break;
              }
            }
          }
        }
      }
      for (let i = 1; i < last && !again; i++) {
        for (let j = i + 1; j < last; j++) {
          const x = [...r];
          x[i] = r[j]!;
          x[j] = r[i]!;
          const f = finishOf(cur, x, i, j + 1, 0);
          if (f === Infinity || f > cur.finish + 1e-9) continue;
          const built = build(x);
          if (built && better(built.finish, built.cost, cur)) {
            cur = built;
            again = true;
            break;
          }
        }
      }
    }
    return cur;
  };

  const deadline = (v: number) => {
    const w = windows[v];
    return w?.length ? w[w.length - 1]![1] : Infinity;
  };
  const pending = [...Array(n).keys()]
    .filter((v) => v !== start && v !== fixedEnd)
    .sort((a, b) => deadline(a) - deadline(b) || a - b);
  const first = insertAll(pending);
  let best = yield* improve(first.s);
  let dropped = first.dropped;

  // perturb (relocate a random segment) or restart (random insertion order), then improve
  const rand = mulberry32(control.seed);
  for (let kick = 0; kick < control.maxKicks && pending.length > 1 && !timedOut; kick++) {
    yield 'yield';
    if (clock.expired()) break;
    if (kick % 5 === 4 || best.r.length - tailLen <= 3) {
      const order = [...pending];
      for (let k = order.length - 1; k > 0; k--) {
        const x = Math.floor(rand() * (k + 1));
        [order[k], order[x]] = [order[x]!, order[k]!];
      }
      const again = insertAll(order);
      if (again.dropped.length > dropped.length) continue;
      const cand = yield* improve(again.s);
      if (again.dropped.length < dropped.length || better(cand.finish, cand.cost, best)) {
        best = cand;
        dropped = again.dropped;
      }
      continue;
    }
    const r = best.r;
    const movable = r.length - tailLen - 1;
    const len = 1 + Math.floor(rand() * Math.min(3, movable - 1));
    const i = 1 + Math.floor(rand() * (movable - len + 1));
    const seg = r.slice(i, i + len);
    const rest = [...r.slice(0, i), ...r.slice(i + len)];
    const q = 1 + Math.floor(rand() * (rest.length - tailLen));
    const kicked = build([...rest.slice(0, q), ...seg, ...rest.slice(q)]);
    if (!kicked) continue;
    const cand = yield* improve(kicked);
    if (better(cand.finish, cand.cost, best)) best = cand;
  }
  for (let k = dropped.length - 1; k >= 0; k--) {
    const next = insertBest(best, dropped[k]!);
    if (next) {
      best = yield* improve(next);
      dropped.splice(k, 1);
    }
  }
  return { route: best.r, finish: best.finish, dropped: [...dropped].sort((a, b) => a - b) };
}
