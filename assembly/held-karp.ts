// Exact Held-Karp dynamic programming over int32 costs, for asymmetric matrices.
//
// The TypeScript side reduces every variant (closed tour from a start, open path to a fixed end,
// open path to any end) to one kernel over the m "inner" nodes that lie strictly between the
// start and the end of the route:
//
//   a[i]     cost(start -> i)                      (first leg)
//   w[i][j]  cost(j -> i), transposed so that the inner loop over j reads contiguous memory
//   c[i]     cost(i -> end), or 0 for an open path that may end anywhere (last leg)
//
//   g({i}, i) = a[i]
//   g(S, i)   = min over j in S\{i} of g(S\{i}, j) + cost(j -> i)      (i in S)
//   best      = min over i of g(All, i) + c[i]
//
// Layers. g(S, .) only reads subsets of size |S| - 1, so the subsets are processed layer by layer,
// k = |S| = 1..m, each layer in colex order (Gosper's hack: the k-subsets in increasing numeric
// order; the colex rank of S = sum over its bits b_0 < b_1 < .. of C(b_t, t + 1), and it goes up by
// one from subset to subset). Only two value layers live at a time (k - 1 and k), in two buffers
// sized for the largest layer C(m, m/2): a dense row of `stride` int32 per subset (m rounded up to
// 4 in the SIMD build), INF for i not in S. The rank of S\{i} in layer k - 1 follows from the bits
// of S: C(b_t, t + 1) summed below the removed bit plus C(b_t, t) summed above it, O(k) for all i.
//
// Packed values. When every route costs less than 2^25 (PACKED_ROUTE_COST_LIMIT in
// packages/tsp/src/internal/integer-costs.ts), the rows hold g << 5 and begin() packs the matrix as
// wp[i][j] = (cost(j -> i) << 5) | j, so that
//   v = row(S\{i})[j] + wp[i][j] = ((g(S\{i}, j) + cost(j -> i)) << 5) | j
// and one min over j gives both the cost (v & ~31, stored in the row) and the parent j (v & 31,
// stored in the parent table; m <= 31), ties going to the smallest j. The SIMD build runs that min
// four lanes at a time (i32x4.add / min_s) over the whole padded row; the scalar build runs a
// branch-free min over the set bits of S\{i}. INF = 2^30 has its low five bits clear and
// INF + max(wp) < 2^31, so entries outside the subset never win and never overflow. Routes from
// 2^25 up to 2^30 take the wide path: plain int32 values and a scalar min that tracks its argmin
// (slower, same memory, same answers).
//
// Parents. The parent of (S, i) is one byte, at layerBase[k] + rank(S) * k + (rank of i in S), so
// the table holds m * 2^(m-1) bytes and no g value is kept beyond two layers; `finish` rebuilds the
// route backwards from the full set. Memory for m inner nodes: 2 * C(m, m/2) * stride * 4 +
// m * 2^(m-1) bytes (181 MB at m = 22, 3.2 GB at m = 26), against 2^m * stride * 4 for the full
// table: it matters beyond the arithmetic, because every fresh 4 KiB page costs a page fault.
//
// The work is split into chunks (`step(count)` advances through the next `count` subsets, crossing
// layers) because V8 runs one long wasm call in its baseline tier only; chunking also lets the
// caller report progress and cancel. One source gives two binaries (`--enable simd` or not).
//
// Memory is raw linear memory from __heap_base; no managed objects are ever allocated.

/** Stored for i not in S; its low five bits are 0 and INF + any packed weight stays below 2^31. */
const INF: i32 = 0x40000000;
const MAX_M: i32 = 31;
/** Columns of the binomial table C(b, t), b and t in 0..32. */
const BINOM_COLS: i32 = 33;

let m: i32 = 0;
let stride: i32 = 0; // entries per value row and per w row
let rowBytes: usize = 0;
let packed: bool = true;
let binomPtr: usize = 0;
let layerBasePtr: usize = 0;
let wPtr: usize = 0;
let aPtr: usize = 0;
let cPtr: usize = 0;
let tourPtr: usize = 0;
let bufPtr0: usize = 0;
let bufPtr1: usize = 0;
let parentPtr: usize = 0;

// where step() stands: the next subset to fill, its layer and colex rank, and the two layer buffers
let layer: i32 = 0;
let subset: u32 = 0;
let rank: u32 = 0;
let curBuf: usize = 0;
let prevBuf: usize = 0;
let left: i32 = 0;

function align16(x: u64): u64 {
  return (x + 15) & ~(<u64>15);
}

/** Entries per value row and per w row for m inner nodes in this build. */
export function rowStride(mm: i32): i32 {
  if (ASC_FEATURE_SIMD) return (mm + 3) & ~3;
  return mm;
}

/** C(b, t) computed directly, for sizes before the table exists. */
function binomial(b: i32, t: i32): u64 {
  if (t < 0 || t > b) return 0;
  let r: u64 = 1;
  for (let k: i32 = 1; k <= t; k++) r = (r * <u64>(b - t + k)) / <u64>k;
  return r;
}

/**
 * Lays out linear memory for m inner nodes and returns the end of the layout (one past its last
 * byte); with `commit` it also stores the pointers. From __heap_base: the binomial table, the layer
 * bases, w, a, c, the route, the two layer buffers (C(m, m/2) rows each) and the parent table
 * (m * 2^(m-1) bytes).
 */
function layout(mm: i32, commit: bool): u64 {
  const s = rowStride(mm);
  const rb: u64 = <u64>s * 4;
  const binom: u64 = align16(<u64>__heap_base);
  const bases: u64 = align16(binom + <u64>(BINOM_COLS * BINOM_COLS * 4));
  const w: u64 = align16(bases + <u64>((MAX_M + 2) * 4));
  const a: u64 = align16(w + <u64>mm * rb);
  const c: u64 = align16(a + rb);
  const t: u64 = align16(c + rb);
  const b0: u64 = align16(t + <u64>mm * 4);
  const layerBytes: u64 = binomial(mm, mm >> 1) * rb;
  const b1: u64 = b0 + layerBytes;
  const par: u64 = b1 + layerBytes;
  const end: u64 = par + <u64>mm * ((<u64>1) << (<u64>(mm - 1)));
  if (commit) {
    m = mm;
    stride = s;
    rowBytes = <usize>rb;
    binomPtr = <usize>binom;
    layerBasePtr = <usize>bases;
    wPtr = <usize>w;
    aPtr = <usize>a;
    cPtr = <usize>c;
    tourPtr = <usize>t;
    bufPtr0 = <usize>b0;
    bufPtr1 = <usize>b1;
    parentPtr = <usize>par;
  }
  return end;
}

/**
 * Bytes of linear memory a solve over m inner nodes needs in this build (the end of its layout:
 * static data, matrix, two layer buffers, parent table). Allocates nothing, so the caller can refuse
 * a size over 4 GiB before it calls prepare. Infinity when m is out of range.
 */
export function memoryBytes(mm: i32): f64 {
  if (mm < 1 || mm > MAX_M) return Infinity;
  return <f64>layout(mm, false);
}

/**
 * Lays out memory for m inner nodes and grows it as needed. `isPacked` 1 selects packed values
 * (every route costs less than 2^25), 0 the wide path (routes below 2^30).
 * Returns 1 on success, 0 when the memory cannot grow that far, -1 when m is out of range.
 */
export function prepare(mm: i32, isPacked: i32): i32 {
  if (mm < 1 || mm > MAX_M) return -1;
  const end = layout(mm, false);
  if (end > (<u64>65536) * 65536) return 0;
  const pagesNeeded: i32 = <i32>((end + 65535) >> 16);
  const have = memory.size();
  if (pagesNeeded > have) {
    if (memory.grow(pagesNeeded - have) < 0) return 0;
  }
  layout(mm, true);
  packed = isPacked != 0;
  // Pascal's triangle: C(b, t) for b, t in 0..32 (C(32, 16) < 2^32)
  for (let b: i32 = 0; b < BINOM_COLS; b++) {
    for (let k: i32 = 0; k < BINOM_COLS; k++) {
      let v: u32 = 0;
      if (k == 0) v = 1;
      else if (b > 0) v = binomAt(b - 1, k - 1) + binomAt(b - 1, k);
      store<u32>(binomPtr + <usize>((b * BINOM_COLS + k) << 2), v);
    }
  }
  // layerBase[k]: parent entries of the layers below k, C(m, k') * k' each
  let base: u32 = 0;
  for (let k: i32 = 0; k <= mm + 1; k++) {
    store<u32>(layerBasePtr + <usize>(k << 2), base);
    if (k <= mm) base += binomAt(mm, k) * <u32>k;
  }
  // padding of w rows (and of a/c) is zero: with INF in the padding of the value rows, a padded
  // lane never wins the SIMD min; value rows and parents are written in full by step()
  memory.fill(wPtr, 0, tourPtr - wPtr);
  return 1;
}

export function matrixPtr(): usize {
  return wPtr;
}
export function startPtr(): usize {
  return aPtr;
}
export function closePtr(): usize {
  return cPtr;
}
export function routePtr(): usize {
  return tourPtr;
}
export function strideOf(): i32 {
  return stride;
}

@inline
function binomAt(b: i32, t: i32): u32 {
  return load<u32>(binomPtr + <usize>((b * BINOM_COLS + t) << 2));
}

/** Colex rank of S among the subsets of its size: sum over its bits b_0 < b_1 < .. of C(b_t, t + 1). */
function colexRank(s: u32): u32 {
  let r: u32 = 0;
  let t: i32 = 1;
  while (s != 0) {
    r += binomAt(<i32>ctz<u32>(s), t);
    s &= s - 1;
    t++;
  }
  return r;
}

/**
 * Starts a solve after prepare() and after the caller wrote w (raw costs, cost(j -> i) at
 * w[i * stride + j]), a and c: packs w when packed, and puts step() at the first subset.
 */
export function begin(): void {
  if (packed) {
    for (let i: i32 = 0; i < m; i++) {
      const row = wPtr + (<usize>i) * rowBytes;
      for (let j: i32 = 0; j < m; j++) {
        const at = row + (<usize>j << 2);
        store<i32>(at, (load<i32>(at) << 5) | j);
      }
    }
  }
  layer = 1;
  subset = 1;
  rank = 0;
  curBuf = bufPtr0;
  prevBuf = bufPtr1;
  left = <i32>(((<u32>1) << (<u32>m)) - 1);
}

/** Min over j of prev[j] + w[j], packed: four lanes at a time over the padded row (SIMD build). */
@inline
function minPackedSimd(prevRow: usize, wRow: usize): i32 {
  let acc = i32x4.add(v128.load(prevRow), v128.load(wRow));
  for (let o: usize = 16; o < rowBytes; o += 16) {
    acc = i32x4.min_s(acc, i32x4.add(v128.load(prevRow + o), v128.load(wRow + o)));
  }
  const lo = i32x4.min_s(acc, i32x4.shuffle(acc, acc, 2, 3, 0, 1));
  const mn = i32x4.min_s(lo, i32x4.shuffle(lo, lo, 1, 0, 3, 2));
  return i32x4.extract_lane(mn, 0);
}

/** Min over the set bits j of `js` of prev[j] + w[j], packed: branch-free (scalar build). */
@inline
function minPackedScalar(prevRow: usize, wRow: usize, js: u32): i32 {
  let best: i32 = 0x7fffffff;
  while (js != 0) {
    const o = <usize>ctz<u32>(js) << 2;
    js &= js - 1;
    best = min<i32>(best, load<i32>(prevRow + o) + load<i32>(wRow + o));
  }
  return best;
}

/** Wide path: min over the set bits j of `js` of prev[j] + w[j]; returns (value, argmin) as i64. */
@inline
function minWide(prevRow: usize, wRow: usize, js: u32): i64 {
  let best: i32 = 0x7fffffff;
  let arg: i32 = 0;
  while (js != 0) {
    const j = <i32>ctz<u32>(js);
    js &= js - 1;
    const v = load<i32>(prevRow + (<usize>j << 2)) + load<i32>(wRow + (<usize>j << 2));
    if (v < best) {
      best = v;
      arg = j;
    }
  }
  return ((<i64>best) << 8) | <i64>arg;
}

/** Fills the row and the parents of one subset S of size k >= 2 at colex rank r. */
@inline
function fillSubset(s: u32, k: i32, r: u32): void {
  const row = curBuf + (<usize>r) * rowBytes;
  if (ASC_FEATURE_SIMD) {
    const inf = i32x4.splat(INF);
    for (let o: usize = 0; o < rowBytes; o += 16) v128.store(row + o, inf);
  }
  const par = parentPtr + <usize>load<u32>(layerBasePtr + <usize>(k << 2)) + (<usize>r) * <usize>k;
  // rank of S\{b_t} = (sum over t' < t of C(b_t', t' + 1)) + (sum over t' > t of C(b_t', t'))
  let above: u32 = 0;
  let rest = s & (s - 1);
  let t: i32 = 1;
  while (rest != 0) {
    above += binomAt(<i32>ctz<u32>(rest), t);
    rest &= rest - 1;
    t++;
  }
  let below: u32 = 0;
  rest = s;
  for (let pos: i32 = 0; pos < k; pos++) {
    const i = <i32>ctz<u32>(rest);
    rest &= rest - 1;
    const prevRow = prevBuf + (<usize>(below + above)) * rowBytes;
    const wRow = wPtr + (<usize>i) * rowBytes;
    let value: i32;
    let parent: i32;
    if (packed) {
      let v: i32;
      if (ASC_FEATURE_SIMD) v = minPackedSimd(prevRow, wRow);
      else v = minPackedScalar(prevRow, wRow, s ^ ((<u32>1) << <u32>i));
      value = v & ~31;
      parent = v & 31;
    } else {
      const vp = minWide(prevRow, wRow, s ^ ((<u32>1) << <u32>i));
      value = <i32>(vp >> 8);
      parent = <i32>(vp & 255);
    }
    store<i32>(row + (<usize>i << 2), value);
    store<u8>(par + <usize>pos, <u8>parent);
    below += binomAt(i, pos + 1);
    if (rest != 0) above -= binomAt(<i32>ctz<u32>(rest), pos + 1);
  }
}

/** Fills the row of S = {i} (layer 1, rank i): the first leg. */
@inline
function fillSingleton(i: i32): void {
  const row = curBuf + (<usize>i) * rowBytes;
  if (ASC_FEATURE_SIMD) {
    const inf = i32x4.splat(INF);
    for (let o: usize = 0; o < rowBytes; o += 16) v128.store(row + o, inf);
  }
  const a = load<i32>(aPtr + (<usize>i << 2));
  store<i32>(row + (<usize>i << 2), packed ? a << 5 : a);
}

/**
 * Fills the next `count` subsets (layer by layer, colex order within a layer) after begin().
 * Returns how many subsets are still to fill (0 when the DP is complete; 2^m - 1 in all).
 */
export function step(count: i32): i32 {
  const limit: u32 = (<u32>1) << (<u32>m);
  let todo = min<i32>(count, left);
  left -= todo;
  while (todo > 0) {
    const k = layer;
    let s = subset;
    let r = rank;
    let n = todo;
    if (k == 1) {
      while (n > 0 && s < limit) {
        fillSingleton(<i32>ctz<u32>(s));
        s <<= 1;
        r++;
        n--;
      }
    } else {
      while (n > 0 && s < limit) {
        fillSubset(s, k, r);
        // Gosper's hack: the next larger integer with the same number of set bits
        const low = s & (0 - s);
        const ripple = s + low;
        s = (((ripple ^ s) >> 2) >> ctz<u32>(low)) | ripple;
        r++;
        n--;
      }
    }
    todo = n;
    if (s >= limit && k < m) {
      layer = k + 1;
      subset = ((<u32>1) << (<u32>(k + 1))) - 1;
      rank = 0;
      const b = curBuf;
      curBuf = prevBuf;
      prevBuf = b;
    } else {
      subset = s;
      rank = r;
    }
  }
  return left;
}

/**
 * Closes the route after step() returned 0: returns the optimal cost and writes the inner nodes in
 * visiting order to routePtr(). Returns -1 if the parents are inconsistent (never expected).
 */
export function finish(): i32 {
  if (left != 0 || layer != m) return -1;
  const full: u32 = ((<u32>1) << (<u32>m)) - 1;
  let best: i32 = 0x7fffffff;
  let last: i32 = -1;
  const fullRow = curBuf; // the full set is the only subset of layer m, rank 0
  for (let i: i32 = 0; i < m; i++) {
    const g = load<i32>(fullRow + (<usize>i << 2));
    const v = (packed ? g >> 5 : g) + load<i32>(cPtr + (<usize>i << 2));
    if (v < best) {
      best = v;
      last = i;
    }
  }
  let s = full;
  let cur = last;
  for (let k: i32 = m; k >= 1; k--) {
    store<i32>(tourPtr + (<usize>(k - 1) << 2), cur);
    const bit = (<u32>1) << (<u32>cur);
    if ((s & bit) == 0) return -1;
    if (k == 1) break;
    const at = <usize>load<u32>(layerBasePtr + <usize>(k << 2)) + (<usize>colexRank(s)) * <usize>k + <usize>popcnt<u32>(s & (bit - 1));
    const j = <i32>load<u8>(parentPtr + at);
    s ^= bit;
    cur = j;
  }
  return best;
}
