// Insertion for the time-window search (time-windows.ts): a stop at its best place (earliest finish,
// then cheapest; with `costWeight` w: least finish + w x cost, then cheapest), the dropped stops, and the
// empty route.

import {
  C, INF, K, L, NEG, S, closed, cost, costWeight, depAt, dropPtr, eps, finish, firstOpen, fixedEnd, inN, lastMovable, ldAt,
  markPtr, n, nDrop, outN, posOf, rAt, rPtr, refresh, refreshChanged, savePtr, setR, startNode, unplace, wClose, wOff, xPtr,
} from './time-window-route';
import { activate, candidateCost, evalEjection, evalInsert, np, piece, tailFrom, takeCandidate } from './time-window-moves';

/** Ejection: how far (in route places) the stop taken out may be from a near neighbour of the dropped stop. */
const EJECT_NEAR: i32 = 1;
/** Ejection: how far from the taken-out stop's place the dropped stop may go in. */
const EJECT_SHIFT: i32 = 2;

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
function removeDropped(k: i32): void {
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

/**
 * The candidate that takes the stop at position pu out and puts the new stop d after position pp
 * (pp != pu; pp = pu - 1: in u's place). Returns the candidate's prefix end.
 */
function ejection(pu: i32, pp: i32, d: i32): i32 {
  np = 0;
  if (pp >= pu) {
    piece(0, pu + 1, pp + 1);
    piece(2, d, 0);
    tailFrom = pp + 1;
    return pu;
  }
  piece(2, d, 0);
  if (pp + 1 < pu) piece(0, pp + 1, pu);
  tailFrom = pu + 1;
  return pp + 1;
}

/**
 * True when the ejection candidate (u at position pu out, d after position pp) is proved infeasible before
 * evalEjection: d is reached no earlier than the departure from r[pp] (pp < pu), or from r[pu - 1] (pp > pu: the
 * stops after u are reached no earlier than that, times only grow), so past `lastClose`, the last close of d's
 * windows, no window is left; and d departs no earlier than `leave` (its first opening + its service; NEG without
 * windows), so the unchanged tail's first stop r[j] departs no earlier either, and past both LD and dep there
 * evalEjection returns INF at j (each step of the bound is at most the simulated one).
 */
@inline function cannotEject(pu: i32, pp: i32, lastClose: f64, leave: f64): bool {
  if (depAt(pp < pu ? pp : pu - 1) > lastClose) return true;
  const j = pp < pu ? pu + 1 : pp + 1;
  return j < L && leave > ldAt(j) && leave > depAt(j);
}

/** The mark of the stops already taken out for the current dropped stop (ejectInsert). */
let stamp: i32 = 1;

/** Clears the marks of ejectInsert (memory may hold an earlier problem's). */
export function resetEjection(): void {
  memory.fill(markPtr, 0, <usize>n << 2);
  stamp = 1;
}

/**
 * Ejection for a dropped stop that no place takes: for each dropped stop d, the best feasible route
 * (finish + w x cost, then cost) that takes out one served stop u at or next to one of d's nearest
 * neighbours in the route and puts d within two places of u's; then u goes in again at its best place.
 * Kept when u fits in again (one stop fewer dropped), or when the exchange alone is better (u is then
 * the dropped one); else the route is restored. True when a route was kept.
 */
export function ejectInsert(): bool {
  const last = lastMovable();
  for (let k = nDrop - 1; k >= 0; k--) {
    const d = load<i32>(dropPtr + (<usize>k << 2));
    stamp = stamp >= 0x7ffffffe ? 2 : stamp + 1;
    let bestV = INF;
    let bestC = INF;
    let bestU = -1;
    let bestP = -1;
    const e = wOff(d + 1);
    const lastClose = e > wOff(d) ? wClose(e - 1) : INF;
    const open = firstOpen(d);
    const leave = open == NEG ? NEG : open + S(d);
    for (let q = 0; q < 2 * K; q++) {
      const p = posOf(q < K ? outN(d, q) : inN(d, q - K));
      if (p < 0) continue;
      for (let pu = max(1, p - EJECT_NEAR); pu <= min(last, p + EJECT_NEAR); pu++) {
        // each stop is taken out once per dropped stop (the marks of ruin() are 0 and 1)
        const mk = markPtr + (<usize>rAt(pu) << 2);
        if (load<i32>(mk) == stamp) continue;
        store<i32>(mk, stamp);
        for (let pp = max(0, pu - EJECT_SHIFT - 1); pp <= min(last, pu + EJECT_SHIFT); pp++) {
          if (pp == pu || cannotEject(pu, pp, lastClose, leave)) continue;
          const f = evalEjection(pu, pp, d);
          if (f == INF) continue;
          const c = candidateCost(ejection(pu, pp, d));
          const v = f + costWeight * c;
          if (v < bestV - eps || (v <= bestV + eps && c < bestC)) {
            bestV = v;
            bestC = c;
            bestU = pu;
            bestP = pp;
          }
        }
      }
    }
    if (bestU < 0) continue;
    const oldL = L;
    const oldV = finish + costWeight * cost;
    const oldC = cost;
    const u = rAt(bestU);
    memory.copy(savePtr, rPtr, <usize>oldL << 2);
    const prefixEnd = ejection(bestU, bestP, d);
    const oldTail = tailFrom; // the unchanged tail, in both routes at this place (one stop out, one in)
    takeCandidate(prefixEnd);
    unplace(u);
    if (insertBest(u)) {
      removeDropped(k);
    } else {
      const v = finish + costWeight * cost;
      if (v > oldV - eps && !(v <= oldV + eps && cost < oldC - 1e-9 * (1 + oldC))) {
        memory.copy(rPtr, savePtr, <usize>oldL << 2);
        L = oldL;
        refreshChanged(prefixEnd, oldTail, 0);
        unplace(d);
        continue;
      }
      store<i32>(dropPtr + (<usize>k << 2), u);
    }
    activateRoute(d);
    return true;
  }
  return false;
}

/** Marks v and the stops next to it in the route for the next passes. */
function activateRoute(v: i32): void {
  const p = posOf(v);
  if (p < 0) return;
  activate(v);
  activate(rAt(p - 1));
  if (p + 1 < L) activate(rAt(p + 1));
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

