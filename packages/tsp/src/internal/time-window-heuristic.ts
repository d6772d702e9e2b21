// Heuristic for routes with time windows beyond the exact DP's reach: earliest-deadline-first
// cheapest insertion, then Or-opt relocations (segments of 1-3 stops, orientation kept, so it is
// right for asymmetric times), then seeded perturbations (relocate a random segment, repair) while
// the budget lasts. Every candidate is checked by simulating the schedule; the objective is the
// finish time, ties broken by the route's cost.
import { simulateRoute, type TimeData } from './schedule.js';
import type { TimeWindowOutcome, TimeWindowProblem } from './time-window-dp.js';

export interface TimeWindowHeuristicControl {
  seed: number;
  maxKicks: number;
  shouldStop: () => boolean;
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

interface Scored {
  route: number[];
  finish: number;
  cost: number;
}

/**
 * Builds and improves a route with time windows. Returns the best route found, with the stops it
 * could not fit listed as dropped (none when every stop fits); null when not even the empty route
 * (start to end) meets the end time.
 */
export function runTimeWindowHeuristic(p: TimeWindowProblem, cost: Float64Array, control: TimeWindowHeuristicControl): TimeWindowOutcome | null {
  const { td, start, end } = p;
  const { n } = td;
  const closed = end === start;
  const fixedEnd = end === 'any' || end === start ? -1 : end;
  const tailLen = fixedEnd >= 0 ? 1 : 0;

  const score = (route: number[]): Scored | null => {
    const sim = simulateRoute(td, route, closed);
    if (!sim.feasible) return null;
    let c = 0;
    for (let k = 0; k + 1 < route.length; k++) c += cost[route[k]! * n + route[k + 1]!]!;
    if (closed && route.length > 1) c += cost[route[route.length - 1]! * n + start]!;
    return { route, finish: sim.finish, cost: c };
  };
  const better = (a: Scored, b: Scored) => a.finish < b.finish - 1e-9 || (Math.abs(a.finish - b.finish) <= 1e-9 && a.cost < b.cost - 1e-9);

  let current = score(fixedEnd >= 0 ? [start, fixedEnd] : [start]);
  if (!current) return null;

  // 1. insertion, earliest deadline first (a restart inserts in a random order instead)
  const deadline = (v: number) => {
    const w = td.windows[v];
    return w && w.length ? w[w.length - 1]![1] : Infinity;
  };
  const empty = current;
  const insertAll = (order: number[]): { s: Scored; dropped: number[] } => {
    let s = empty;
    const left: number[] = [];
    for (const v of order) {
      let best: Scored | null = null;
      for (let pos = 1; pos <= s.route.length - tailLen; pos++) {
        const cand = score([...s.route.slice(0, pos), v, ...s.route.slice(pos)]);
        if (cand && (!best || better(cand, best))) best = cand;
      }
      if (best) s = best;
      else left.push(v);
    }
    return { s, dropped: left };
  };
  const pending = [...Array(n).keys()].filter((v) => v !== start && v !== fixedEnd).sort((a, b) => deadline(a) - deadline(b) || a - b);
  const first = insertAll(pending);
  current = first.s;
  let dropped = first.dropped;

  // 2. Or-opt relocations until no move helps
  const improve = (s: Scored): Scored => {
    let cur = s;
    for (let again = true; again; ) {
      again = false;
      const r = cur.route;
      const last = r.length - tailLen; // positions [1, last) may move
      for (let len = 1; len <= 3 && !again; len++) {
        for (let i = 1; i + len <= last && !again; i++) {
          const seg = r.slice(i, i + len);
          const rest = [...r.slice(0, i), ...r.slice(i + len)];
          for (let q = 1; q <= rest.length - tailLen; q++) {
            if (q === i) continue;
            const cand = score([...rest.slice(0, q), ...seg, ...rest.slice(q)]);
            if (cand && better(cand, cur)) {
              cur = cand;
              again = true;
              break;
            }
          }
        }
      }
      // swap two stops
      for (let i = 1; i < last && !again; i++) {
        for (let j = i + 1; j < last; j++) {
          const route = [...r];
          route[i] = r[j]!;
          route[j] = r[i]!;
          const cand = score(route);
          if (cand && better(cand, cur)) {
            cur = cand;
            again = true;
            break;
          }
        }
      }
    }
    return cur;
  };
  current = improve(current);

  // 3. perturb and repair while the budget lasts; retry dropped stops after each improvement
  const rand = mulberry32(control.seed);
  let best = current;
  for (let kick = 0; kick < control.maxKicks && pending.length > 1 && !control.shouldStop(); kick++) {
    if (kick % 5 === 4 || best.route.length - tailLen <= 3) {
      // restart: insert every stop in a random order, then improve
      const order = [...pending];
      for (let k = order.length - 1; k > 0; k--) {
        const x = Math.floor(rand() * (k + 1));
        [order[k], order[x]] = [order[x]!, order[k]!];
      }
      const again = insertAll(order);
      if (again.dropped.length > dropped.length) continue;
      const cand = improve(again.s);
      if (again.dropped.length < dropped.length || better(cand, best)) {
        best = cand;
        dropped = again.dropped;
      }
      continue;
    }
    const r = best.route;
    const movable = r.length - tailLen - 1;
    const len = 1 + Math.floor(rand() * Math.min(3, movable - 1));
    const i = 1 + Math.floor(rand() * (movable - len + 1));
    const seg = r.slice(i, i + len);
    const rest = [...r.slice(0, i), ...r.slice(i + len)];
    const q = 1 + Math.floor(rand() * (rest.length - tailLen));
    const kicked = score([...rest.slice(0, q), ...seg, ...rest.slice(q)]);
    if (!kicked) continue;
    const cand = improve(kicked);
    if (better(cand, best)) best = cand;
  }
  for (let k = dropped.length - 1; k >= 0; k--) {
    const v = dropped[k]!;
    for (let pos = 1; pos <= best.route.length - tailLen; pos++) {
      const cand = score([...best.route.slice(0, pos), v, ...best.route.slice(pos)]);
      if (cand) {
        best = improve(cand);
        dropped.splice(k, 1);
        break;
      }
    }
  }
  return { route: best.route, finish: best.finish, dropped: dropped.sort((a, b) => a - b) };
}

export type { TimeData };
