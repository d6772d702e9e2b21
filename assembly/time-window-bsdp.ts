// A Balas–Simonetti dynamic-programming neighbourhood for the time-window search (time-windows.ts):
// given a sequence s[0..len) (the start first, a fixed end last when there is one), it finds the best
// route among ALL reorderings of the inner stops in which a stop at place a still comes before one at
// place b whenever a + k <= b (Balas & Simonetti 2001, "Linear time dynamic-programming algorithms for
// new classes of restricted TSPs"). Inner places are 1..m (m inner stops); place 0 is the start.
//
// After t stops are placed, the set P of places taken contains every place <= t - k and none >= t + k,
// so it is given by a mask over the 2k - 1 places b..b+2k-2, b = t - k + 1 (places below 1 count as
// taken): k bits set, the lowest clear bit z >= 1 and no set bit at or above z + k (the place b + z is
// the first not taken, and nothing k places past it may come first). There are exactly 2^(k-1) such
// masks; with the last stop (one of the k set bits) a state is (t, mask, last), k·2^(k-1) per t. Placing
// the place b + i (bit i clear, i < z + k, b + i <= m) gives the mask (M | 1 << i) >> 1 at t + 1, whose
// index a precomputed table gives. Each state keeps the earliest departure from its last stop (ties by
// the cheaper cost so far; with the weight w > 0, the least departure + w x cost, a heuristic that the
// caller checks by the full evaluation): time is monotone (waiting allowed, service starts inside a
// window, earliest() is non-decreasing), so for the earliest finish the DP is exact for the
// neighbourhood. O(m·k²·2^(k-1)) transitions, fewer when windows kill states. Back-pointers (u16) per
// layer give the order.
//
// The driver (time-windows.ts) polishes with it each local optimum that may become the best route (as
// many stops dropped as the best and a finish no later, or fewer dropped): the DP reaches reorderings of
// many stops at once that Or-opt, 2-opt and swap cannot, and its route is taken when better. Each route
// is polished once (a table of route hashes). Measured on bench:windows' 15 days, seeds 1-60, against a
// fixed reference (bench/RESULTS.md): see BSDP_K in time-windows.ts.

import {
  C, INF, L, S, T, closed, cost, costWeight, earliest, endBy, eps, finish, fixedEnd, n, rAt, rPtr, refresh,
  startAt, startNode,
} from './time-window-route';
import { activate } from './time-window-moves';

/** The largest k the tables take (back-pointers are u16: k·2^(k-1) < 65536). */
export const BSDP_MAX_K: i32 = 11;

let K: i32 = 0; // the k of the tables; 0: the neighbourhood is off
let nMasks: i32 = 0;
let stride: i32 = 0; // states per layer: nMasks * K
let masksPtr: usize = 0; // i32[nMasks], ascending
let servePtr: usize = 0; // i32[nMasks * 2K]: the next layer's state when bit i is placed (and last), -1: not allowed
let toPtr: usize = 0; // i32[nMasks * 2K]: its mask index
let lbPtr: usize = 0; // f64[n + 1] per place: service + the least travel time into it from a place it may follow
let sufPtr: usize = 0; // f64[n + 2] suffix sums of lb
let restPtr: usize = 0; // f64[nMasks] the lower bound of the places not yet placed, per mask of the next layer
let dCur: usize = 0; // f64[stride] departure
let cCur: usize = 0; // f64[stride] cost so far
let dNxt: usize = 0;
let cNxt: usize = 0;
let backPtr: usize = 0; // u16[(n + 1) * stride]: the state before
let seqPtr: usize = 0; // i32[n + 1] the sequence the DP reorders
let resPtr: usize = 0; // i32[n + 1] its best reordering
let seenPtr: usize = 0; // u32[SEEN] hashes of routes already polished
let seenFirstPtr: usize = 0; // u32[SEEN] the hashes at the first local optimum (bsdpKeepSeen)

const SEEN: i32 = 4096;

/** The end of the DP's memory (bsdpPrepare): later parts lay theirs out from here. */
export let dpHeapEnd: usize = 0;

/** Forgets which routes were polished (a new problem). */
function bsdpForget(): void {
  memory.fill(seenPtr, 0, <usize>SEEN << 2);
}

/** Keeps which routes were polished up to now (the first local optimum), for bsdpRestoreSeen. */
export function bsdpKeepSeen(): void {
  memory.copy(seenFirstPtr, seenPtr, <usize>SEEN << 2);
}

/** Back to the routes polished at bsdpKeepSeen (a new lane of the search starts as the first did). */
export function bsdpRestoreSeen(): void {
  memory.copy(seenPtr, seenFirstPtr, <usize>SEEN << 2);
}

/** The finish and cost of the DP's best reordering (bsdpRun). */
export let dpFinish: f64 = 0;
export let dpCost: f64 = 0;

function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

/**
 * Lays the DP's tables out from `base` for n stops and builds the mask tables for k (0 turns the
 * neighbourhood off; k is clamped to 2..BSDP_MAX_K). Returns the end of its memory, or 0 when memory
 * cannot grow.
 */
export function bsdpPrepare(base: usize, k: i32): usize {
  K = k <= 0 ? 0 : min(BSDP_MAX_K, max(2, k));
  dpHeapEnd = base;
  if (K == 0) return base;
  nMasks = 1 << (K - 1);
  stride = nMasks * K;
  const m = <usize>n + 1;
  let p = align8(base);
  masksPtr = p; p = align8(p + (<usize>nMasks << 2));
  servePtr = p; p = align8(p + (<usize>(nMasks * 2 * K) << 2));
  toPtr = p; p = align8(p + (<usize>(nMasks * 2 * K) << 2));
  lbPtr = p; p = align8(p + (m << 3));
  sufPtr = p; p = align8(p + ((m + 1) << 3));
  restPtr = p; p = align8(p + (<usize>nMasks << 3));
  dCur = p; p = align8(p + (<usize>stride << 3));
  cCur = p; p = align8(p + (<usize>stride << 3));
  dNxt = p; p = align8(p + (<usize>stride << 3));
  cNxt = p; p = align8(p + (<usize>stride << 3));
  backPtr = p; p = align8(p + ((m * <usize>stride) << 1));
  seqPtr = p; p = align8(p + (m << 2));
  resPtr = p; p = align8(p + (m << 2));
  seenPtr = p; p = align8(p + (<usize>SEEN << 2));
  seenFirstPtr = p; p = align8(p + (<usize>SEEN << 2));
  const end: u64 = <u64>p;
  if (end > (<u64>65536) * 65536) return 0;
  const pages: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  buildMasks();
  bsdpForget();
  dpHeapEnd = p;
  return p;
}

@inline function maskAt(i: i32): i32 { return load<i32>(masksPtr + (<usize>i << 2)); }

/** The masks (k bits set, lowest clear bit z >= 1, no set bit at or above z + k), ascending; and the transitions. */
function buildMasks(): void {
  let count = 0;
  const top = 1 << (2 * K - 1);
  for (let M = 0; M < top; M++) {
    if (<i32>popcnt(M) != K) continue;
    const z = <i32>ctz(~M);
    if (z < 1 || M >= 1 << (z + K)) continue;
    store<i32>(masksPtr + (<usize>count << 2), M);
    count++;
  }
  for (let mi = 0; mi < nMasks; mi++) {
    const M = maskAt(mi);
    const z = <i32>ctz(~M);
    for (let i = 0; i < 2 * K; i++) {
      let to = -1;
      if ((M & (1 << i)) == 0 && i < z + K) to = indexOf((M | (1 << i)) >> 1);
      // the placed stop is bit i - 1 (i >= z >= 1) of the next mask: its rank among the set bits
      const s2 = to < 0 ? -1 : to * K + <i32>popcnt(maskAt(to) & ((1 << (i - 1)) - 1));
      store<i32>(servePtr + (<usize>(mi * 2 * K + i) << 2), s2);
      store<i32>(toPtr + (<usize>(mi * 2 * K + i) << 2), to);
    }
  }
}

/** The index of mask M (binary search), -1 when it is not one. */
function indexOf(M: i32): i32 {
  let lo = 0;
  let hi = nMasks - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = maskAt(mid);
    if (x == M) return mid;
    if (x < M) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

@inline function seqAt(k: i32): i32 { return load<i32>(seqPtr + (<usize>k << 2)); }

/** The sequence the DP reorders (tests): i32[n + 1]. */
export function bsdpSequencePtr(): usize { return seqPtr; }
/** The DP's best reordering (tests): i32[n + 1]. */
export function bsdpResultPtr(): usize { return resPtr; }

/** The least departure (with w: departure + w x cost), then the least cost. */
@inline function better(d: f64, c: f64, d0: f64, c0: f64): bool {
  const dv = d - d0 + costWeight * (c - c0);
  return dv < -eps || (dv <= eps && c < c0);
}

/** Every state of a layer unreached (departure INF, cost 0). */
function clearLayer(d: usize, c: usize): void {
  for (let s = 0; s < stride; s++) store<f64>(d + (<usize>s << 3), INF);
  memory.fill(c, 0, <usize>stride << 3);
}

@inline function lbAt(p: i32): f64 { return load<f64>(lbPtr + (<usize>p << 3)); }
@inline function sufAt(p: i32): f64 { return load<f64>(sufPtr + (<usize>p << 3)); }

/**
 * The lower bounds for pruning against an incumbent: each inner place's service plus the least travel
 * into it from a place within 2k - 1 of it (a stop's predecessor in any order of the neighbourhood is
 * that near: the places between them come before the one or after the other), their suffix sums, and
 * the least close (to the fixed end, or back to the start) from the last k places.
 */
function fillBounds(len: i32, m: i32): f64 {
  const reach = 2 * K - 1;
  for (let p = 1; p <= m; p++) {
    const v = seqAt(p);
    let least = INF;
    for (let q = max(0, p - reach); q <= min(m, p + reach); q++) if (q != p) least = min(least, T(seqAt(q), v));
    store<f64>(lbPtr + (<usize>p << 3), S(v) + least);
  }
  let acc: f64 = 0;
  store<f64>(sufPtr + (<usize>(m + 1) << 3), 0);
  for (let p = m; p >= 1; p--) {
    acc += lbAt(p);
    store<f64>(sufPtr + (<usize>p << 3), acc);
  }
  if (fixedEnd < 0 && !closed) return 0;
  const to = fixedEnd >= 0 ? seqAt(len - 1) : startNode;
  let least = INF;
  for (let q = max(1, m - K + 1); q <= m; q++) least = min(least, T(seqAt(q), to));
  return least + (fixedEnd >= 0 ? S(to) : 0);
}

/**
 * Runs the DP on seq[0..len) (seq[0] the start; seq[len-1] the fixed end when there is one). Writes the
 * best reordering into res[0..len), its finish and cost into dpFinish and dpCost, and returns true; false
 * when no reordering in the neighbourhood is feasible. `bound`: only reorderings whose finish + w x cost
 * is at most this are sought (states that a lower bound puts past it are pruned; INF: none).
 */
export function bsdpRun(len: i32, bound: f64): bool {
  const m = fixedEnd >= 0 ? len - 2 : len - 1; // inner places 1..m
  if (K == 0 || m < 1) return false;
  const k2 = 2 * K;
  const prune = bound < INF;
  const closeLb = prune ? fillBounds(len, m) : 0;
  clearLayer(dCur, cCur);
  // t = 0: the places 1-k..0 are taken (the identity mask, index 0 of the ascending list), the start (bit k-1) is last
  const id0 = indexOf((1 << K) - 1);
  store<f64>(dCur + (<usize>(id0 * K + K - 1) << 3), startAt);
  for (let t = 0; t < m; t++) {
    const b = t - K + 1;
    clearLayer(dNxt, cNxt);
    const back = backPtr + ((<usize>(t + 1) * <usize>stride) << 1);
    // places past m do not exist: bit i allowed only when b + i <= m
    const free0 = (1 << min(k2, m - b + 1)) - 1;
    if (prune) {
      // per mask of layer t + 1 (base b + 1): the bound of its places not yet placed, and the close
      const b1 = b + 1;
      const top = min(m + 1, b1 + k2 - 1);
      for (let mi = 0; mi < nMasks; mi++) {
        let rest = sufAt(top) + closeLb;
        for (let free = ~maskAt(mi) & ((1 << (k2 - 1)) - 1); free != 0; free &= free - 1) {
          const p = b1 + <i32>ctz(free);
          if (p > m) break;
          if (p < 1) continue; // unreachable masks only
          rest += lbAt(p);
        }
        store<f64>(restPtr + (<usize>mi << 3), rest);
      }
    }
    let alive = false;
    for (let mi = 0; mi < nMasks; mi++) {
      const M = maskAt(mi);
      const row = servePtr + (<usize>(mi * k2) << 2);
      let r = 0;
      for (let x = M; x != 0; x &= x - 1) {
        const s = mi * K + r;
        r++;
        const d = load<f64>(dCur + (<usize>s << 3));
        if (d == INF) continue;
        const cs = load<f64>(cCur + (<usize>s << 3));
        const last = seqAt(b + <i32>ctz(x));
        for (let free = ~M & free0; free != 0; free &= free - 1) {
          const i = <i32>ctz(free);
          const s2 = load<i32>(row + (<usize>i << 2));
          if (s2 < 0) continue;
          const to = load<i32>(row - servePtr + toPtr + (<usize>i << 2));
          const v = seqAt(b + i);
          const st = earliest(v, d + T(last, v));
          if (st == INF) continue;
          const nd = st + S(v);
          if (nd > endBy) continue;
          const nc = cs + C(last, v);
          if (prune && nd + costWeight * nc + load<f64>(restPtr + (<usize>to << 3)) > bound) continue;
          const at = <usize>s2 << 3;
          const dd = load<f64>(dNxt + at);
          if (dd != INF && !better(nd, nc, dd, load<f64>(cNxt + at))) continue;
          store<f64>(dNxt + at, nd);
          store<f64>(cNxt + at, nc);
          store<u16>(back + (<usize>s2 << 1), <u16>s);
          alive = true;
        }
      }
    }
    if (!alive) return false;
    let sw = dCur; dCur = dNxt; dNxt = sw;
    sw = cCur; cCur = cNxt; cNxt = sw;
  }
  // the close: the identity mask at t = m, any last stop, then the fixed end and the way back
  const b = m - K + 1;
  let bestS = -1;
  let bestF = INF;
  let bestC = INF;
  for (let r = 0; r < K; r++) {
    const s = id0 * K + r;
    let f = load<f64>(dCur + (<usize>s << 3));
    if (f == INF) continue;
    let c = load<f64>(cCur + (<usize>s << 3));
    let last = seqAt(b + r);
    if (fixedEnd >= 0) {
      const e = seqAt(len - 1);
      f = earliest(e, f + T(last, e)) + S(e);
      c += C(last, e);
      last = e;
    }
    if (f == INF) continue;
    if (closed) {
      f += T(last, startNode);
      c += C(last, startNode);
    }
    if (f > endBy) continue;
    if (bestS < 0 || better(f, c, bestF, bestC)) {
      bestS = s;
      bestF = f;
      bestC = c;
    }
  }
  if (bestS < 0) return false;
  dpFinish = bestF;
  dpCost = bestC;
  memory.copy(resPtr, seqPtr, <usize>len << 2);
  // back through the layers: the stop placed at layer t is its state's last
  let s = bestS;
  for (let t = m; t >= 1; t--) {
    let x = maskAt(s / K);
    for (let q = s % K; q > 0; q--) x &= x - 1;
    store<i32>(resPtr + (<usize>t << 2), seqAt(t - K + 1 + <i32>ctz(x)));
    s = <i32>load<u16>(backPtr + ((<usize>t * <usize>stride + <usize>s) << 1));
  }
  return true;
}

// ---------------------------------------------------------------- polish

/** An FNV-1a hash of the route. */
function routeHash(): u32 {
  let h: u32 = 0x811c9dc5;
  for (let k = 0; k < L; k++) h = (h ^ <u32>rAt(k)) * 0x01000193;
  return h == 0 ? 1 : h;
}

/** True when h was seen before; records it. A direct-mapped table: a collision only costs a DP run. */
function seenBefore(h: u32): bool {
  const at = seenPtr + (<usize>(h & <u32>(SEEN - 1)) << 2);
  if (load<u32>(at) == h) return true;
  store<u32>(at, h);
  return false;
}

/**
 * Polish: the DP's best reordering of the current route, taken when it is better (finish + w x cost,
 * then cost); the stops whose neighbours changed become active. Runs once per route (hashed). True
 * when taken.
 */
export function polish(): bool {
  if (K == 0 || L < 3 || seenBefore(routeHash())) return false;
  memory.copy(seqPtr, rPtr, <usize>L << 2);
  if (!bsdpRun(L, finish + costWeight * cost + eps)) return false;
  const dv = dpFinish - finish + costWeight * (dpCost - cost);
  if (dv > -eps && !(dv <= eps && dpCost < cost - 1e-9 * (1 + cost))) return false;
  for (let p = 1; p < L; p++) {
    const v = load<i32>(resPtr + (<usize>p << 2));
    if (rAt(p) == v) continue;
    activate(v);
    activate(load<i32>(resPtr + (<usize>(p - 1) << 2)));
    if (p + 1 < L) activate(load<i32>(resPtr + (<usize>(p + 1) << 2)));
  }
  memory.copy(rPtr, resPtr, <usize>L << 2);
  refresh();
  return true;
}
