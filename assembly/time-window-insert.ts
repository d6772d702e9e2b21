// Insertion for the time-window search (time-windows.ts): a stop at its best place (earliest finish,
// then cheapest; with `costWeight` w: least finish + w x cost, then cheapest), the dropped stops, and the
// empty route.

import {
  C, INF, L, NEG, S, closed, cost, costWeight, depAt, dropPtr, eps, finish, firstOpen, fixedEnd, lastMovable, ldAt,
  nDrop, rAt, refresh, refreshChanged, setR, startNode, wClose, wOff,
} from './time-window-route';
import { activate, evalInsert } from './time-window-moves';

// ---------------------------------------------------------------- insertion

/**
 * The first place pp (v after r[pp]) that evalInsert may find feasible among 0..last: v served no earlier than
 * its first opening makes the departure from r[pp + 1] at least firstOpen(v) + S(v) (cannotReachTail's bound
 * with the travel left out: never above it), and LD and dep do not decrease along the route, so the places whose
 * r[pp + 1] has both below that bound form a prefix, each infeasible (evalInsert returns INF there). A binary
 * search; the place after the last stop (no tail) is never skipped.
 */
function firstPlace(v: i32, last: i32): i32 {
  const open = firstOpen(v);
  if (open == NEG) return 0;
  const lb = open + S(v);
  let lo = 0;
  let hi = min(last, L - 2) + 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lb > ldAt(mid + 1) && lb > depAt(mid + 1)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts v at its best position (earliest finish, then cheapest); false when no position is feasible. */
export function insertBest(v: i32): bool {
  let bestP = -1;
  let bestF = INF;
  let bestC = INF;
  // departures only grow along the route: past the last close of v's windows no later place is feasible
  const e = wOff(v + 1);
  const lastClose = e > wOff(v) ? wClose(e - 1) : INF;
  const last = lastMovable();
  for (let pp = firstPlace(v, last); pp <= last; pp++) {
    if (depAt(pp) > lastClose) break;
    const f = evalInsert(pp, v);
    if (f == INF) continue;
    const a = rAt(pp);
    const b = pp + 1 < L ? rAt(pp + 1) : closed ? startNode : -1;
    const dc = C(a, v) + (b >= 0 ? C(v, b) - C(a, b) : 0);
    // compared by finish + w x (cost added); w = 0: by finish, ties by cost
    const dv = f - bestF + costWeight * (dc - bestC);
    if (bestP < 0 || dv < -eps || (dv <= eps && dc < bestC)) {
      bestF = f;
      bestC = dc;
      bestP = pp;
    }
  }
  if (bestP < 0) return false;
  for (let k = L; k > bestP + 1; k--) setR(k, rAt(k - 1));
  setR(bestP + 1, v);
  L++;
  activate(v);
  activate(rAt(bestP));
  if (bestP + 2 < L) activate(rAt(bestP + 2));
  refreshChanged(bestP + 1, bestP + 2, 1);
  return true;
}

export function addDropped(v: i32): void {
  store<i32>(dropPtr + (<usize>nDrop << 2), v);
  nDrop++;
}

/** Takes the k-th entry off the list of dropped stops. */
export function removeDropped(k: i32): void {
  for (let q = k; q < nDrop - 1; q++) store<i32>(dropPtr + (<usize>q << 2), load<i32>(dropPtr + (<usize>(q + 1) << 2)));
  nDrop--;
}

/** Tries to insert each dropped stop again; true when one went in. */
export function reinsertDropped(): bool {
  let any = false;
  for (let k = nDrop - 1; k >= 0; k--) {
    const v = load<i32>(dropPtr + (<usize>k << 2));
    if (insertBest(v)) {
      removeDropped(k);
      any = true;
    }
  }
  return any;
}

export function emptyRoute(): void {
  setR(0, startNode);
  L = 1;
  if (fixedEnd >= 0) {
    setR(1, fixedEnd);
    L = 2;
  }
  nDrop = 0;
  refresh();
}

