// Ejection chains for the time-window search (time-windows.ts): a dropped stop that no place takes goes in
// by taking out a served stop near it, which goes in again at its best place, else by taking out another
// (ejectInsert); kept when one stop fewer is dropped, or when a route of the chain is better.

import {
  INF, K, L, NEG, S, chainSavePtr, cost, costWeight, depAt, dropPtr, eps, finish, firstOpen, inN, lastMovable, ldAt,
  listPtr, markPtr, n, nDrop, outN, posOf, rAt, rPtr, refresh, savePtr, unplace, wClose, wOff,
} from './time-window-route';
import { activate, candidateCost, evalEjection, np, piece, tailFrom, takeCandidate } from './time-window-moves';
import { insertBest, removeDropped } from './time-window-insert';

/** Ejection: how far (in route places) the stop taken out may be from a near neighbour of the dropped stop. */
const EJECT_NEAR: i32 = 1;
/** Ejection: how far from the taken-out stop's place the dropped stop may go in. */
const EJECT_SHIFT: i32 = 2;

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

/** The best ejection found by findEjection(): the taken-out stop's position, d's place, and the value. */
let ejU: i32 = -1;
let ejP: i32 = -1;

/**
 * The best feasible route (finish + w x cost, then cost) that takes out one served stop u at or next to one
 * of d's nearest neighbours in the route and puts d (not served) within two places of u's; stops marked with
 * `stamp` are not taken out (each is tried once). Sets ejU and ejP; false when none is feasible.
 */
function findEjection(d: i32): bool {
  const last = lastMovable();
  let bestV = INF;
  let bestC = INF;
  ejU = -1;
  ejP = -1;
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
          ejU = pu;
          ejP = pp;
        }
      }
    }
  }
  return ejU >= 0;
}

/** Applies findEjection()'s exchange for d: d in, the stop at ejU out (returned, unplaced). */
function applyEjection(d: i32): i32 {
  const u = rAt(ejU);
  takeCandidate(ejection(ejU, ejP, d));
  unplace(u);
  return u;
}

/** A new mark for findEjection(). */
function nextStamp(): void {
  stamp = stamp >= 0x7ffffffe ? 2 : stamp + 1;
}

/**
 * The most exchanges of one ejection chain (ejectInsert; 1: the single exchange). bench:windows, 60 seeds x 15
 * days against the fixed reference, at the default budget (bench/RESULTS.md has the runs): 1 (before) 605 of 900
 * runs within 0.5 %; 2, only a chain that ends with one stop more kept, 626; 3 621; 5 618. With the chain's better
 * route also kept: 2 669 (seeds 61-120: 684 against 604) at 1.06x the CPU of 1; 3 674, 696, and on seeds 121-180 and
 * 181-240 676 and 691 against 2's 666 and 644, at 1.016x the CPU of 2 (at 0.98x the budget 672 on seeds 1-60); 4 690
 * and 681 at 1.048x.
 */
const CHAIN_DEPTH: i32 = 3;
let chainDepth: i32 = CHAIN_DEPTH;

/** The most exchanges of an ejection chain from the next ejectInsert on (< 1: the default, CHAIN_DEPTH = 3). */
export function setChainDepth(depth: i32): void {
  chainDepth = depth < 1 ? CHAIN_DEPTH : depth;
}

/**
 * Ejection chains for the dropped stops that no place takes (Glover's ejection chains; Rousseau, Gendreau and
 * Pesant's for windows). For each dropped stop d: d goes in by findEjection()'s exchange, which takes u1 out;
 * u1 goes in again at its best place, else by the best exchange that takes u2 out (never d or a stop the chain
 * put in), u2 at its best place, and so on, up to chainDepth exchanges. Kept when the last stop taken out fits
 * in again (one stop fewer dropped; the chain's stops served elsewhere); else the best of the chain's routes
 * (each serves as many as before, its last stop taken out dropped) when it is better than the route before
 * (finish + w x cost; the first exchange also by the cost on a tie), else the route is restored. True when a
 * route was kept.
 */
export function ejectInsert(): bool {
  for (let k = nDrop - 1; k >= 0; k--) {
    const d = load<i32>(dropPtr + (<usize>k << 2));
    nextStamp();
    if (!findEjection(d)) continue;
    const oldL = L;
    const oldV = finish + costWeight * cost;
    const oldC = cost;
    memory.copy(savePtr, rPtr, <usize>oldL << 2);
    let out = applyEjection(d);
    if (insertBest(out)) {
      removeDropped(k);
      activateRoute(d);
      return true;
    }
    // the route to keep when no stop fits: the best exchange so far that is better than the route before (the
    // first exchange also by the cost on a tie)
    let keepOut = -1;
    let keepV = oldV;
    const v = finish + costWeight * cost;
    if (v <= oldV - eps || (v <= oldV + eps && cost < oldC - 1e-9 * (1 + oldC))) {
      keepOut = out;
      keepV = v;
      memory.copy(chainSavePtr, rPtr, <usize>L << 2);
    }
    // the chain's stops in the route (the list of ruin and recreate is free during the descent)
    store<i32>(listPtr, d);
    let len = 1;
    for (let depth = 2; depth <= chainDepth; depth++) {
      nextStamp();
      for (let q = 0; q < len; q++) store<i32>(markPtr + (<usize>load<i32>(listPtr + (<usize>q << 2)) << 2), stamp);
      if (!findEjection(out)) break;
      store<i32>(listPtr + (<usize>len << 2), out);
      len++;
      out = applyEjection(out); // L is oldL at each exchange: one stop out, one in
      if (insertBest(out)) {
        removeDropped(k);
        for (let q = 0; q < len; q++) activateRoute(load<i32>(listPtr + (<usize>q << 2)));
        return true;
      }
      const vv = finish + costWeight * cost;
      if (vv < keepV - eps) {
        keepOut = out;
        keepV = vv;
        memory.copy(chainSavePtr, rPtr, <usize>L << 2);
      }
    }
    // no stop fits: the best route of the chain, or the route before it
    memory.copy(rPtr, keepOut < 0 ? savePtr : chainSavePtr, <usize>oldL << 2);
    refresh();
    if (keepOut < 0) continue;
    store<i32>(dropPtr + (<usize>k << 2), keepOut);
    for (let q = 0; q < len; q++) activateRoute(load<i32>(listPtr + (<usize>q << 2)));
    activateRoute(out); // in the route kept when that route came before the chain's last exchange
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

