// The kicks of the time-window search (time-windows.ts) and its random numbers: a random feasible
// relocation of 1-3 stops, or a ruin (a string of stops, or a stop and its nearest neighbours) and
// recreate (the removed and the dropped stops inserted again, in a random order, by deadline, or
// farthest first); the annealing temperature.

import {
  INF, K, L, S, T, closed, dropPtr, earliest, endBy, fixedEnd, keyPtr, lastMovable, listPtr, markPtr, n, nDrop, outN,
  posOf, rAt, rPtr, refresh, startAt, startNode, wClose, wOff, xPtr,
} from './time-window-route';
import { activate, activateAround, isFeasible, np, piece, putX, takeCandidate, tailFrom } from './time-window-moves';
import { addDropped, insertBest } from './time-window-insert';
import { xorshift32 } from './xorshift';

/** The most stops one ruin removes, and the route's share (1/RUIN_SHARE) it may remove. */
export const RUIN_MAX: i32 = 12;
export const RUIN_SHARE: i32 = 4;
/**
 * The most stops a ruin may remove from a short route (fewer than 8 movable stops; at most all of them). With 2,
 * a 6-stop route whose only feasible order needs 3 stops put in again in another order was never found, on any
 * seed (time-windows.test.ts); routes of 8 stops or more are not affected.
 */
export const RUIN_MIN: i32 = 3;

// ---------------------------------------------------------------- random numbers

export let rng: u32 = 1;

export function nextRandom(): u32 {
  rng = xorshift32(rng);
  return rng;
}
export function below(m: i32): i32 {
  return <i32>(nextRandom() % <u32>m);
}

// ---------------------------------------------------------------- kicks

export const PERTURB_TRIES: i32 = 20;

/** A random feasible relocation of 1-3 stops; false when none was found in PERTURB_TRIES tries. */
export function perturb(): bool {
  const movable = lastMovable();
  if (movable < 2) return false;
  for (let t = 0; t < PERTURB_TRIES; t++) {
    const len = 1 + below(min(3, movable - 1));
    const i = 1 + below(movable - len + 1);
    const pp = below(movable + 1);
    if (pp >= i - 1 && pp < i + len) continue;
    np = 0;
    let prefixEnd: i32;
    if (pp < i) {
      piece(0, i, i + len);
      piece(0, pp + 1, i);
      tailFrom = i + len;
      prefixEnd = pp + 1;
    } else {
      piece(0, i + len, pp + 1);
      piece(0, i, i + len);
      tailFrom = pp + 1;
      prefixEnd = i;
    }
    if (!isFeasible(prefixEnd)) continue;
    activateAround(prefixEnd);
    takeCandidate(prefixEnd);
    return true;
  }
  return false;
}


export let temp0: f64 = 1;
export let cycle: i32 = 1;
export let nList: i32 = 0;

@inline export function uniform(): f64 {
  return <f64>(nextRandom() >>> 8) / 16777216.0;
}

/** Removes from the route a string around a random stop, or the stop and its nearest neighbours. */
export function ruin(): void {
  const movable = lastMovable();
  nList = 0;
  if (movable < 1) return;
  const inner = movable; // positions 1..movable
  const maxRemove = min(inner, max(RUIN_MIN, min(RUIN_MAX, inner / RUIN_SHARE + 1)));
  const q = 1 + below(maxRemove);
  const seedPos = 1 + below(inner);
  memory.fill(markPtr, 0, <usize>n << 2);
  if ((nextRandom() & 1) == 0) {
    // a string of q consecutive stops containing the seed
    let from = seedPos - below(q);
    if (from < 1) from = 1;
    if (from + q - 1 > movable) from = movable - q + 1;
    for (let k = from; k < from + q; k++) mark(rAt(k));
  } else {
    const c = rAt(seedPos);
    mark(c);
    for (let k = 0; k < K && nList < q; k++) {
      const w = outN(c, k);
      const pw = posOf(w);
      if (pw >= 1 && pw <= movable) mark(w);
    }
  }
  let len = 0;
  for (let k = 0; k < L; k++) {
    const v = rAt(k);
    if (load<i32>(markPtr + (<usize>v << 2)) == 0) putX(len++, v);
    else {
      activate(rAt(k - 1));
      if (k + 1 < L) activate(rAt(k + 1));
    }
  }
  L = keepFeasible(len);
  memory.copy(rPtr, xPtr, <usize>L << 2);
  refresh();
}

/**
 * The route x[0..len) with the stops taken out that it can no longer serve, marked for recreate(); returns
 * its new length. A matrix need not obey the triangle inequality (t(a, c) may exceed t(a, b) + t(b, c)), so
 * taking stops out can make a later stop arrive later: miss its windows, or make the route miss endBy or
 * the fixed end. The first stop that misses goes out, or, when the fixed end or endBy is missed, the last
 * movable stop before it; the route is simulated again until it holds (the start alone, with the fixed
 * end, always does: setup() checked it). With the inequality nothing goes out and x is unchanged.
 */
export function keepFeasible(len: i32): i32 {
  for (;;) {
    let t = startAt;
    let bad = -1;
    for (let k = 1; k < len; k++) {
      const prev = load<i32>(xPtr + (<usize>(k - 1) << 2));
      const v = load<i32>(xPtr + (<usize>k << 2));
      const a = earliest(v, t + T(prev, v));
      if (a == INF) {
        bad = k;
        break;
      }
      t = a + S(v);
    }
    if (bad < 0) {
      const last = load<i32>(xPtr + (<usize>(len - 1) << 2));
      if ((closed && len > 1 ? t + T(last, startNode) : t) <= endBy) return len;
      bad = len;
    }
    // the fixed end never goes out: the movable stop before it does
    let out = bad;
    const lastInner = fixedEnd >= 0 ? len - 2 : len - 1;
    if (out > lastInner) out = lastInner;
    if (out < 1) return len; // not reached: the start alone (and the fixed end) meets every window and endBy
    mark(load<i32>(xPtr + (<usize>out << 2)));
    for (let k = out; k < len - 1; k++) store<i32>(xPtr + (<usize>k << 2), load<i32>(xPtr + (<usize>(k + 1) << 2)));
    len--;
  }
  return len;
}

@inline export function mark(v: i32): void {
  if (load<i32>(markPtr + (<usize>v << 2)) != 0) return;
  store<i32>(markPtr + (<usize>v << 2), 1);
  store<i32>(listPtr + (<usize>nList << 2), v);
  nList++;
}

/** Inserts the removed and the dropped stops again, in a random order or by deadline; the rest stay dropped. */
export function recreate(): void {
  for (let k = 0; k < nDrop; k++) {
    store<i32>(listPtr + (<usize>nList << 2), load<i32>(dropPtr + (<usize>k << 2)));
    nList++;
  }
  nDrop = 0;
  const how = below(3);
  for (let k = 0; k < nList; k++) {
    const v = load<i32>(listPtr + (<usize>k << 2));
    let key: f64;
    if (how == 0) key = uniform();
    else if (how == 1) {
      const e = wOff(v + 1);
      key = e > wOff(v) ? wClose(e - 1) : INF;
    } else key = -T(startNode, v);
    store<f64>(keyPtr + (<usize>k << 3), key);
  }
  // insertion sort of the list by key (short lists)
  for (let k = 1; k < nList; k++) {
    const v = load<i32>(listPtr + (<usize>k << 2));
    const key = load<f64>(keyPtr + (<usize>k << 3));
    let j = k;
    while (j > 0 && load<f64>(keyPtr + (<usize>(j - 1) << 3)) > key) {
      store<f64>(keyPtr + (<usize>j << 3), load<f64>(keyPtr + (<usize>(j - 1) << 3)));
      store<i32>(listPtr + (<usize>j << 2), load<i32>(listPtr + (<usize>(j - 1) << 2)));
      j--;
    }
    store<f64>(keyPtr + (<usize>j << 3), key);
    store<i32>(listPtr + (<usize>j << 2), v);
  }
  for (let k = 0; k < nList; k++) {
    const v = load<i32>(listPtr + (<usize>k << 2));
    if (!insertBest(v)) addDropped(v);
  }
}

/** The temperature of kick k: from temp0 down to temp0/100 over each cycle of kicks. */
export function temperature(k: i32): f64 {
  const x = <f64>(k % cycle) / <f64>cycle;
  return temp0 * Math.pow(0.01, x);
}

