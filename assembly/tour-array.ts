// The tour of the local-search core (assembly/local-search.ts) as an array with a position index:
// the memory layout, the cost matrix, and the operations that rewrite the tour (segment reversal,
// block exchanges) with prefix sums of forward and backward edge costs for exact asymmetric
// reversal deltas. An array is fine up to a few thousand nodes: a move costs at most O(N) writes.

import { fillCostRuns } from './cost-runs';

export let N: i32 = 0;
export let K: i32 = 0;
export let symmetric: bool = true;

export let dPtr: usize = 0; // f64[N*N]
export let outPtr: usize = 0; // i32[N*K]: out-neighbours of i, by cost(i -> j) ascending
export let inPtr: usize = 0; // i32[N*K]: in-neighbours of i, by cost(j -> i) ascending
export let tourPtr: usize = 0; // i32[N]
export let posPtr: usize = 0; // i32[N]
export let bestPtr: usize = 0; // i32[N]
export let curPtr: usize = 0; // i32[N]: the accepted tour the kicks start from
export let queuePtr: usize = 0; // i32[N] circular
export let inQPtr: usize = 0; // u8[N]
export let tmpPtr: usize = 0; // i32[N]
export let fwPtr: usize = 0; // f64[N+1]
export let bwPtr: usize = 0; // f64[N+1]
export let scratchPtr: usize = 0; // SCRATCH_PER_NODE * N + 64 bytes for the candidate lists (alpha-nearness)
/** Bytes of scratch memory per node (see scratchPtr). */
export const SCRATCH_PER_NODE: usize = 48;
let prefixDirty: bool = true;

function align8(x: usize): usize {
  return (x + 7) & ~(<usize>7);
}

/** Lays out memory for n nodes and k neighbours each. Returns 1, or 0 when memory cannot grow. */
export function layout(n: i32, k: i32): i32 {
  if (n < 2 || k < 1 || k > n - 1) return 0;
  const base = align8(__heap_base);
  const nn = <usize>n;
  const d = base;
  const o = align8(d + nn * nn * 8);
  const ii = align8(o + nn * <usize>k * 4);
  const t = align8(ii + nn * <usize>k * 4);
  const p = align8(t + nn * 4);
  const b = align8(p + nn * 4);
  const q = align8(b + nn * 4);
  const iq = align8(q + nn * 4);
  const tm = align8(iq + nn);
  const cu = align8(tm + nn * 4);
  const fw = align8(cu + nn * 4);
  const bw = align8(fw + (nn + 1) * 8);
  const sc = align8(bw + (nn + 1) * 8);
  const end: u64 = <u64>(sc + nn * SCRATCH_PER_NODE + 64);
  if (end > (<u64>65536) * 65536) return 0;
  const pagesNeeded: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pagesNeeded > have && memory.grow(pagesNeeded - have) < 0) return 0;
  N = n;
  K = k;
  dPtr = d;
  outPtr = o;
  inPtr = ii;
  tourPtr = t;
  posPtr = p;
  bestPtr = b;
  queuePtr = q;
  inQPtr = iq;
  tmpPtr = tm;
  curPtr = cu;
  fwPtr = fw;
  bwPtr = bw;
  scratchPtr = sc;
  return 1;
}

/** Sets whether costs are symmetric: a symmetric reversal may reverse the complement instead. */
export function setSymmetric(sym: bool): void {
  symmetric = sym;
}

/** Marks the tour as rewritten outside this module's operations (the prefix sums are then stale). */
export function markChanged(): void {
  prefixDirty = true;
}

/** Makes the tour the one stored at ptr (N node indices) and rebuilds the position index. */
export function loadTour(ptr: usize): void {
  for (let k = 0; k < N; k++) setTour(k, load<i32>(ptr + (<usize>k << 2)));
  prefixDirty = true;
}

// ---------------------------------------------------------------- accessors

@inline export function D(i: i32, j: i32): f64 {
  return load<f64>(dPtr + ((<usize>i * <usize>N + <usize>j) << 3));
}
@inline export function tourAt(k: i32): i32 {
  return load<i32>(tourPtr + (<usize>k << 2));
}
@inline export function setTour(k: i32, v: i32): void {
  store<i32>(tourPtr + (<usize>k << 2), v);
  store<i32>(posPtr + (<usize>v << 2), k);
}
@inline export function posOf(v: i32): i32 {
  return load<i32>(posPtr + (<usize>v << 2));
}
@inline export function wrap(k: i32): i32 {
  return k >= N ? k - N : k < 0 ? k + N : k;
}
@inline export function succ(v: i32): i32 {
  return tourAt(wrap(posOf(v) + 1));
}
@inline export function pred(v: i32): i32 {
  return tourAt(wrap(posOf(v) - 1));
}
@inline export function outN(i: i32, k: i32): i32 {
  return load<i32>(outPtr + ((<usize>i * <usize>K + <usize>k) << 2));
}
@inline export function inN(i: i32, k: i32): i32 {
  return load<i32>(inPtr + ((<usize>i * <usize>K + <usize>k) << 2));
}
/** Steps forward from position `from` to reach position `x`. */
@inline export function dist(from: i32, x: i32): i32 {
  const s = x - from;
  return s < 0 ? s + N : s;
}

export function tourLength(): f64 {
  let s: f64 = 0;
  for (let k = 0; k < N - 1; k++) s += D(tourAt(k), tourAt(k + 1));
  return s + D(tourAt(N - 1), tourAt(0));
}

function rebuildPrefix(): void {
  fillCostRuns(tourPtr, N, true, dPtr, N, fwPtr, bwPtr);
  prefixDirty = false;
}

/** Cost change of reversing the path at positions i..j (cyclic): backward minus forward cost. */
export function reversalDelta(i: i32, j: i32): f64 {
  if (prefixDirty) rebuildPrefix();
  const fi = load<f64>(fwPtr + (<usize>i << 3));
  const fj = load<f64>(fwPtr + (<usize>j << 3));
  const bi = load<f64>(bwPtr + (<usize>i << 3));
  const bj = load<f64>(bwPtr + (<usize>j << 3));
  if (i <= j) return bj - bi - (fj - fi);
  const fN = load<f64>(fwPtr + (<usize>N << 3));
  const bN = load<f64>(bwPtr + (<usize>N << 3));
  return bN - bi + bj - (fN - fi + fj);
}

/** Reverses the path at positions i..j (cyclic); symmetric costs may reverse the complement instead. */
export function reverse(i: i32, j: i32): void {
  let len = dist(i, j) + 1;
  if (symmetric && 2 * len > N) {
    const ni = wrap(j + 1);
    j = wrap(i - 1);
    i = ni;
    len = N - len;
  }
  for (let s = 0; s < (len >> 1); s++) {
    const a = tourAt(i);
    const b = tourAt(j);
    setTour(i, b);
    setTour(j, a);
    i = wrap(i + 1);
    j = wrap(j - 1);
  }
  prefixDirty = true;
}

/** Swaps the consecutive blocks X (lenX positions from p) and Y (the next lenY positions). */
function swapBlocks(p: i32, lenX: i32, lenY: i32): void {
  const total = lenX + lenY;
  for (let s = 0; s < total; s++) store<i32>(tmpPtr + (<usize>s << 2), tourAt(wrap(p + s)));
  let k = p;
  for (let s = lenX; s < total; s++) {
    setTour(k, load<i32>(tmpPtr + (<usize>s << 2)));
    k = wrap(k + 1);
  }
  for (let s = 0; s < lenX; s++) {
    setTour(k, load<i32>(tmpPtr + (<usize>s << 2)));
    k = wrap(k + 1);
  }
  prefixDirty = true;
}

/** P1 P2 P3 -> P2 P1 P3 (cyclic), moving the fewest nodes: P1 starts at p1 with len1, P2 follows. */
export function exchange(p1: i32, len1: i32, len2: i32): void {
  const len3 = N - len1 - len2;
  if (len3 >= len1 && len3 >= len2) swapBlocks(p1, len1, len2);
  else if (len1 >= len2) swapBlocks(wrap(p1 + len1), len2, len3); // P1 P3 P2
  else swapBlocks(wrap(p1 + len1 + len2), len3, len1); // P2 P3 P1 -> P2 P1 P3
}

/** Writes the consecutive blocks X Y Z (lengths from p) back as Z Y X, each keeping its orientation. */
export function reorderBlocks(p: i32, lenX: i32, lenY: i32, lenZ: i32): void {
  const total = lenX + lenY + lenZ;
  for (let s = 0; s < total; s++) store<i32>(tmpPtr + (<usize>s << 2), tourAt(wrap(p + s)));
  let k = p;
  for (let s = lenX + lenY; s < total; s++) {
    setTour(k, load<i32>(tmpPtr + (<usize>s << 2)));
    k = wrap(k + 1);
  }
  for (let s = lenX; s < lenX + lenY; s++) {
    setTour(k, load<i32>(tmpPtr + (<usize>s << 2)));
    k = wrap(k + 1);
  }
  for (let s = 0; s < lenX; s++) {
    setTour(k, load<i32>(tmpPtr + (<usize>s << 2)));
    k = wrap(k + 1);
  }
  prefixDirty = true;
}
