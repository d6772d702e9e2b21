// Iterated local search for the travelling-salesman problem over f64 costs, symmetric or not.
//
// The TypeScript side turns every variant (closed tour, open path to a fixed end, open path to any
// end) into one closed tour over N nodes (a dummy node closes an open path) and fills the N x N
// row-major cost matrix. This core then runs:
//
//   neighbours(from, to, sym)  the K cheapest successors (and predecessors) of every node, in row chunks
//                              (asymmetric costs); symmetric costs take the K alpha-nearest instead:
//                              mstBegin / mstStep(count) then alphaNeighbours(from, to) (alpha-nearness.ts)
//   begin / construct(count)   nearest-neighbour tour, in chunks of nodes
//   descend(pops) / settle()   local search to a first local optimum, in chunks of dirty nodes
//   kicks(count)               `count` rounds of: kick the accepted tour, repair it with local search,
//                              accept or undo the result (see below); the best tour is kept apart
//
// Local search: a queue of "dirty" nodes (the don't-look bits inverted); from each dirty node it
// tries, over the neighbour lists,
//   - 2-opt (reverse a segment). With asymmetric costs the reversed segment's own cost change is
//     counted exactly (prefix sums of forward and backward edge costs along the tour);
//   - Or-3opt: the pure, orientation-preserving 3-opt move that swaps two consecutive segments
//     (segment insertion of any length; the natural move for asymmetric costs).
// The kick is a segment-local double bridge: three short consecutive segments near a random
// position come back in reverse order (X Y Z -> Z Y X, orientations kept). A kicked and repaired tour
// is accepted when it is no longer than the accepted one; after many kicks without a change a few
// kicked tours are accepted whatever they cost, to leave a deep local optimum — and each such escape
// that finds no better tour doubles the next one's walk (up to N/8 kicks), back to the base walk
// whenever the best tour improves, so a search stuck in a deep basin walks ever farther from it.
//
// The tour is an array with a position index (assembly/tour-array.ts). Every call is short
// (the caller chooses `count`), so V8 tiers the code up between calls. Memory is raw linear memory
// from __heap_base; no managed objects are allocated. Deterministic: xorshift32 seeded by `begin`.

import {
  bestPtr, bwPtr, curPtr, D, dist, dPtr, exchange, fwPtr, inN, inPtr, inQPtr, K, layout, loadTour, markChanged, N, outN, outPtr,
  posOf, pred, queuePtr, reorderBlocks, reversalDelta, reverse, scratchPtr, setSymmetric, setTour, succ, symmetric,
  tourAt, tourLength, tourPtr, wrap,
} from './tour-array';
import { alphaBytes, alphaLayout, alphaRow } from './alpha-nearness';
export { mstBegin, mstStep } from './alpha-nearness';
import { insertSorted } from './sorted-insert';
import { xorshift32 } from './xorshift';

let eps: f64 = 1e-9;
let kickSpan: i32 = 30;
let qHead: i32 = 0;
let qLen: i32 = 0;
let curLen: f64 = 0;
let bestLen: f64 = 0;
let rng: u32 = 1;
let kicksDone: i32 = 0;
let stale: i32 = 0; // kicks since the accepted tour last changed
let walk: i32 = 0; // kicks still to accept unconditionally
let patience: i32 = 1000;
let walkLen: i32 = 3;
let walkNow: i32 = 3; // the next escape's walk: doubles after each escape that found no better tour

/** After `p` kicks without a change of the accepted tour, accept the next `w` kicked tours unconditionally. */
export function setEscape(p: i32, w: i32): void {
  patience = p;
  walkLen = w;
  walkNow = w;
}

/** Lays out memory for n nodes and k neighbours each. Returns 1, or 0 when memory cannot grow. */
export function prepare(n: i32, k: i32): i32 {
  if (!layout(n, k)) return 0;
  alphaLayout(scratchPtr);
  return 1;
}

export function costPtr(): usize {
  return dPtr;
}
export function bestTourPtr(): usize {
  return bestPtr;
}
export function bestLength(): f64 {
  return bestLen;
}
export function kickCount(): i32 {
  return kicksDone;
}

function nextRandom(): u32 {
  rng = xorshift32(rng);
  return rng;
}
function randomBelow(m: i32): i32 {
  return <i32>(nextRandom() % <u32>m);
}

// ---------------------------------------------------------------- neighbour lists

/** Builds the neighbour lists of rows [from, to). Uses fw/bw as key scratch (K <= N). */
export function neighbours(from: i32, to: i32, sym: i32): void {
  for (let i = from; i < to; i++) {
    const oRow = outPtr + ((<usize>i * <usize>K) << 2);
    const iRow = inPtr + ((<usize>i * <usize>K) << 2);
    let len = 0;
    for (let j = 0; j < N; j++) {
      if (j == i) continue;
      const c = D(i, j);
      if (len < K || c < load<f64>(fwPtr + (<usize>(K - 1) << 3))) {
        insertSorted(oRow, fwPtr, len, K, j, c);
        if (len < K) len++;
      }
    }
    if (sym) {
      memory.copy(iRow, oRow, <usize>K << 2);
      continue;
    }
    len = 0;
    for (let j = 0; j < N; j++) {
      if (j == i) continue;
      const c = D(j, i);
      if (len < K || c < load<f64>(bwPtr + (<usize>(K - 1) << 3))) {
        insertSorted(iRow, bwPtr, len, K, j, c);
        if (len < K) len++;
      }
    }
  }
}

/**
 * Symmetric costs: the neighbour lists of rows [from, to) hold the K alpha-nearest nodes (ties by
 * cost), each list then sorted by cost, as the moves expect. Needs the spanning tree (mstBegin,
 * mstStep until 0). Uses fw as key scratch.
 */
export function alphaNeighbours(from: i32, to: i32): void {
  const row = (scratchPtr + alphaBytes(N) + 7) & ~(<usize>7);
  for (let i = from; i < to; i++) {
    const oRow = outPtr + ((<usize>i * <usize>K) << 2);
    alphaRow(i, row);
    let len = 0;
    for (let j = 0; j < N; j++) {
      if (j == i) continue;
      // a tie-break by cost far below any difference of alpha that matters
      const a = load<f64>(row + (<usize>j << 3)) + D(i, j) * 1e-9;
      if (len < K || a < load<f64>(fwPtr + (<usize>(K - 1) << 3))) {
        insertSorted(oRow, fwPtr, len, K, j, a);
        if (len < K) len++;
      }
    }
    // by cost: the moves stop at the first candidate that cannot gain
    for (let k = 0; k < K; k++) store<f64>(fwPtr + (<usize>k << 3), D(i, load<i32>(oRow + (<usize>k << 2))));
    for (let k = 1; k < K; k++) {
      const id = load<i32>(oRow + (<usize>k << 2));
      const c = load<f64>(fwPtr + (<usize>k << 3));
      let m = k;
      while (m > 0 && load<f64>(fwPtr + (<usize>(m - 1) << 3)) > c) {
        store<i32>(oRow + (<usize>m << 2), load<i32>(oRow + (<usize>(m - 1) << 2)));
        store<f64>(fwPtr + (<usize>m << 3), load<f64>(fwPtr + (<usize>(m - 1) << 3)));
        m--;
      }
      store<i32>(oRow + (<usize>m << 2), id);
      store<f64>(fwPtr + (<usize>m << 3), c);
    }
    memory.copy(inPtr + ((<usize>i * <usize>K) << 2), oRow, <usize>K << 2);
  }
}

// ---------------------------------------------------------------- queue of dirty nodes

function push(v: i32): void {
  const f = inQPtr + <usize>v;
  if (load<u8>(f)) return;
  store<u8>(f, 1);
  store<i32>(queuePtr + (<usize>wrap(qHead + qLen) << 2), v);
  qLen++;
}

function pop(): i32 {
  const v = load<i32>(queuePtr + (<usize>qHead << 2));
  qHead = wrap(qHead + 1);
  qLen--;
  store<u8>(inQPtr + <usize>v, 0);
  return v;
}

// ---------------------------------------------------------------- moves

function try2opt(a: i32): bool {
  // successor side: a b ... c d  ->  a c ... b d
  let b = succ(a);
  let g0 = D(a, b);
  for (let k = 0; k < K; k++) {
    const c = outN(a, k);
    const g1 = g0 - D(a, c);
    if (g1 <= eps) break;
    if (c == b) continue;
    const d = succ(c);
    if (d == a) continue;
    let delta = D(b, d) - D(c, d) - g1;
    if (!symmetric) delta += reversalDelta(posOf(b), posOf(c));
    if (delta < -eps) {
      reverse(posOf(b), posOf(c));
      push(a); push(b); push(c); push(d);
      return true;
    }
  }
  // predecessor side: d c ... b a  ->  d b ... c a
  b = pred(a);
  g0 = D(b, a);
  for (let k = 0; k < K; k++) {
    const c = inN(a, k);
    const g1 = g0 - D(c, a);
    if (g1 <= eps) break;
    if (c == b) continue;
    const d = pred(c);
    if (d == a) continue;
    let delta = D(d, b) - D(d, c) - g1;
    if (!symmetric) delta += reversalDelta(posOf(c), posOf(b));
    if (delta < -eps) {
      reverse(posOf(c), posOf(b));
      push(a); push(b); push(c); push(d);
      return true;
    }
  }
  return false;
}

/**
 * Or-3opt: removes (t1,t2), (t3,t4), (t5,t6) in tour order and adds (t1,t4), (t5,t2), (t3,t6),
 * i.e. the segments t2..t3 and t4..t5 swap places, both keeping their orientation.
 */
function tryOr3(a: i32): bool {
  // a = t1, new edge a -> t4 (t4 an out-neighbour of a), new edge t5 -> t2 (t5 an in-neighbour of t2)
  const pa = posOf(a);
  let t2 = succ(a);
  let g0 = D(a, t2);
  for (let k = 0; k < K; k++) {
    const t4 = outN(a, k);
    const g1 = g0 - D(a, t4);
    if (g1 <= eps) break;
    if (t4 == t2 || t4 == a) continue;
    const p4 = posOf(t4);
    const t3 = tourAt(wrap(p4 - 1));
    const g1b = g1 + D(t3, t4);
    const span = dist(p4, pa); // t5 lies at positions p4 .. pa-1
    for (let m = 0; m < K; m++) {
      const t5 = inN(t2, m);
      const g2 = g1b - D(t5, t2);
      if (g2 <= eps) break;
      const p5 = posOf(t5);
      const s5 = dist(p4, p5);
      if (s5 >= span) continue;
      const t6 = tourAt(wrap(p5 + 1));
      const delta = D(t3, t6) - D(t5, t6) - g2;
      if (delta < -eps) {
        const p2 = wrap(pa + 1);
        exchange(p2, dist(p2, p4), s5 + 1);
        push(a); push(t2); push(t3); push(t4); push(t5); push(t6);
        return true;
      }
    }
  }
  // a = t2, new edge t5 -> a (t5 an in-neighbour of a), new edge t1 -> t4 (t4 an out-neighbour of t1)
  const t1 = pred(a);
  g0 = D(t1, a);
  for (let k = 0; k < K; k++) {
    const t5 = inN(a, k);
    const g1 = g0 - D(t5, a);
    if (g1 <= eps) break;
    if (t5 == t1 || t5 == a) continue;
    const p5 = posOf(t5);
    const t6 = tourAt(wrap(p5 + 1));
    const g1b = g1 + D(t5, t6);
    const span = dist(pa, p5); // t4 lies at positions pa+1 .. p5
    for (let m = 0; m < K; m++) {
      const t4 = outN(t1, m);
      const g2 = g1b - D(t1, t4);
      if (g2 <= eps) break;
      const s4 = dist(pa, posOf(t4));
      if (s4 < 1 || s4 > span) continue;
      const t3 = tourAt(wrap(pa + s4 - 1));
      const delta = D(t3, t6) - D(t3, t4) - g2;
      if (delta < -eps) {
        exchange(pa, s4, span - s4 + 1);
        push(a); push(t1); push(t3); push(t4); push(t5); push(t6);
        return true;
      }
    }
  }
  return false;
}

function localSearch(): void {
  while (qLen > 0) {
    const a = pop();
    if (try2opt(a) || tryOr3(a)) push(a);
  }
}

// ---------------------------------------------------------------- driver

let built: i32 = 0; // nodes placed by the nearest-neighbour construction so far
let lastNode: i32 = 0;

/**
 * Begins a search: seeds the generator and either takes the tour already in bestTourPtr()
 * (`useGiven` 1) or prepares the nearest-neighbour construction from node 0, which `construct` runs
 * in chunks. Then `descend` runs the first local search in chunks and `settle` records its result.
 */
export function begin(sym: i32, seed: u32, epsilon: f64, span: i32, useGiven: i32): void {
  setSymmetric(sym != 0);
  eps = epsilon;
  kickSpan = span;
  // murmur3's finaliser spreads nearby seeds apart; xorshift32 needs a non-zero state
  let h = seed ^ 0x9e3779b9;
  h = (h ^ (h >> 16)) * 0x85ebca6b;
  h = (h ^ (h >> 13)) * 0xc2b2ae35;
  h ^= h >> 16;
  rng = h == 0 ? 0x9e3779b9 : h;
  kicksDone = 0;
  qHead = 0;
  qLen = 0;
  stale = 0;
  walk = 0;
  walkNow = walkLen;
  memory.fill(inQPtr, 0, <usize>N);
  if (useGiven) {
    loadTour(bestPtr);
    built = N;
    queueAll();
  } else {
    // nearest neighbour: inQ doubles as the visited flag until the tour is complete
    setTour(0, 0);
    store<u8>(inQPtr, 1);
    lastNode = 0;
    built = 1;
    if (N == 1) finishConstruction();
  }
}

function queueAll(): void {
  markChanged();
  for (let k = 0; k < N; k++) push(tourAt(k));
}

function finishConstruction(): void {
  memory.fill(inQPtr, 0, <usize>N);
  queueAll();
}

/** Places up to `count` more nodes of the nearest-neighbour tour; returns how many are left to place. */
export function construct(count: i32): i32 {
  for (let c = 0; c < count && built < N; c++) {
    let best = -1;
    let bestC: f64 = Infinity;
    for (let j = 0; j < N; j++) {
      if (load<u8>(inQPtr + <usize>j)) continue;
      const cost = D(lastNode, j);
      if (best < 0 || cost < bestC) {
        best = j;
        bestC = cost;
      }
    }
    setTour(built, best);
    store<u8>(inQPtr + <usize>best, 1);
    lastNode = best;
    built++;
    if (built == N) finishConstruction();
  }
  return N - built;
}

/** Runs the local search for at most `pops` dirty nodes; returns how many are still dirty (0: a local optimum). */
export function descend(pops: i32): i32 {
  if (N < 5) {
    qHead = 0;
    qLen = 0;
    memory.fill(inQPtr, 0, <usize>N);
    return 0;
  }
  for (let c = 0; c < pops && qLen > 0; c++) {
    const a = pop();
    if (try2opt(a) || tryOr3(a)) push(a);
  }
  return qLen;
}

/** Makes the current tour the accepted and the best one (after `descend`, or when stopped early); returns its length. */
export function settle(): f64 {
  curLen = tourLength();
  bestLen = curLen;
  memory.copy(bestPtr, tourPtr, <usize>N << 2);
  memory.copy(curPtr, tourPtr, <usize>N << 2);
  return bestLen;
}

/**
 * Segment-local double bridge: three short consecutive segments X Y Z near a random position become
 * Z Y X. Four edges change at once, so no single 2-opt or Or-3opt move undoes it. Below 8 nodes two
 * segments swap places instead (a 3-change).
 */
function kick(): void {
  if (N < 8) {
    const maxLen = min(kickSpan, (N - 1) >> 1);
    const len1 = 1 + randomBelow(maxLen);
    const len2 = 1 + randomBelow(maxLen);
    const p1 = randomBelow(N);
    const p2 = wrap(p1 + len1);
    const p3 = wrap(p2 + len2);
    push(tourAt(wrap(p1 - 1)));
    push(tourAt(p1));
    push(tourAt(wrap(p2 - 1)));
    push(tourAt(p2));
    push(tourAt(wrap(p3 - 1)));
    push(tourAt(p3));
    exchange(p1, len1, len2);
    return;
  }
  const maxLen = min(kickSpan, (N - 1) / 3);
  const lenX = 1 + randomBelow(maxLen);
  const lenY = 1 + randomBelow(maxLen);
  const lenZ = 1 + randomBelow(maxLen);
  const p = randomBelow(N);
  const q = wrap(p + lenX);
  const r = wrap(q + lenY);
  const e = wrap(r + lenZ);
  push(tourAt(wrap(p - 1))); push(tourAt(p));
  push(tourAt(wrap(q - 1))); push(tourAt(q));
  push(tourAt(wrap(r - 1))); push(tourAt(r));
  push(tourAt(wrap(e - 1))); push(tourAt(e));
  reorderBlocks(p, lenX, lenY, lenZ);
}

/**
 * Runs `count` kicks, each repaired by local search; returns the best length so far. A kicked tour
 * replaces the accepted one when it is no longer (ties walk across plateaus); after `patience`
 * kicks without a change, the next `walkLen` kicked tours are accepted whatever they cost, which
 * leaves a deep local optimum (the best tour is kept apart).
 */
export function kicks(count: i32): f64 {
  if (N < 5) return bestLen;
  for (let c = 0; c < count; c++) {
    kick();
    localSearch();
    kicksDone++;
    const len = tourLength();
    if (len <= curLen || walk > 0) {
      if (walk > 0) walk--;
      stale = len < curLen ? 0 : stale + 1;
      curLen = len;
      memory.copy(curPtr, tourPtr, <usize>N << 2);
      if (len <= bestLen) {
        if (len < bestLen) walkNow = walkLen;
        bestLen = len;
        memory.copy(bestPtr, tourPtr, <usize>N << 2);
      }
    } else {
      loadTour(curPtr);
      stale++;
    }
    if (stale >= patience) {
      stale = 0;
      walk = walkNow;
      walkNow = min(walkNow << 1, max(walkLen, N >> 3));
    }
  }
  return bestLen;
}
