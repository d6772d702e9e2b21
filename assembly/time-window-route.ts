// The route of the time-window search (time-windows.ts): its memory layout, the problem's arrays,
// the current route r[0..L) with its schedule and backward summaries (refresh; refreshChanged after a
// change inside a range recomputes only what can differ), and the route state
// the other parts share (finish, cost, dropped stops, the accepted and the best route). The header of
// time-windows.ts derives the summaries.

import { fillCostRuns } from './cost-runs';

export const INF: f64 = Infinity;
export const NEG: f64 = -Infinity;

export let n: i32 = 0;
export let K: i32 = 0;
export let startNode: i32 = 0;
export let fixedEnd: i32 = -1;
export let closed: bool = true;
export let startAt: f64 = 0;
export let endBy: f64 = INF;
export let eps: f64 = 1e-9;
/**
 * The objective's weight w on the route's cost: 0, the earliest finish, ties by the cheaper route; w > 0,
 * the least finish + w x cost (the costs are then travel seconds: each second of travel counts 1 + w
 * times, a second of waiting once), ties by the cheaper route.
 */
export let costWeight: f64 = 0;

export let tPtr: usize = 0; // f64[n*n] travel time
export let cPtr: usize = 0; // f64[n*n] cost
export let sPtr: usize = 0; // f64[n] service
export let wOffPtr: usize = 0; // i32[n+1] windows of v: wOff[v] .. wOff[v+1]
export let wPtr: usize = 0; // f64[2W] open, close (sorted, disjoint per stop)
export let firstWinPtr: usize = 0; // f64[2n] v's first window (open, close); (NEG, INF) without windows (indexWindows)
export let outPtr: usize = 0; // i32[n*K] nearest successors by travel time
export let inPtr: usize = 0; // i32[n*K] nearest predecessors
export let rPtr: usize = 0; // i32[n+1] the route
export let posPtr: usize = 0; // i32[n] position of v, -1 when not in the route
export let depPtr: usize = 0; // f64[n+1]
export let ldPtr: usize = 0;
export let aPtr: usize = 0;
export let bPtr: usize = 0;
export let multiPtr: usize = 0; // i32[n+1]
export let fwdPtr: usize = 0; // f64[n+1] fwd[k] = cost of r[0] -> .. -> r[k]
export let bwdPtr: usize = 0; // f64[n+1] bwd[k] = cost of r[k] -> .. -> r[0] (each edge reversed)
export let runFwdPtr: usize = 0; // f64[n+1] the route's time without waiting from r[0] to the service end at r[k]
export let runBwdPtr: usize = 0; // f64[n+1] the same with every travel reversed and each service at the edge's head
export let xPtr: usize = 0; // i32[n+1] scratch route
export let curPtr: usize = 0; // i32[n+1] accepted route
export let bestPtr: usize = 0; // i32[n+1] best route of this lane (the search's since its last restart)
export let topPtr: usize = 0; // i32[n+1] best route of all lanes
export let firstPtr: usize = 0; // i32[n+1] the first local optimum (each lane starts from it)
export let orderPtr: usize = 0; // i32[n] insertion order
export let dropPtr: usize = 0; // i32[n] dropped stops of the route
export let curDropPtr: usize = 0;
export let bestDropPtr: usize = 0;
export let topDropPtr: usize = 0;
export let firstDropPtr: usize = 0;
export let keyPtr: usize = 0; // f64[n] scratch keys
export let markPtr: usize = 0; // i32[n] scratch marks
export let listPtr: usize = 0; // i32[n] stops to reinsert
export let activePtr: usize = 0; // i32[n] 1 when the stop's moves are to be tried
export let triedPtr: usize = 0; // i32[n+1] the tag of the last segment each place was tried for (improveAt)
export let savePtr: usize = 0; // i32[n+1] the route before a trial (ejection, time-window-eject.ts)
export let chainSavePtr: usize = 0; // i32[n+1] the best route of an ejection chain so far (time-window-eject.ts)

export let L: i32 = 0;
export let finish: f64 = 0;
/** Travel from the route's last stop back to the start (0 on a route that does not return). */
export let closingTime: f64 = 0;
export let cost: f64 = 0;
export let nDrop: i32 = 0;
export let curL: i32 = 0;
export let curFinish: f64 = 0;
export let curCost: f64 = 0;
export let curNDrop: i32 = 0;
export let bestL: i32 = 0;
export let bestFinish: f64 = 0;
export let bestCost: f64 = 0;
export let bestNDrop: i32 = 0;
export let topL: i32 = 0;
export let topFinish: f64 = 0;
export let topCost: f64 = 0;
export let topNDrop: i32 = 0;
export let firstL: i32 = 0;
export let firstFinish: f64 = 0;
export let firstCost: f64 = 0;
export let firstNDrop: i32 = 0;

// pieces of a candidate (time-window-moves.ts): kind, from, to of each
export const MAXP: i32 = 6;
export let pcPtr: usize = 0; // i32[3 * MAXP]: kind, from, to of each piece
/** The end of this layout (prepare): other parts lay their memory out after it. */
export let heapEnd: usize = 0;

function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

/** Lays out memory for n stops, W windows in all, K neighbours. Returns 1, or 0 when memory cannot grow. */
export function prepare(nn: i32, windowCount: i32, k: i32): i32 {
  if (nn < 1 || k < 0 || k > nn) return 0;
  const n8 = <usize>nn;
  const m = n8 + 1;
  let p = align8(__heap_base);
  const t = p; p = align8(p + n8 * n8 * 8);
  const c = p; p = align8(p + n8 * n8 * 8);
  const s = p; p = align8(p + n8 * 8);
  const wo = p; p = align8(p + m * 4);
  const w = p; p = align8(p + <usize>windowCount * 16);
  const fw1 = p; p = align8(p + n8 * 16);
  const o = p; p = align8(p + n8 * <usize>k * 4);
  const ii = p; p = align8(p + n8 * <usize>k * 4);
  const r = p; p = align8(p + m * 4);
  const ps = p; p = align8(p + n8 * 4);
  const d = p; p = align8(p + m * 8);
  const ld = p; p = align8(p + m * 8);
  const a = p; p = align8(p + m * 8);
  const b = p; p = align8(p + m * 8);
  const mu = p; p = align8(p + m * 4);
  const fw = p; p = align8(p + m * 8);
  const bw = p; p = align8(p + m * 8);
  const rf = p; p = align8(p + m * 8);
  const rb = p; p = align8(p + m * 8);
  const x = p; p = align8(p + m * 4);
  const cu = p; p = align8(p + m * 4);
  const be = p; p = align8(p + m * 4);
  const tp = p; p = align8(p + m * 4);
  const fr = p; p = align8(p + m * 4);
  const or = p; p = align8(p + n8 * 4);
  const dr = p; p = align8(p + n8 * 4);
  const cd = p; p = align8(p + n8 * 4);
  const bd = p; p = align8(p + n8 * 4);
  const td = p; p = align8(p + n8 * 4);
  const fd = p; p = align8(p + n8 * 4);
  const ky = p; p = align8(p + n8 * 8);
  const pc = p; p = align8(p + <usize>(MAXP * 12));
  const mk = p; p = align8(p + n8 * 4);
  const ls = p; p = align8(p + n8 * 4);
  const ac = p; p = align8(p + n8 * 4);
  const sv = p; p = align8(p + m * 4);
  const cs = p; p = align8(p + m * 4);
  const tr = p; p = align8(p + m * 4);
  const end: u64 = <u64>p;
  heapEnd = p;
  if (end > (<u64>65536) * 65536) return 0;
  const pages: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pages > have && memory.grow(pages - have) < 0) return 0;
  n = nn;
  K = k;
  tPtr = t; cPtr = c; sPtr = s; wOffPtr = wo; wPtr = w; firstWinPtr = fw1; outPtr = o; inPtr = ii; rPtr = r; posPtr = ps;
  depPtr = d; ldPtr = ld; aPtr = a; bPtr = b; multiPtr = mu; xPtr = x; curPtr = cu; bestPtr = be;
  markPtr = mk; listPtr = ls; activePtr = ac; savePtr = sv; chainSavePtr = cs; triedPtr = tr; orderPtr = or; dropPtr = dr; curDropPtr = cd; bestDropPtr = bd; keyPtr = ky; pcPtr = pc; fwdPtr = fw; bwdPtr = bw;
  runFwdPtr = rf; runBwdPtr = rb;
  topPtr = tp; topDropPtr = td; firstPtr = fr; firstDropPtr = fd;
  return 1;
}

// ---------------------------------------------------------------- accessors

@inline export function T(i: i32, j: i32): f64 { return load<f64>(tPtr + ((<usize>i * <usize>n + <usize>j) << 3)); }
@inline export function C(i: i32, j: i32): f64 { return load<f64>(cPtr + ((<usize>i * <usize>n + <usize>j) << 3)); }
@inline export function S(v: i32): f64 { return load<f64>(sPtr + (<usize>v << 3)); }
@inline export function rAt(k: i32): i32 { return load<i32>(rPtr + (<usize>k << 2)); }
@inline export function setR(k: i32, v: i32): void { store<i32>(rPtr + (<usize>k << 2), v); }
@inline export function posOf(v: i32): i32 { return load<i32>(posPtr + (<usize>v << 2)); }
@inline export function depAt(k: i32): f64 { return load<f64>(depPtr + (<usize>k << 3)); }
@inline export function ldAt(k: i32): f64 { return load<f64>(ldPtr + (<usize>k << 3)); }
@inline export function aAt(k: i32): f64 { return load<f64>(aPtr + (<usize>k << 3)); }
@inline export function bAt(k: i32): f64 { return load<f64>(bPtr + (<usize>k << 3)); }
@inline export function multiAt(k: i32): i32 { return load<i32>(multiPtr + (<usize>k << 2)); }
/** The first opening of v's windows; NEG without windows (indexWindows). */
@inline export function firstOpen(v: i32): f64 { return load<f64>(firstWinPtr + (<usize>v << 4)); }
@inline export function wOff(v: i32): i32 { return load<i32>(wOffPtr + (<usize>v << 2)); }
@inline export function wOpen(k: i32): f64 { return load<f64>(wPtr + (<usize>k << 4)); }
@inline export function wClose(k: i32): f64 { return load<f64>(wPtr + (<usize>k << 4) + 8); }
@inline export function outN(v: i32, k: i32): i32 { return load<i32>(outPtr + ((<usize>v * <usize>K + <usize>k) << 2)); }
@inline export function inN(v: i32, k: i32): i32 { return load<i32>(inPtr + ((<usize>v * <usize>K + <usize>k) << 2)); }
/** Last position whose stop may move (a fixed end stays last). */
@inline export function lastMovable(): i32 { return fixedEnd >= 0 ? L - 2 : L - 1; }

/**
 * Copies each stop's first window to firstWinPtr (after the caller filled the windows): earliest() reads
 * one record for the usual stop with one window or none.
 */
export function indexWindows(): void {
  for (let v = 0; v < n; v++) {
    const at = firstWinPtr + (<usize>v << 4);
    const k = wOff(v);
    const none = k == wOff(v + 1);
    store<f64>(at, none ? NEG : wOpen(k));
    store<f64>(at + 8, none ? INF : wClose(k));
  }
}

/**
 * The earliest service start at v for an arrival at t; INF when every window has closed. Without windows
 * the first window is (NEG, INF), so max(t, NEG) = t.
 */
export function earliest(v: i32, t: f64): f64 {
  const at = firstWinPtr + (<usize>v << 4);
  if (t <= load<f64>(at + 8)) return max(t, load<f64>(at));
  const e = wOff(v + 1);
  for (let k = wOff(v) + 1; k < e; k++) if (t <= wClose(k)) return max(t, wOpen(k));
  return INF;
}

/** The latest service start at v no later than `bound` inside a window; NEG when none. */
export function latestStart(v: i32, bound: f64): f64 {
  const e = wOff(v + 1);
  let k = wOff(v);
  if (k == e) return bound;
  let best = NEG;
  for (; k < e; k++) if (wOpen(k) <= bound) best = min(wClose(k), bound);
  return best;
}

@inline export function closeFrom(last: i32, t: f64): f64 {
  return closed ? t + T(last, startNode) : t;
}

// ---------------------------------------------------------------- the current route

/** Recomputes positions, departures, finish, cost and the backward summaries of r[0..L). */
export function refresh(): void {
  memory.fill(posPtr, 0xff, <usize>n << 2);
  store<i32>(posPtr + (<usize>rAt(0) << 2), 0);
  store<f64>(depPtr, startAt);
  store<f64>(runFwdPtr, 0);
  store<f64>(runBwdPtr, 0);
  store<f64>(fwdPtr, 0);
  store<f64>(bwdPtr, 0);
  refreshChanged(1, L, 0);
}

/**
 * refresh() after a change inside r[lo..hi): r[0..lo) is as before (lo >= 1) and r[hi..L) is the old
 * r[hi - shift..L - shift), shift = L - the old L. Recomputes only what can differ, with the same
 * operations in the same order as refresh(), so the same values: positions, departures and runs from lo
 * on; the backward summaries below hi (those from hi on move by shift). A stop taken out of the route
 * keeps its position: the caller sets it to -1 (unplace).
 */
export function refreshChanged(lo: i32, hi: i32, shift: i32): void {
  if (shift != 0 && hi < L) {
    const from = <usize>(hi - shift);
    const count = <usize>(L - hi);
    memory.copy(ldPtr + (<usize>hi << 3), ldPtr + (from << 3), count << 3);
    memory.copy(aPtr + (<usize>hi << 3), aPtr + (from << 3), count << 3);
    memory.copy(bPtr + (<usize>hi << 3), bPtr + (from << 3), count << 3);
    memory.copy(multiPtr + (<usize>hi << 2), multiPtr + (from << 2), count << 2);
  }
  for (let k = lo; k < L; k++) store<i32>(posPtr + (<usize>rAt(k) << 2), k);
  let t = depAt(lo - 1);
  let rf = load<f64>(runFwdPtr + (<usize>(lo - 1) << 3));
  let rb = load<f64>(runBwdPtr + (<usize>(lo - 1) << 3));
  for (let k = lo; k < L; k++) {
    const u = rAt(k - 1);
    const v = rAt(k);
    t = earliest(v, t + T(u, v)) + S(v);
    store<f64>(depPtr + (<usize>k << 3), t);
    rf += T(u, v) + S(v);
    rb += T(v, u) + S(u);
    store<f64>(runFwdPtr + (<usize>k << 3), rf);
    store<f64>(runBwdPtr + (<usize>k << 3), rb);
  }
  t = depAt(L - 1);
  // the cost runs (fwd/bwd) sum the same edges in the same order as this loop did before them
  fillCostRuns(rPtr, L, false, cPtr, n, fwdPtr, bwdPtr, lo - 1);
  let c = load<f64>(fwdPtr + (<usize>(L - 1) << 3));
  const last = rAt(L - 1);
  const tau = closed && L > 1 ? T(last, startNode) : 0; // a route of the start alone goes nowhere
  finish = t + tau;
  closingTime = tau;
  if (closed && L > 1) c += C(last, startNode);
  cost = c;
  let top = hi - 1; // the backward summaries from top down
  if (hi >= L) {
    const j = L - 1;
    store<f64>(ldPtr + (<usize>j << 3), endBy - tau);
    store<f64>(aPtr + (<usize>j << 3), tau);
    store<f64>(bPtr + (<usize>j << 3), NEG);
    store<i32>(multiPtr + (<usize>j << 2), 0);
    top = L - 2;
  }
  for (let i = top; i >= 0; i--) {
    const v = rAt(i + 1);
    const tv = T(rAt(i), v);
    const s = S(v);
    const nw = wOff(v + 1) - wOff(v);
    const bound = ldAt(i + 1) - s;
    // latestStart(v, bound), read from the first-window record when v has one window or none (the same value)
    let ls: f64;
    if (nw == 0) ls = bound;
    else if (nw == 1) {
      const at = firstWinPtr + (<usize>v << 4);
      ls = load<f64>(at) <= bound ? min(load<f64>(at + 8), bound) : NEG;
    } else ls = latestStart(v, bound);
    store<f64>(ldPtr + (<usize>i << 3), ls - tv);
    if (nw <= 1 && multiAt(i + 1) == 0) {
      const open = nw == 1 ? firstOpen(v) : NEG;
      const a1 = aAt(i + 1);
      store<f64>(aPtr + (<usize>i << 3), tv + s + a1);
      store<f64>(bPtr + (<usize>i << 3), max(open + s + a1, bAt(i + 1)));
      store<i32>(multiPtr + (<usize>i << 2), 0);
    } else store<i32>(multiPtr + (<usize>i << 2), 1);
  }
}

/** Marks v as out of the route (after refreshChanged took it out). */
export function unplace(v: i32): void {
  store<i32>(posPtr + (<usize>v << 2), -1);
}
